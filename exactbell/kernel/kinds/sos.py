"""Kind ``sos``: ⟨F, P⟩ ≤ η for every quantum strategy from η·1 − B = Σ_i w_i P_i†P_i (w_i > 0) or Σ_jk G_jk m_j†m_k
(G ⪰ 0) in the free algebra of :mod:`..ncpoly` (``min``: B − η·1), B the Bell operator of F, plus with ``eve`` the
Brown–Fawzi–Fawzi term (:func:`..ncpoly.bff_operator`); a strategy attaining η gives equality. docs/kinds/sos.md."""
from fractions import Fraction

from .. import prove_check as pc
from ..gaussian import real_sign
from ..linalg import is_matrix, psd_decide
from ..models import scenario_text
from ..ncpoly import NCPoly, bell_operator, bff_operator, parse_operator, projectors
from ..params import scalar_text
from . import Decision, against_paper, kind
from .strategy_value import paper_value, setup, value_of, weighted, where_text


def psd_matrix(ctx, where, rows, n, value, one, decide=True, domain=""):
    """The n×n matrix ``rows`` of exact entries ``value(where, raw)``, decided positive semidefinite by exact
    LDLᵀ (pivots > 0, or formally 0, ``domain``: on the whole domain), or with ``decide`` off only symmetric."""
    ctx.need(is_matrix(rows, n), where, f"must be an {n}x{n} matrix (list of {n} rows of {n} entries)")
    M = [[value(f"{where}[{i}][{j}]", v) for j, v in enumerate(r)] for i, r in enumerate(rows)]
    ctx.need(all(M[i][j] == M[j][i] for i in range(n) for j in range(i)), where, "is not symmetric")
    if decide and not ctx.guard(where, lambda: psd_decide(M, sign=real_sign, one=one).psd):
        raise ctx.fail(where, f"not positive semidefinite (exact LDL^T){domain}")
    return M


def _squares(ctx, spec, sc, lift, positive, domain, eve=0) -> tuple[NCPoly, str]:
    """(Σ_jk G_jk P_j†P_k, text) after deciding G ⪰ 0: weighted squares (w_i > 0) or a Gram matrix over distinct
    monomials (exact LDLᵀ); ``domain`` names where positivity is proved."""
    one = ctx.one
    names = {**{k: one * q for k, q in ctx.fixed.items()}, **ctx.constants,
             **({ctx.field.generator: ctx.field.gen()} if ctx.field is not None else {})}

    def op(obj, key, raw) -> NCPoly:
        ctx.need(isinstance(raw, str), obj.at(key), "must be an operator expression")
        return ctx.guard(obj.at(key), lambda: parse_operator(raw, sc.parties, sc.inputs, lambda q: one * q, names,
                                                             sc.outputs, ctx.functions, eve))
    if spec.has("terms"):
        terms = weighted(ctx, spec, "terms", "polynomial", lambda t, k: op(t, k, t.get(k)),
                         lambda t, k: lift(ctx.value(t, k)), positive, f"a weight is not > 0{domain}")
        ctx.need(terms, spec.at("terms"), "must list objects {weight, polynomial}")
        ops, w = [P for _, P in terms], [x for x, _ in terms]
        G, how = [[x if i == j else 0 for j in range(len(w))] for i, x in enumerate(w)], f"{len(w)} weighted squares"
    else:
        gram = spec.obj("gram")
        basis = gram.list("basis")
        ops, n = [op(gram, f"basis[{i}]", b) for i, b in enumerate(basis)], len(basis)
        if not n or any(len(m.terms) != 1 or next(iter(m.terms.values())) != 1 for m in ops):
            raise ctx.fail(gram.at("basis"), "must list monomials (products of observables, or 1)")
        ctx.need(len({next(iter(m.terms)) for m in ops}) == n, gram.at("basis"), "lists a monomial twice")
        G = psd_matrix(ctx, gram.at("matrix"), gram.list("matrix", n), n,
                       lambda w, v: lift(ctx.guard(w, lambda: ctx.scalar(v))), lift(1), domain=domain)
        how = f"a {n}x{n} PSD Gram matrix (exact LDL^T)"
    total = NCPoly(sc.parties + (eve > 0))._collect((m, c * g) for P, row in zip(ops, G) for Q, g in zip(ops, row)
                                                    if g != 0 for m, c in (P.adjoint() * Q).terms.items())  # one pass
    return total, how + domain


