"""Kind ``causal-bound``: the causal bound of a correlation I = Σ α_{a,x} p(a|x) (2 or 3 parties).

The maximum over the causal polytope is attained at a deterministic causal strategy
(definite order; see :mod:`exactbell.causal.polytope`), so the checker enumerates them all.

data:
  scenario, coefficients   α in canonical (inputs-major) order (expressions in fixed parameters)
  bound                    the claimed causal bound (expression; abs/max/min allowed)
  vertices                 number of distinct deterministic causal behaviours (recounted)
  optimal                  {"count": N, "strategies": [...]} — one strategy per optimal vertex,
                           all of them; each is re-evaluated exactly
"""
from __future__ import annotations

from ...causal.exact import CausalError, correlation_table
from ...causal.polytope import causal_bound, strategy_outcomes
from ...kernel.numbers import format_rational
from . import Outcome, checker


@checker("causal-bound")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    if sc.parties not in (2, 3):
        raise reader.fail("data.scenario", "causal bounds are implemented for 2 and 3 parties")
    raw = reader.get("data.coefficients", list)
    with reader.context("data.coefficients"):
        alpha = correlation_table(sc, [reader.value("data.coefficients", v) for v in raw])
    from .ico_bound import _Scalars, check_named

    check_named(reader, sc, alpha, _Scalars(reader))
    bound = reader.value("data.bound")
    with reader.context("data.scenario"):
        cb = causal_bound(sc, alpha)
    if reader.get("data.vertices", int) != cb.vertices:
        raise reader.fail("data.vertices", f"there are {cb.vertices} deterministic causal behaviours")
    if cb.value != bound:
        if cert.verdict == "refuted":
            cx = cert.expected.get("counterexample")
            if not isinstance(cx, dict) or reader.value("expected.counterexample.causal_max", cx.get("causal_max")) != cb.value:
                raise reader.fail("expected.counterexample.causal_max", f"the causal maximum is {format_rational(cb.value)}")
        return Outcome("refuted", f"causal maximum {format_rational(cb.value)} ≠ claimed {format_rational(bound)}")
    opt = reader.get("data.optimal", dict)
    if opt.get("count") != len(cb.optimal):
        raise reader.fail("data.optimal.count", f"there are {len(cb.optimal)} optimal vertices, not {opt.get('count')!r}")
    listed = reader.get("data.optimal.strategies", list)
    keys = set()
    for i, d in enumerate(listed):
        with reader.context(f"data.optimal.strategies[{i}]"):
            try:
                key = strategy_outcomes(sc, d)
            except CausalError as e:
                raise ValueError(str(e)) from None
        v = sum(alpha[(a, x)] for a, x in zip(key, sc.contexts))
        if v != bound:
            raise reader.fail(f"data.optimal.strategies[{i}]", f"has value {format_rational(v)}, not the bound")
        if key in keys:
            raise reader.fail(f"data.optimal.strategies[{i}]", "repeats an optimal vertex")
        keys.add(key)
    if len(keys) != len(cb.optimal):
        raise reader.fail("data.optimal.strategies", f"lists {len(keys)} of the {len(cb.optimal)} optimal vertices")
    return Outcome("verified", f"causal maximum {format_rational(cb.value)} over {cb.vertices} deterministic causal "
                   f"behaviours, {len(cb.optimal)} optimal", bracket=(format_rational(cb.value), format_rational(cb.value)))
