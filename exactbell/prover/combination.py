"""Method ``combination``: max/min statements proved by a convex combination of their branches.

For  lhs - rhs = max_i h_i  (lhs = max(f_1..f_k): h_i = f_i - rhs;  rhs = min(f_1..f_k):
h_i = lhs - f_i), any weights λ_i ≥ 0 with Σ λ_i = 1 give  max_i h_i ≥ Σ λ_i h_i  pointwise, so

    λ_i ≥ 0 on the domain,   Σ λ_i == 1 (exact simplification),   Σ λ_i h_i ≥ 0 (> 0) on the domain

prove the statement without splitting the domain along the curve where the branches cross
(the max–min of Lemma 4 of Sengupta–Wooltorton is tight along such a curve, where no box
subdivision can close). The weights are rational functions of the parameters; each of the
k + 1 side conditions is itself an inequality proof (cells / boxes / identity).

The prover finds weights for two branches by eliminating one parameter v in which both
branches are affine: λ_1 c_1 + λ_2 c_2 = 0 for the v-slopes c_i, so Σ λ_i h_i does not depend
on v (the "crossing point" argument, made a certificate).
Float-free. The side statements and their check are the kernel's
(:func:`exactbell.kernel.prove_check.combination_sides`).
"""
from __future__ import annotations

from .expression import Collector, ProverError, Ring


def branches(st):
    """[h_i nodes] if the oriented statement is max_i h_i >= 0 (>), else None."""
    L, R = st.node[1], st.node[2]
    return [("-", L, ch) for ch in R[1:]] if R[0] == "min" else [("-", ch, R) for ch in L[1:]] if L[0] == "max" \
        else None


def find_weights(st) -> list | None:
    """Weight texts for two affine branches (see the module doc), or None."""
    hs = branches(st)
    if hs is None or len(hs) != 2:
        return None
    ring = Ring(st.names)
    try:
        vals = [Collector(ring).values(h) for h in hs]
    except ProverError:
        return None
    if any(len(v) != 1 or v[0].B is not None for v in vals):
        return None
    h1, h2 = vals[0][0].A, vals[1][0].A
    from .expression import RF

    out = []
    for j, name in enumerate(st.names):
        slopes = []
        for h in (h1, h2):
            if h.den.degrees()[j] != 0 or h.num.degrees()[j] > 1:
                break
            slopes.append(RF(h.num.subs({name: 1}) - h.num.subs({name: 0}), h.den))
        else:
            c1, c2 = slopes
            d = c2 - c1
            if d.is_zero() or c1.is_zero() and c2.is_zero():
                continue
            out.append([(c2 / d).text(), (-c1 / d).text()])
    return out or None


def crossing_point(st, weights, point):
    """A rational point where the statement fails, from a point where the weighted sum is < 0.

    The weights of :func:`find_weights` make the sum independent of one parameter v; moving v
    to where the two affine branches cross (h_1 = h_2 = the weighted sum) gives a candidate
    counterexample. Returns the point (tuple) or None."""
    from fractions import Fraction

    from .expression import eval_point

    hs = branches(st)
    if hs is None or len(hs) != 2:
        return None
    for j in range(len(st.names)):
        pts = []
        for v in (Fraction(0), Fraction(1)):
            q = list(point)
            q[j] = v
            try:
                d = eval_point(("-", hs[0], hs[1]), tuple(q))
            except (ProverError, ZeroDivisionError):
                break
            if d.b != 0:
                break
            pts.append(d.a)
        if len(pts) != 2 or pts[0] == pts[1]:
            continue
        v_star = pts[0] / (pts[0] - pts[1])  # root of the affine difference d(v)
        q = list(point)
        q[j] = v_star
        q = tuple(q)
        if st.in_domain(q) and st.violated_at(q):
            return q
    return None
