"""Kind ``causal-region-2d``: the image of the bipartite binary causal polytope in a plane (C001-07).

Liu–Chiribella App. C, Eq. (54), Fig. 2(b): coordinates X = P¹¹ = p(1,1|1,1) and
Y = P^ave = (p_B(0|0,1) + p_A(0|1,0))/2, i.e. the biased-LGYNI functionals I_{LGYNI,α} at α = 1 and
α = 0 (exactbell.causal.inequalities.biased_lgyni). The image of a polytope under a linear map is
the convex hull of the vertex images, so the checker
  * enumerates the distinct deterministic definite-order behaviours (the causal polytope's vertices,
    count checked against data.causal_vertices) and maps them to (X, Y);
  * computes their exact convex hull (monotone chain over Fractions, collinear points dropped), and
    compares it with data.vertices (counter-clockwise, starting at the lexicographically smallest);
  * derives the facet inequalities c_X X + c_Y Y <= r of the hull and compares them, up to positive
    scaling, with data.facets (as a set);
  * proves max over the region of α X + (1−α) Y equals max over data.envelope lines
    (intercept + slope·α) for every α in [0, 1] — Eq. (49), max{1−α, (1+α)/2} — by comparing the two
    convex piecewise-linear functions at α = 0, 1 and every pairwise crossing of their lines in [0, 1].
"""
from __future__ import annotations

from fractions import Fraction

from ...causal import inequalities as iq
from ...causal.polytope import _distinct
from . import Outcome, checker


def _cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def hull(points):
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _normal(f):
    """Scale (c_X, c_Y, r) so that the first nonzero of c_X, c_Y is ±1 (positive scaling only)."""
    s = abs(f[0]) if f[0] != 0 else abs(f[1])
    return tuple(v / s for v in f)


@checker("causal-region-2d")
def decide(cert, reader) -> Outcome:
    if reader.get("data.coordinates", list) != ["P11", "Pave"]:
        raise reader.fail("data.coordinates", 'only ["P11", "Pave"] (App. C, Eq. (54)) is supported')
    sc, fx = iq.biased_lgyni(Fraction(1))
    _, fy = iq.biased_lgyni(Fraction(0))
    images, nv = [], 0
    for key, _ in _distinct(sc):
        nv += 1
        X = sum((fx[(a, x)] for a, x in zip(key, sc.contexts)), Fraction(0))
        Y = sum((fy[(a, x)] for a, x in zip(key, sc.contexts)), Fraction(0))
        images.append((X, Y))
    if reader.get("data.causal_vertices", int) != nv:
        raise reader.fail("data.causal_vertices", f"the bipartite binary causal polytope has {nv} vertices")
    H = hull(images)
    vs = reader.get("data.vertices", list)
    claimed = []
    for i, v in enumerate(vs):
        if not (isinstance(v, list) and len(v) == 2):
            raise reader.fail(f"data.vertices[{i}]", "expected [X, Y]")
        claimed.append((reader.rational(f"data.vertices[{i}][0]", v[0]), reader.rational(f"data.vertices[{i}][1]", v[1])))
    if claimed != H:
        raise reader.fail("data.vertices", "the hull of the vertex images is "
                          + ", ".join(f"({x}, {y})" for x, y in H))
    facets = set()
    for p, q in zip(H, H[1:] + H[:1]):
        cx, cy = q[1] - p[1], -(q[0] - p[0])
        facets.add(_normal((cx, cy, cx * p[0] + cy * p[1])))
    fs = reader.get("data.facets", list)
    got = []
    for i, f in enumerate(fs):
        if not (isinstance(f, list) and len(f) == 3):
            raise reader.fail(f"data.facets[{i}]", "expected [c_X, c_Y, r] for c_X X + c_Y Y <= r")
        t = tuple(reader.rational(f"data.facets[{i}][{k}]", f[k]) for k in range(3))
        if t[0] == 0 and t[1] == 0:
            raise reader.fail(f"data.facets[{i}]", "degenerate inequality")
        got.append(_normal(t))
    if len(set(got)) != len(got) or set(got) != facets:
        raise reader.fail("data.facets", "the hull's facets are "
                          + "; ".join(f"{a} X + {b} Y <= {r}" for a, b, r in sorted(facets)))
    lines = []
    for i, ln in enumerate(reader.get("data.envelope", list)):
        if not (isinstance(ln, list) and len(ln) == 2):
            raise reader.fail(f"data.envelope[{i}]", "expected [intercept, slope]")
        lines.append((reader.rational(f"data.envelope[{i}][0]", ln[0]), reader.rational(f"data.envelope[{i}][1]", ln[1])))
    if not lines:
        raise reader.fail("data.envelope", "at least one line is needed")
    region = [(y, x - y) for x, y in H]  # α X + (1 − α) Y = Y + α (X − Y)
    cand = {Fraction(0), Fraction(1)}
    allines = region + lines
    for i, (b1, m1) in enumerate(allines):
        for b2, m2 in allines[i + 1:]:
            if m1 != m2:
                a = (b2 - b1) / (m1 - m2)
                if 0 < a < 1:
                    cand.add(a)
    for a in sorted(cand):
        lhs = max(b + m * a for b, m in region)
        rhs = max(b + m * a for b, m in lines)
        if lhs != rhs:
            return Outcome("refuted", f"at alpha = {a}: region maximum {lhs}, envelope {rhs}")
    return Outcome("verified", f"{nv} causal vertices map onto the polygon with vertices "
                               + ", ".join(f"({x}, {y})" for x, y in H)
                               + "; its maximum of alpha X + (1-alpha) Y equals the envelope on [0, 1]")
