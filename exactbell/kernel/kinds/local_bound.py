"""Kind ``local-bound``: max (or min) over deterministic local strategies of ⟨F, P⟩.

Deterministic strategies are the vertices of the local polytope, so this is the local bound.

data:
  scenario   {"inputs": [...], "outputs": [...]}
  functional F in the notation of ``conventions.form`` (see :mod:`exactbell.kernel.models`)
  sense      "max" | "min"
  optimal    every optimal strategy, [[output per input] per party], when there are at most
             ``OPTIMAL_LISTED`` of them (else the first ``OPTIMAL_LISTED`` in enumeration order)
  paper      optional: the printed bound (expression in the fixed parameters / field)
  field      optional number field for the coefficients

Statement: ``max over local strategies of <F, P> on (2,2;2,2) = 2, attained by 16 strategies``.
"""
from __future__ import annotations

from ..localbound import local_bound, strategy_value
from ..models import read_functional, read_scenario, scenario_text, strategies
from ..params import scalar_text
from . import Decision, against_paper, kind

OPTIMAL_LISTED = 4096


def _strategy(ctx, where, raw, sc):
    if not isinstance(raw, list) or len(raw) != sc.parties:
        raise ctx.fail(where, f"a strategy lists one output table per party ({sc.parties})")
    for i, table in enumerate(raw):
        if not isinstance(table, list) or len(table) != sc.inputs[i] or not all(
                type(v) is int and 0 <= v < sc.outputs[i] for v in table):
            raise ctx.fail(f"{where}[{i}]", f"needs {sc.inputs[i]} outputs in [0, {sc.outputs[i]}), one per input")
    return tuple(tuple(t) for t in raw)


@kind("local-bound")
def decide(cert, ctx, data) -> Decision:
    ctx.read_field(data)
    sc = read_scenario(ctx, data)
    F, ftext = read_functional(ctx, data, sc)
    sense = data.text("sense", ("max", "min"))
    sign = 1 if sense == "max" else -1
    G = F if sign == 1 else type(F)(sc, tuple(-c for c in F.coefficients))
    lb = local_bound(G, limit=OPTIMAL_LISTED)
    value = lb.value * sign
    listed = data.list("optimal")
    got = [_strategy(ctx, f"data.optimal[{i}]", s, sc) for i, s in enumerate(listed)]
    if len(set(got)) != len(got):
        raise ctx.fail("data.optimal", "lists a strategy twice")
    for i, s in enumerate(got):
        if strategy_value(F, s) != value:
            raise ctx.fail(f"data.optimal[{i}]", f"does not attain the {sense}imum {scalar_text(value)}")
    if len(got) != min(lb.count, OPTIMAL_LISTED):
        raise ctx.fail("data.optimal", f"lists {len(got)} of the {lb.count} optimal strategies")
    paper = ctx.value(data, "paper") if data.has("paper") else None
    where = ", ".join(t for t in (ctx.quantifier(), ctx.field_text()) if t)
    statement = (f"{sense} over local strategies of <{ftext}, P> on {scenario_text(sc)} = {scalar_text(value)}"
                 f", attained by {lb.count} of {strategies(sc)} deterministic strategies" + (f", {where}" if where else ""))
    statement, verdict = against_paper(statement, None if paper is None else paper == value,
                                       None if paper is None else scalar_text(paper))
    return Decision(statement, verdict, f"enumerated {strategies(sc)} deterministic strategies")
