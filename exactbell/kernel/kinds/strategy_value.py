"""Kind ``strategy-value``: the Bell value ⟨F, P⟩ of an explicit exact quantum strategy (Born rule, :mod:`..ncpoly`)
or of a given behaviour, a lower bound on the quantum maximum of F. Format: docs/kinds/strategy-value.md."""
from math import prod

from ..functional import pair
from ..gaussian import real_sign
from ..models import folded, nonnegative_on_box, read_functional, read_scenario, scenario_text
from ..ncpoly import behaviour, bell_operator, read_strategy
from ..numbers import digest
from ..params import scalar_text
from ..poly import Poly
from ..scenario import PARTY_LETTERS
from . import Decision, against_paper, kind

SHOWN = 700  # longest strategy text shown in full (else a digest)


def setup(ctx, data, parametric=False):
    """(scenario, functional, its text: a digest adds a short Bell operator); ``parametric``: domain parameters are
    :class:`Poly` variables."""
    ctx.read_field(data)
    one = ctx.one  # coefficients in the field (kernel Poly)
    ctx.constants.update({x: Poly({((x, 1),): one}) for x in ctx.domains if parametric})
    sc = read_scenario(ctx, data)
    for name in (f"{PARTY_LETTERS[i]}{x}" for i, m in enumerate(sc.inputs) for x in range(m)):
        ctx.declare(name, "observable", "data.scenario")
    F, ftext = read_functional(ctx, data, sc)
    if ftext.startswith("F#") and all(o == 2 for o in sc.outputs) and not ctx.domains:
        B = bell_operator(F).to_text(scalar_text)
        ftext += f" with Bell operator {B}" if len(B) <= 400 else ""
    return sc, F, ftext


def where_text(ctx) -> str:
    return ", ".join(t for t in (ctx.quantifier(), ctx.field_text()) if t)


def given_behaviour(ctx, spec, sc):
    """(p, text) of ``{"behaviour": [...]}``, decided p ≥ 0 on the domain and Σ_a p(a|x) = 1 identically."""
    raw, _ = spec.list("behaviour", sc.size), ctx.cert.conventions.text("order", ("inputs-major",))
    p = [folded(ctx.value(spec, "<behaviour entry>", raw=v)) for v in raw]
    for (a, x), q in zip(sc.entries(), p):
        if not nonnegative_on_box(ctx, spec.at("behaviour"), q):
            raise ctx.fail(spec.at("behaviour"), f"p({a}|{x}) = {scalar_text(q)} is not >= 0 on the domain")
    for x in sc.contexts:
        if not sum((p[sc.index(a, x)] for a in sc.outcomes), 0 * p[0]) == 1:
            raise ctx.fail(spec.at("behaviour"), f"p(.|{x}) does not sum to 1")
    return p, f"P = [{', '.join(map(scalar_text, p))}] (inputs-major)"


def value_of(ctx, spec, sc, F, quantum=False):
    """(⟨F, P⟩, text of the strategy or behaviour (not when ``quantum``); a digest when longer than ``SHOWN``)."""
    if spec.has("behaviour") and quantum:  # a given behaviour need not be quantum
        raise ctx.fail(spec.at("behaviour"), "a behaviour is no quantum strategy (give state and measurements)")
    if spec.has("behaviour"):
        p, text = given_behaviour(ctx, spec, sc)
    else:
        psi, meas, text = read_strategy(ctx, spec, sc)
        p = behaviour(psi, meas, sc)
    value = folded(pair(F.coefficients, p, 0 * p[0]))
    if len(text) > SHOWN:
        text = f"S#{digest(text)} (sha256 of its canonical text)"
    return value, text


def paper_value(ctx, data, value):
    """(holds, text) for ``data.paper``, an expression or {"sqrt": e} (None, None when absent)."""
    if not data.has("paper"):
        return None, None
    sqrt = isinstance(data.raw["paper"], dict)
    spec, key = (data.obj("paper"), "sqrt") if sqrt else (data, "paper")
    paper, raw, wrap = ctx.value(spec, key), spec.raw[key], (lambda t: f"sqrt({t})" if sqrt else t)
    shown = scalar_text(paper)
    text = f"{wrap(raw)} = {wrap(shown)}" if isinstance(raw, str) and len(raw) <= 200 and raw != shown else wrap(shown)
    return (real_sign(value) >= 0 and value * value == paper) if sqrt else paper == value, text


def weighted(ctx, obj, key, other, read, value=None, ok=lambda w: w >= 0, what="is negative") -> list:
    """[(w, read(term, other))] of obj[key] = [{"weight": w, other: ...}, ...], every w accepted by ``ok``."""
    out = []
    for t in obj.objs(key):
        w = (value or ctx.value)(t, "weight")
        ctx.need(ctx.guard(t.at("weight"), lambda: ok(w)), t.at("weight"), what)
        out.append((w, read(t, other)))
    return out


def positive(ctx, data, f) -> bool:
    """f ≥ 0 on the domain box by ``data.positivity``: f = Σ w Π factors identically, w ≥ 0, each factor x − lo or
    hi − x of a domain; True (f > 0) when a term with w > 0 has only factors > 0 (open ends)."""
    total, strict, sides = Poly({}), False, []
    for x, d in ctx.domains.items():
        sides += [(Poly.var(x) - d.lo, not d.lo_closed), (d.hi - Poly.var(x), not d.hi_closed)]

    def factors(t, key):  # the sides a term multiplies, each with its strictness
        fs = [Poly.lift(ctx.value(t, f"{key}[{k}]", raw=raw)) for k, raw in enumerate(t.list(key))]
        if (bad := next((k for k, g in enumerate(fs) if all(s[0] != g for s in sides)), None)) is not None:
            raise ctx.fail(t.at(f"{key}[{bad}]"), "is not x - lo or hi - x of a domain")
        return [next(s for s in sides if s[0] == g) for g in fs]
    for w, fs in weighted(ctx, data, "positivity", "factors", factors):
        total = total + Poly({(): w}) * prod((g for g, _ in fs), start=Poly.const(1))
        strict = strict or (w > 0 and all(s for _, s in fs))
    ctx.need(total == f, "data.positivity", "the weighted products do not sum to the value minus the threshold")
    return strict


@kind("strategy-value")
def decide(cert, ctx, data) -> Decision:
    sc, F, ftext = setup(ctx, data, parametric=True)
    spec = data.obj("strategy")
    value, stext = value_of(ctx, spec, sc, F)
    relation = data.text("relation", ("value", ">", ">="))
    noun = "behaviour" if spec.has("behaviour") else "quantum strategy"
    statement = f"the {noun} {stext} gives <{ftext}, P> = {scalar_text(value)} on {scenario_text(sc)}"
    holds = None
    if relation != "value":
        t = ctx.value(data, "threshold")
        if isinstance(value, Poly):  # for every parameter value: a positivity witness
            if not positive(ctx, data, value - t) and relation == ">":
                raise ctx.fail("data.positivity", "proves only >= (no strictly positive term)")
            holds = True
        else:
            holds = value > t if relation == ">" else value >= t
        statement += f", which is {'' if holds else 'not '}{relation} {scalar_text(t)}"
    statement += f", {where_text(ctx)}" if where_text(ctx) else ""
    ok, ptext = paper_value(ctx, data, value)
    if holds is False:
        return Decision(statement + (f" (paper: {ptext})" if ptext else ""), "refuted", "relation fails")
    statement, verdict = against_paper(statement, ok, ptext)
    return Decision(statement, verdict, "exact evaluation" if spec.has("behaviour") else "Born rule, exact")
