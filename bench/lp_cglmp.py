"""Bench: CGLMP measurement-dependence LP (eq. 11) — build, HiGHS solve, exact reconstruction,
exact check — for d = 2 … D at I_d = 3. Prints times and ratios against d = 2 (same run).

usage: python bench/lp_cglmp.py [D]   (default D = 8; d = 8 takes about a minute)
"""
from __future__ import annotations

import sys
import time
from fractions import Fraction

from exactbell.lp import exact
from exactbell.lp.solve import certify
from exactbell.relaxations.lps import build


def run(d: int, t=Fraction(3)):
    problem = {"type": "measurement-dependence", "model": {"local": [[2, d], [2, d]]},
               "constraints": {"kind": "functional", "functional": {"name": "cglmp", "d": d}, "value": "0",
                               "value_t": "1", "ns": True},
               "objective": {"measure": "measurement-dependence"}}
    t0 = time.perf_counter()
    lp, _ = build(problem)
    t1 = time.perf_counter()
    res = certify(lp, t)
    t2 = time.perf_counter()
    assert exact.primal_violation(lp, res["primal"], t) is None
    assert exact.dual_violation(lp, res["dual"]) is None
    assert exact.dual_value(lp, res["dual"], t) == res["value"] == (t - 2) / 4
    t3 = time.perf_counter()
    return {"d": d, "cols": lp.ncols, "rows": lp.nrows, "build": t1 - t0, "solve": res["solve_seconds"],
            "reconstruct": res["reconstruct_seconds"], "total_certify": t2 - t1, "exact_check": t3 - t2}


def main():
    D = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    base = None
    print(f"{'d':>2} {'cols':>6} {'rows':>6} {'build':>7} {'solve':>7} {'recon':>7} {'check':>7}  ratio(solve+recon vs d=2)")
    for d in range(2, D + 1):
        r = run(d)
        tot = r["solve"] + r["reconstruct"]
        base = base or tot
        print(f"{d:>2} {r['cols']:>6} {r['rows']:>6} {r['build']:7.2f} {r['solve']:7.2f} {r['reconstruct']:7.2f} "
              f"{r['exact_check']:7.2f}  x{tot / base:8.1f}")


if __name__ == "__main__":
    main()
