"""Kind ``identity`` (docs/kinds/identity.md), exact equalities by mode: "ns" (Sengupta–Wooltorton Eq. (14)),
"polynomial" and "nc" (rational functions, or polynomials modulo c² + s² = 1: Wooltorton–Brown–Colbeck Prop. 1),
"sw-point" (Sengupta–Wooltorton Eq. (9)); Liu–Chiribella "supermap" (App. E), "process-duality" (App. A),
"bistochastic-supermap" (App. D), "pinching" (App. G). Every rational function read is defined on the domain."""
from __future__ import annotations

from collections import Counter
from fractions import Fraction
from functools import reduce
from itertools import product
from math import prod

from ..expr import ExprError, FieldAlgebra, parse
from ..gaussian import ONE, conj, gaussian_text, matrix_text, read_matrix
from ..linalg import add, adjoint, identity, mul, scale, trace
from ..models import fidelity, fmpq_poly, nonnegative_on_box, read_functional, read_scenario, scenario_text
from ..ncpoly import NCAlgebra
from ..numbers import digest
from ..params import Domain
from ..poly import Poly, RationalFunction
from ..polytope import roots_in, sw_point
from ..process import (CONDITIONS, LV, affine_solutions, bistochastic_span_problem, bistochastic_violation,
                       depolarizer_problem, matrix_unit, pattern, sectors)
from ..scenario import ns_rows
from ..upoly import trim
from . import Decision, against_paper, kind

ZERO = RationalFunction.lift(0)


def _defined(ctx, where, f: RationalFunction) -> RationalFunction:
    """``f`` itself, after checking that its denominator has no zero on the domain."""
    if f.den.constant_value() is None:
        v, *more = f.den.variables()
        if more or v not in ctx.domains:
            raise ctx.fail(where, "a denominator must be a polynomial in one parameter with a domain")
        if roots_in(fmpq_poly(f.den.univariate_coefficients(v)), ctx.domains[v]):
            raise ctx.fail(where, f"the denominator {f.den.to_text()} vanishes on the domain of {v}")
    return f


def _ns(ctx, data) -> tuple[str, bool]:
    """F − G = Σ μ_k N_k + Σ ν_x S_x coefficientwise, so ⟨F, P⟩ = ⟨G, P⟩ + Σ ν_x (Eq. (14))."""
    sc = read_scenario(ctx, data)
    coefficient = lambda o, c: ctx.ratfun(o, "<coefficient>", raw=c)  # noqa: E731
    (F, ftext), (G, gtext) = (read_functional(ctx, data, sc, k, parse=coefficient) for k in ("functional", "other"))
    for name, H in (("functional", F), ("other", G)):
        for c in H.coefficients:
            _defined(ctx, f"data.{name}", RationalFunction.lift(c))
    n = len(sc.outcomes)  # N_k: the no-signalling rows of scenario.ns_rows; S_x: normalisation of context x
    ns, norm = ns_rows(sc), [{x * n + a: 1 for a in range(n)} for x in range(len(sc.contexts))]
    m = data.obj("multipliers")
    mu, nu = ([_defined(ctx, m.at(f"{k}[{i}]"), ctx.ratfun(m, f"{k}[{i}]", raw=t))
               for i, t in enumerate(m.list(k, len(vs)))] for k, vs in (("ns", ns), ("normalisation", norm)))
    for i in range(sc.size):
        rhs = sum((w * v[i] for w, v in zip(mu + nu, ns + norm) if i in v), ZERO)
        if RationalFunction.lift(F.coefficients[i] - G.coefficients[i]) != rhs:
            raise ctx.fail("data.multipliers", f"F - G differs from the combination at coefficient {i}")
    c = sum(nu, ZERO)
    shift = "" if c == ZERO else f" + ({c.to_text()})"
    return (f"<{ftext}, P> = <{gtext}, P>{shift} for every normalised non-signalling behaviour P on "
            f"{scenario_text(sc)}"), True


