"""Kind ``identity``: exact equalities of rational functions of the parameters.

mode "ns": ⟨F, P⟩ = ⟨G, P⟩ + c on every normalised non-signalling behaviour P of a bipartite
scenario (Sengupta–Wooltorton Eq. (14), L308-313). Witness: multipliers with
F − G = Σ μ_k N_k + Σ ν_x S_x coefficientwise, where the kernel builds N_k (marginal differences
p_A(a|x,y) − p_A(a|x,y+1), a < o_A − 1; likewise for B in x) and S_x (normalisation of context
x); then c = Σ ν_x.
mode "polynomial": lhs_k = rhs_k as rational functions (e.g. Lemma 2 of Sengupta–Wooltorton,
App. D, expanded by the producer); a failing identity refutes the claim.
mode "nc": lhs_k = rhs_k in the algebra of ±1 observables A0, B1, … of commuting parties of
``scenario`` (A_x² = 1, :mod:`exactbell.kernel.ncpoly`), coefficients polynomials in the parameters.
Optional (polynomial and nc modes; then polynomials only, divisions by numbers only):
``definitions`` [[name, polynomial], ...] abbreviations shown in the statement; ``circle``
[[c, s], ...] pairs of parameters with domain [-1, 1]: identities hold modulo c² + s² = 1, i.e. at
(c, s) = (cos x, sin x) for every angle x (Wooltorton–Brown–Colbeck, Prop. 1 for all angles).

Every rational function read must be defined on the whole domain (no pole; one parameter per
denominator), and the statement quantifies over ``parameters``.
"""
from __future__ import annotations

import hashlib
from fractions import Fraction

import flint

from ..expr import ExprError, FieldAlgebra, parse
from ..models import read_functional, read_scenario, scenario_text
from ..ncpoly import NCAlgebra
from ..params import Domain
from ..poly import Poly, RationalFunction
from ..polytope import roots_in
from . import Decision, kind


def _defined(ctx, where, f: RationalFunction) -> RationalFunction:
    """``f`` itself, after checking that its denominator has no zero on the domain."""
    if f.den.constant_value() is not None:
        return f
    names = f.den.variables()
    v = next(iter(names))
    if len(names) != 1 or v not in ctx.domains:
        raise ctx.fail(where, "a denominator must be a polynomial in one parameter with a domain")
    den = flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in f.den.univariate_coefficients(v)])
    if roots_in(den, ctx.domains[v]):
        raise ctx.fail(where, f"the denominator {f.den.to_text()} vanishes on the domain of {v}")
    return f


def ns_constraints(sc) -> tuple[list, list]:
    """(N_k, S_x) as coefficient vectors in canonical order (bipartite)."""
    ns = []
    for k in (0, 1):
        for a in range(sc.outputs[k] - 1):
            for xk in range(sc.inputs[k]):
                for y in range(sc.inputs[1 - k] - 1):
                    ctx_of = lambda t: (xk, t) if k == 0 else (t, xk)  # noqa: E731
                    ns.append([(ai[k] == a) * ((x == ctx_of(y)) - (x == ctx_of(y + 1))) for ai, x in sc.entries()])
    return ns, [[int(x == c) for _a, x in sc.entries()] for c in sc.contexts]


def _ns(ctx, data) -> str:
    sc = read_scenario(ctx, data)
    if sc.parties != 2:
        raise ctx.fail("data.scenario", "mode ns is implemented for 2 parties")
    parse = lambda o, c: ctx.ratfun(o, "<coefficient>", raw=c)  # noqa: E731
    (F, ftext), (G, gtext) = (read_functional(ctx, data, sc, k, parse=parse) for k in ("functional", "other"))
    for name, H in (("functional", F), ("other", G)):
        for c in H.coefficients:
            _defined(ctx, f"data.{name}", RationalFunction.lift(c))
    ns, norm = ns_constraints(sc)
    m = data.obj("multipliers")
    mu = [ctx.ratfun(m, f"ns[{i}]", raw=t) for i, t in enumerate(m.list("ns", len(ns)))]
    nu = [ctx.ratfun(m, f"normalisation[{i}]", raw=t) for i, t in enumerate(m.list("normalisation", len(norm)))]
    for i in range(sc.size):
        rhs = sum((w * v[i] for w, v in zip(mu + nu, ns + norm) if v[i]), RationalFunction.lift(0))
        if RationalFunction.lift(F.coefficients[i] - G.coefficients[i]) != rhs:
            raise ctx.fail("data.multipliers", f"F - G differs from the combination at coefficient {i}")
    c = sum(nu, RationalFunction.lift(0))
    shift = "" if c == RationalFunction.lift(0) else f" + ({c.to_text()})"
    return (f"<{ftext}, P> = <{gtext}, P>{shift} for every normalised non-signalling behaviour P on "
            f"{scenario_text(sc)}")


