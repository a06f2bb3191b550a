"""Kind ``sos``: a quantum (Tsirelson-type) bound proven by an exact sum of squares.

η·1 − B = Σ_i w_i P_i†P_i (w_i > 0) or Σ_jk G_jk m_j†m_k (G ⪰ 0, exact LDLᵀ) is decided in the free
algebra of ±1 observables (binary outputs) or of projectors (any other outputs) of commuting parties
(:mod:`exactbell.kernel.ncpoly`), B the Bell operator of F; it holds in every representation, so
⟨F, P⟩ ≤ η for every quantum strategy (``min``: B − η·1 is the SOS). An exact strategy attaining η
makes the relation an equality. Format: docs/kinds/sos.md.
"""
from __future__ import annotations

from fractions import Fraction

from .. import prove_check as pc
from ..expr import ExprError, parse
from ..linalg import psd_decide
from ..models import scenario_text
from ..ncpoly import NCAlgebra, NCPoly, bell_operator, parse_operator
from ..params import scalar_text
from . import Decision, against_paper, kind
from .strategy_value import paper_value, setup, value_of, where_text


def _operator(ctx, obj, key, raw, sc) -> NCPoly:
    one = ctx.field.element([1]) if ctx.field is not None else Fraction(1)
    names = {k: one * q for k, q in ctx.fixed.items()}
    if ctx.field is not None:
        names[ctx.field.generator] = ctx.field.gen()
    if not isinstance(raw, str):
        raise ctx.fail(obj.at(key), "must be an operator expression")
    return ctx.guard(obj.at(key), lambda: parse_operator(raw, sc.parties, sc.inputs, lambda q: one * q, names,
                                                         sc.outputs))


def sos_sum(ctx, spec, sc, op, value, positive, psd, domain="") -> tuple[NCPoly, str]:
    """Σ_jk G_jk P_j†P_k after deciding G ⪰ 0: weighted squares Σ w_i P_i†P_i (``positive`` w_i) or a
    symmetric Gram matrix over distinct monomials accepted by ``psd`` (exact LDLᵀ); ``op(obj, key, raw)``
    reads an operator, ``value(obj, key, raw)`` a scalar, ``domain`` names where positivity is proved."""
    if spec.has("terms"):
        terms = spec.list("terms")
        if not terms or any(not isinstance(t, dict) or set(t) != {"weight", "polynomial"} for t in terms):
            raise ctx.fail(spec.at("terms"), "must list objects {weight, polynomial}")
        w = [value(spec, f"terms[{i}].weight", t["weight"]) for i, t in enumerate(terms)]
        if not all(ctx.guard(spec.at(f"terms[{i}].weight"), lambda x=x: positive(x)) for i, x in enumerate(w)):
            raise ctx.fail(spec.at("terms"), f"a weight is not > 0{domain}")
        ops = [op(spec, f"terms[{i}].polynomial", t["polynomial"]) for i, t in enumerate(terms)]
        G = [[x if i == j else 0 for j in range(len(w))] for i, x in enumerate(w)]
        how = f"{len(w)} weighted squares"
    else:
        gram = spec.obj("gram")
        basis, rows = gram.list("basis"), gram.list("matrix", len(gram.raw.get("basis", [])))
        n, how = len(basis), f"a {len(basis)}x{len(basis)} PSD Gram matrix (exact LDL^T)"
        ops = [op(gram, f"basis[{i}]", b) for i, b in enumerate(basis)]
        if not n or any(len(m.terms) != 1 or next(iter(m.terms.values())) != 1 for m in ops):
            raise ctx.fail(gram.at("basis"), "must list monomials (products of observables, or 1)")
        if len({next(iter(m.terms)) for m in ops}) != n:
            raise ctx.fail(gram.at("basis"), "lists a monomial twice")
        if any(not isinstance(r, list) or len(r) != n for r in rows):
            raise ctx.fail(gram.at("matrix"), f"must be {n}x{n}")
        G = [[value(gram, f"matrix[{i}][{j}]", v) for j, v in enumerate(r)] for i, r in enumerate(rows)]
        if any(G[i][j] != G[j][i] for i in range(n) for j in range(i)) or not ctx.guard(
                gram.at("matrix"), lambda: psd(G)):
            raise ctx.fail(gram.at("matrix"), f"is not symmetric positive semidefinite (exact LDL^T){domain}")
    total = NCPoly(sc.parties)._collect((m, c * g) for P, row in zip(ops, G) for Q, g in zip(ops, row) if g != 0
                                        for m, c in (P.adjoint() * Q).terms.items())  # one pass: n^2 products
    return total, how + domain


