"""Fig. 2(a) of Liu–Chiribella: the ICO bound of the biased LGYNI against α, from certified data.

Every plotted number comes from a bundled certificate that is re-checked here: the brackets
[lower, upper] of ``C001-26.a=*`` (exact process / exact dual), and the exact no-violation segment
[0, α₀] of ``C001-23`` (ICO value = causal bound 1 − α there). Nothing is solved numerically.
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from . import finish


def _certified():
    from ..legacy.checkers import check_file
    from ..certificates.format import load_certificate

    root = Path(__file__).resolve().parents[2] / "proofs" / "liu-chiribella"
    points, segment = [], None
    for path in sorted(root.glob("C001-2[136]*.json")):
        r = check_file(path)
        if not r.passed or r.verdict != "verified" or not r.bracket:
            continue
        cert = load_certificate(path)
        ineq = cert.data.get("inequality", {})
        if ineq.get("name") != "biased-lgyni":
            continue
        a = Fraction(ineq["a"])
        if cert.data.get("claim", {}).get("type") == "no-violation-interval":
            if segment is None or a > segment:
                segment = a
        else:
            points.append((a, Fraction(r.bracket[0]), Fraction(r.bracket[1])))
    return sorted(points), segment


def draw(outdir: Path) -> Path:
    import matplotlib.pyplot as plt

    points, seg = _certified()
    fig, ax = plt.subplots(figsize=(6, 4))
    xs = [i / 200 for i in range(201)]
    ax.plot(xs, [max(1 - x, (1 + x) / 2) for x in xs], "k--", lw=1, label="causal bound max(1−α, (1+α)/2)")
    if points:
        a = [float(p[0]) for p in points]
        mid = [float((p[1] + p[2]) / 2) for p in points]
        err = [float((p[2] - p[1]) / 2) for p in points]
        ax.errorbar(a, mid, yerr=err, fmt="o", ms=3, color="C0", label="certified ICO bracket [exact process, exact dual]")
    if seg is not None:
        s = float(seg)
        ax.plot([0, s], [1, 1 - s], color="C2", lw=3, alpha=0.6,
                label=f"ICO = causal (exact dual + convexity), α ≤ {s:g}")
    ax.set_xlabel("α")
    ax.set_ylabel("I_LGYNI,α")
    ax.set_title("Biased LGYNI: certified ICO bound (Liu–Chiribella Fig. 2(a))")
    return finish(fig, ax, outdir, "liu_chiribella_fig2a.png", 7)


PLOTS = {"liu-chiribella-fig2a": draw}
