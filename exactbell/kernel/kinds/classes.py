"""Kind ``classes`` (docs/kinds/classes.md): the facet classes of the polytope of a model's points under the
kernel's group of relabelings preserving them: a complete list (ridge closure, :func:`..polytope.verify_complete`)
or "at least N classes", optionally each violated by a quantum strategy."""
from __future__ import annotations

from fractions import Fraction
from math import ceil, lcm

import flint

from ..functional import SW_SCENARIO, from_sw_matrix, pair
from ..models import label_of, read_points
from ..ncpoly import behaviour, read_strategy
from ..polytope import Group, PointSet, affine_order_bound, at, bits, ridges_among, symmetries, verify_complete
from . import Decision, against_paper, kind

SATURATION = "at least dim vertices on every facet"


@kind("classes")
def decide(cert, ctx, data) -> Decision:
    text, _, labels, pts, index, maps = read_points(ctx, data, symbolic=False)
    raw = data.list("support")
    P = [at(v, Fraction(0)) for v in pts]
    n = len(P[0])
    support = [index[label_of(ctx, f"data.support[{k}]", x, index)] for k, x in enumerate(raw)]
    ctx.need(support and len(set(support)) == len(support), "data.support", "empty, or a point is listed twice")
    pos = {s: k for k, s in enumerate(support)}
    ps = PointSet([P[i] for i in support])
    r = ps.rank(range(len(support)))
    if PointSet(P).rank(range(len(P))) != r:
        raise ctx.fail("data.support", "does not span the affine hull of the model's points")
    try:
        G = Group([tuple(pos[g[s]] for s in support) for _, g in symmetries(pts, maps)])
    except KeyError:
        raise ctx.fail("data.support", "is not invariant under the model's relabelings") from None
    L = lcm(*[x.denominator for v in P for x in v])
    PT = flint.fmpz_mat(n, len(P), [int(v[j] * L) for j in range(n) for v in P])
    reps, ridges, quantum, seen = [], [], [], set()
    for c in data.objs("classes"):
        a = [ctx.value(c, "<coefficient>", raw=x) for x in c.list("coefficients", n)]
        b = ctx.value(c, "bound")
        T = c.list("tight")
        if not all(type(i) is int and 0 <= i < len(support) for i in T):
            raise ctx.fail(c.at("tight"), "must be positions in data.support")
        ridges.append(c.list("ridges", default=None))
        viol = c.obj("violation", default=None)
        quantum.append(viol is not None)
        if viol is not None and (maps is not None or _quantum_value(ctx, viol, a) <= b):
            raise ctx.fail(c.at("violation"), "the strategy's value does not exceed the bound")
        d = lcm(b.denominator, *[x.denominator for x in a])
        vals, bd = flint.fmpz_mat(1, n, [int(x * d) for x in a]) * PT, int(b * d) * L
        ctx.need(all(vals[0, i] <= bd for i in range(len(P))), c.at("coefficients"), "violated by a point of the model")
        m = bits(T)
        if m != bits(pos[i] for i in support if vals[0, i] == bd) or ps.rank(T) != r - 1:
            raise ctx.fail(c.at("tight"), "is not the tight set on the support, or not of rank dim - 1")
        if m in seen:  # orbits partition the facets: m is in an earlier orbit iff equivalent to its class
            raise ctx.fail(c.where, "is equivalent to an earlier class")
        reps.append((m, G.images(m)))  # g(m) for each element g of G
        seen.update(reps[-1][1])
    ctx.need(reps, "data.classes", "empty")
    complete, listed = data.flag("complete"), ridges[0] is not None
    ctx.need(len({x is None for x in ridges}) <= 1, "data.classes", "either every class lists its ridges or none does")
    ctx.need(complete or not listed, "data.classes", "ridges are listed only for a complete list")
    if complete:
        _closure(ctx, ps, G, reps, ridges if listed else None, r)
    paper = data.get("paper", (int, str), None)
    ctx.need(not isinstance(paper, str) or paper == SATURATION, "data.paper", f"a class count or {SATURATION!r}")
    n, dim, least = len(reps), r - 1, min(m.bit_count() for m, _ in reps)
    count = f"{n} facet classes" if complete else f"at least {n} facet classes"
    if any(quantum):
        if complete or not all(quantum) or paper == SATURATION:
            raise ctx.fail("data.classes", "quantum violations: for every class of an incomplete list")
        count += " violated by quantum behaviours (each by its listed strategy, Born rule, exact)"
    quant = f", {ctx.quantifier()}" if ctx.quantifier() else ""
    facets = f"{len(seen)} facets{'' if complete else ' in their orbits'}"
    signed = "" if maps is None or maps[0][1] is None else " (signed: output flips)"
    spanning = f"{len(support)} spanning points, dimension {dim}"
    statement = (f"conv of {text}{quant} ({spanning}) has {count} ({facets})"
                 f" under the group of the {G.order} relabelings preserving the model's points{signed}; "
                 f"the least number of support points on a listed facet is {least}")
    if data.flag("affine", default=False):  # the support is all the vertices: by completeness, or as every point
        ctx.need(complete or len(support) == len(P), "data.affine", "an incomplete list needs every distinct point")
        statement += _any_symmetry(ctx, ps, G, seen, n)
    holds = None if paper is None else least >= dim if paper == SATURATION else n == paper
    if not complete and paper is not None:  # a lower bound refutes only SATURATION or a smaller count
        if holds is not False or (paper != SATURATION and n < paper):
            raise ctx.fail("data.paper", "an incomplete list can only refute the printed claim")
        holds = False
    printed = paper if isinstance(paper, str) else f"{paper} {'interesting ' * any(quantum)}classes"
    statement, verdict = against_paper(statement, holds, None if paper is None else printed)
    return Decision(statement, verdict, "validity, tight sets and ranks exact; completeness by ridge closure")


