"""The data of Sengupta–Wooltorton Figs. 2–4 (BFF rates, :mod:`.bff`), written as JSON for the plots.

Fig. 2: r_{S,p}(f, ω_f(μ)) against the depolarizing noise μ for f = CHSH, T_p and T_{q_opt} at several p;
Fig. 3: the same at μ = 0 against p; Fig. 4 (App. G): the maximizing q_opt. T_{q_opt} maximizes over
q ∈ (2/5, 1) (L428): a coarse grid, then golden-section steps around the best grid point.

    python -m exactbell.randomness.curves --out exactbell/randomness/data/sw_curves.json [--quick]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from . import behaviour, bff

Q_RANGE = (0.41, 0.995)
MARGIN = 1e-5  # ω is lowered by this (relative): a lower ω only lowers the certified rate


class Curves:
    def __init__(self, m: int = 4, level: str = "small", grid: int = 7, golden: int = 4):
        self.problem, self.m, self.level = bff.BFFProblem(level=level), m, level
        self.grid, self.golden = grid, golden
        self.solves = 0

    def rate(self, q: float | None, p: float, mu: float) -> float:
        """r_{S,p}(T_q, ω_{T_q}(μ)) (q = None: CHSH)."""
        F = behaviour.chsh() if q is None else behaviour.t_q(q)
        omega = behaviour.observed_value(0.5 if q is None else q, mu)
        self.solves += 1
        r = self.problem.rate(F, omega * (1 - MARGIN), p, self.m).rate
        return -1.0 if math.isnan(r) else r  # a failed solve certifies nothing

    def best_q(self, p: float, mu: float) -> tuple[float, float, dict]:
        """(q_opt, rate, {q: rate}): a grid over Q_RANGE with q = 1/2 (CHSH on the constrained set: the NS
        constraints cancel T_{1/2}'s marginal terms) and q = p (T_p), then golden-section steps between
        the best candidate's neighbours (when it certifies anything)."""
        lo, hi = Q_RANGE
        qs = sorted({lo + (hi - lo) * i / (self.grid - 1) for i in range(self.grid)} | {0.5, p})
        vals = {q: self.rate(q, p, mu) for q in qs}
        i = max(range(len(qs)), key=lambda k: vals[qs[k]])
        if vals[qs[i]] <= 0:
            return qs[i], vals[qs[i]], vals
        a, b = qs[max(i - 1, 0)], qs[min(i + 1, len(qs) - 1)]
        g = (math.sqrt(5) - 1) / 2
        c, d = b - g * (b - a), a + g * (b - a)
        fc, fd = self.rate(c, p, mu), self.rate(d, p, mu)
        vals.update({c: fc, d: fd})
        for _ in range(self.golden - 2):
            if fc >= fd:
                b, d, fd = d, c, fc
                c = b - g * (b - a)
                fc = vals[c] = self.rate(c, p, mu)
            else:
                a, c, fc = c, d, fd
                d = a + g * (b - a)
                fd = vals[d] = self.rate(d, p, mu)
        q = max(vals, key=vals.get)
        return q, vals[q], vals

    def point(self, p: float, mu: float) -> dict:
        q_opt, r_opt, vals = self.best_q(p, mu)
        return {"chsh": self.rate(None, p, mu), "t_p": vals[p], "t_qopt": r_opt, "q_opt": q_opt}


def compute(fig2_p=(0.5, 0.55, 0.7, 0.9), mus=None, fig3_p=None, **kw) -> dict:
    mus = mus or [0.0, 0.01, 0.02, 0.03, 0.045, 0.06, 0.08, 0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3]
    fig3_p = fig3_p or [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98]
    c = Curves(**kw)
    t0 = time.perf_counter()
    out = {"method": {"m": c.m, "level": c.level, "moment_matrix": c.problem.mm.size, "q_grid": c.grid,
                      "golden_steps": c.golden, "omega_margin": MARGIN},
           "fig2": {}, "fig3": {"p": fig3_p}}
    zero = {"chsh": 0.0, "t_p": 0.0, "t_qopt": 0.0, "q_opt": None}
    for p in fig2_p:
        pts = []
        for mu in mus:  # every rate is nonincreasing in μ (ω_f(μ) decreases): after all are 0, they stay 0
            dead = pts and max(pts[-1]["chsh"], pts[-1]["t_p"], pts[-1]["t_qopt"]) <= 0
            pts.append(dict(zero) if dead else c.point(p, mu))
        out["fig2"][str(p)] = {"mu": mus, **{k: [pt[k] for pt in pts] for k in pts[0]}}
        print(f"fig2 p={p}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    pts = [c.point(p, 0.0) for p in fig3_p]
    out["fig3"].update({k: [pt[k] for pt in pts] for k in pts[0]})
    out["seconds"], out["rates"] = round(time.perf_counter() - t0, 1), c.solves
    return out


def main(argv=None) -> int:
    from ..certificates.format import write_atomic

    ap = argparse.ArgumentParser(prog="python -m exactbell.randomness.curves")
    ap.add_argument("--out", required=True)
    ap.add_argument("--quick", action="store_true", help="two noise values, three p (a smoke run)")
    ap.add_argument("-m", type=int, default=4, help="Gauss-Radau nodes")
    a = ap.parse_args(argv)
    kw = {"fig2_p": (0.5, 0.7), "mus": [0.0, 0.04], "fig3_p": [0.5, 0.7, 0.9]} if a.quick else {}
    data = compute(m=a.m, **kw)
    write_atomic(Path(a.out), json.dumps(data, indent=1) + "\n")
    print(f"{a.out}: {data['rates']} rates in {data['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
