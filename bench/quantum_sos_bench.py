"""Benchmark: producing and checking exact SOS certificates; NPA sizes that fit in a minute.

    /tmp/tv/bin/python bench/quantum_sos_bench.py [--budget SECONDS]

Prints absolute times and ratios against the baseline measured in the same run (the CHSH
level-1+AB NPA solve). Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from exactbell.certificates.format import dump_certificate
from exactbell.kernel.check import check_file
from exactbell.kernel.functional import functional_from_spec
from exactbell.generators import discover
from exactbell.generators.chsh import CHSH_SCENARIO, CHSH_TERMS, CORRELATOR
from exactbell.kernel.ncpoly import NCPoly, bell_operator
from exactbell.sdp import npa


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def produce_and_check(gen_id: str):
    gens = discover()
    cert, t_make = timed(gens[gen_id].make)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "c.json"
        p.write_text(dump_certificate(cert))
        r, t_check = timed(lambda: check_file(p))
        size = p.stat().st_size
    return t_make, t_check, r.verdict, size


def random_functional(inputs, seed=1):
    import random

    rnd = random.Random(seed)
    B = NCPoly(2)
    for x in range(inputs[0]):
        for y in range(inputs[1]):
            B = B + NCPoly.observable(2, 0, x) * NCPoly.observable(2, 1, y) * Fraction(rnd.randint(-5, 5), 5)
    return B


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=float, default=60.0, help="seconds allowed per NPA solve")
    args = ap.parse_args()
    B = bell_operator(functional_from_spec(CHSH_SCENARIO, {"terms": CHSH_TERMS}, CORRELATOR, Fraction))
    base = min(npa.npa_upper_bound(B, (2, 2), "1+AB").seconds for _ in range(3))
    print(f"baseline: CHSH NPA level 1+AB solve {base * 1000:.1f} ms")
    print("\nexact SOS certificates (produce = NPA + exact rounding; check = trusted checker):")
    for gid, what in [("C004-01.quantum-npa", "CHSH, Gram over Q(sqrt2), level 1+AB"),
                      ("C004-07.npa.theta=1/3,phi=5/12,omega=5/6", "WBC member (pi/3,5pi/12,5pi/6), degree-4 field"),
                      ("C004-06.quantum.theta=1/3,phi=5/12,omega=5/6.max", "same member, closed-form 2-square SOS"),
                      ("C000-10.p=18/29", "Sengupta-Wooltorton T_p at p=18/29, SOS (F6)")]:
        tm, tc, verdict, size = produce_and_check(gid)
        print(f"  {what:55s} produce {tm:7.3f}s ({tm / base:7.1f}x)  check {tc:6.3f}s ({tc / base:6.1f}x)  "
              f"{verdict}  {size / 1024:.1f} KiB")
    print(f"\nNPA (random correlator functional, binary outcomes): solve time per level, budget {args.budget:.0f}s")
    for m in (2, 3, 4, 5, 6):
        row = []
        for level in ("1+AB", "2", "3"):
            n = len(npa.monomial_basis((m, m), level))
            if n > 160:
                row.append(f"L{level}: n={n} skipped")
                continue
            res, t = timed(lambda: npa.npa_upper_bound(random_functional((m, m)), (m, m), level))
            row.append(f"L{level}: n={n} {t:.2f}s ({t / base:.0f}x)")
            if t > args.budget:
                break
        print(f"  {m}{m}22: " + "; ".join(row))


if __name__ == "__main__":
    main()
