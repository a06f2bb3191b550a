"""Kind ``vertex-set`` (docs/kinds/vertex-set.md): which points of a model are vertices of their convex hull:
Sengupta–Wooltorton channels (Eqs. (9), (11), App. A), the planar image of the causal polytope (Liu–Chiribella
Eq. (54)), the extreme qubit supermaps (App. D, Eqs. (79)–(85))."""
from __future__ import annotations

from fractions import Fraction
from itertools import product

import flint

from ..linalg import rank
from ..models import distinct_points, label_of, polynomial, read_points
from ..numbers import digest
from ..poly import Poly, RationalFunction
from ..process import CONDITIONS, projector_term
from ..polytope import at, primitive, sw_model, symmetries
from ..upoly import to_fmpq
from . import Decision, against_paper, kind

SUPERMAP_CLASSES = ("no-signalling", "one-way-fixed", "one-way-dynamic", "ico-xor", "non-functional", "other")


def _polygon(ctx, data, V) -> tuple:
    """Vertices V of a plane polygon: ccw order and facets, vs the paper's (facets up to positive scaling)."""
    if len(V) < 3:  # V: the decided extreme points, in convex position, so no three on a line
        raise ctx.fail("data.model", "the image is not a two-dimensional polygon")
    o = min(V)  # ccw from the lowest leftmost vertex: by the slope from it, the vertical last
    H = [o] + sorted((v for v in V if v != o), key=lambda v: (v[0] == o[0], (v[1] - o[1]) / (v[0] - o[0] or 1)))
    facets = {primitive((b[1] - a[1], a[0] - b[0], (b[1] - a[1]) * a[0] + (a[0] - b[0]) * a[1]))
              for a, b in zip(H, H[1:] + H[:1])}
    shown = lambda vs, fs, sep: (f"{', '.join(f'({x}, {y})' for x, y in vs)}{sep} facets "  # noqa: E731
                                 f"{', '.join(f'{a} X + {b} Y <= {r}' for a, b, r in fs)}")
    text = f"; the polygon has vertices (counter-clockwise) {shown(H, sorted(facets), ',')}"
    paper = data.obj("paper", default=None)
    if paper is None:
        return text, None, None
    pv, pf = ([tuple(ctx.value(paper, w, raw=c) for c in t) for t in paper.list(k)]
              for k, w in (("vertices", "<vertex>"), ("facets", "<facet>")))
    if any(len(t) != n for ts, n in ((pv, 2), (pf, 3)) for t in ts) or any(f[:2] == (0, 0) for f in pf):
        raise ctx.fail("data.paper", "vertices [X, Y], facets [c_X, c_Y, r] (not both c zero)")
    holds = sorted(pv) == sorted(V) and len(set(map(primitive, pf))) == len(pf) and set(map(primitive, pf)) == facets
    return text, holds, f"vertices {shown(pv, pf, ';')}"


def supermap_class(T) -> str:
    """The class of an extreme point T (its support), Liu–Chiribella Eq. (85), first match: at t = (A_in, A_out,
    B_in, B_out) party i in direction d = 0 emits its output and receives its input (d = 1: the reverse)."""
    em = lambda i, d, pts=T: [t[2 * i + 1 - d] for t in pts]  # noqa: E731 (emitted values)
    rc = lambda i, d, pts=T: [t[2 * i + d] for t in pts]  # noqa: E731 (received values)
    const, D = lambda v: len(set(v)) == 1, (0, 1)  # noqa: E731
    if any(const(rc(0, a)) and const(rc(1, b)) for a, b in product(D, D)):
        return "no-signalling"
    if any(const(rc(i, a)) and len(set(zip(em(i, a), rc(1 - i, b)))) == len(set(em(i, a)))
           for i, a, b in product(D, D, D)):
        return "one-way-fixed"
    if any(const(rc(i, a)) and all(any(const(rc(1 - i, b, [t for t in T if t[2 * i + 1 - a] == e])) for b in D)
                                   for e in set(em(i, a))) for i, a in product(D, D)):
        return "one-way-dynamic"
    if any(all(const([r ^ e ^ f for r, e, f in zip(rc(j, (a, b)[j]), em(0, a), em(1, b))]) for j in D)
           for a, b in product(D, D)):
        return "ico-xor"
    return "other" if any(len(set(zip(em(0, a), em(1, b)))) == len(T) for a, b in product(D, D)) else "non-functional"


