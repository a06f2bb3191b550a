"""Kind ``facet``: inequalities <F, v> (<= or >=) b on the points v of a model, each decided a facet of
their convex hull or not, for ALL values of at most one parameter; then their classes under the kernel's
group of relabelings preserving the points. Models: Sengupta–Wooltorton channels (F in the Eq. (5) form),
the A→B model of Chaves et al. (Fig. 1(c), eq. (10)) in correlator or probability space, the local
model of a Bell scenario (canonical p(a...|x...)). docs/kinds/facet.md.
"""
from __future__ import annotations

import hashlib
from fractions import Fraction

import flint

from ..lp import named_model
from ..models import read_functional
from ..params import Domain
from ..polytope import Group, PointSet, at, bits, coeffs, correlator_relabelings, fr, q, rank_minor, roots_in
from ..polytope import symmetries
from ..scenario import Scenario
from ..upoly import evaluate, sign_cells
from . import Decision, against_paper, kind
from .vertex_set import _distinct, read_model

CLAIMS = ("facets", "facets, pairwise inequivalent", "facets, one class")
SIGN = (1, -1, -1, 1)  # (-1)^(a+b) at outcome index 2a + b


def _uni(f, var):
    """RationalFunction -> (numerator, denominator) as fmpq_poly in var."""
    conv = lambda p: p.univariate_coefficients(var) if var else [p.constant_value()]  # noqa: E731
    return flint.fmpq_poly([q(x) for x in conv(f.num)]), flint.fmpq_poly([q(x) for x in conv(f.den)])


def _samples(dom, k):
    """k rational points of the domain: the first k of 2k + #excluded interior grid points not excluded."""
    n = 2 * k + len(dom.excluded)
    grid = (dom.lo + (dom.hi - dom.lo) * Fraction(j, n + 1) for j in range(1, n + 1))
    return [x for x in grid if dom.contains(x)][:k]


def _rank(evals, idx):
    """(generic rank, a sample point attaining it) of the homogenised points[idx]; ``evals`` maps
    each sample point x to the PointSet of all points at x."""
    return max(((ps.rank(idx), x) for x, ps in evals.items()), key=lambda t: t[0])


def _a_to_b(ctx, data, text):
    """The A→B model (b depends on a and y) in ``data.space``: (text, distinct points, {label: point
    index}, relabelings, reader of an inequality's coefficients in that space). Probability space:
    p(ab|xy) at 4(m_y·x + y) + 2a + b (the canonical inputs-major order); correlator space: E_xy."""
    space = data.text("space", ("correlator", "probability"))
    mx, my = data.raw["model"]["inputs"]  # checked by read_model
    cols = named_model("a-to-b", mx, my).columns()
    pts = [tuple(int(o == j) for o in col for j in range(4)) if space == "probability"
           else tuple(SIGN[o] for o in col) for col in cols]
    distinct, index = _distinct([((k,), v) for k, v in enumerate(pts)])
    dim = PointSet(distinct).rank(range(len(distinct))) - 1
    maps = correlator_relabelings(mx, my, space)
    if space == "probability":
        text = f"the A->B polytope in probability space (p(ab|xy) at 4({my}x+y)+2a+b, x < {mx}, y < {my})"
    sc = Scenario((mx, my), (2, 2))

    def coefficients(it):
        F = read_functional(ctx, it, sc)[0].coefficients  # canonical: p(ab|xy) at 4(m_y·x + y) + 2a + b
        if space == "probability":
            return F
        if any(c != SIGN[k % 4] * F[k - k % 4] for k, c in enumerate(F)):
            raise ctx.fail(it.at("functional"), "is not a function of the correlators E_xy alone")
        return F[::4]
    points = [tuple(flint.fmpq_poly([c]) for c in v) for v in distinct]
    return f"{text} ({len(distinct)} distinct points, dimension {dim})", points, index, maps, coefficients


