"""Figs. 2, 4, 5 of Chaves–Kueng–Brask–Gross drawn from certified data.

Every exact curve is read from a bundled certificate that is re-checked first (the figure refuses
to draw from a certificate that does not pass). Fig. 4's curves between the certified points are
numeric LP values (HiGHS), drawn dashed and labelled as such.
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from . import finish

PAPER = "chaves-kueng-brask-gross"


def _certified(cid: str) -> dict:
    import json

    from ..legacy.checkers import check_file
    from ..cli import default_proofs_dir
    from ..generators import file_name

    path = default_proofs_dir() / PAPER / file_name(cid)
    res = check_file(path)
    if not res.passed:
        raise RuntimeError(f"certificate {cid} does not pass: {res.detail}")
    return json.loads(path.read_text())


def _pieces(cert):
    out = []
    for pc in cert["data"]["pieces"]:
        a, b = Fraction(pc["from"]), Fraction(pc["to"])
        c0, c1 = (Fraction(v) for v in pc["value"])
        out.append((a, b, c0, c1))
    return out


def fig2(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    black = _pieces(_certified("C002-08"))  # in the visibility v; I3322 = 2v - 1
    red = _pieces(_certified("C002-09"))  # in the Bell value I
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
    ax.annotate("5/7, 2/7", (5 / 7, 2 / 7), textcoords="offset points", xytext=(-40, 8), fontsize=8)
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


def fig4(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    _, bound = _mbl_all_v()
    curves = _certified("C002-29.curves")  # exact curves on the feasible range (re-checked)
    exact_t = {Fraction(c["t"]) for c in curves["data"]["curves"]}

    fig, ax = plt.subplots(figsize=(5, 3.6))
    for vs, color in (("3/4", "tab:blue"), ("4/5", "tab:green"), ("17/20", "tab:red")):
        v = Fraction(vs)
        lo, hi = v * v / 4, (2 - v * v) / 4
        grid = [lo + (hi - lo) * Fraction(k, 20) for k in range(21)]
        ax.plot([float(n) for n in grid], [_mbl_numeric(v, n) for n in grid], "--", color=color,
                label=f"v = {vs} (numeric LP, marginal fixed)")
        cert = _certified(f"C002-30.v={vs}")
        ax.plot([0.25], [float(Fraction(cert["data"]["optimum"]))], "o", color=color)
        t = float(v * v)
        ax.plot([float(n) for n in grid], [bound(float(n), t) for n in grid], "-", color=color,
                lw=2.5 if v * v in exact_t else 0.8, alpha=0.5)
        for lim in (lo, hi):
            ax.axvline(float(lim), color=color, lw=0.6, ls=":")
    for sense in ("min", "max"):
        cert = _certified(f"C002-28.v=4/5.{sense}")
        ax.axvline(float(Fraction(cert["data"]["claimed"])), color="tab:green", lw=1.2)
    ax.set_xlabel("ν")
    ax.set_ylabel("M_BL(ν)")
    ax.set_title("Fig. 4: wide solid = exact M_BL(nu) = 2v²−1+16(ν−1/4)² on the certified ν range "
                 "(C002-29.curves);\ndashed: numeric LP; dots: single LPs at ν = 1/4; green lines: C002-28", fontsize=7)
    return finish(fig, ax, outdir, "ckbg_fig4.png", 7)


def _mbl_all_v():
    """C002-30.all-v: the certified min over ν as pieces in t = v², and the dual lower-bound curve in (ν, t)."""
    cert = _certified("C002-30.all-v")
    pieces = _pieces(cert)
    dual = next(pc["dual"] for pc in cert["data"]["pieces"] if "dual" in pc)

    def poly(c, x):
        return sum(float(Fraction(a)) * x ** k for k, a in enumerate(c))

    def bound(nu, t):
        return (poly(dual["objective"]["const"], nu) + t * poly(dual["objective"]["t"], nu)) / poly(dual["denominator"], nu)

    return pieces, bound


def fig5(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    pieces, _ = _mbl_all_v()
    fig, ax = plt.subplots(figsize=(5, 3.6))
    vs = [k / 200 for k in range(201)]

    def g(t):
        return next(float(c0 + c1 * Fraction(t)) for a, b, c0, c1 in pieces if a <= Fraction(t) <= b)

    ax.plot(vs, [g(Fraction(v).limit_denominator(10**6) ** 2) for v in vs], "b-", lw=2,
            label="min_ν M_BL = max(2v² − 1, 0) (certified for all v)")
    ax.plot(vs, [2 ** 0.5 * v for v in vs], "r-", label="B = √2 v")
    for a, b, c0, c1 in pieces:
        for t in (a, b):
            ax.plot([float(t) ** 0.5], [float(c0 + c1 * t)], "bo", ms=4)
    for key in ("3/4", "4/5", "17/20", "1"):
        cert = _certified(f"C002-30.v={key}")
        ax.plot([float(Fraction(key))], [float(Fraction(cert["data"]["optimum"]))], "kx")
    ax.axhline(1, color="grey", lw=0.5, ls=":")
    ax.set_xlabel("v")
    ax.set_title("Fig. 5 (C002-30.all-v: exact for every v; x: single LPs)")
    return finish(fig, ax, outdir, "ckbg_fig5.png", 7)


PLOTS = {"ckbg-fig2": fig2, "ckbg-fig4": fig4, "ckbg-fig5": fig5}
