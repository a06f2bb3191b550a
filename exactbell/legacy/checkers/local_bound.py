"""Kind ``local-bound``: max over deterministic local strategies of ⟨F, P⟩.

data:
  scenario        {"inputs": [...], "outputs": [...]}
  functional      the functional in the notation of ``conventions.form``
  coefficients    optional: the same functional expanded in probability form (canonical
                  inputs-major order), checked entry by entry against ``functional``
  bound           claimed bound (expression in the fixed parameters, abs/max/min allowed)
  bound_value     optional: its rational value, checked against ``bound``
  relation        "max" (bound = local maximum) or "upper" (bound ≥ local maximum)
  optimal         for "max": {"count": N, "strategies": [[outputs per input] per party] ...}
                  — every optimal deterministic strategy (all of them when N ≤ 4096)
expected.counterexample (refuted): {"strategy": [...], "value": v} with value > bound, or
                  {"local_max": v} when a claimed maximum is too high.
"""
from __future__ import annotations

from ...kernel.localbound import local_bound, strategy_value
from ...kernel.numbers import format_rational
from . import Outcome, checker

LIMIT = 4096


def _strategy(reader, where, raw, scenario):
    if not isinstance(raw, list) or len(raw) != scenario.parties:
        raise reader.fail(where, f"a strategy lists one output table per party ({scenario.parties})")
    out = []
    for i, table in enumerate(raw):
        if not isinstance(table, list) or len(table) != scenario.inputs[i]:
            raise reader.fail(f"{where}[{i}]", f"needs {scenario.inputs[i]} outputs, one per input")
        for v in table:
            if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < scenario.outputs[i]:
                raise reader.fail(f"{where}[{i}]", f"output {v!r} is not an integer in [0, {scenario.outputs[i]})")
        out.append(tuple(table))
    return tuple(out)


def _text(x):
    return format_rational(x) if not hasattr(x, "to_text") else x.to_text()


@checker("local-bound")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    F = reader.functional(scenario=sc)
    if "coefficients" in cert.data:
        coeffs = reader.get("data.coefficients", list)
        if len(coeffs) != sc.size:
            raise reader.fail("data.coefficients", f"expected {sc.size} entries, got {len(coeffs)}")
        for i, (c, f) in enumerate(zip(coeffs, F.coefficients)):
            if reader.value(f"data.coefficients[{i}]", c) != f:
                raise reader.fail(f"data.coefficients[{i}]", f"does not match the functional (expected {_text(f)})")
    bound = reader.value("data.bound")
    if "bound_value" in cert.data and reader.value("data.bound_value") != bound:
        raise reader.fail("data.bound_value", f"does not equal the bound expression ({_text(bound)})")
    relation = reader.get("data.relation", str)
    if relation not in ("max", "upper"):
        raise reader.fail("data.relation", f"unknown relation {relation!r} (max or upper)")
    lb = local_bound(F, limit=LIMIT)
    holds = lb.value == bound if relation == "max" else lb.value <= bound
    word = "maximum" if relation == "max" else "bound"
    summary = f"local maximum {_text(lb.value)} vs claimed {word} {_text(bound)}"
    if not holds:
        if cert.verdict == "refuted":
            _confirm_counterexample(reader, cert.expected["counterexample"], F, sc, bound, lb)
        return Outcome("refuted", summary)
    if relation == "max" and cert.verdict == "verified":
        _confirm_optimal_set(reader, F, sc, lb)
    return Outcome("verified", f"local maximum {_text(lb.value)} over {_count_strategies(sc)} deterministic strategies"
                   + (f", {lb.count} optimal" if relation == "max" else ""))


def _confirm_counterexample(reader, cx, F, sc, bound, lb) -> None:
    """A strategy beating the bound, or (for a too-high claimed maximum) the true maximum."""
    if not isinstance(cx, dict):
        raise reader.fail("expected.counterexample", "must be an object")
    if "strategy" in cx:
        s = _strategy(reader, "expected.counterexample.strategy", cx["strategy"], sc)
        v = strategy_value(F, s)
        if reader.value("expected.counterexample.value", cx.get("value")) != v or not v > bound:
            raise reader.fail("expected.counterexample", f"strategy has value {_text(v)}, not > bound")
    elif reader.value("expected.counterexample.local_max", cx.get("local_max")) != lb.value:
        raise reader.fail("expected.counterexample.local_max", f"local maximum is {_text(lb.value)}")


def _confirm_optimal_set(reader, F, sc, lb) -> None:
    """The certificate lists every optimal deterministic strategy (exactly those)."""
    opt = reader.get("data.optimal", dict)
    count = opt.get("count")
    if count != lb.count:
        raise reader.fail("data.optimal.count", f"there are {lb.count} optimal strategies, not {count!r}")
    listed = opt.get("strategies")
    if not isinstance(listed, list):
        raise reader.fail("data.optimal.strategies", "must be a list")
    got = [_strategy(reader, f"data.optimal.strategies[{i}]", s, sc) for i, s in enumerate(listed)]
    if len(set(got)) != len(got):
        raise reader.fail("data.optimal.strategies", "lists a strategy twice")
    for i, s in enumerate(got):
        if strategy_value(F, s) != lb.value:
            raise reader.fail(f"data.optimal.strategies[{i}]", "does not attain the local maximum")
    if lb.count <= LIMIT and len(got) != lb.count:
        raise reader.fail("data.optimal.strategies", f"lists {len(got)} of the {lb.count} optimal strategies")


def _count_strategies(sc) -> int:
    n = 1
    for m, o in zip(sc.inputs, sc.outputs):
        n *= o**m
    return n