def _identities(ctx, data, read, equal, where: str, hashed=False) -> tuple[str, bool]:
    """(statement, holds) of data.identities [[lhs, rhs], ...], each decided ``where`` (the first failing one
    refutes); ``hashed``: a text of more than 400 characters is shown by count and sha256."""
    rows, texts, fails = data.list("identities"), [], []
    ctx.need(rows, "data.identities", "lists no identity")
    for i, row in enumerate(rows):
        ctx.need(isinstance(row, list) and len(row) == 2, f"data.identities[{i}]", "an identity is [lhs, rhs]")
        texts.append(f"{row[0]} = {row[1]}")
        if not equal(*(read(f"data.identities[{i}]", t) for t in row)):
            fails.append(i)
    shown = "; ".join(texts)
    if hashed and len(shown) > 400:
        shown = f"{len(texts)} identities, sha256 of their text {digest(shown, 16)}"
    if fails:
        return f"the identity {texts[fails[0]]} fails ({where}; of: {shown})", False
    return f"{shown} ({where})", True


def reduce_circle(p: Poly, pairs) -> Poly:
    """Normal form modulo s² = 1 − c² for each pair (c, s) (s^(2m+e) → s^e (1 − c²)^m, e < 2): a
    Gröbner basis with coprime leading terms s², so p vanishes on the product of circles iff it is 0."""
    for c, s in pairs:
        split = ((Poly({tuple(t for t in m if t[0] != s): a}), dict(m).get(s, 0)) for m, a in p.terms.items())
        p = sum((q * Poly.var(s) ** (e % 2) * (1 - Poly.var(c) ** 2) ** (e // 2) for q, e in split), Poly())
    return p


class _NC(NCAlgebra):
    def div(self, a, b):
        c = Poly.lift(b.terms.get(((),) * self.parties, 0)).constant_value() if len(b.terms) == 1 else None
        if not c:
            raise ExprError("division by zero or by a non-number")
        return a * Poly.const(1 / c)


def _polynomial(ctx, data, nc=False) -> tuple[str, bool]:
    """Modes polynomial (rational functions; with definitions or circle: polynomials modulo the circles) and nc."""
    if not (nc or data.has("circle") or data.has("definitions")):
        read = lambda where, t: _defined(ctx, where, ctx.ratfun(data, where[5:], raw=t))  # noqa: E731
        return _identities(ctx, data, read, lambda lhs, rhs: lhs == rhs, "as rational functions", hashed=True)
    names = {**{n: Poly.var(n) for n in ctx.domains}, **{n: Poly.const(q) for n, q in ctx.fixed.items()}}
    unit, pairs, defs = Domain(Fraction(-1), Fraction(1), True, True), [], []
    for i, pr in enumerate(data.list("circle", default=[])):
        if not (isinstance(pr, list) and len(pr) == 2
                and all(isinstance(n, str) and ctx.domains.get(n) == unit for n in pr)
                and len(set(pr) | {n for q in pairs for n in q}) == 2 * len(pairs) + 2):
            raise ctx.fail(f"data.circle[{i}]", "is not a pair [c, s] of new parameters with domain [-1, 1]")
        pairs.append(tuple(pr))
    sc = read_scenario(ctx, data) if nc else None
    ctx.need(sc is None or set(sc.outputs) == {2}, "data.scenario", "mode nc needs binary outputs (±1 observables)")

    def read(where, text, ops=sc):
        algebra = _NC(sc.parties, sc.inputs, Poly.const, names) if ops else FieldAlgebra(names, {}, Poly.const)
        return ctx.guard(where, lambda: parse(text, algebra))
    for i, row in enumerate(data.list("definitions", default=[])):
        where = f"data.definitions[{i}]"
        ctx.need(isinstance(row, list) and len(row) == 2, where, "a definition is [name, polynomial]")
        ctx.declare(row[0], "definition", where)
        names[row[0]] = read(where, row[1], None)
        defs.append(f"{row[0]} = {row[1]}")

    def equal(lhs, rhs):
        diff = lhs - rhs
        return all(reduce_circle(Poly.lift(c), pairs).is_zero() for c in (diff.terms.values() if sc else [diff]))
    where = (f"in the algebra of +-1 observables of commuting parties on {scenario_text(sc)}, coefficients "
             if sc else "") + "as polynomials" + "".join(f", modulo {c}^2 + {s}^2 = 1" for c, s in pairs) \
        + (f", where {'; '.join(defs)}" if defs else "")
    return _identities(ctx, data, read, equal, where)


def _sw_point(ctx, data) -> tuple[str, bool]:
    """The Eq. (9) point P of the channel and truth tables, its NS scalar products, the largest of each pair."""
    ctx.cert.conventions.text("form", ("sw-4x4",))
    ctx.need(len(ctx.domains) <= 1, "parameters", "at most one parameter with a domain")
    var = next(iter(ctx.domains), None)
    if bound := (set(ctx.domains) | set(ctx.fixed)) & set("xyab"):
        raise ctx.fail(f"parameters.{bound.pop()}", "x, y, a, b are bound in the statement (P[2x+a][2y+b])")
    fo = data.obj("fidelities")
    fids = [fidelity(ctx, fo, k, var) for k in "pqrs"]
    tables = [data.list(who, 2) for who in ("alice", "bob")]
    if any(not isinstance(r, list) or len(r) != 2 or any(v not in (0, 1) or type(v) is not int for v in r)
           for t in tables for r in t):
        raise ctx.fail("data", "alice and bob must be 2x2 truth tables of 0/1 outputs")
    P = sw_point(*tables, *fids)
    poly = lambda f: Poly({((var, k),) if k else (): c for k, c in enumerate(trim(f))})  # noqa: E731
    txt = lambda f: poly(f).to_text()  # noqa: E731
    M = [P[4 * i:4 * i + 4] for i in range(4)]
    prods = {"A->B": [M[0][2 * y] + M[1][2 * y] - M[2][2 * y] - M[3][2 * y] for y in (0, 1)],
             "B->A": [M[2 * x][0] + M[2 * x][1] - M[2 * x][2] - M[2 * x][3] for x in (0, 1)]}
    eps = {k: next((f for f in vs if all(nonnegative_on_box(ctx, "data", poly(f - g)) for g in vs)), None)
           for k, vs in prods.items()}
    parts = [f"<NS_{i}^({k}), P> for {i} = 0, 1: ({txt(vs[0])}, {txt(vs[1])}), "
             + ("no single one is largest on the domain" if eps[k] is None else f"eps^({k}) = {txt(eps[k])}")
             for i, (k, vs) in zip("yx", prods.items())]
    shown = "[" + "; ".join(", ".join(txt(c) for c in r) for r in M) + "]"
    statement = (f"under S_({txt(fids[0])},{txt(fids[1])}),({txt(fids[2])},{txt(fids[3])}) (Eq. (9)), "
                 f"f_A = {tables[0]} (f_A[x][y~]) and f_B = {tables[1]} (f_B[x~][y]) give P = {shown} "
                 f"(P[2x+a][2y+b] = p(ab|xy)); NS^(A->B)_y = p_B(0|0,y) - p_B(0|1,y), "
                 f"NS^(B->A)_x = p_A(0|x,0) - p_A(0|x,1): " + "; ".join(parts))
    paper = data.obj("paper", default=None)
    if paper is None:
        return statement, True
    rows, pe = paper.list("behaviour", 4), paper.obj("epsilon")
    if any(not isinstance(r, list) or len(r) != 4 for r in rows):
        raise ctx.fail(paper.at("behaviour"), "must be a 4x4 matrix (Eq. (5))")
    claimed = {k: fidelity(ctx, pe, k, var, bounded=False) for k in prods}
    holds = all(fidelity(ctx, paper, "<matrix>", var, raw=x, bounded=False) == c
                for r, Mr in zip(rows, M) for x, c in zip(r, Mr)) \
        and all(eps[k] is not None and claimed[k] == eps[k] for k in prods)
    ptext = ("P = [" + "; ".join(", ".join(map(str, r)) for r in rows) + "], "
             + ", ".join(f"eps^({k}) = {txt(claimed[k])}" for k in prods))
    statement, verdict = against_paper(statement, holds, ptext)
    return statement, verdict == "verified"


SUBSYSTEMS = ("A_in", "A_out", "B_in", "B_out")


def _factor(text, d, x, y) -> list | None:
    """The basis indices of a diagonal projector "{i, ...}", "I-{i, ...}" or "I" (i: integer, x or y)."""
    neg, body = text == "I" or text.startswith("I-"), text.removeprefix("I-")
    braced = body[:1] == "{" and body[-1:] == "}"
    items = [] if text == "I" else [i.strip() for i in body[1:-1].split(",")] if braced else ["?"]
    vals = {x if i == "x" else y if i == "y" else int(i) if i.isascii() and i.isdigit() else -1 for i in items}
    return sorted(set(range(d)) - vals if neg else vals) if vals <= set(range(d)) else None


def supermap(products, order, d, x, y) -> dict | None:
    """The diagonal {(A_in, A_out, B_in, B_out): multiplicity} of Σ_products ⊗ factors (None: a bad factor)."""
    fs, where = [[_factor(f, d, x, y) for f in t] for t in products], [order.index(n) for n in SUBSYSTEMS]
    return None if any(None in f for f in fs) else Counter(tuple(c[i] for i in where) for f in fs for c in product(*f))


def _readings(S, g) -> int | None:
    """t if, for every (x1, x2), the instruments g read (t_i, z_i) = (t, x2, t, x1) with certainty."""
    reads = set()
    for x1, x2 in product((0, 1), repeat=2):
        dist = Counter()
        for (ai, ao, bi, bo), w in S.items():
            if ao == g(x1, ai) and bo == g(x2, bi):
                dist[ai // 2, (x1 + ai) % 2, bi // 2, (x2 + bi) % 2] += w
        reads |= {r[0] if len(dist) == w == 1 and r[1:] == (x2, r[0], x1) else None for r, w in dist.items()} or {None}
    return reads.pop() if len(reads) == 1 else None


def _supermap(ctx, data) -> tuple[str, bool]:
    """Eq. (12) for each S_(x,y) of Eq. (89) (S ≥ 0 as a sum of projectors), and the App. E
    instruments s' = 2t + z, t = ⌊s/2⌋, z = (x_i + s) mod 2: what each party reads (Eq. (90))."""
    d, order = data.int("d", 2, 8), data.list("order", 4)
    ctx.need(d % 2 == 0 and all(isinstance(n, str) for n in order) and sorted(order) == sorted(SUBSYSTEMS), "data",
             "d must be even and order a permutation of " + ", ".join(SUBSYSTEMS))
    prods, pairs = data.list("products"), data.list("pairs")
    if not 1 <= len(prods) <= 64 or any(not isinstance(t, list) or len(t) != 4
                                        or not all(isinstance(f, str) for f in t) for t in prods):
        raise ctx.fail("data.products", "a list of 1 to 64 products of 4 factors (strings)")
    if not pairs or any(not (isinstance(q, list) and len(q) == 2 and q[0] != q[1]
                             and all(type(v) is int and 0 <= v < d for v in q)) for q in pairs) \
            or len(set(map(tuple, pairs))) < len(pairs):
        raise ctx.fail("data.pairs", f"a nonempty list of distinct pairs [x, y], x != y in range({d})")
    g = lambda x, s: 2 * (s // 2) + (x + s) % 2  # noqa: E731
    perm = all(sorted(g(x, s) for s in range(d)) == list(range(d)) for x in (0, 1))
    parts, ok = [], perm
    for x, y in pairs:
        S = supermap(prods, order, d, x, y)
        ctx.need(S is not None, "data.products", "a factor is not I, {i, ...} or I-{i, ...} (i < d, x or y)")
        bad = bistochastic_violation(S, d)
        t = None if bad is not None else _readings(S, g)
        ok = ok and t is not None
        says = ("the readings (t_i, z_i) are not (t, x2, t, x1) with certainty for one t" if t is None else
                f"gives (t1, z1, t2, z2) = (t, x2, t, x1) with certainty for every (x1, x2), t = {t}")
        failing = None if bad is None else "the trace" if bad < 0 else f"condition {bad + 1}"
        parts.append(f"S_({x},{y}) is admissible (Eq. (12), trace d^2) and {says}" if bad is None else
                     f"S_({x},{y}) is not admissible ({failing} of Eq. (12) fails)")
    shown = " + ".join(" (x) ".join(t) for t in prods)
    return (f"d = {d}, S_(x,y) = {shown} on {' (x) '.join(order)} (diagonal projectors): " + "; ".join(parts)
            + f"; the instruments s' = 2 floor(s/2) + ((x_i + s) mod 2) are {'' if perm else 'not '}"
            "permutations for x_i = 0, 1 (bistochastic); party i reads t_i = floor(s_i/2), z_i = (x_i + s_i) mod 2"
            + (", so outcomes a_i = f_i^(t)(x_i, z_i) give p = delta(a1, f1^(t)(x1,x2)) "
               "delta(a2, f2^(t)(x2,x1)) for all f1, f2 (Eq. (90))" if ok else "")), ok


def _process_duality(ctx, data) -> tuple[str, bool]:
    """Liu–Chiribella App. A (l.337) in the sectors σ of process.sectors on (A_I, A_O, B_I, B_O): Span(Choi(NoSig))
    is the sum of the sectors with σ_{O_i} = σ_{I_i} σ_{O_i}; L_V(W) = Tr(W)/D · 𝟙 on it iff L_V(σ) = [σ = (1, 1, 1, 1)]
    there; L_V is symmetric for (X, Y) ↦ Tr(XY), so Tr(S W) = Tr(S L_V W) = Tr(S) Tr(W)/D when L_V(S) = S."""
    dims = data.list("dims", 4)
    if any(type(d) is not int or not 1 <= d <= 8 for d in dims):
        raise ctx.fail("data.dims", "four positive integers [d_AI, d_AO, d_BI, d_BO], each at most 8")
    if bad := next(filter(None, map(depolarizer_problem, sorted(set(dims)))), None):
        return bad, False
    lv = lambda s: sum(c * pattern(p, s) for c, p in LV)  # noqa: E731
    ok = all(lv(s) == all(s) for s in sectors(dims) if s[1] == s[0] * s[1] and s[3] == s[2] * s[3])
    valid, D = lv((1, 1, 1, 1)) == 1, prod(dims)  # L_V(𝟙) = 𝟙; Tr(𝟙/(d_AI d_BI)) = d_AO d_BO
    return (f"on (d_AI, d_AO, d_BI, d_BO) = {tuple(dims)}: " + ("for every S with L_V(S) = S and every W in "
            "Span(Choi(NoSig)), Tr(S W) = Tr(S) Tr(W)/" + str(D) + ", so Tr(S W) = Tr(W)/" + str(dims[0] * dims[2])
            + " for every process matrix S (Tr S = d_AO d_BO)" if ok else "L_V(W) is not Tr(W)/D times the identity "
            "for some W in Span(Choi(NoSig))") + f"; the normalised identity I/{dims[0] * dims[2]} is "
            + ("" if valid else "not ") + "a valid process matrix (L_V(S) = S, Tr S = d_AO d_BO) and positive "
            "definite (a positive multiple of the identity)"), ok and valid


SYSTEMS = ("A_I", "A_O", "B_I", "B_O", "C_I", "C_O")


def _bistochastic_supermap(ctx, data) -> tuple[str, bool]:
    """Liu–Chiribella App. D, Eqs. (72)–(78), in the sectors of process.sectors: Π_A (73) and Π_B (74) are
    orthogonal projections onto the span (72); (75), (76)+(77) and (76)+(78) have the same solutions."""
    dims = data.obj("dims")
    d = [dims.int(k, 1, 8) for k in SYSTEMS]
    if d[0] != d[1] or d[2] != d[3]:
        raise ctx.fail("data.dims", "a bistochastic channel needs A_I = A_O and B_I = B_O (equal dimensions)")
    if bad := next(filter(None, (f(k) for k in sorted(set(d)) for f in (depolarizer_problem,
                                                                         bistochastic_span_problem))), None):
        return bad, False
    pi = lambda s: 1 - s[0] - s[1] + 2 * s[0] * s[1]  # noqa: E731  (73), (74) on (I, O)
    ok, ranks = True, []
    for k in (0, 1):  # (73) as written both ways, idempotent; its range is the solution set of (72)
        sol = affine_solutions([(lambda s, i=i: s[i] * (1 - s[0] * s[1]), 0) for i in (0, 1)], d[2 * k:2 * k + 2])
        ok = ok and all(pi(s) == s[0] * s[1] + pattern("--", s) and pi(s) ** 2 == pi(s)
                        and bool(pi(s)) == (sol[s] is None) for s in sol)
        ranks.append(sum(n for s, n in sectors(d[2 * k:2 * k + 2]).items() if pi(s)))
    D, (dA, _, dB, _, dCI, dCO) = prod(d), d
    PAB = lambda s: pi(s[:2]) * pi(s[2:4])  # noqa: E731
    trace = (lambda s: prod(s), Fraction(dA * dB * dCI, D))  # (76): Tr S = t iff _[all] S = (t/D) 1
    e75 = [(lambda s: PAB(s) * s[5], Fraction(1, dA * dB * dCO))]
    e77 = [trace, (lambda s: (PAB(s) - pattern("XXXXX.", s)) * s[5], 0)]
    c78 = ["XXXX-X"] + [c + ".X" for c in CONDITIONS]
    e78 = [trace] + [(lambda s, c=c: pattern(c, s), 0) for c in c78]
    sols = [affine_solutions(e, d) for e in (e75, e77, e78)]
    projections = all(sum(pattern(c, s) for c in c78) == e77[1][0](s) in (0, 1) for s in sectors(d))
    ok = ok and projections and sols[0] is not None and sols[0] == sols[1] == sols[2]
    methods = dCI == dCO == 1 and affine_solutions([(trace[0], Fraction(dA * dB, D))] + [
        (lambda s, c=c: pattern(c + "..", s), 0) for c in CONDITIONS], d) == sols[2]
    ok = ok and (methods or dCI * dCO > 1)
    free = sum(n for s, n in sectors(d).items() if sols[0] and sols[0][s] is None)
    text = (f"on d_A = {dA} (A_I, A_O), d_B = {dB} (B_I, B_O), d_C_I = {dCI}, d_C_O = {dCO}, with _X M = Tr_X M (x) "
            f"1_X/d_X (a rank-one orthogonal projection on L(C^d), d = {', '.join(map(str, sorted(set(d))))}; so "
            f"polynomials in them act as scalars on the {len(sectors(d))} sectors (x)_X (C 1_X or its orthogonal "
            "complement)): ")
    if not ok:
        return text + "Eqs. (72)-(78) do not hold as stated (a sector where they differ)", False
    return (text + f"Pi_A = _[1 - A_I - A_O + 2 A_I A_O] = _[A_I A_O] + _[1 - A_I - A_O + A_I A_O] (73) is an "
            f"orthogonal projection of rank {ranks[0]} on L(A_I A_O) (dimension {dA ** 4}) whose range is "
            "{lambda 1/d_A + T : Tr_A_I T = Tr_A_O T = 0} (72), the span of the Choi operators of bistochastic "
            "channels (1/d and (1 + g (x) h)/d, g, h in a basis of the traceless Hermitian matrices with 1 +- g >= 0, "
            f"decided); Pi_B (74): rank {ranks[1]} of {dB ** 4}; for S "
            f"on A_I A_O B_I B_O C_I C_O (dimension {D}): (75) Pi_A (x) Pi_B (Tr_C_O S) = 1/(d_A d_B) <=> (76) "
            f"Tr S = d_A d_B d_C_I = {dA * dB * dCI} and (77) <=> (76) and (78), whose four maps are mutually "
            f"orthogonal projections summing to that of (77): one affine set of dimension {free} in L(C^{D}) "
            f"(dimension {D * D})" + ("; with C_I, C_O trivial it is also the set of Methods Eq. (12) "
                                      "(Tr S = d_A d_B and its three conditions)" if methods else "")
            + "; so (71), for all rho, M, N, is (75) by linearity (stated, not decided)"), True


def _pinching(ctx, data) -> tuple[str, bool]:
    """Liu–Chiribella App. G, Eq. (98) (Watrous Prop. 4.6) for given projectors: Σ_k P_k ρ P_k =
    2^{−n} Σ_l U_l ρ U_l†, U_l = Σ_k s_k P_k for the listed sign vectors s, compared on the matrix units ρ = E_ij."""
    d, raw = data.int("dim", 1, 8), data.list("projectors")
    ctx.need(1 <= len(raw) <= 6, "data.projectors", "lists 1 to 6 projectors")
    P, n, one = [read_matrix(ctx, f"data.projectors[{k}]", m, d) for k, m in enumerate(raw)], len(raw), identity(d, ONE)
    if reduce(add, P) != one or any(P[k] != adjoint(P[k], conj) or mul(P[j], P[k]) != scale(int(j == k), P[k])
                                    for j, k in product(range(n), repeat=2)):
        raise ctx.fail("data.projectors", "not a projective measurement (P_k Hermitian, P_j P_k = delta_jk P_k, sum 1)")
    signs = data.list("signs", 2 ** n)
    ctx.need(all(isinstance(v, list) and len(v) == n and all(type(x) is int and x in (1, -1) for x in v)
                 for v in signs), "data.signs", f"each sign vector is a list of {n} entries +1 or -1")
    U = [reduce(add, (scale(x, Pk) for x, Pk in zip(v, P))) for v in signs]
    unitary = all(mul(u, adjoint(u, conj)) == one for u in U)
    units = [matrix_unit(d, r, c, ONE) for r in range(d) for c in range(d)]
    bad = next((e for e, E in enumerate(units) if reduce(add, (mul(mul(Pk, E), Pk) for Pk in P)) != scale(
        Fraction(1, 2 ** n), reduce(add, (mul(mul(u, E), adjoint(u, conj)) for u in U)))), None)
    ranks = ", ".join(gaussian_text(trace(Pk)) for Pk in P)
    every = sorted(map(tuple, signs)) == sorted(product((1, -1), repeat=n))
    text = (f"the projectors P_k (k = 1..{n}) = {'; '.join(matrix_text(Pk) for Pk in P)} on C^{d} form a projective "
            f"measurement (Hermitian, P_j P_k = delta_jk P_k, sum 1; ranks {ranks}); with the {2 ** n} sign vectors "
            + ("s = every s in {+1, -1}^" + str(n) if every else f"s = {[list(v) for v in signs]}")
            + f", U_s = sum_k s_k P_k {'is' if unitary else 'is not'} unitary and sum_k P_k rho P_k "
            + ("= " if bad is None else "!= ") + f"2^-{n} sum_s U_s rho U_s^dagger "
            + ("for every rho (on the matrix units)" if bad is None else f"at rho = E_{bad // d}{bad % d}")
            + " (Eq. (98)); the statement for every projective measurement is not decided")
    return text, unitary and bad is None


MODES = {"ns": _ns, "polynomial": _polynomial, "nc": lambda ctx, data: _polynomial(ctx, data, nc=True),
         "sw-point": _sw_point, "supermap": _supermap, "process-duality": _process_duality,
         "bistochastic-supermap": _bistochastic_supermap, "pinching": _pinching}


@kind("identity")
def decide(cert, ctx, data) -> Decision:
    mode = data.text("mode", tuple(MODES))
    if (ctx.domains or ctx.fixed) and mode in ("supermap", "process-duality", "bistochastic-supermap", "pinching"):
        raise ctx.fail("parameters", f"mode {mode} reads no parameters (the statement would quantify over them)")
    statement, holds = MODES[mode](ctx, data)
    q = ctx.quantifier()
    return Decision(f"{q}: {statement}" if q else statement, "verified" if holds else "refuted",
                    "exact comparison of rational functions")
