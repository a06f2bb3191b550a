"""Kind ``vertex-set``: which points of a model are vertices of their convex hull (format:
docs/kinds/vertex-set.md). Models: Sengupta–Wooltorton channels (Eq. (9), Eq. (11)), with a symbolic
mode of representatives (App. A); the image of the causal polytope in a plane (Liu–Chiribella App. C,
Eq. (54)) with its polygon; the extreme qubit classical supermaps (Liu–Chiribella App. D, Eqs. (79)–(85)).
"""
from __future__ import annotations

import hashlib
from fractions import Fraction
from itertools import permutations, product
from math import factorial, prod

import flint

from .. import limits
from ..linalg import rank
from ..lp import named_model
from ..models import causal_strategies, model_points, polynomial, read_functional, read_scenario, scenario_text
from ..poly import Poly, RationalFunction
from ..process import CONDITIONS, projector_term
from ..polytope import at, correlator_relabelings, key, primitive, sw_model, symmetries
from ..scenario import Behaviour
from ..upoly import flint as fmpq_poly, nonnegative_on, trim
from . import Decision, against_paper, kind

FIDELITIES = {"signaling": "pqrs", "signaling-mix": "pr"}
RELABELINGS = 20000  # the most relabelings of a local model


def nonnegative(ctx, f, var) -> bool:
    """f ≥ 0 on the closed hull of the domain of var (f: fmpq_poly; a constant when var is None)."""
    a = trim(f) or [Fraction(0)]
    return nonnegative_on(a, ctx.domains[var].lo, ctx.domains[var].hi)[0] if var else a[0] >= 0


def fidelity(ctx, obj, k, var, raw=None, bounded=True):
    """A polynomial in the parameter var (fmpq_poly); ``bounded``: in [0, 1] on the whole domain."""
    f = Poly.lift(polynomial(ctx, obj, k, raw))
    f = fmpq_poly(f.univariate_coefficients(var) if var else [f.constant_value()])
    if bounded and not (nonnegative(ctx, f, var) and nonnegative(ctx, 1 - f, var)):
        raise ctx.fail(obj.at(k), "a fidelity must lie in [0, 1] on the whole parameter domain")
    return f


def _image(ctx, spec):
    """(text, [(label, point)]): the images (<F_X, P>, <F_Y, P>) of the deterministic definite-order
    behaviours P (labels [k] in the order of :func:`exactbell.kernel.models.model_points`)."""
    spec.text("base", ("causal",))
    sc = read_scenario(ctx, spec)
    if sc.parties != 2 or causal_strategies(sc) > limits.STRATEGIES:
        raise ctx.fail(spec.at("scenario"),
                       f"the causal model: 2 parties, at most {limits.STRATEGIES} strategies")
    co = spec.obj("coordinates")
    (FX, tx), (FY, ty) = (read_functional(ctx, co, sc, k) for k in "XY")
    pairs = [((k,), tuple(fmpq_poly([F.value(Behaviour(sc, p))]) for F in (FX, FY)))
             for k, (_, p) in enumerate(model_points(ctx, spec, sc, "causal"))]
    order = ctx.cert.conventions.raw.get("order")  # read by read_functional for the probability form
    order = f" (coefficients in {order} order)" if order else ""
    return (f"the image (X, Y) = (<{tx}>, <{ty}>){order} of the {len(pairs)} deterministic definite-order "
            f"behaviours on {scenario_text(sc)}, labels [k] in the kernel's enumeration"), pairs


def _polygon(ctx, data, V) -> tuple:
    """Vertices V of a plane polygon: ccw order and facets; vs paper (a vertex set, a facet set up to
    positive scaling). Its support function (e.g. Eq. (49)) is a local-bound over the causal model."""
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
    holds = (sorted(pv) == sorted(V) and len(set(map(primitive, pf))) == len(pf)
             and set(map(primitive, pf)) == facets)
    return text, holds, f"vertices {shown(pv, pf, ';')}"