def _supermap_extremes(ctx, data) -> Decision:
    """Liu–Chiribella App. D: if Eq. (12) with Tr S = 4 and the class sums = 1 (Eq. (80), classes by ``partition``
    mod 2) agree (exact ranks), {S ≥ 0, Eq. (12)} is a product of simplices: classify each extreme point."""
    spec = data.obj("model")
    spec.text("name", ("supermap",))
    ctx.need(not ctx.domains and not ctx.fixed, "parameters", "the qubit supermap model has no parameters")
    rows, pts, cls = spec.list("partition"), list(product((0, 1), repeat=4)), {}
    if not rows or any(not isinstance(r, list) or len(r) != 4
                       or any(v not in (0, 1) or type(v) is not int for v in r) for r in rows):
        raise ctx.fail(spec.at("partition"), "rows of 4 coefficients mod 2")
    for t in pts:
        cls.setdefault(tuple(sum(c * v for c, v in zip(r, t)) % 2 for r in rows), []).append(t)
    eq12 = [[projector_term({t: Fraction(1)}, 2, cond).get(u, 0) for t in pts] + [0]
            for cond in CONDITIONS for u in pts] + [[Fraction(1)] * 16 + [4]]
    eq80 = [[Fraction(int(t in ts)) for t in pts] + [1] for ts in cls.values()]
    r12, r80, both = rank(eq12), rank(eq80), rank(eq12 + eq80)
    head = (f"qubit diagonal supermaps S_ijkl on A_in A_out B_in B_out: Eq. (12) with Tr S = 4 and the "
            f"{len(cls)} class sums (class of ijkl: {rows} . ijkl mod 2) = 1 ")
    paper = data.obj("paper", default=None)
    claimed = None if paper is None else {k: paper.int(k, 0, 256) for k in SUPERMAP_CLASSES[:-1]}
    ptext = None if paper is None else ", ".join(f"{k} {v}" for k, v in claimed.items())
    if not r12 == r80 == both == rank([r[:-1] for r in eq80]):
        statement, _ = against_paper(f"{head}have different solution sets (ranks {r12}, {r80}, joint {both})",
                                     False, ptext)
        return Decision(statement, "refuted", "exact ranks")
    found = [supermap_class(T) for T in product(*cls.values())]
    counts = {k: found.count(k) for k in SUPERMAP_CLASSES}
    statement = (head + f"have the same solution set (affine dimension {16 - r80}), so with S >= 0 it is a product of "
                 f"{len(cls)} simplices with {', '.join(str(len(v)) for v in cls.values())} vertices: {len(found)} "
                 "extreme points, the 0/1 supermaps with one entry per class; by the first matching class (a party "
                 "emits its output and receives its input, or the reverse; no-signalling: both received values "
                 "constant; one-way-fixed: one party's received value constant, the other's a function of the "
                 "first's emitted value; one-way-dynamic: one party's received value constant and, for each value "
                 "it emits, the other's constant in some direction; ico-xor: r_A = e_A+e_B+alpha, r_B = "
                 "e_A+e_B+beta mod 2; other: the emitted pair determines the point (none of the above); "
                 f"non-functional: the rest): {', '.join(f'{k} {v}' for k, v in counts.items())}")
    holds = None if paper is None else all(counts[k] == v for k, v in claimed.items()) and not counts["other"]
    return Decision(*against_paper(statement, holds, ptext), "exact ranks and classification of every extreme point")


