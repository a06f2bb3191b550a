"""Figs. 2, 4, 5 of Chaves–Kueng–Brask–Gross drawn from certified data.

Every exact curve is read from what the kernel decided (kind ``lp``) for a bundled certificate that
passes ``check_file`` (the figure refuses to draw otherwise): piecewise values, single optima, the
ν-family dual bound and the exact ν-curves of Fig. 4. Fig. 4's curves between the certified points
are numeric LP values (HiGHS), drawn dashed and labelled as such.
"""
from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

from . import decided, finish, pieces, poly, value_at

PAPER = "chaves-kueng-brask-gross"


def _certified(cid: str):
    """(Result, kernel Context) of a bundled certificate that passes."""
    from ..cli import default_proofs_dir
    from ..generators import file_name

    return decided(default_proofs_dir() / PAPER / file_name(cid))


def _pieces(cid: str) -> list:
    """The decided pieces [(a, b, c0, c1)] (value c0 + c1 θ on [a, b]) in the only parameter θ."""
    r, ctx = _certified(cid)
    (name,) = ctx.domains
    return pieces(r.statement, name)


def _optimum(cid: str) -> tuple:
    """(the parameter's value, the decided optimum) of a single-optimum certificate."""
    r, ctx = _certified(cid)
    ((name, t),) = ctx.fixed.items()
    return t, value_at(r.statement, name)