def _local(ctx, spec):
    """(text, [(label, point)], relabelings): the deterministic local strategies of a 2- or 3-party scenario
    (labels [k] in the kernel's enumeration) and all relabelings of the inputs, the outputs per input and
    the parties of equal shape, as coordinate permutations of the canonical p(a...|x...)."""
    sc = read_scenario(ctx, spec)
    shapes = list(zip(sc.inputs, sc.outputs))
    candidates = prod(factorial(m) * factorial(o) ** m for m, o in shapes)
    if sc.parties not in (2, 3) or candidates * factorial(sc.parties) > RELABELINGS:
        raise ctx.fail(spec.at("scenario"), f"2 or 3 parties, at most {RELABELINGS} relabelings")
    own = [list(product(permutations(range(m)), product(permutations(range(o)), repeat=m)))
           for m, o in shapes]  # per party: (input permutation, output permutation per input)
    maps = set()
    for sigma in permutations(range(sc.parties)):
        for rel in product(*own) if all(shapes[i] == shapes[j] for i, j in enumerate(sigma)) else ():
            pi = []
            for a, x in sc.entries():
                a2, x2 = [0] * sc.parties, [0] * sc.parties
                for i, j in enumerate(sigma):
                    x2[j], a2[j] = rel[i][0][x[i]], rel[i][1][x[i]][a[i]]
                pi.append(sc.index(tuple(a2), tuple(x2)))
            maps.add((tuple(pi), None))
    pairs = [((k,), tuple(flint.fmpq_poly([c]) for c in v))
             for k, (_, v) in enumerate(model_points(ctx, spec, sc, "local"))]
    return (f"the deterministic local points of {scenario_text(sc)} (p(a...|x...) in the canonical "
            f"inputs-major order, labels [k] in the kernel's enumeration)"), pairs, sorted(maps)


def _distinct(pairs) -> tuple[list, dict]:
    """([distinct point], {label: point index}) of [(label, point)]."""
    where, points, index = {}, [], {}
    for lab, v in pairs:
        if key(v) not in where:
            where[key(v)] = len(points)
            points.append(v)
        index[lab] = where[key(v)]
    return points, index


def read_model(ctx, data, symbolic=True, image=False):
    """(model text, var or None, [label], [distinct point], {label: point index}, relabelings) from
    data.model: a channel model (Eq. (9)/(11)), ``{"name": "a-to-b", "inputs": [m_x, m_y]}``, the
    correlators E_xy of the deterministic A→B strategies (Chaves et al. Fig. 1(c), binary outputs), or
    ``{"name": "local", "scenario": ...}`` (:func:`_local`)."""
    spec = data.obj("model")
    name = spec.text("name", (*FIDELITIES, "a-to-b", "local") + ("image",) * image)
    if len(ctx.domains) > symbolic:
        raise ctx.fail("parameters", "at most one parameter with a domain" if symbolic else
                       "fixed parameters only")
    var, maps = next(iter(ctx.domains), None), None
    if name == "image":
        text, pairs = _image(ctx, spec)
    elif name == "local":
        text, pairs, maps = _local(ctx, spec)
    elif name == "a-to-b":
        mx, my = spec.list("inputs", 2)
        if not all(type(m) is int and 2 <= m <= 4 for m in (mx, my)):
            raise ctx.fail(spec.at("inputs"), "two input counts in [2, 4]")
        cols = named_model("a-to-b", mx, my).columns()
        pairs = [((k,), tuple(flint.fmpq_poly([1 if o in (0, 3) else -1]) for o in c))
                 for k, c in enumerate(cols)]
        text = f"the A->B correlator polytope (E_xy, x < {mx}, y < {my}, (x,y) lexicographic)"
        maps = correlator_relabelings(mx, my)
    else:
        fo = spec.obj("fidelities")
        fids = [fidelity(ctx, fo, k, var) for k in FIDELITIES[name]]
        t = [str(f).replace(" ", "").replace("x", var or "x") for f in fids]
        text = f"S_({t[0]},{t[1]}),({t[2]},{t[3]}) (Eq. (9))" if name == "signaling" else \
            f"S_({t[0]},1)*,({t[1]},1)* (Eq. (11))"
        pairs = sw_model(name, fids)
    return (text, var, [lab for lab, _ in pairs], *_distinct(pairs), maps)