@kind("sos")
def decide(cert, ctx, data) -> Decision:
    if ctx.domains:
        return decide_parametric(ctx, data)
    sc, F, ftext = setup(ctx, data)
    sense = data.text("sense", ("max", "min"))
    B = ctx.guard("data.functional", lambda: bell_operator(F))
    S, how = sos_sum(ctx, data.obj("sos"), sc, lambda o, k, r: _operator(ctx, o, k, r, sc),
                     lambda o, k, r: ctx.value(o, k, raw=r), lambda x: x > 0, lambda G: psd_decide(G).psd)
    sign = 1 if sense == "max" else -1
    derived = "" if data.has("bound") else " (the only constant for which the SOS identity holds)"
    # without a bound, the bound the SOS proves: η·1 = B ± S must be a scalar
    eta = (B + S * sign).terms.get(((),) * sc.parties, 0 * F.coefficients[0]) if derived else \
        ctx.value(data, "bound")
    residual = (NCPoly.scalar(sc.parties, eta) - B) * sign - S
    if residual.terms:
        raise ctx.fail("data.sos", f"the identity fails: residual {residual.to_text(scalar_text)[:120]}")
    relation = "<=" if sense == "max" else ">="
    lower, bracket = "", None
    if data.has("strategy"):
        v, _ = value_of(ctx, data.obj("strategy"), sc, F, quantum=True)
        if (v - eta) * sign > 0:
            raise ctx.fail("data.strategy", f"the strategy gives {scalar_text(v)}, beyond the bound: kernel bug?")
        relation, lower = ("=", "") if v == eta else (relation, f" (an exact strategy reaches {scalar_text(v)})")
        bracket = tuple(scalar_text(x) for x in ((v, eta) if sense == "max" else (eta, v)))
    raw, shown = data.raw.get("bound"), scalar_text(eta)
    if isinstance(raw, str) and raw.replace(" ", "") != shown.replace(" ", "") and len(raw) <= 120:
        shown = f"{raw} = {shown}"  # the formula the kernel evaluated, e.g. Eq. (5) in cos/sin
    statement = f"{sense} over quantum strategies of <{ftext}, P> on {scenario_text(sc)} {relation} {shown}{derived}{lower}"
    statement += f", {where_text(ctx)}" if where_text(ctx) else ""
    ok, ptext = paper_value(ctx, data, eta)
    statement, verdict = against_paper(statement, ok, ptext)
    return Decision(statement, verdict, f"exact SOS identity with {how}", bracket)


# -- one domain parameter: "for all x in the domain" (docs/kinds/sos.md, section Parametric) ------------
class _RadicalAlgebra(NCAlgebra):
    """Operator expressions whose scalars may use the parameter and sqrt (a :class:`pc.Radicals` value)."""

    def __init__(self, parties, inputs, R: pc.Radicals, names):
        super().__init__(parties, inputs, Fraction, names)
        self.R = R

    def call(self, name, args):
        one = ((),) * self.parties
        if name != "sqrt" or len(args) != 1 or set(args[0].terms) - {one}:
            raise ExprError(f"{name} of an operator is not allowed (only sqrt of a scalar)")
        return NCPoly.scalar(self.parties, self.R.sqrt(args[0].terms.get(one, 0)))


