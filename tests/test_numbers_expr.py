"""Exact numbers and the restricted expression parser."""
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exactbell.behaviours import parse_rational
from exactbell.kernel.expr import ExprError
from exactbell.kernel.numbers import ExactnessError, decimal_string, format_rational, to_rational
from exactbell.numeric import rationalize


@given(st.fractions())
def test_rational_text_round_trips(q):
    assert to_rational(format_rational(q)) == q


@pytest.mark.parametrize("bad", [0.5, "0.5", "1e-3", "1/0", "3/", "abc", True, None, [1]])
def test_inexact_or_malformed_values_are_rejected(bad):
    with pytest.raises(ExactnessError):
        to_rational(bad)


def test_parser_evaluates_expressions_exactly():
    assert parse_rational("2*(abs(2*p - 1) + 1 - p)/p", {"p": Fraction(9, 20)}) == Fraction(26, 9)
    assert parse_rational("(1-p)/p - 2^-2 + max(1, 3/2, -4)", {"p": Fraction(1, 3)}) == Fraction(13, 4)
    assert parse_rational("-(-3)**3") == 27


@pytest.mark.parametrize("bad", [
    "__import__('os').system('true')", "p.real", "1.5", "2e3", "x[0]", "lambda: 1", "1 +", "(1", "2**1000",
    "open('f')", "1/0", "p", "",
])
def test_parser_rejects_code_decimals_and_unknowns(bad):
    with pytest.raises(ExactnessError):
        parse_rational(bad)


def test_parser_limits_nesting():
    with pytest.raises(ExprError):
        parse_rational("(" * 500 + "1" + ")" * 500)


def test_rationalize_is_the_only_float_door():
    assert rationalize(0.75) == Fraction(3, 4)
    assert rationalize(2**0.5, max_denominator=100) == Fraction(140, 99)  # convergent of sqrt(2)
    assert decimal_string(Fraction(2, 3), 4) == "0.6667"


def test_core_objects_refuse_floats():
    from exactbell.kernel.algebraic import NumberField
    from exactbell.kernel.functional import BellFunctional
    from exactbell.kernel.scenario import Behaviour, Scenario

    sc = Scenario((2, 2), (2, 2))
    with pytest.raises(ExactnessError, match="inexact value 0.25"):
        Behaviour(sc, (0.25,) * 16)
    with pytest.raises(ExactnessError, match="functional contains"):
        BellFunctional(sc, (1,) * 15 + (0.5,))
    K = NumberField.from_spec({"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]})
    with pytest.raises(ExactnessError):
        K.element([0.5, 1])