def label_of(ctx, where, raw, index):
    lab = tuple(raw) if isinstance(raw, list) else None
    if lab not in index:
        raise ctx.fail(where, "not a label of the model")
    return lab


SUPERMAP_CLASSES = ("no-signalling", "one-way-fixed", "one-way-dynamic", "ico-xor", "non-functional", "other")


def _er(t, party, d):
    """(emitted, received) value of a party at t = (A_in, A_out, B_in, B_out): direction 0 emits the
    output and receives the input, direction 1 the reverse."""
    inn, out = t[2 * party], t[2 * party + 1]
    return (out, inn) if d == 0 else (inn, out)


def supermap_class(T) -> str:
    """The class of an extreme point T (its support) after Liu–Chiribella Eq. (85), first match wins."""
    D, const = (0, 1), lambda v: len(set(v)) == 1  # noqa: E731
    em = lambda i, d, pts: [_er(t, i, d)[0] for t in pts]  # noqa: E731
    rc = lambda i, d, pts: [_er(t, i, d)[1] for t in pts]  # noqa: E731
    if any(const(rc(0, a, T)) and const(rc(1, b, T)) for a, b in product(D, D)):
        return "no-signalling"
    if any(const(rc(i, a, T)) and len(set(zip(em(i, a, T), rc(1 - i, b, T)))) == len(set(em(i, a, T)))
           for i, a, b in product(D, D, D)):
        return "one-way-fixed"
    if any(const(rc(i, a, T)) and all(any(const(rc(1 - i, b, [t for t in T if _er(t, i, a)[0] == e]))
                                          for b in D) for e in set(em(i, a, T))) for i, a in product(D, D)):
        return "one-way-dynamic"
    if any(const([r ^ e ^ f for (e, r), f in zip(map(lambda t: _er(t, 0, a), T), em(1, b, T))])
           and const([r ^ e ^ f for (f, r), e in zip(map(lambda t: _er(t, 1, b), T), em(0, a, T))])
           for a, b in product(D, D)):
        return "ico-xor"
    if any(len(set(zip(em(0, a, T), em(1, b, T)))) == len(T) for a, b in product(D, D)):
        return "other"
    return "non-functional"


