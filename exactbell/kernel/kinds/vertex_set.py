"""Kind ``vertex-set``: which points of a Sengupta–Wooltorton channel model (Eq. (9), Eq. (11)) are
vertices of their convex hull, at fixed rational fidelities.

data:
  model      {"name": "signaling" | "signaling-mix", "fidelities": {"p", "q", "r", "s"} or {"p", "r"}}
             (expressions in the parameters); the kernel builds the 256 (1024) labelled points
  extreme    [{"label": [...], "functional": [16 integers]}]: <c, v> is larger on this point than
             on every other distinct point, so it is a vertex
  redundant  [{"label": [...], "combination": [[label, weight], ...]}]: a convex combination of
             other points, so not a vertex
Every distinct point is covered exactly once.

Image mode (Liu–Chiribella App. C, Eq. (54), Fig. 2(b)): model {"name": "image", "base": "causal",
"scenario", "coordinates": {"X": F_X, "Y": F_Y}} (functionals in ``conventions.form``): the points
are the images (<F_X, P>, <F_Y, P>) of the kernel's deterministic definite-order behaviours (labels
[k]: position in :func:`exactbell.kernel.models.causal_behaviours`); the image of the causal polytope
is the convex hull of these. The statement then also gives the polygon's vertices, its facets and
max over it of alpha X + (1 - alpha) Y for all alpha in [0, 1] (the upper envelope of the vertex
lines). ``paper`` (optional): {"vertices", "facets": [[c_X, c_Y, r], ...] for c_X X + c_Y Y <= r,
"envelope": [[intercept, slope], ...]}, compared as a vertex set, a facet set (up to positive
scaling) and as functions of alpha on [0, 1].

Symbolic mode (Appendix A; parameters p, q, r, s with domains, no fixed ones), instead of
extreme/redundant:
  representatives  [{"label": [kA, kB], "matrix": 4×4 (Eq. (5)), "orbits": [[kA, kB], ...]}]: the
             matrix is the Eq. (9) point of the label (a polynomial identity); the class is the union
             of the orbits of the listed labels under the kernel's group of relabelings preserving
             the model for all fidelities; classes must be disjoint and cover every point.
  paper      optional: the printed multiplicities, one per representative
"""
from __future__ import annotations

import hashlib
from fractions import Fraction
from math import lcm

import flint

from ..lp import named_model
from ..poly import RationalFunction
from ..polytope import at, correlator_relabelings, key, primitive, sw_model, symmetries
from ..upoly import nonnegative_on
from . import Decision, against_paper, kind

FIDELITIES = {"signaling": "pqrs", "signaling-mix": "pr"}


def _poly(ctx, obj, k, var, raw=None):
    f = ctx.ratfun(obj, k, raw=raw)
    den = f.den.constant_value()
    if den is None:
        raise ctx.fail(obj.at(k), "a fidelity must be a polynomial in the parameter")
    c = f.num.univariate_coefficients(var) if var else [f.num.constant_value()]
    return flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in (Fraction(y) / den for y in c)])


def nonnegative(ctx, f, var) -> bool:
    """f ≥ 0 on the closed hull of the domain of var (f: fmpq_poly; a constant when var is None)."""
    a = [Fraction(int(c.p), int(c.q)) for c in f.coeffs()] or [Fraction(0)]
    return nonnegative_on(a, ctx.domains[var].lo, ctx.domains[var].hi)[0] if var else a[0] >= 0


def fidelity(ctx, fo, k, var):
    f = _poly(ctx, fo, k, var)
    if not (nonnegative(ctx, f, var) and nonnegative(ctx, 1 - f, var)):
        raise ctx.fail(fo.at(k), "a fidelity must lie in [0, 1] on the whole parameter domain")
    return f


def _image(ctx, spec):
    """(text, [(label, point)]) of the image model (see the module docstring)."""
    from ..models import causal_behaviours, read_functional, read_scenario, scenario_text
    spec.text("base", ("causal",))
    sc = read_scenario(ctx, spec)
    if sc.parties != 2:
        raise ctx.fail(spec.at("scenario"), "the causal model is implemented for 2 parties")
    co = spec.obj("coordinates")
    (FX, tx), (FY, ty) = (read_functional(ctx, co, sc, k) for k in "XY")
    pairs = []
    for k, outs in enumerate(causal_behaviours(sc)):
        beh = [int(outs[sc.contexts.index(x)] == a) for a, x in sc.entries()]
        pairs.append(((k,), tuple(flint.fmpq_poly([flint.fmpq(v.numerator, v.denominator)]) for v in (
            sum((Fraction(c) * b for c, b in zip(F.coefficients, beh)), Fraction(0)) for F in (FX, FY)))))
    return (f"the image (X, Y) = (<{tx}>, <{ty}>) of the {len(pairs)} deterministic definite-order behaviours "
            f"on {scenario_text(sc)}, labels [k] in the kernel's enumeration"), pairs