@kind("sos")
def decide(cert, ctx, data) -> Decision:
    """With one domain parameter (docs/kinds/sos.md, Parametric) scalars lie in Q(x)[√u, …] (:class:`pc.Radicals`)
    and every weight, pivot, strategy gap and paper value is proved on the whole domain."""
    if ctx.domains and (data.has("field") or data.has("trig")):
        raise ctx.fail("parameters", "a parametric certificate takes exactly one domain parameter and no field")
    R = ctx.radicals() if ctx.domains else None
    sc, F, ftext = setup(ctx, data)
    if R is not None and any(o != 2 for o in sc.outputs):
        raise ctx.fail("data.scenario", "the free algebra of ±1 observables needs binary outputs")
    sense = data.text("sense", ("max", "min"))
    sign, relation = (1, "<=") if sense == "max" else (-1, ">=")
    B, eve, etext = ctx.guard("data.functional", lambda: bell_operator(F)), 0, ("", "")
    if data.has("eve"):  # Brown–Fawzi–Fawzi: Eve's letters Z_a, one per outcome of Alice's input x, node t
        ev, d = data.obj("eve"), sc.outputs[0]
        ctx.need(R is None and not data.has("strategy"), "data.eve", "takes no domain parameter and no strategy")
        eve, x, t = ev.int("letters", 1, 10), ev.int("input", 0, sc.inputs[0] - 1), ctx.value(ev, "node")
        ctx.need(eve == d, ev.at("letters"), f"must be {d}: one letter Z_a per outcome of Alice's input")
        ctx.need(isinstance(t, Fraction) and 0 < t <= 1, ev.at("node"), "must be a rational t in (0, 1]")
        B = NCPoly(B.parties + 1, {m + ((),): c for m, c in B.terms.items()}) + bff_operator(  # B on A, B, Eve
            sc.parties + 1, x, d, projectors(sc.outputs), t)
        term = f"sum_a <M_(a|{x})(Z_a + Z_a^* + (1 - t) Z_a^* Z_a) + t Z_a Z_a^*> at t = {scalar_text(t)} (BFF Thm 2.3)"
        etext = (f" and Eve's free operators {', '.join(f'Z_{a}' for a in range(d))} (commuting with every party)",
                 f" + {term}")
    lift, positive, domain = ((lambda x: pc.Surd.of(R, x)), R.positive, f" on the whole domain {R.dom.text()}") \
        if R else ((lambda x: x), (lambda x: x > 0), "")
    S, how = _squares(ctx, data.obj("sos"), sc, lift, positive, domain, eve)
    derived = "" if data.has("bound") else " (the only constant for which the SOS identity holds)"
    # without a bound, the bound the SOS proves: η·1 = B ± S must be a scalar
    eta = lift((B + S * sign).terms.get(((),) * B.parties, 0 * F.coefficients[0]) if derived else
               ctx.value(data, "bound"))
    residual = (NCPoly.scalar(B.parties, eta) - B) * sign - S
    ctx.need(not residual.terms, "data.sos", f"the identity fails: residual {residual.to_text(scalar_text)[:120]}")
    attained, below, bracket = "", False, None
    if data.has("strategy"):  # attains η identically, or stays strictly on the inner side (on the whole domain)
        v, stext = ctx.guard("data.strategy", lambda: value_of(ctx, data.obj("strategy"), sc, F, quantum=True))
        v = lift(v)
        if v == eta:
            relation, attained = "=", f", attained by the quantum strategy {stext}" if R else ""
        elif ctx.guard("data.strategy", lambda: positive((eta - v) * sign)):
            below, attained = True, (f"; the quantum strategy {stext} gives {v.to_text()} {relation[0]} the bound"
                                     if R else f" (an exact strategy reaches {scalar_text(v)})")
        else:
            raise ctx.fail("data.strategy", "neither attains the bound identically nor stays strictly inside it"
                                            + domain)
        bracket = None if R else tuple(scalar_text(x) for x in ((v, eta) if sense == "max" else (eta, v)))
    raw, shown = data.raw.get("bound"), scalar_text(eta)
    if isinstance(raw, str) and raw.replace(" ", "") != shown.replace(" ", "") and len(raw) <= 120:
        shown = f"{raw} = {shown}"  # the formula the kernel evaluated, e.g. Eq. (5) in cos/sin
    statement = (f"{sense} over quantum strategies{etext[0]} of <{ftext}, P>{etext[1]} on "
                 f"{scenario_text(sc)} {relation} "
                 f"{shown}{derived}{attained}" + (f", {where_text(ctx)}" if where_text(ctx) else ""))
    ok, ptext = paper_value(ctx, data, eta)
    if R is not None and ok is False:
        raise ctx.fail("data.paper", "is not proved equal to the bound on the whole domain "
                                     "(refute a printed value with a point certificate)")
    statement, verdict = against_paper(statement, ok, ptext)
    if data.has("strategy_claim"):  # the paper says this strategy attains the bound
        data.text("strategy_claim", ("attains the bound",))
        if not data.has("strategy") or not data.has("paper"):  # a loose η would refute a true claim
            raise ctx.fail("data.strategy_claim", "needs a strategy and the paper's bound (paper)")
        statement, verdict = f"{statement} (paper: the strategy attains the bound)", "refuted" if below else verdict
    return Decision(statement, verdict, f"exact {'parametric ' if R else ''}SOS identity with {how}", bracket)