def _supermap_extremes(ctx, data) -> Decision:
    """Liu–Chiribella App. D, Eqs. (79)–(85): qubit diagonal supermaps S_ijkl (A_in A_out B_in B_out).
    Eq. (12) with Tr S = 4 and the class sums Σ_{class c} S = 1 of ``partition`` (rows r: the class of
    t is (Σ_k r_k t_k mod 2)_r; Eq. (80)) are compared by exact ranks; if they agree, {S ≥ 0, Eq. (12)}
    is the product of the classes' simplices, whose extreme points are the 0/1 supermaps with one entry
    per class. Each is classified (:func:`supermap_class`); ``paper``: the printed counts."""
    spec = data.obj("model")
    spec.text("name", ("supermap",))
    if ctx.domains or ctx.fixed:
        raise ctx.fail("parameters", "the qubit supermap model has no parameters")
    rows = spec.list("partition")
    if not rows or any(not isinstance(r, list) or len(r) != 4
                       or any(v not in (0, 1) or type(v) is not int for v in r) for r in rows):
        raise ctx.fail(spec.at("partition"), "rows of 4 coefficients mod 2")
    pts = list(product((0, 1), repeat=4))
    cls = {}
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
        ranks = f"have different solution sets (ranks {r12}, {r80}, joint {both})"
        statement, _ = against_paper(head + ranks, False, ptext)
        return Decision(statement, "refuted", "exact ranks")
    counts = dict.fromkeys(SUPERMAP_CLASSES, 0)
    for T in product(*cls.values()):
        counts[supermap_class(T)] += 1
    shown = ", ".join(f"{k} {v}" for k, v in counts.items())
    sizes = ", ".join(str(len(v)) for v in cls.values())
    statement = (head + f"have the same solution set (affine dimension {16 - r80}), so with S >= 0 it is a "
                 f"product of {len(cls)} simplices with {sizes} vertices: {sum(counts.values())} extreme "
                 "points, the 0/1 supermaps with one entry per class; by the first matching class (a party "
                 "emits its output and receives its input, or the reverse; no-signalling: both received "
                 "values constant; one-way-fixed: one party's received value constant, the other's a "
                 "function of the first's emitted value; one-way-dynamic: one party's received value "
                 "constant and, for each value it emits, the other's constant in some direction; ico-xor: "
                 "r_A = e_A+e_B+alpha, r_B = e_A+e_B+beta mod 2; other: the emitted pair determines the "
                 "point (none of the "
                 f"above); non-functional: the rest): {shown}")
    holds = None if paper is None else all(counts[k] == v for k, v in claimed.items()) and not counts["other"]
    statement, verdict = against_paper(statement, holds, ptext)
    return Decision(statement, verdict, "exact ranks and classification of every extreme point")


@kind("vertex-set")
def decide(cert, ctx, data) -> Decision:
    """Every distinct point is shown once: extreme by an integer functional larger on it than on every
    other point, or redundant as a convex combination of other points."""
    if isinstance(data.raw.get("model"), dict) and data.raw["model"].get("name") == "supermap":
        return _supermap_extremes(ctx, data)
    if data.has("representatives"):
        return _representatives(ctx, data)
    text, _, labels, pts, index, _ = read_model(ctx, data, symbolic=False, image=True)
    P = [at(v, Fraction(0)) for v in pts]
    n, covered = len(P[0]), {}
    M = flint.fmpq_mat(len(P), n, [flint.fmpq(x.numerator, x.denominator) for v in P for x in v])
    for e in data.objs("extreme"):
        i = index[label_of(ctx, e.at("label"), e.get("label"), index)]
        c = e.list("functional", n)
        if not all(type(x) is int for x in c):
            raise ctx.fail(e.at("functional"), f"must be {n} integers")
        vals = M * flint.fmpq_mat(n, 1, c)
        if any(vals[j, 0] >= vals[i, 0] for j in range(len(P)) if j != i):
            raise ctx.fail(e.at("functional"), "does not separate the point from every other point")
        _cover(ctx, e, covered, i, True)
    for e in data.objs("redundant"):
        i = index[label_of(ctx, e.at("label"), e.get("label"), index)]
        acc, total = [Fraction(0)] * n, Fraction(0)
        for t, pair in enumerate(e.list("combination")):
            where = f"{e.at('combination')}[{t}]"
            if not isinstance(pair, list) or len(pair) != 2:
                raise ctx.fail(where, "must be [label, weight]")
            j = index[label_of(ctx, where, pair[0], index)]
            wt = ctx.value(e, "<weight>", raw=pair[1])
            if j == i or not isinstance(wt, Fraction) or wt <= 0:
                raise ctx.fail(where, "needs another point and a positive rational weight")
            total += wt
            acc = [a + wt * x for a, x in zip(acc, P[j])]
        if total != 1 or tuple(acc) != P[i]:
            raise ctx.fail(e.at("combination"), "is not a convex combination equal to the point")
        _cover(ctx, e, covered, i, False)
    if len(covered) != len(P):
        raise ctx.fail("data", f"{len(P) - len(covered)} distinct points are neither extreme nor redundant")
    verts = sorted(min(lab for lab in labels if index[lab] == i) for i, ext in covered.items() if ext)
    statement = (f"{text}: the {len(labels)} labelled points are {len(P)} distinct points, exactly "
                 f"{len(verts)} of which are vertices of their convex hull (least labels of the vertices: "
                 "sha256 "
                 f"{hashlib.sha256(repr(verts).encode()).hexdigest()[:12]})")
    extra, holds, shown = ("", None, None) if data.raw["model"]["name"] != "image" else \
        _polygon(ctx, data, [P[i] for i, ext in covered.items() if ext])
    statement, verdict = against_paper(statement + extra, holds, shown)
    return Decision(statement, verdict, "separating functionals and convex combinations checked exactly")


