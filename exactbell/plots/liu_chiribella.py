"""Fig. 2(a) of Liu–Chiribella: the ICO bound of the biased LGYNI against α, from certified data.

Every plotted number is decided by the kernel here (``check_file``, kind ``psd-dual``): the brackets
[max(exact process, causal bound), exact dual] at a = α of ``C001-26.a=*`` and ``C001-23.violation``,
and the chord bound on the widest decided segment a ∈ [0, α₀] (``C001-21``, ``C001-23``: the ICO value is
at most the causal bound 1 − α there). Nothing is solved numerically.
"""
from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

from . import decided, finish, poly

# the decided functional must be the biased LGYNI (eq. (49)), in the kernel's text
LGYNI = ("<[0, 0, 0, 0, (-1/2)*a + 1/2, 0, (-1/2)*a + 1/2, 0, (-1/2)*a + 1/2, (-1/2)*a + 1/2, 0, 0, 0, 0, 0, a] "
         "(probability, inputs-major), P> on (2,2;2,2) ")


def _certified():
    """(points [(a, lower, upper)], segment (lo, hi, chord value at lo, at hi) or None), all exact."""
    root = Path(__file__).resolve().parents[2] / "proofs" / "liu-chiribella"
    points, segment = [], None
    for path in sorted(root.glob("C001-2[136]*.json")):
        try:
            r, ctx = decided(path)
        except RuntimeError:
            continue
        if r.verdict != "verified" or r.kind != "psd-dual" or LGYNI not in r.statement:
            continue
        rest = r.statement.split(LGYNI, 1)[1]
        if "a" in ctx.domains:  # "<= chord (convexity ...)" for all a in the domain
            dom, chord = ctx.domains["a"], poly(rest.split("<= ", 1)[1].split(" (convexity", 1)[0], "a")
            if segment is None or dom.hi - dom.lo > segment[1] - segment[0]:
                segment = (dom.lo, dom.hi, *(chord.evaluate({"a": t}) for t in (dom.lo, dom.hi)))
            continue
        m = re.match(r"(?:= (\S+)|in \[(\S+), (\S+)\]); causal bound (-?[\d/]+)", rest)
        if m is None or "a" not in ctx.fixed:
            continue
        lo, hi = r.bracket or ((m[1], m[1]) if m[1] else (m[2], m[3]))
        # causal processes are ICO processes: the causal bound is a lower bound too
        points.append((ctx.fixed["a"], max(Fraction(lo), Fraction(m[4])), Fraction(hi)))
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
        ax.plot([float(seg[0]), float(seg[1])], [float(seg[2]), float(seg[3])], color="C2", lw=3, alpha=0.6,
                label=f"ICO = causal (exact dual + convexity), α ≤ {float(seg[1]):g}")
    ax.set_xlabel("α")
    ax.set_ylabel("I_LGYNI,α")
    ax.set_title("Biased LGYNI: certified ICO bound (Liu–Chiribella Fig. 2(a))")
    return finish(fig, ax, outdir, "liu_chiribella_fig2a.png", 7)


PLOTS = {"liu-chiribella-fig2a": draw}
