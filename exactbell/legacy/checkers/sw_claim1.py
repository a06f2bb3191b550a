"""Kind ``sw-claim1``: Claim 1 of Sengupta–Wooltorton, Π_NS[S_1W^p] = Π_NS[S_(p,p),(p,p)], at rational p.

Π_NS[S] = S ∩ {NS = 0} (what the algorithm of Sec. III E computes). S_1W^p is the convex hull
of the Eq. (9) vertices of S_(p,p),(1/2,1/2) and S_(1/2,1/2),(p,p).

data:
  vertex_counts  {"one_way": n1, "two_way": n2}: distinct vertices (recomputed)
  behaviour      4x4 matrix of the point P* of expected.counterexample (recomputed)
  separation     {"matrix": c, "multipliers": [μ_1..μ_4], "bound": t, "point_value": <c,P*>,
                 "vertex_values": [<c,v> - μ·NS(v) for every one-way vertex] (recomputed)}
                 with μ on (NS_0^{A->B}, NS_1^{A->B}, NS_0^{B->A}, NS_1^{B->A}) = (p_B(0|0,y) -
                 p_B(0|1,y))_y, (p_A(0|x,0) - p_A(0|x,1))_x. t must equal the maximum of
                 <c, v> - μ·NS(v) over the one-way vertices; then <c, P> <= t on Π_NS[S_1W^p]
                 (NS(P) = 0), while point_value > t.
expected.counterexample: {"labels": [[k_A, k_B], ...], "weights": [w, ...]}: a convex combination of
                 two-way vertices (truth tables numbered in :func:`truth_tables` order) that is
                 exactly non-signaling: P* ∈ Π_NS[S_(p,p),(p,p)].
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.functional import SW_SCENARIO, from_sw_matrix
from ...kernel.numbers import format_rational
from ...kernel.scenario import Behaviour
from ...polytopes.signaling import ns_products_a_to_b, ns_products_b_to_a, truth_tables, vertex
from . import Outcome, checker

TABLES = [tuple(tuple(row) for row in t) for t in truth_tables()]


def two_way_vertex(p, ka, kb) -> Behaviour:
    return vertex(TABLES[ka], TABLES[kb], p, p, p, p)


def one_way_vertices(p) -> list[Behaviour]:
    half = Fraction(1, 2)
    seen, out = set(), []
    for fid in ((p, p, half, half), (half, half, p, p)):
        for fa in TABLES:
            for fb in TABLES:
                v = vertex(fa, fb, *fid)
                if v.values not in seen:
                    seen.add(v.values)
                    out.append(v)
    return out


def ns_vector(P) -> list:
    return list(ns_products_a_to_b(P)) + list(ns_products_b_to_a(P))


def _matrix(reader, where, raw):
    if not isinstance(raw, list) or len(raw) != 4 or any(not isinstance(r, list) or len(r) != 4 for r in raw):
        raise reader.fail(where, "must be a 4x4 matrix")
    return [reader.rational(where, x) for x in from_sw_matrix(raw)]


@checker("sw-claim1")
def decide(cert, reader) -> Outcome:
    if set(reader.fixed) != {"p"} or reader.symbols:
        raise reader.fail("parameters", "needs a rational value for p")
    p = reader.fixed["p"]
    if not Fraction(1, 2) <= p < 1:
        raise reader.fail("parameters.p", "Claim 1 takes p in [1/2, 1)")
    ow = one_way_vertices(p)
    two = {two_way_vertex(p, a, b).values for a in range(16) for b in range(16)}
    counts = reader.get("data.vertex_counts", dict)
    if counts.get("one_way") != len(ow) or counts.get("two_way") != len(two):
        raise reader.fail("data.vertex_counts", f"one_way = {len(ow)}, two_way = {len(two)} distinct vertices")
    cx = cert.expected.get("counterexample")
    if cert.verdict != "refuted" or not isinstance(cx, dict):
        raise reader.fail("expected", "this kind certifies a refutation of Claim 1 (a separated NS point)")
    labels, weights = cx.get("labels"), cx.get("weights")
    if not isinstance(labels, list) or not isinstance(weights, list) or len(labels) != len(weights) or not labels:
        raise reader.fail("expected.counterexample", "needs equally long non-empty lists labels and weights")
    total = [Fraction(0)] * SW_SCENARIO.size
    wsum = Fraction(0)
    for i, (lab, w) in enumerate(zip(labels, weights)):
        if not (isinstance(lab, list) and len(lab) == 2 and all(isinstance(k, int) and not isinstance(k, bool)
                                                               and 0 <= k < 16 for k in lab)):
            raise reader.fail(f"expected.counterexample.labels[{i}]", "must be [k_A, k_B] with 0 <= k < 16")
        w = reader.rational(f"expected.counterexample.weights[{i}]", w)
        if w <= 0:
            raise reader.fail(f"expected.counterexample.weights[{i}]", "weights must be positive")
        wsum += w
        v = two_way_vertex(p, *lab)
        total = [t + w * x for t, x in zip(total, v.values)]
    if wsum != 1:
        raise reader.fail("expected.counterexample.weights", f"weights sum to {wsum}, not 1")
    P = Behaviour(SW_SCENARIO, tuple(total))
    if any(x != 0 for x in ns_vector(P)):
        raise reader.fail("expected.counterexample", "the point is not exactly non-signaling")
    if _matrix(reader, "data.behaviour", reader.get("data.behaviour", list)) != list(P.values):
        raise reader.fail("data.behaviour", "is not the convex combination of expected.counterexample")
    sep = reader.get("data.separation", dict)
    c = _matrix(reader, "data.separation.matrix", sep.get("matrix"))
    mu_raw = sep.get("multipliers")
    if not isinstance(mu_raw, list) or len(mu_raw) != 4:
        raise reader.fail("data.separation.multipliers", "needs 4 multipliers")
    mu = [reader.rational(f"data.separation.multipliers[{i}]", m) for i, m in enumerate(mu_raw)]
    vals = [sum(ci * vi for ci, vi in zip(c, v.values)) - sum(m * n for m, n in zip(mu, ns_vector(v))) for v in ow]
    listed = sep.get("vertex_values")
    if not isinstance(listed, list) or len(listed) != len(vals) or \
            any(reader.rational("data.separation.vertex_values", x) != v for x, v in zip(listed, vals)):
        raise reader.fail("data.separation.vertex_values",
                          "must list <c, v> - μ·NS(v) for every one-way vertex, in enumeration order")
    t = max(vals)
    if reader.rational("data.separation.bound", sep.get("bound")) != t:
        raise reader.fail("data.separation.bound", f"max over the one-way vertices is {format_rational(t)}")
    val = sum(ci * vi for ci, vi in zip(c, P.values))
    if reader.rational("data.separation.point_value", sep.get("point_value")) != val:
        raise reader.fail("data.separation.point_value", f"<c, P*> = {format_rational(val)}")
    if not val > t:
        raise reader.fail("data.separation", "does not separate P* from Π_NS[S_1W]")
    return Outcome("refuted", f"at p = {p}: NS point P* of S_(p,p),(p,p) has <c,P*> = {format_rational(val)} > "
                              f"{format_rational(t)} >= <c,P> on Π_NS[S_1W] ({len(ow)} one-way vertices)")