def _polygon(ctx, data, V) -> str:
    """Vertices V of a plane polygon: ccw order, facets, envelope of alpha X + (1 - alpha) Y; vs paper."""
    cross = lambda o, a, b: (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])  # noqa: E731
    lo, up = [], []
    for chain, seq in ((lo, sorted(V)), (up, sorted(V, reverse=True))):
        for q in seq:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], q) <= 0:
                chain.pop()
            chain.append(q)
    H = lo[:-1] + up[:-1] if len(V) > 2 else sorted(V)
    if len(V) < 3 or sorted(H) != sorted(V):
        raise ctx.fail("data.model", "the image is not a two-dimensional polygon")
    facets = {primitive((b[1] - a[1], a[0] - b[0], (b[1] - a[1]) * a[0] + (a[0] - b[0]) * a[1]))
              for a, b in zip(H, H[1:] + H[:1])}
    lines = [(y, x - y) for x, y in H]  # alpha X + (1 - alpha) Y = Y + alpha (X - Y)
    env = lambda L, a: max(b + m * a for b, m in L)  # noqa: E731
    cuts = sorted({Fraction(0), Fraction(1)} | {(b2 - b1) / (m1 - m2) for b1, m1 in lines for b2, m2 in lines
                                                if m1 != m2 and 0 < (b2 - b1) / (m1 - m2) < 1})
    active = sorted({max(lines, key=lambda t: t[0] + t[1] * (u + v) / 2) for u, v in zip(cuts, cuts[1:])},
                    key=lambda t: t[1])
    q = lambda x: str(x)  # noqa: E731
    line = lambda b, m: f"{q(b)} {'-' if m < 0 else '+'} {q(abs(m))} alpha"  # noqa: E731
    text = (f"; the polygon has vertices (counter-clockwise) {', '.join(f'({q(x)}, {q(y)})' for x, y in H)}, facets "
            f"{', '.join(f'{a} X + {b} Y <= {r}' for a, b, r in sorted(facets))}, and max over it of "
            f"alpha X + (1 - alpha) Y for all alpha in [0, 1] is max{{{', '.join(line(*t) for t in active)}}}")
    paper = data.obj("paper", default=None)
    if paper is None:
        return text, None, None
    pv = [tuple(ctx.value(paper, "<vertex>", raw=c) for c in v) for v in paper.list("vertices")]
    pf = [tuple(ctx.value(paper, "<facet>", raw=c) for c in f) for f in paper.list("facets")]
    pl = [tuple(ctx.value(paper, "<line>", raw=c) for c in ln) for ln in paper.list("envelope")]
    if any(len(t) != n for ts, n in ((pv, 2), (pf, 3), (pl, 2)) for t in ts) or not pl or any(f[:2] == (0, 0) for f in pf):
        raise ctx.fail("data.paper", "vertices [X, Y], facets [c_X, c_Y, r] (not both c zero), envelope [b, m] (nonempty)")
    cuts = sorted({Fraction(0), Fraction(1)} | {(b2 - b1) / (m1 - m2) for b1, m1 in lines + pl for b2, m2 in lines + pl
                                                if m1 != m2 and 0 < (b2 - b1) / (m1 - m2) < 1})
    holds = (sorted(pv) == sorted(V) and len(pv) == len(V) and len(set(map(primitive, pf))) == len(pf)
             and set(map(primitive, pf)) == facets and all(env(lines, a) == env(pl, a) for a in cuts))
    shown = (f"vertices {', '.join(f'({q(x)}, {q(y)})' for x, y in pv)}; facets "
             f"{', '.join(f'{a} X + {b} Y <= {r}' for a, b, r in pf)}; envelope max{{{', '.join(line(*t) for t in pl)}}}")
    return text, holds, shown