def decide_parametric(ctx, data) -> Decision:
    """η(x)·1 − B(x) = Σ w_i(x) P_i(x)†P_i(x) for every x of the domain of the one parameter x: numbers
    are expressions in x and principal square roots of polynomials in x (:class:`pc.Radicals`), the
    identity is formal modulo (√u)² = u, every weight (every LDLᵀ pivot of a Gram matrix) is proved
    > 0 (or formally 0) on the whole domain; a strategy must attain η identically."""
    if data.has("field") or data.has("trig"):
        raise ctx.fail("parameters", "a parametric certificate takes exactly one domain parameter and no field")
    R = ctx.radicals()
    name, dom = R.name, R.dom
    sc, F, ftext = setup(ctx, data)
    if any(o != 2 for o in sc.outputs):
        raise ctx.fail("data.scenario", "the free algebra of ±1 observables needs binary outputs")
    sense, sign = data.text("sense", ("max", "min")), 1 if data.raw.get("sense") == "max" else -1
    B = ctx.guard("data.functional", lambda: bell_operator(F))
    lift = lambda x: pc.Surd.of(R, x)
    names = {name: R.var(), **ctx.fixed}

    def op(o, key, raw):
        if not isinstance(raw, str):
            raise ctx.fail(o.at(key), "must be an operator expression")
        return ctx.guard(o.at(key), lambda: parse(raw, _RadicalAlgebra(sc.parties, sc.inputs, R, names)))

    S, how = sos_sum(ctx, data.obj("sos"), sc, op, lambda o, k, r: lift(ctx.value(o, k, raw=r)), R.positive,
                     lambda G: psd_decide(G, sign=R.sign, one=R.lift(1)).psd, f" on the whole domain {dom.text()}")
    eta = lift(ctx.value(data, "bound"))
    if ((NCPoly.scalar(sc.parties, eta) - B) * sign - S).terms:
        raise ctx.fail("data.sos", "the identity fails (formally, modulo (sqrt(u))^2 = u)")
    relation, attained, below = "<=" if sense == "max" else ">=", "", False
    if data.has("strategy"):  # attains η identically, or stays strictly on the inner side on the whole domain
        v, stext = ctx.guard("data.strategy", lambda: value_of(ctx, data.obj("strategy"), sc, F, quantum=True))
        v = lift(v)
        if v == eta:
            relation, attained = "=", f", attained by the quantum strategy {stext}"
        elif ctx.guard("data.strategy", lambda: R.positive((eta - v) * sign)):
            below, attained = True, f"; the quantum strategy {stext} gives {v.to_text()} {relation[0]} the bound"
        else:
            raise ctx.fail("data.strategy", "neither attains the bound identically nor stays strictly inside it "
                                            "on the whole domain")
    if data.has("strategy_claim"):  # the paper says this strategy attains the bound
        data.text("strategy_claim", ("attains the bound",))
        if not data.has("strategy") or not data.has("paper"):  # a loose η would refute a true claim
            raise ctx.fail("data.strategy_claim", "needs a strategy and the paper's bound (paper)")
    statement = (f"{sense} over quantum strategies of <{ftext}, P> on {scenario_text(sc)} {relation} "
                 f"{eta.to_text()}{attained}, {ctx.quantifier()}")
    ptext = None
    if data.has("paper"):
        raw = data.raw["paper"]
        if isinstance(raw, dict):
            sq, ptext = lift(ctx.value(data.obj("paper"), "sqrt")), f"sqrt({raw.get('sqrt')})"
            ok = eta * eta == sq and ctx.guard("data.paper", lambda: R.sign(eta) >= 0)
        else:
            ok, ptext = lift(ctx.value(data, "paper")) == eta, str(raw)
        if not ok:
            raise ctx.fail("data.paper", "is not proved equal to the bound on the whole domain "
                                         "(refute a printed value with a point certificate)")
    statement, verdict = against_paper(statement, True, ptext)
    if data.has("strategy_claim"):
        statement, verdict = f"{statement} (paper: the strategy attains the bound)", "refuted" if below else verdict
    return Decision(statement, verdict, f"exact parametric SOS identity with {how}")
