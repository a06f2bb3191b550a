"""Kind ``facet`` (docs/kinds/facet.md): inequalities <F, v> (<= or >=) b on the points v of a model
(:func:`..models.read_points`), each decided a facet of their hull or not for ALL values of at most one
parameter, and their classes under the kernel's group of relabelings preserving the points."""
from __future__ import annotations

import re
from fractions import Fraction
from functools import reduce

import flint

from ..models import SIGN, read_functional, read_points, univariate
from ..numbers import digest
from ..params import Domain
from ..polytope import Group, PointSet, at, bits, rank_minor, roots_in, symmetries
from ..scenario import Scenario
from ..upoly import evaluate, flint as fmpq_poly, sign_cells, to_fraction, trim
from . import Decision, against_paper, kind

CLAIMS = ("facets", "facets, pairwise inequivalent", "facets, one class")
_NAME = re.compile(r"^[A-Za-z0-9#][A-Za-z0-9 #'*^_<>=+,.\[\]-]{0,39}$")  # names enter the statement: no free text
ONE = flint.fmpq_poly([1])


def decide_one(ctx, it, points, label, var, dom, entries, bound, sense, xs, R, grank):
    """(status text, is_facet, tight set) of ``it`` (entries, bound: (numerator, denominator) fmpq_polys);
    grank(idx): (generic rank, a sample of xs attaining it); R: the rank of all points."""
    D = reduce(lambda a, b: a * b // a.gcd(b), [d for _, d in entries + [bound]], ONE)
    if var and roots_in(D, Domain(dom.lo, dom.hi, dom.lo_closed, dom.hi_closed)):
        return "undefined (a denominator vanishes in the domain)", False, None
    sgn = (1 if evaluate(D, xs[0]) > 0 else -1) * (1 if sense == "<=" else -1)
    N, B, zero = [n * (D // d) for n, d in entries], bound[0] * (D // bound[1]), flint.fmpq_poly([])
    slacks = [sgn * (B - sum((n * c for n, c in zip(N, v) if n != 0 and c != 0), zero)) for v in points]
    for i, s in enumerate(slacks):
        cells = [] if s == 0 else sign_cells(trim(s), dom.lo, dom.hi) if var else [(Fraction(0), to_fraction(s[0]))]
        for x in (x for x, sg in cells if sg < 0):
            if not var or dom.contains(x):
                amount, where = -evaluate(s, x) / abs(evaluate(D, x)), f" at {var} = {x}" if var else ""
                return f"invalid: violated{where} by the point of label {label[i]} by {amount}", False, None
            if x not in (dom.lo, dom.hi):
                raise ctx.fail(it.where, f"a sample point {x} of a negative cell is excluded from the domain")
    T = [i for i, s in enumerate(slacks) if s == 0]
    if len(T) == len(points):
        return "implicit equality (tight on every point)", False, None
    (rT, x1), word = grank(T), "identically tight" if var else "tight"
    if rT != R - 1:
        why = f"its {word} points have affine rank {rT - 1} < {R - 2}" if T else f"no point is {word}"
        return f"valid, not a facet ({why})", False, None
    # facet status can fail only at the roots of a maximal minor or of every slack
    exceptional = reduce(lambda a, b: a.gcd(b), slacks, zero) * rank_minor(points, T, xs, x1) if var else None
    if var and (bad := roots_in(exceptional, dom)):
        poly = str(exceptional).replace(" ", "").replace("x", var)
        return f"facet except possibly at {bad} values of {var} (roots of {poly})", False, frozenset(T)
    return "facet", True, frozenset(T)


@kind("facet")
def decide(cert, ctx, data) -> Decision:
    text, var, labels, points, index, maps = read_points(ctx, data, space=True)
    spec = data.raw["model"]  # checked by read_points
    if spec["name"] != "local":
        ctx.cert.conventions.text("form", ("correlator",) if maps else ("sw-4x4",))
    sc = None if maps is None else Scenario(tuple(spec["inputs"]), (2, 2)) if "inputs" in spec else \
        Scenario(tuple(spec["scenario"]["inputs"]), tuple(spec["scenario"]["outputs"]))
    dom = ctx.domains.get(var)
    labels_of = {index[lab]: lab for lab in reversed(labels)}  # the first label of each distinct point
    need = (len(points[0]) + 1) * max(0, *(c.degree() for v in points for c in v)) + 1  # > the degree of a minor
    n = 2 * need + len(dom.excluded) if var else 0  # samples: the first ``need`` of n interior grid points not excluded
    grid = (dom.lo + (dom.hi - dom.lo) * Fraction(j, n + 1) for j in range(1, n + 1))
    xs = [x for x in grid if dom.contains(x)][:need] if var else [Fraction(0)]
    evals = {x: PointSet([at(v, x) for v in points]) for x in xs}
    grank = lambda idx: max(((ps.rank(idx), x) for x, ps in evals.items()), key=lambda t: t[0])  # noqa: E731
    R = grank(range(len(points)))[0]
    if spec["name"] == "a-to-b":
        text = f"{text} ({len(points)} distinct points, dimension {R - 1})"
    names, results, shown = [], [], []
    uni = lambda f: (univariate(f.num, var), univariate(f.den, var))  # noqa: E731 (numerator, denominator)
    for it in data.objs("inequalities"):
        names.append(it.text("name"))
        ctx.need(names[-1] not in names[:-1], it.at("name"), "repeated name")
        ctx.need(_NAME.match(names[-1]), it.at("name"), "not a name (<= 40 of: ASCII letters, digits, #'*^_<>=+,.[]- )")
        if sc is None:  # Eq. (5): F[i][j] on p(ab|xy), i = 2x + a, j = 2y + b
            rows = it.list("matrix", 4)
            if any(not isinstance(r, list) or len(r) != 4 for r in rows):
                raise ctx.fail(it.at("matrix"), "must be a 4x4 matrix (Eq. (5) form)")
            ents = [uni(ctx.ratfun(it, "<matrix>", raw=x)) for r in rows for x in r]
        else:
            F = read_functional(ctx, it, sc)[0].coefficients  # canonical: p(ab|xy) at 4(m_y·x + y) + 2a + b
            if data.raw.get("space") == "correlator":  # coefficient (-1)^(a+b) t_xy on p(ab|xy): t_xy on E_xy
                if any(c != SIGN[k % 4] * F[k - k % 4] for k, c in enumerate(F)):
                    raise ctx.fail(it.at("functional"), "is not a function of the correlators E_xy alone")
                F = F[::4]
            ents = [(fmpq_poly([c]), ONE) for c in F]
        sense, bound = it.text("sense", ("<=", ">=")), uni(ctx.ratfun(it, "bound"))
        canon = ";".join(f"{n}/{d}" for n, d in ents + [bound]) + sense
        shown.append(f"{names[-1]} [{sense} #{digest(canon, 10)}]")
        results.append(decide_one(ctx, it, points, labels_of, var, dom, ents, bound, sense, xs, R, grank))
    G = Group([g for _, g in symmetries(points, maps)])
    facet_keys = [G.canonical_with(bits(T))[0] for _, ok, T in results if ok]
    n_cls = len(set(facet_keys))
    quant = ctx.quantifier()
    statement = (f"on {text}{', ' + quant if quant else ''}: " + "; ".join(
                 f"{s}: {st}" for s, (st, _, _) in zip(shown, results)) + "; facet classes under the group of the "
                 f"{G.order} relabelings preserving the model's points{' for all ' + var if var else ''}: {n_cls} "
                 f"among {len(facet_keys)} facets")
    claim = data.text("paper", CLAIMS, default=None)
    distinct = {"facets, pairwise inequivalent": n_cls == len(results), "facets, one class": n_cls == 1}
    holds = len(facet_keys) == len(results) and distinct.get(claim, True)
    return Decision(*against_paper(statement, holds, claim),
                    f"generic ranks from {len(xs)} sample points; exact root isolation")