def read_model(ctx, data, symbolic=True, image=False):
    """(model text, var or None, [label], [distinct point], {label: point index}, relabelings) from
    data.model: a channel model (Eq. (9)/(11)) or ``{"name": "a-to-b", "inputs": [m_x, m_y]}``, the
    correlators E_xy of the deterministic A→B strategies (Chaves et al. Fig. 1(c), binary outputs)."""
    spec = data.obj("model")
    name = spec.text("name", (*FIDELITIES, "a-to-b") + ("image",) * image)
    if len(ctx.domains) > (1 if symbolic else 0):
        raise ctx.fail("parameters", "at most one parameter with a domain" if symbolic else "fixed parameters only")
    var = next(iter(ctx.domains), None)
    if name == "image":
        if ctx.domains:
            raise ctx.fail("parameters", "fixed parameters only")
        text, pairs = _image(ctx, spec)
        maps = None
    elif name == "a-to-b":
        mx, my = spec.list("inputs", 2)
        if not all(type(m) is int and 2 <= m <= 4 for m in (mx, my)):
            raise ctx.fail(spec.at("inputs"), "two input counts in [2, 4]")
        cols = named_model("a-to-b", mx, my).columns()
        pairs = [((k,), tuple(flint.fmpq_poly([1 if o in (0, 3) else -1]) for o in c)) for k, c in enumerate(cols)]
        text = f"the A->B correlator polytope (E_xy, x < {mx}, y < {my}, (x,y) lexicographic)"
        maps = correlator_relabelings(mx, my)
    else:
        fo = spec.obj("fidelities")
        fids, texts = [], []
        for k in FIDELITIES[name]:
            f = fidelity(ctx, fo, k, var)
            fids.append(f)
            texts.append(str(f).replace(" ", "").replace("x", var or "x"))
        text = (f"S_({texts[0]},{texts[1]}),({texts[2]},{texts[3]}) (Eq. (9))" if name == "signaling"
                else f"S_({texts[0]},1)*,({texts[1]},1)* (Eq. (11))")
        pairs, maps = sw_model(name, fids), None
    where, points, index = {}, [], {}
    for lab, v in pairs:
        if key(v) not in where:
            where[key(v)] = len(points)
            points.append(v)
        index[lab] = where[key(v)]
    return text, var, [lab for lab, _ in pairs], points, index, maps


def label_of(ctx, where, raw, index):
    lab = tuple(raw) if isinstance(raw, list) else None
    if lab not in index:
        raise ctx.fail(where, "not a label of the model")
    return lab


@kind("vertex-set")
def decide(cert, ctx, data) -> Decision:
    if data.has("representatives"):
        return _representatives(ctx, data)
    text, _, labels, pts, index, _ = read_model(ctx, data, symbolic=False, image=True)
    P = [at(v, Fraction(0)) for v in pts]
    n = len(P[0])
    covered = {}
    L = lcm(*[x.denominator for v in P for x in v])
    M = flint.fmpz_mat(len(P), n, [int(x * L) for v in P for x in v])
    for k, e in enumerate(data.list("extreme")):
        w = f"data.extreme[{k}]"
        e = data.__class__(e, w, data.path)
        i = index[label_of(ctx, f"{w}.label", e.get("label"), index)]
        c = e.list("functional", n)
        if not all(type(x) is int for x in c):
            raise ctx.fail(f"{w}.functional", f"must be {n} integers")
        e.close()
        vals = M * flint.fmpz_mat(n, 1, c)
        if any(vals[j, 0] >= vals[i, 0] for j in range(len(P)) if j != i):
            raise ctx.fail(f"{w}.functional", "does not separate the point from every other point")
        if i in covered:
            raise ctx.fail(f"{w}.label", "point listed twice")
        covered[i] = True
    for k, e in enumerate(data.list("redundant")):
        w = f"data.redundant[{k}]"
        e = data.__class__(e, w, data.path)
        i = index[label_of(ctx, f"{w}.label", e.get("label"), index)]
        acc, total = [Fraction(0)] * n, Fraction(0)
        for t, pair in enumerate(e.list("combination")):
            if not isinstance(pair, list) or len(pair) != 2:
                raise ctx.fail(f"{w}.combination[{t}]", "must be [label, weight]")
            j = index[label_of(ctx, f"{w}.combination[{t}]", pair[0], index)]
            wt = ctx.value(e, "<weight>", raw=pair[1])
            if j == i or not isinstance(wt, Fraction) or wt <= 0:
                raise ctx.fail(f"{w}.combination[{t}]", "needs another point and a positive rational weight")
            total += wt
            acc = [a + wt * x for a, x in zip(acc, P[j])]
        e.close()
        if total != 1 or tuple(acc) != P[i]:
            raise ctx.fail(f"{w}.combination", "is not a convex combination equal to the point")
        if i in covered:
            raise ctx.fail(f"{w}.label", "point listed twice")
        covered[i] = False
    if len(covered) != len(P):
        raise ctx.fail("data", f"{len(P) - len(covered)} distinct points are neither shown extreme nor redundant")
    verts = sorted(min(lab for lab in labels if index[lab] == i) for i, ext in covered.items() if ext)
    digest = hashlib.sha256(repr(verts).encode()).hexdigest()[:12]
    statement = (f"{text}: the {len(labels)} labelled points are {len(P)} distinct points, "
                 f"exactly {len(verts)} of which are vertices of their convex hull (least labels of the vertices: "
                 f"sha256 {digest})")
    if data.raw["model"]["name"] != "image":
        return Decision(statement, "verified", "separating functionals and convex combinations checked exactly")
    extra, holds, shown = _polygon(ctx, data, [P[i] for i, ext in covered.items() if ext])
    statement, verdict = against_paper(statement + extra, holds, shown)
    return Decision(statement, verdict, "separating functionals and convex combinations checked exactly")