@kind("vertex-set")
def decide(cert, ctx, data) -> Decision:
    """Each distinct point is extreme (an integer functional larger on it than on the others) or a convex
    combination of other points."""
    if isinstance(data.raw.get("model"), dict) and data.raw["model"].get("name") == "supermap":
        return _supermap_extremes(ctx, data)
    if data.has("representatives"):
        return _representatives(ctx, data)
    text, _, labels, pts, index, _ = read_points(ctx, data, symbolic=False, image=True)
    P = [at(v, Fraction(0)) for v in pts]
    n, covered, point = len(P[0]), {}, lambda where, raw: index[label_of(ctx, where, raw, index)]
    M = flint.fmpq_mat([[to_fmpq(x) for x in v] for v in P])
    for e, extreme in [(e, True) for e in data.objs("extreme")] + [(e, False) for e in data.objs("redundant")]:
        i = point(e.at("label"), e.get("label"))
        if extreme:  # <c, P_i> > <c, P_j> for every other point j
            c = e.list("functional", n)
            ctx.need(all(type(x) is int for x in c), e.at("functional"), f"must be {n} integers")
            vals = M * flint.fmpq_mat(n, 1, c)
            if any(vals[j, 0] >= vals[i, 0] for j in range(len(P)) if j != i):
                raise ctx.fail(e.at("functional"), "does not separate the point from every other point")
        else:  # P_i = Σ w_j P_j, w_j > 0, Σ w_j = 1, j ≠ i
            acc, total = [Fraction(0)] * n, Fraction(0)
            for t, pair in enumerate(e.list("combination")):
                where = f"{e.at('combination')}[{t}]"
                ctx.need(isinstance(pair, list) and len(pair) == 2, where, "must be [label, weight]")
                j, wt = point(where, pair[0]), ctx.value(e, "<weight>", raw=pair[1])
                if j == i or not isinstance(wt, Fraction) or wt <= 0:
                    raise ctx.fail(where, "needs another point and a positive rational weight")
                total, acc = total + wt, [a + wt * x for a, x in zip(acc, P[j])]
            if total != 1 or tuple(acc) != P[i]:
                raise ctx.fail(e.at("combination"), "is not a convex combination equal to the point")
        ctx.need(i not in covered, e.at("label"), "point listed twice")
        covered[i] = extreme
    if len(covered) != len(P):
        raise ctx.fail("data", f"{len(P) - len(covered)} distinct points are neither extreme nor redundant")
    verts = sorted(min(lab for lab in labels if index[lab] == i) for i, ext in covered.items() if ext)
    statement = (f"{text}: the {len(labels)} labelled points are {len(P)} distinct points, exactly {len(verts)} of "
                 "which are vertices of their convex hull (least labels of the vertices: sha256 "
                 f"{digest(repr(verts))})")
    extra, holds, shown = ("", None, None) if data.raw["model"]["name"] != "image" else \
        _polygon(ctx, data, [P[i] for i, ext in covered.items() if ext])
    statement, verdict = against_paper(statement + extra, holds, shown)
    return Decision(statement, verdict, "separating functionals and convex combinations checked exactly")


def _representatives(ctx, data) -> Decision:
    """App. A: each representative's matrix is its Eq. (9) point (identically in p, q, r, s); the classes (unions
    of orbits of the model's relabelings) are disjoint and cover all points."""
    if ctx.fixed or not ctx.domains:
        raise ctx.fail("parameters", "the symbolic mode takes the fidelities' symbols as parameters")
    spec = data.obj("model")
    spec.text("name", ("signaling",))
    fo = spec.obj("fidelities")
    fids = [Poly.lift(polynomial(ctx, fo, k, None)) for k in "pqrs"]
    pairs = sw_model("signaling", fids)
    (points, index), point = distinct_points(pairs), lambda where, raw: index[label_of(ctx, where, raw, index)]
    G = symmetries(points)
    orbit = {i: frozenset(g[i] for _, g in G) for i in range(len(points))}
    used, sizes, shown = set(), [], []
    for r in data.objs("representatives"):
        i, rows = point(r.at("label"), r.get("label")), r.list("matrix", 4)
        if any(not isinstance(x, list) or len(x) != 4 for x in rows) or any(
                ctx.ratfun(r, "<matrix>", raw=x) != RationalFunction(c) for x, c in zip(sum(rows, []), points[i])):
            raise ctx.fail(r.at("matrix"), "is not the Eq. (9) point of the label")
        cls = set().union(*(orbit[point(f"{r.at('orbits')}[{t}]", o)] for t, o in enumerate(r.list("orbits"))))
        if i not in cls or cls & used:
            raise ctx.fail(r.where, "the class misses its representative or overlaps another class")
        used |= cls
        sizes.append(len(cls))
        shown.append(repr(rows))
    ctx.need(len(used) == len(points), "data.representatives", f"the classes cover {len(used)} of {len(points)} points")
    text = "S_(" + "),(".join(",".join(f.to_text() for f in fids[j:j + 2]) for j in (0, 2)) + ") (Eq. (9))"
    statement = (f"{text}, {ctx.quantifier()}, as polynomial identities: the {len(pairs)} labelled points "
                 f"are {len(points)} distinct points, forming {len(set(orbit.values()))} orbits under the group "
                 f"of the {len(G)} relabelings preserving the model for all fidelities; the {len(sizes)} listed "
                 f"representatives (matrices sha256 {digest('|'.join(shown))}) "
                 f"are points of the model whose classes (unions of orbits) have sizes {', '.join(map(str, sizes))} "
                 "and cover all points")
    paper = data.list("paper", len(sizes), default=None)
    ptext = None if paper is None else "multiplicities " + ", ".join(map(str, paper))
    statement, verdict = against_paper(statement, None if paper is None else paper == sizes, ptext)
    return Decision(statement, verdict, "polynomial identities in the fidelities")
