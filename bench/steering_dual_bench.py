"""Benchmark: exact check of the post-quantum steering dual certificate (C003-12c, 20x20 Hermitian over Q(i)).

Baselines measured in the same run:
* the generic LDLᵀ over Gaussian numbers with Fraction parts (``psd_decide`` directly) versus the fmpq path
  used by ``herm_psd``;
* rounding with per-entry denominators (limit_denominator 10^9) versus one common denominator 2^28 (what the
  generator does): a common denominator keeps the minors, and so the LDLᵀ, small.
Run: /tmp/tv/bin/python bench/steering_dual_bench.py
"""
import json
import time
from pathlib import Path

from exactbell.kernel.check import check_file
from exactbell.kernel.gaussian import Gaussian, conj, herm_psd
from exactbell.steering.matrices import parse_gaussian
from exactbell.kernel.linalg import psd_decide

CERT = Path(__file__).resolve().parents[1] / "proofs" / "sainz-hoban-skrzypczyk-aolita" / "C003-12c.json"


def timed(fn, *a):
    t = time.perf_counter()
    out = fn(*a)
    return out, time.perf_counter() - t


def generic(Z):
    return psd_decide(Z, conj=conj, sign=lambda z: (z.re > 0) - (z.re < 0), one=Gaussian(1, 0))


def main():
    data = json.loads(CERT.read_text())["data"]
    Zs = [[[parse_gaussian(v) for v in row] for row in Z] for Z in data["Z"]]
    n = len(Zs[0])
    fast = sum(timed(herm_psd, Z)[1] for Z in Zs)
    slow = sum(timed(generic, Z)[1] for Z in Zs)
    print(f"Z blocks: {len(Zs)} x {n}x{n}; exact PSD fmpq path {fast:.3f}s, generic Fraction path {slow:.3f}s, "
          f"ratio {slow / fast:.1f}x")
    # per-entry denominators (limit_denominator per entry) against the bundled common-denominator rounding
    try:
        from exactbell.steering.relaxation import solve_dual
        from exactbell.steering.assemblage import eq6_intended

        sol = solve_dual(eq6_intended(0), 2)
        from exactbell.numeric import rationalize

        Zmixed = []
        for Zf in sol["Z"][:1]:
            Z = [[None] * n for _ in range(n)]
            for i in range(n):
                Z[i][i] = Gaussian(rationalize(Zf[i][i].real, 10**9), 0)
                for j in range(i + 1, n):
                    Z[i][j] = Gaussian(rationalize(Zf[i][j].real, 10**9), rationalize(Zf[i][j].imag, 10**9))
                    Z[j][i] = Z[i][j].conj()
            Zmixed.append(Z)
        _, t_mixed = timed(herm_psd, Zmixed[0])
        _, t_common = timed(herm_psd, Zs[0])
        print(f"one block: per-entry denominators {t_mixed:.3f}s vs common denominator {t_common:.3f}s, "
              f"ratio {t_mixed / t_common:.1f}x")
    except ImportError:
        print("cvxpy not available: rounding comparison skipped")
    r, t = timed(check_file, CERT)
    print(f"full certificate check: {r.verdict} in {t:.3f}s, {CERT.stat().st_size} bytes, bracket {r.bracket}")


if __name__ == "__main__":
    main()