def _any_symmetry(ctx, ps, G, facets, n) -> str:
    """The class count under any group of affine symmetries: each support point is a vertex (alone on the
    listed facets through it); the symmetries number at most U (:func:`affine_order_bound`) and contain G, so
    U = |G| gives n classes, else at least facets / U."""
    seen = set()
    for s in range(ps.size):
        if s not in seen:
            seen |= {g[s] for g in G.elements}
            meet = -1
            for F in facets:
                meet &= F if F >> s & 1 else -1
                if meet == 1 << s:
                    break
            else:
                raise ctx.fail("data.affine", f"support point {s} is not a vertex by the listed facets")
    U = affine_order_bound(ps.points)
    if U == G.order:
        return (f"; these are all the affine symmetries of the vertices (order at most {U}), so every group of"
                f" symmetries has at least {n} facet classes")
    return (f"; the affine symmetries of the vertices number at most {U}, so every group of symmetries has at"
            f" least {ceil(len(facets) / U)} facet classes")


def _quantum_value(ctx, spec, a):
    """<a, P> for the behaviour P of a two-qubit strategy, a in Eq. (5) coordinates."""
    psi, meas, _ = read_strategy(ctx, spec, SW_SCENARIO)
    p = behaviour(psi, meas, SW_SCENARIO)
    return pair(from_sw_matrix([a[4 * i:4 * i + 4] for i in range(4)]), p, 0 * p[0])


def _closure(ctx, ps, G, reps, ridges, r):
    """The ridges T ∩ F of each class T, F in the union S of the orbits (listed as [j, g]: F = g(T_j), or all
    such intersections), must be all the facets of T (:func:`verify_complete`): then S is closed under facet
    adjacency, hence every facet (the facet–ridge graph is connected)."""
    memo, ranks, S = {}, {}, {t for _, orb in reps for t in orb}
    for k, (m, imgs) in enumerate(reps):
        w, sub = f"data.classes[{k}].ridges", set()
        for q, jg in enumerate(ridges[k] if ridges else []):
            if not (isinstance(jg, list) and len(jg) == 2 and all(type(x) is int for x in jg)
                    and 0 <= jg[0] < len(reps) and 0 <= jg[1] < G.order):
                raise ctx.fail(f"{w}[{q}]", "must be [class index, group element index]")
            R = m & G.image(jg[1], reps[jg[0]][0])
            if R in sub or R.bit_count() < r - 2:  # ranks: on one ridge per orbit (verify_complete)
                raise ctx.fail(f"{w}[{q}]", "is not a new ridge of the class")
            sub.add(R)
        stab = [e for e, x in enumerate(imgs) if x == m] if ridges else None  # one listed ridge per stab-orbit
        ok, why = verify_complete(ps, m, sub if ridges else ridges_among(m, S, r - 2), memo, ranks, G, stab)
        ctx.need(ok, w if ridges else f"data.classes[{k}]", f"the class list is not complete: {why}")