def _representatives(ctx, data) -> Decision:
    if ctx.fixed or not ctx.domains:
        raise ctx.fail("parameters", "the symbolic mode takes the fidelities' symbols as parameters with domains")
    spec = data.obj("model")
    spec.text("name", ("signaling",))
    fo = spec.obj("fidelities")
    fids = []
    for k in "pqrs":
        f = ctx.ratfun(fo, k)
        if f.den.constant_value() is None:
            raise ctx.fail(fo.at(k), "a fidelity must be a polynomial")
        fids.append(f.num * (1 / f.den.constant_value()))
    pairs = sw_model("signaling", fids)
    pts, index = {}, {}
    for lab, v in pairs:
        index[lab] = pts.setdefault(key(v), len(pts))
    points = [None] * len(pts)
    for lab, v in pairs:
        points[index[lab]] = v
    G = symmetries(points)
    orbit = {i: frozenset(g[i] for _, g in G) for i in range(len(points))}
    used, sizes, shown = set(), [], []
    for k, raw in enumerate(data.list("representatives")):
        r = data.__class__(raw, f"data.representatives[{k}]", data.path)
        i = index[label_of(ctx, r.at("label"), r.get("label"), index)]
        rows = r.list("matrix", 4)
        if any(not isinstance(x, list) or len(x) != 4 for x in rows) or any(
                ctx.ratfun(r, "<matrix>", raw=x) != RationalFunction(c) for x, c in zip(sum(rows, []), points[i])):
            raise ctx.fail(r.at("matrix"), "is not the Eq. (9) point of the label")
        cls = set()
        for t, o in enumerate(r.list("orbits")):
            cls |= orbit[index[label_of(ctx, f"{r.at('orbits')}[{t}]", o, index)]]
        r.close()
        if i not in cls or cls & used:
            raise ctx.fail(r.where, "the class misses its representative or overlaps another class")
        used |= cls
        sizes.append(len(cls))
        shown.append(repr(rows))
    if len(used) != len(points):
        raise ctx.fail("data.representatives", f"the classes cover {len(used)} of {len(points)} distinct points")
    digest = hashlib.sha256("|".join(shown).encode()).hexdigest()[:12]
    text = "S_(" + "),(".join(",".join(f.to_text() for f in fids[j:j + 2]) for j in (0, 2)) + ") (Eq. (9))"
    statement = (f"{text}, {ctx.quantifier()}, as polynomial identities: the {len(pairs)} labelled points are "
                 f"{len(points)} distinct points, forming {len(set(orbit.values()))} orbits under the group of the "
                 f"{len(G)} relabelings preserving the model for all fidelities; the {len(sizes)} listed "
                 f"representatives (matrices sha256 {digest}) are points of the model whose classes (unions of "
                 f"orbits) have sizes {', '.join(map(str, sizes))} and cover all points")
    paper = data.list("paper", len(sizes), default=None)
    statement, verdict = against_paper(statement, None if paper is None else paper == sizes,
                                       None if paper is None else "multiplicities " + ", ".join(map(str, paper)))
    return Decision(statement, verdict, "polynomial identities in the fidelities")
