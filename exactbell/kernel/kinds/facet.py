"""Kind ``facet``: inequalities <F, P> (<= or >=) b of a Sengupta–Wooltorton channel model, F in the
Eq. (5) 4×4 form, decided for ALL values of the (at most one) parameter with a domain.

data:
  model         as in ``vertex-set`` (fidelities may depend on the domain parameter)
  inequalities  [{"name", "matrix": 4×4 expressions, "sense": "<=" | ">=", "bound"}]
  paper         optional: "facets" | "facets, pairwise inequivalent" | "facets, one class"

Each inequality is decided: undefined (a denominator vanishes in the domain), invalid (a vertex
violates it at an exact parameter value), implicit equality, facet, or valid and not a facet.
Facet for all p: every slack is ≥ 0 on the domain (exact root isolation); the identically tight
points T have affine rank dim − 1 at generic p, where dim and all ranks are generic ranks (the
maximum over more sample points than the degree of any minor). Facet status can fail only at the
roots of one nonzero maximal minor of T or at common roots of the nonzero slacks; roots of these in
the domain are reported as exceptions. Classes: facets are compared under the kernel-computed
group of relabelings that preserve the model's point set identically in the parameter.
"""
from __future__ import annotations

import hashlib
from fractions import Fraction

import flint

from ..params import Domain
from ..polytope import Group, PointSet, at, bits, coeffs, fr, rank_minor, roots_in, symmetries
from ..upoly import evaluate, sign_cells
from . import Decision, against_paper, kind
from .vertex_set import read_model

CLAIMS = ("facets", "facets, pairwise inequivalent", "facets, one class")


def _uni(ctx, f, var, where):
    """RationalFunction -> (numerator, denominator) as fmpq_poly in var."""
    def conv(p):
        c = p.univariate_coefficients(var) if var else [p.constant_value()]
        return flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in c])
    return conv(f.num), conv(f.den)


def _samples(dom, k):
    """k rational points of the domain (none excluded), deterministic."""
    out, j = [], 1
    while len(out) < k:
        x = dom.lo + (dom.hi - dom.lo) * Fraction(j, 2 * k + 1)
        j += 1
        if dom.contains(x):
            out.append(x)
    return out


def _rank(evals, idx):
    """(generic rank, a sample point attaining it) of the homogenised points[idx]; ``evals`` maps
    each sample point x to the PointSet of all points at x."""
    best = (-1, None)
    for x, ps in evals.items():
        r = ps.rank(idx)
        best = max(best, (r, x), key=lambda t: t[0])
    return best


def decide_one(points, labels_of, var, dom, entries, bound, sense, xs, R, evals):
    """(status text, is_facet, tight index set)."""
    D = flint.fmpq_poly([1])
    for _, den in entries + [bound]:
        D = D * den // D.gcd(den)
    N = [n * (D // d) for n, d in entries]
    B = bound[0] * (D // bound[1])
    if var and roots_in(D, Domain(dom.lo, dom.hi, dom.lo_closed, dom.hi_closed)):
        return "undefined (a denominator vanishes in the domain)", False, None
    sD = 1 if evaluate(coeffs(D), xs[0]) > 0 else -1
    sgn = sD if sense == "<=" else -sD
    slacks = []
    for v in points:
        s = B - sum((n * c for n, c in zip(N, v) if n != 0 and c != 0), flint.fmpq_poly([]))
        slacks.append(s * sgn)
    for i, s in enumerate(slacks):
        if s == 0:
            continue
        cells = sign_cells(coeffs(s), dom.lo, dom.hi) if var else [(Fraction(0), 1 if fr(s[0]) > 0 else -1)]
        for x, sg in cells:
            if sg < 0 and (not var or dom.contains(x)):
                amount = -fr(s(flint.fmpq(x.numerator, x.denominator))) / abs(evaluate(coeffs(D), x))
                where = f" at {var} = {x}" if var else ""
                return f"invalid: violated{where} by the point of label {labels_of[i]} by {amount}", False, None
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
    _, minor = rank_minor(points, T, x1)
    g = flint.fmpq_poly([])
    for s in slacks:
        g = s if g == 0 else g.gcd(s) if s != 0 else g
    bad = roots_in(minor * g, dom) if var else 0
    if bad:
        poly = str(minor * g).replace(" ", "").replace("x", var)
        return f"facet except possibly at {bad} values of {var} (roots of {poly})", False, frozenset(T)
    return "facet", True, frozenset(T)


@kind("facet")
def decide(cert, ctx, data) -> Decision:
    ctx.cert.conventions.text("form", ("sw-4x4",))
    text, var, labels, points, index, maps = read_model(ctx, data)
    if maps is not None:
        raise ctx.fail("data.model", "facet inequalities in the Eq. (5) form need a channel model")
    dom = ctx.domains.get(var)
    labels_of = {}
    for lab in labels:
        labels_of.setdefault(index[lab], lab)
    degree = max(c.degree() for v in points for c in v)
    xs = _samples(dom, 17 * max(degree, 0) + 1) if var else [Fraction(0)]
    evals = {x: PointSet([at(v, x) for v in points]) for x in xs}
    R = _rank(evals, range(len(points)))[0]
    items, names = data.list("inequalities"), []
    results, shown = [], []
    for k, raw in enumerate(items):
        it = data.__class__(raw, f"data.inequalities[{k}]", data.path)
        name = it.text("name")
        if name in names or not name.strip():
            raise ctx.fail(it.at("name"), "empty or repeated name")
        names.append(name)
        rows = it.list("matrix", 4)
        if any(not isinstance(r, list) or len(r) != 4 for r in rows):
            raise ctx.fail(it.at("matrix"), "must be a 4x4 matrix (Eq. (5) form)")
        ents = [_uni(ctx, ctx.ratfun(it, "<matrix>", raw=x), var, it.at("matrix")) for r in rows for x in r]
        sense = it.text("sense", ("<=", ">="))
        bound = _uni(ctx, ctx.ratfun(it, "bound"), var, it.at("bound"))
        it.close()
        canon = ";".join(f"{n}/{d}" for n, d in ents + [bound]) + sense
        shown.append(f"{name} [{sense} #{hashlib.sha256(canon.encode()).hexdigest()[:10]}]")
        try:
            results.append(decide_one(points, labels_of, var, dom, ents, bound, sense, xs, R, evals))
        except ValueError as e:
            raise ctx.fail(it.where, str(e)) from None
    G = Group([g for _, g in symmetries(points)])
    keys = [G.canonical_with(bits(T))[0] if ok else None for _, ok, T in results]
    facet_keys = [k for k in keys if k is not None]
    n_cls = len(set(facet_keys))
    parts = [f"{s}: {st}" for s, (st, _, _) in zip(shown, results)]
    quant = ", ".join(t for t in (ctx.quantifier(),) if t)
    statement = (f"on {text}{', ' + quant if quant else ''}: " + "; ".join(parts) +
                 f"; facet classes under the group of the {G.order} relabelings preserving the model's points"
                 f"{' for all ' + var if var else ''}: {n_cls} among {len(facet_keys)} facets")
    claim = data.text("paper", CLAIMS, default=None)
    all_facets = len(facet_keys) == len(results)
    holds = all_facets and {"facets": True, "facets, pairwise inequivalent": n_cls == len(results),
                            "facets, one class": n_cls == 1}.get(claim, True)
    statement, verdict = against_paper(statement, holds, claim)
    return Decision(statement, verdict, f"generic ranks from {len(xs)} sample points; exact root isolation")