def fig2(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    black = _pieces("C002-08")  # in the visibility v; I3322 = 2v - 1
    red = _pieces("C002-09")  # in the Bell value I
    fig, ax = plt.subplots(figsize=(5, 3.6))
    xs, ys = [], []
    for a, b, c0, c1 in black:
        for v in (a, b):
            xs.append(float(2 * v - 1))
            ys.append(float(c0 + c1 * v))
    ax.plot(xs, ys, "k-", lw=2, label="full distribution (C002-08)")
    xs, ys = [], []
    for a, b, c0, c1 in red:
        for t in (a, b):
            xs.append(float(t))
            ys.append(float(c0 + c1 * t))
    ax.plot(xs, ys, "r-", lw=2, label="I3322 value + NS only (C002-09)")
    for a, b, c0, c1 in red[1:]:
        ax.plot([float(a)], [float(c0 + c1 * a)], "ro", ms=4)
    a, _, c0, c1 = red[-1]
    ax.annotate(f"{a}, {c0 + c1 * a}", (float(a), float(c0 + c1 * a)), textcoords="offset points",
                xytext=(-40, 8), fontsize=8)
    ax.set_xlabel("I3322")
    ax.set_ylabel("min C_{X→B}")
    ax.set_title("Fig. 2 (exact breakpoints, certified)")
    return finish(fig, ax, outdir, "ckbg_fig2.png", 8)


def _mbl_numeric(v: Fraction, nu: Fraction) -> float:
    from ..generators.ckbg import _bilocal_problem, nu_profile
    from ..lp.solve import solve
    from ..relaxations.lps import build

    lp, _ = build(_bilocal_problem(v * v, {"measure": "non-bilocality", "nu_profile":
                                           [str(x) for x in nu_profile(nu)], "fix_marginal": True}))
    status, val, _, _ = solve(lp)
    return val if status == "optimal" else float("nan")


def _ratio(num: str, den: str | None, *names):
    """The decided rational function num / den as a callable f(*values of names)."""
    n, d = poly(num, *names), poly(den or "1", *names)
    return lambda *xs: n.evaluate(dict(zip(names, xs))) / d.evaluate(dict(zip(names, xs)))


def _curves() -> dict:
    """C002-29.curves: {t = v²: ((a, b), exact M_BL as a function of ν)}, ν infeasible outside [a, b]."""
    r, ctx = _certified("C002-29.curves")
    (name,) = ctx.domains
    pat = (rf"at {name} = ([^:]+): infeasible for nu outside \[([^,]+), ([^\]]+)\] and = (.+?)"
           r"(?: / \((.+?)\))? on it")
    return {Fraction(t): ((Fraction(a), Fraction(b)), _ratio(f, d, "nu"))
            for t, a, b, f, d in re.findall(pat, r.statement)}


def fig4(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    _, bound = _mbl_all_v()
    curves = _curves()  # exact curves on the feasible range (decided)

    fig, ax = plt.subplots(figsize=(5, 3.6))
    for vs, color in (("3/4", "tab:blue"), ("4/5", "tab:green"), ("17/20", "tab:red")):
        v = Fraction(vs)
        t = v * v
        (lo, hi), exact = curves.get(t, ((t / 4, (2 - t) / 4), None))
        grid = [lo + (hi - lo) * Fraction(k, 20) for k in range(21)]
        ax.plot([float(n) for n in grid], [_mbl_numeric(v, n) for n in grid], "--", color=color,
                label=f"v = {vs} (numeric LP, marginal fixed)")
        at, opt = _optimum(f"C002-30.v={vs}")  # at v2 = v², ν = 1/4
        assert at == t
        ax.plot([0.25], [float(opt)], "o", color=color)
        ax.plot([float(n) for n in grid], [float(exact(n) if exact else bound(n, t)) for n in grid], "-", color=color,
                lw=2.5 if exact else 0.8, alpha=0.5)
        for lim in (lo, hi):
            ax.axvline(float(lim), color=color, lw=0.6, ls=":")
    for sense in ("min", "max"):
        ax.axvline(float(_optimum(f"C002-28.v=4/5.{sense}")[1]), color="tab:green", lw=1.2)
    ax.set_xlabel("ν")
    ax.set_ylabel("M_BL(ν)")
    ax.set_title("Fig. 4: wide solid = exact M_BL(nu) = 2v²−1+16(ν−1/4)² on the certified ν range "
                 "(C002-29.curves);\ndashed: numeric LP; dots: single LPs at ν = 1/4; green lines: C002-28", fontsize=7)
    return finish(fig, ax, outdir, "ckbg_fig4.png", 7)


def _mbl_all_v():
    """C002-30.all-v: the decided min over ν as pieces in t = v², and the dual lower bound in (ν, t)."""
    r, ctx = _certified("C002-30.all-v")
    (name,) = ctx.domains
    m = re.search(r"the LP is >= (.+?)(?: / \((.+?)\))?(?=; | \(paper|$)", r.statement)
    return pieces(r.statement, name), _ratio(m[1], m[2], "nu", name)


def fig5(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    pieces_t, _ = _mbl_all_v()
    fig, ax = plt.subplots(figsize=(5, 3.6))
    vs = [k / 200 for k in range(201)]

    def g(t):
        return next(float(c0 + c1 * t) for a, b, c0, c1 in pieces_t if a <= t <= b)

    ax.plot(vs, [g(Fraction(v).limit_denominator(10**6) ** 2) for v in vs], "b-", lw=2,
            label="min_ν M_BL = max(2v² − 1, 0) (certified for all v)")
    ax.plot(vs, [2 ** 0.5 * v for v in vs], "r-", label="B = √2 v")
    for a, b, c0, c1 in pieces_t:
        for t in (a, b):
            ax.plot([float(t) ** 0.5], [float(c0 + c1 * t)], "bo", ms=4)
    for key in ("3/4", "4/5", "17/20", "1"):
        t, opt = _optimum(f"C002-30.v={key}")  # at v2 = v²
        ax.plot([float(t) ** 0.5], [float(opt)], "kx")
    ax.axhline(1, color="grey", lw=0.5, ls=":")
    ax.set_xlabel("v")
    ax.set_title("Fig. 5 (C002-30.all-v: exact for every v; x: single LPs)")
    return finish(fig, ax, outdir, "ckbg_fig5.png", 7)


PLOTS = {"ckbg-fig2": fig2, "ckbg-fig4": fig4, "ckbg-fig5": fig5}