def decide_one(points, label, var, dom, entries, bound, sense, xs, R, evals):
    """(status text, is_facet, tight index set)."""
    D = flint.fmpq_poly([1])
    for _, den in entries + [bound]:
        D = D * den // D.gcd(den)
    N = [n * (D // d) for n, d in entries]
    B = bound[0] * (D // bound[1])
    if var and roots_in(D, Domain(dom.lo, dom.hi, dom.lo_closed, dom.hi_closed)):
        return "undefined (a denominator vanishes in the domain)", False, None
    sgn = (1 if evaluate(coeffs(D), xs[0]) > 0 else -1) * (1 if sense == "<=" else -1)
    zero = flint.fmpq_poly([])
    slacks = [sgn * (B - sum((n * c for n, c in zip(N, v) if n != 0 and c != 0), zero)) for v in points]
    for i, s in enumerate(slacks):
        if s == 0:
            continue
        cells = sign_cells(coeffs(s), dom.lo, dom.hi) if var else [(Fraction(0), 1 if fr(s[0]) > 0 else -1)]
        for x, sg in cells:
            if sg < 0 and (not var or dom.contains(x)):
                amount, where = -fr(s(q(x))) / abs(evaluate(coeffs(D), x)), f" at {var} = {x}" if var else ""
                return f"invalid: violated{where} by the point of label {label[i]} by {amount}", False, None
            if sg < 0 and x not in (dom.lo, dom.hi):
                raise ValueError(f"a sample point {x} of a negative cell is excluded from the domain")
    T = [i for i, s in enumerate(slacks) if s == 0]
    if len(T) == len(points):
        return "implicit equality (tight on every point)", False, None
    rT, x1 = _rank(evals, T)
    if rT != R - 1:
        word = "identically tight" if var else "tight"
        if not T:
            return f"valid, not a facet (no point is {word})", False, None
        return f"valid, not a facet (its {word} points have affine rank {rT - 1} < {R - 2})", False, None
    if not var:
        return "facet", True, frozenset(T)
    exceptional = zero  # facet status can fail only at the roots of a maximal minor or of every slack
    for s in slacks:
        exceptional = exceptional.gcd(s)
    exceptional *= rank_minor(points, T, xs, x1)
    bad = roots_in(exceptional, dom)
    if bad:
        poly = str(exceptional).replace(" ", "").replace("x", var)
        return f"facet except possibly at {bad} values of {var} (roots of {poly})", False, frozenset(T)
    return "facet", True, frozenset(T)


@kind("facet")
def decide(cert, ctx, data) -> Decision:
    text, var, labels, points, index, maps = read_model(ctx, data)
    spec, coefficients = data.raw["model"], None  # checked by read_model
    if spec["name"] == "local":  # canonical p(a...|x...) in the notation of conventions.form
        sc = Scenario(tuple(spec["scenario"]["inputs"]), tuple(spec["scenario"]["outputs"]))
        coefficients = lambda it: read_functional(ctx, it, sc)[0].coefficients  # noqa: E731
    else:
        ctx.cert.conventions.text("form", ("sw-4x4",) if maps is None else ("correlator",))
    if maps is not None and coefficients is None:
        text, points, index, maps, coefficients = _a_to_b(ctx, data, text)
    dom = ctx.domains.get(var)
    labels_of = {index[lab]: lab for lab in reversed(labels)}  # the first label of each distinct point
    degree = max(c.degree() for v in points for c in v)
    xs = _samples(dom, (len(points[0]) + 1) * max(degree, 0) + 1) if var else [Fraction(0)]
    evals = {x: PointSet([at(v, x) for v in points]) for x in xs}
    R = _rank(evals, range(len(points)))[0]
    names, results, shown = [], [], []
    for it in data.objs("inequalities"):
        name = it.text("name")
        if name in names or not name.strip():
            raise ctx.fail(it.at("name"), "empty or repeated name")
        names.append(name)
        if coefficients is None:
            rows = it.list("matrix", 4)
            if any(not isinstance(r, list) or len(r) != 4 for r in rows):
                raise ctx.fail(it.at("matrix"), "must be a 4x4 matrix (Eq. (5) form)")
            ents = [_uni(ctx.ratfun(it, "<matrix>", raw=x), var) for r in rows for x in r]
        else:
            ents = [(flint.fmpq_poly([q(c)]), flint.fmpq_poly([1])) for c in coefficients(it)]
        sense = it.text("sense", ("<=", ">="))
        bound = _uni(ctx.ratfun(it, "bound"), var)
        canon = ";".join(f"{n}/{d}" for n, d in ents + [bound]) + sense
        shown.append(f"{name} [{sense} #{hashlib.sha256(canon.encode()).hexdigest()[:10]}]")
        try:
            results.append(decide_one(points, labels_of, var, dom, ents, bound, sense, xs, R, evals))
        except ValueError as e:
            raise ctx.fail(it.where, str(e)) from None
    G = Group([g for _, g in symmetries(points, maps)])
    facet_keys = [G.canonical_with(bits(T))[0] for _, ok, T in results if ok]
    n_cls = len(set(facet_keys))
    parts = [f"{s}: {st}" for s, (st, _, _) in zip(shown, results)]
    quant = ctx.quantifier()
    statement = (f"on {text}{', ' + quant if quant else ''}: " + "; ".join(parts) +
                 f"; facet classes under the group of the {G.order} relabelings preserving the model's points"
                 f"{' for all ' + var if var else ''}: {n_cls} among {len(facet_keys)} facets")
    claim = data.text("paper", CLAIMS, default=None)
    distinct = {"facets, pairwise inequivalent": n_cls == len(results), "facets, one class": n_cls == 1}
    holds = len(facet_keys) == len(results) and distinct.get(claim, True)
    statement, verdict = against_paper(statement, holds, claim)
    return Decision(statement, verdict, f"generic ranks from {len(xs)} sample points; exact root isolation")