def _cover(ctx, e, covered, i, extreme):
    if i in covered:
        raise ctx.fail(e.at("label"), "point listed twice")
    covered[i] = extreme


def _representatives(ctx, data) -> Decision:
    """App. A: each representative's matrix is its Eq. (9) point (a polynomial identity in p, q, r, s);
    its class, a union of orbits under the relabelings preserving the model for all fidelities, is
    disjoint from the others; the classes cover every point; ``paper``: the printed class sizes."""
    if ctx.fixed or not ctx.domains:
        raise ctx.fail("parameters", "the symbolic mode takes the fidelities' symbols as parameters")
    spec = data.obj("model")
    spec.text("name", ("signaling",))
    fo = spec.obj("fidelities")
    fids = [Poly.lift(polynomial(ctx, fo, k, None)) for k in "pqrs"]
    pairs = sw_model("signaling", fids)
    points, index = _distinct(pairs)
    G = symmetries(points)
    orbit = {i: frozenset(g[i] for _, g in G) for i in range(len(points))}
    used, sizes, shown = set(), [], []
    for r in data.objs("representatives"):
        i = index[label_of(ctx, r.at("label"), r.get("label"), index)]
        rows = r.list("matrix", 4)
        if any(not isinstance(x, list) or len(x) != 4 for x in rows) or any(
                ctx.ratfun(r, "<matrix>", raw=x) != RationalFunction(c)
                for x, c in zip(sum(rows, []), points[i])):
            raise ctx.fail(r.at("matrix"), "is not the Eq. (9) point of the label")
        cls = set()
        for t, o in enumerate(r.list("orbits")):
            cls |= orbit[index[label_of(ctx, f"{r.at('orbits')}[{t}]", o, index)]]
        if i not in cls or cls & used:
            raise ctx.fail(r.where, "the class misses its representative or overlaps another class")
        used |= cls
        sizes.append(len(cls))
        shown.append(repr(rows))
    if len(used) != len(points):
        raise ctx.fail("data.representatives", f"the classes cover {len(used)} of {len(points)} points")
    digest = hashlib.sha256("|".join(shown).encode()).hexdigest()[:12]
    text = "S_(" + "),(".join(",".join(f.to_text() for f in fids[j:j + 2]) for j in (0, 2)) + ") (Eq. (9))"
    orbits = len(set(orbit.values()))
    statement = (f"{text}, {ctx.quantifier()}, as polynomial identities: the {len(pairs)} labelled points "
                 f"are {len(points)} distinct points, forming {orbits} orbits under the group of the "
                 f"{len(G)} relabelings preserving the model for all fidelities; the {len(sizes)} listed "
                 f"representatives (matrices sha256 {digest}) are points of the model whose classes (unions "
                 f"of orbits) have sizes {', '.join(map(str, sizes))} and cover all points")
    paper = data.list("paper", len(sizes), default=None)
    ptext = None if paper is None else "multiplicities " + ", ".join(map(str, paper))
    statement, verdict = against_paper(statement, None if paper is None else paper == sizes, ptext)
    return Decision(statement, verdict, "polynomial identities in the fidelities")
