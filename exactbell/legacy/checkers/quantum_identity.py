"""Kind ``nc-identity``: an operator identity lhs = rhs in the algebra of ±1 observables
(A_x² = B_y² = 1, parties commute), e.g. a printed SOS expansion.

data:
  field        optional number field
  scenario     binary-outcome scenario (names A0, A1, B0, …)
  constants    {"name": {"value": v, "square": expr, "sign": "+" | "-"}}: named scalars with
               value² = square (an expression in the fixed parameters) and the stated sign —
               e.g. cos φ = +√(p/(6p−2)); checked exactly, then usable in lhs / rhs
  lhs, rhs     operator expressions
verified iff lhs − rhs = 0; refuted iff not, with expected.counterexample {"residual": expr}
equal to lhs − rhs (checked exactly).
"""
from __future__ import annotations

from ...quantum.ncpoly import parse_operator
from . import Outcome, checker


@checker("nc-identity")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    if any(o != 2 for o in sc.outputs):
        raise reader.fail("data.scenario", "needs binary outcomes")
    names = dict(reader.names())
    consts = reader.get("data.constants", dict, default={})
    for name, spec in consts.items():
        where = f"data.constants.{name}"
        if not name.isidentifier() or name in names or name.startswith(("A", "B", "C", "D")) and name[1:].isdigit():
            raise reader.fail(where, "bad or clashing name")
        if not isinstance(spec, dict) or set(spec) != {"value", "square", "sign"}:
            raise reader.fail(where, "needs exactly value, square, sign")
        v = reader.value(f"{where}.value")
        sq = reader.value(f"{where}.square")
        sign = spec["sign"]
        if sign not in ("+", "-") or v * v != sq or (v > 0) != (sign == "+") or v == 0:
            raise reader.fail(where, "value is not the stated signed square root")
        names[name] = v

    def op(where):
        text = reader.get(where, str)
        with reader.context(where):
            return parse_operator(text, sc.parties, sc.inputs, lambda q: reader.value(where, q), names)

    diff = op("data.lhs") - op("data.rhs")
    if not diff.terms:
        return Outcome("verified", "lhs = rhs exactly in the algebra of ±1 observables")
    if cert.verdict == "refuted":
        cx = cert.expected["counterexample"]
        if not isinstance(cx, dict) or not isinstance(cx.get("residual"), str):
            raise reader.fail("expected.counterexample.residual", "must state lhs - rhs")
        with reader.context("expected.counterexample.residual"):
            stated = parse_operator(cx["residual"], sc.parties, sc.inputs,
                                    lambda q: reader.value("expected.counterexample.residual", q), names)
        if stated != diff:
            raise reader.fail("expected.counterexample.residual", f"lhs - rhs is {diff.to_text()[:120]}")
    return Outcome("refuted", f"lhs - rhs = {diff.to_text()[:120]} != 0")
