"""Bench: two-parameter prover with algebraic leaves (interior tangencies) and combination proofs.

Prints prove/verify times for each statement and the ratio to a baseline measured in the same
run (a strictly positive quadratic closed by interval/Bernstein leaves only).
Run: /tmp/tv/bin/python bench/prover_algebraic.py
"""
import time

from exactbell.prover import Statement, prove, verify

UNIT = {"p": "[0, 1]", "r": "[0, 1]"}
BASE = ("(p - r)^2 + 1/10", ">=", "0", UNIT)
CASES = [
    ("(p - r)^2", ">=", "0", UNIT),
    ("(2*p^2 - 1)^2 + (r - 1/2)^2", ">=", "0", UNIT),
    ("(2*p^2 - 1)^2 + (3*r^2 - 1)^2", ">=", "0", UNIT),
    ("(p^2 - 2*r)^2 + (3*p - 1)^2*r", ">=", "0", UNIT),
    ("(2*p^2 - 1)^2 + (r - 1/2)^2", ">=", "1/1000000", UNIT),
    ("min((1-4*l)/l*w, (1-4*l)/(1-3*l)*(1-w))", "<=", "(1-4*l)/(1-2*l)", {"w": "[0, 1]", "l": "(0, 1/4]"}),
]


def timed(case, reps=5):
    st = Statement.make(*case)
    t0 = time.perf_counter()
    for _ in range(reps):
        proof = prove(st)
    t1 = time.perf_counter()
    for _ in range(reps):
        verdict, _ = verify(st, proof)
    t2 = time.perf_counter()
    return (t1 - t0) / reps, (t2 - t1) / reps, proof, verdict


def main():
    bp, bv, _, _ = timed(BASE)
    print(f"baseline {BASE[0]}: prove {bp * 1e3:.2f} ms, verify {bv * 1e3:.2f} ms")
    for case in CASES:
        p, v, proof, verdict = timed(case)
        shape = proof.get("tree", proof["method"])
        print(f"{case[0]} {case[1]} {case[2]}: {verdict:8s} {shape[:30]:30s} prove x{p / bp:.1f}, verify x{v / bv:.1f}")


if __name__ == "__main__":
    main()