def _polynomial(ctx, data) -> tuple[str, bool]:
    rows, texts, fails = data.list("identities"), [], []
    if not rows:
        raise ctx.fail("data.identities", "lists no identity")
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != 2:
            raise ctx.fail(f"data.identities[{i}]", "an identity is [lhs, rhs]")
        lhs, rhs = (_defined(ctx, f"data.identities[{i}]", ctx.ratfun(data, f"identities[{i}]", raw=t)) for t in row)
        texts.append(f"{row[0]} = {row[1]}")
        if lhs != rhs:
            fails.append(i)
    shown = "; ".join(texts)
    if len(shown) > 400:
        shown = f"{len(texts)} identities, sha256 of their text {hashlib.sha256(shown.encode()).hexdigest()[:16]}"
    if fails:
        return f"the identity {texts[fails[0]]} fails (of: {shown})", False
    return f"{shown} (as rational functions)", True


def reduce_circle(p: Poly, pairs) -> Poly:
    """Normal form modulo s² = 1 − c² for each pair (c, s): a Gröbner basis (coprime leading terms
    s²), so p vanishes on the product of circles iff its normal form is 0."""
    out, todo = Poly(), list(p.terms.items())
    while todo:
        m, c = todo.pop()
        d = dict(m)
        hit = next(((cc, s) for cc, s in pairs if d.get(s, 0) >= 2), None)
        if hit is None:
            out = out + Poly({m: c})
            continue
        d[hit[1]] -= 2
        base = tuple(sorted((v, e) for v, e in d.items() if e))
        d2 = dict(base)
        d2[hit[0]] = d2.get(hit[0], 0) + 2
        todo += [(base, c), (tuple(sorted(d2.items())), -c)]
    return out


class _NC(NCAlgebra):
    def div(self, a, b):
        c = b.terms.get(((),) * self.parties) if len(b.terms) == 1 else None
        c = Poly.lift(c).constant_value() if c is not None else None
        if not c:
            raise ExprError("division by zero or by a non-number")
        return a * Poly.const(1 / c)


def _modular(ctx, data, mode) -> tuple[str, bool]:
    """Modes polynomial (with definitions or circle) and nc: polynomial identities, modulo the circles."""
    names = {**{n: Poly.var(n) for n in ctx.domains}, **{n: Poly.const(q) for n, q in ctx.fixed.items()}}
    unit, pairs, defs = Domain(Fraction(-1), Fraction(1), True, True), [], []
    for i, pr in enumerate(data.list("circle") if data.has("circle") else []):
        if not (isinstance(pr, list) and len(pr) == 2 and all(isinstance(n, str) and ctx.domains.get(n) == unit
                                                              for n in pr)
                and len(set(pr) | {n for q in pairs for n in q}) == 2 * len(pairs) + 2):
            raise ctx.fail(f"data.circle[{i}]", "is not a pair [c, s] of new parameters with domain [-1, 1]")
        pairs.append(tuple(pr))
    sc = read_scenario(ctx, data) if mode == "nc" else None
    if sc is not None and set(sc.outputs) != {2}:
        raise ctx.fail("data.scenario", "mode nc needs binary outputs (±1 observables)")

    def read(where, text, ops):
        try:
            if not isinstance(text, str):
                raise ExprError("expected an expression")
            return parse(text, _NC(sc.parties, sc.inputs, Poly.const, names) if ops else
                         FieldAlgebra(names, {}, Poly.const))
        except (ExprError, ValueError, TypeError, ZeroDivisionError) as e:
            raise ctx.fail(where, str(e)) from None
    for i, row in enumerate(data.list("definitions") if data.has("definitions") else []):
        if not isinstance(row, list) or len(row) != 2:
            raise ctx.fail(f"data.definitions[{i}]", "a definition is [name, polynomial]")
        ctx.declare(row[0], "definition", f"data.definitions[{i}]")
        names[row[0]] = read(f"data.definitions[{i}]", row[1], False)
        defs.append(f"{row[0]} = {row[1]}")
    rows, texts, fails = data.list("identities"), [], []
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != 2:
            raise ctx.fail(f"data.identities[{i}]", "an identity is [lhs, rhs]")
        diff = read(f"data.identities[{i}]", row[0], sc) - read(f"data.identities[{i}]", row[1], sc)
        texts.append(f"{row[0]} = {row[1]}")
        coefficients = diff.terms.values() if sc else [diff]
        if any(not reduce_circle(Poly.lift(c), pairs).is_zero() for c in coefficients):
            fails.append(i)
    if not rows:
        raise ctx.fail("data.identities", "lists no identity")
    where = (f"in the algebra of +-1 observables of commuting parties on {scenario_text(sc)}, coefficients "
             if sc else "") + ("as polynomials" + "".join(f", modulo {c}^2 + {s}^2 = 1" for c, s in pairs)) + \
        (f", where {'; '.join(defs)}" if defs else "")
    if fails:
        return f"the identity {texts[fails[0]]} fails ({where}; of: {'; '.join(texts)})", False
    return f"{'; '.join(texts)} ({where})", True


@kind("identity")
def decide(cert, ctx, data) -> Decision:
    mode = data.text("mode", ("ns", "polynomial", "nc"))
    if mode == "nc" or (mode == "polynomial" and (data.has("circle") or data.has("definitions"))):
        statement, holds = _modular(ctx, data, mode)
    else:
        statement, holds = (_ns(ctx, data), True) if mode == "ns" else _polynomial(ctx, data)
    q = ctx.quantifier()
    return Decision(f"{q}: {statement}" if q else statement, "verified" if holds else "refuted",
                    "exact comparison of rational functions")
