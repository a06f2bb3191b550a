"""Kind ``sw-lemma1``: Lemma 1 of Sengupta–Wooltorton, S_(p,1)*,(r,1)* = S_(p,r), at rational p, r.

S_(p,1)*,(r,1)* is the convex hull of the Eq. (9) vertices of the four channel polytopes of
Eq. (11); S_(p,r) is the set of LHV behaviours sum_λ p(λ) p_A(a|x,y,λ) p_B(b|x,y,λ) whose
responses satisfy |p_B(b|0,y,λ) - p_B(b|1,y,λ)| <= p and |p_A(a|x,0,λ) - p_A(a|x,1,λ)| <= r
(per λ; the reading used in the paper's proof, App. C).

data:
  channels      the four fidelity tuples (p,q,r,s) of Eq. (11), as expressions in p, r
  vertex_count  number of distinct vertices of the four polytopes (recomputed)
  inclusion     {"A->B": max over all vertices of Bob's x-dependence, "B->A": max of Alice's
                y-dependence}: recomputed; <= p and <= r proves S_(p,1)*,(r,1)* ⊆ S_(p,r)
  behaviour     4x4 matrix of the point P* of expected.counterexample (recomputed)
  separation    {"matrix": c (4x4), "bound": t, "point_value": <c, P*>, "vertex_values": [<c, v>]
                (every vertex, enumeration order, recomputed)}: t must equal the
                maximum of <c, v> over all vertices (so <c, P> <= t on the hull) and
                point_value > t: P* is not in S_(p,1)*,(r,1)*
expected.counterexample: {"alice": [[p_A(0|x,y) for y] for x], "bob": [[p_B(0|x,y) for y] for x]}:
                a single-λ point of S_(p,r) (dependences <= p and r), P*(ab|xy) = p_A p_B.
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.functional import SW_SCENARIO, from_sw_matrix, to_sw_matrix
from ...kernel.numbers import format_rational
from ...kernel.scenario import Behaviour
from ...polytopes.signaling import truth_tables, vertex
from . import Outcome, checker

CHANNELS = (("p", "1", "r", "1"), ("p", "1", "1", "r"), ("1", "p", "r", "1"), ("1", "p", "1", "r"))


def channel_vertices(p: Fraction, r: Fraction) -> list[Behaviour]:
    """Distinct Eq. (9) vertices of the four channel polytopes of Eq. (11)."""
    val = {"p": p, "r": r, "1": Fraction(1)}
    tables = [tuple(tuple(row) for row in t) for t in truth_tables()]
    seen, out = set(), []
    for ch in CHANNELS:
        fid = [val[c] for c in ch]
        for fa in tables:
            for fb in tables:
                v = vertex(fa, fb, *fid)
                if v.values not in seen:
                    seen.add(v.values)
                    out.append(v)
    return out


def dependences(P: Behaviour) -> tuple[Fraction, Fraction]:
    """(max_y |p_B(0|0,y) - p_B(0|1,y)|, max_x |p_A(0|x,0) - p_A(0|x,1)|)."""
    ab = max(abs(P.marginal((1,), (0,), (0, y)) - P.marginal((1,), (0,), (1, y))) for y in (0, 1))
    ba = max(abs(P.marginal((0,), (0,), (x, 0)) - P.marginal((0,), (0,), (x, 1))) for x in (0, 1))
    return ab, ba


def product_point(alice, bob) -> Behaviour:
    vals = []
    for (a, b), (x, y) in SW_SCENARIO.entries():
        pa = alice[x][y] if a == 0 else 1 - alice[x][y]
        pb = bob[x][y] if b == 0 else 1 - bob[x][y]
        vals.append(pa * pb)
    return Behaviour(SW_SCENARIO, tuple(vals))


def _table(reader, where, raw):
    if not isinstance(raw, list) or len(raw) != 2 or any(not isinstance(r, list) or len(r) != 2 for r in raw):
        raise reader.fail(where, "must be a 2x2 table [[x=0: y=0, y=1], [x=1: ...]]")
    t = [[reader.rational(f"{where}[{i}][{j}]", raw[i][j]) for j in range(2)] for i in range(2)]
    if any(not 0 <= v <= 1 for row in t for v in row):
        raise reader.fail(where, "response probabilities must lie in [0, 1]")
    return t


@checker("sw-lemma1")
def decide(cert, reader) -> Outcome:
    if set(reader.fixed) != {"p", "r"} or reader.symbols:
        raise reader.fail("parameters", "needs rational values for exactly p and r")
    p, r = reader.fixed["p"], reader.fixed["r"]
    if not (0 <= p < 1 and 0 <= r < 1):
        raise reader.fail("parameters", "Lemma 1 takes p, r in [0, 1)")
    chans = reader.get("data.channels", list)
    if chans != [list(ch) for ch in CHANNELS]:
        raise reader.fail("data.channels", f"must be the four channels of Eq. (11): {CHANNELS}")
    verts = channel_vertices(p, r)
    if reader.get("data.vertex_count", int) != len(verts):
        raise reader.fail("data.vertex_count", f"the four polytopes have {len(verts)} distinct vertices")
    ab = max(dependences(v)[0] for v in verts)
    ba = max(dependences(v)[1] for v in verts)
    inc = reader.get("data.inclusion", dict)
    if reader.rational("data.inclusion.A->B", inc.get("A->B")) != ab:
        raise reader.fail("data.inclusion.A->B", f"maximal x-dependence of Bob over the vertices is {ab}")
    if reader.rational("data.inclusion.B->A", inc.get("B->A")) != ba:
        raise reader.fail("data.inclusion.B->A", f"maximal y-dependence of Alice over the vertices is {ba}")
    if ab > p or ba > r:
        return Outcome("refuted", "a channel vertex is outside S_(p,r): the inclusion fails")
    if cert.verdict != "refuted":
        return Outcome("verified", f"S_(p,1)*,(r,1)* ⊆ S_(p,r) at p = {p}, r = {r} ({len(verts)} vertices); "
                                   "the reverse inclusion is not certified")
    cx = cert.expected["counterexample"]
    if not isinstance(cx, dict):
        raise reader.fail("expected.counterexample", "must be an object {alice, bob}")
    alice = _table(reader, "expected.counterexample.alice", cx.get("alice"))
    bob = _table(reader, "expected.counterexample.bob", cx.get("bob"))
    P = product_point(alice, bob)
    dab, dba = dependences(P)
    if dab > p or dba > r:
        raise reader.fail("expected.counterexample", f"dependences ({dab}, {dba}) exceed (p, r): not in S_(p,r)")
    beh = reader.get("data.behaviour", list)
    if len(beh) != 4 or any(not isinstance(row, list) or len(row) != 4 for row in beh):
        raise reader.fail("data.behaviour", "must be a 4x4 matrix")
    if [reader.rational("data.behaviour", x) for x in from_sw_matrix(beh)] != list(P.values):
        raise reader.fail("data.behaviour", "is not the product point of expected.counterexample")
    sep = reader.get("data.separation", dict)
    cm = sep.get("matrix")
    if not isinstance(cm, list) or len(cm) != 4 or any(not isinstance(row, list) or len(row) != 4 for row in cm):
        raise reader.fail("data.separation.matrix", "must be a 4x4 matrix")
    c = [reader.rational("data.separation.matrix", x) for x in from_sw_matrix(cm)]
    vals = [sum(ci * vi for ci, vi in zip(c, v.values)) for v in verts]
    listed = sep.get("vertex_values")
    if not isinstance(listed, list) or len(listed) != len(vals) or \
            any(reader.rational("data.separation.vertex_values", x) != v for x, v in zip(listed, vals)):
        raise reader.fail("data.separation.vertex_values", "must list <c, v> for every vertex, in enumeration order")
    vmax = max(vals)
    t = reader.rational("data.separation.bound", sep.get("bound"))
    if t != vmax:
        raise reader.fail("data.separation.bound", f"the maximum of <c, v> over the vertices is {format_rational(vmax)}")
    val = sum(ci * vi for ci, vi in zip(c, P.values))
    if reader.rational("data.separation.point_value", sep.get("point_value")) != val:
        raise reader.fail("data.separation.point_value", f"<c, P*> = {format_rational(val)}")
    if not val > t:
        raise reader.fail("data.separation", "does not separate the point from the hull")
    return Outcome("refuted", f"at p = {p}, r = {r}: P* in S_(p,r) but <c,P*> = {format_rational(val)} > "
                              f"{format_rational(t)} = max over the {len(verts)} vertices of S_(p,1)*,(r,1)*; "
                              f"inclusion ⊆ holds (dependences {ab}, {ba})")


def matrix_text(values) -> list:
    return [[format_rational(x) for x in row] for row in to_sw_matrix(values)]
