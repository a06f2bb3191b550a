"""Real algebraic numbers: fields from minimal polynomials, exact arithmetic and signs."""
from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.behaviours import field_parse
from exactbell.kernel.algebraic import FieldError, NumberField

SQRT2 = {"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]}
COS_PI_9 = {"generator": "c", "minpoly": "8*c^3 - 6*c - 1", "interval": ["0", "1"]}  # 2cos(pi/9) root family


def test_sqrt2_arithmetic():
    K = NumberField.from_spec(SQRT2)
    s = K.gen()
    assert s * s == 2
    assert 1 / s == s / 2
    assert (s - Fraction(141, 100)).sign() == 1 and (s - Fraction(142, 100)).sign() == -1
    assert field_parse(K, "(1 + s)^2") == 3 + 2 * s
    assert (2 * s).to_text() == "2*s" and (Fraction(1, 2) - 3 * s).to_text() == "1/2 - 3*s"


def test_cubic_field_sign_matches_high_precision():
    K = NumberField.from_spec(COS_PI_9)
    c = K.gen()
    assert 8 * c**3 - 6 * c - 1 == 0
    root = mpmath.cos(mpmath.pi / 9)
    assert abs(root - mpmath.mpf(0.9396926207859084)) < 1e-12
    x = c - Fraction(939692, 1000000)
    assert x.sign() == 1  # cos(pi/9) = 0.93969262...


@pytest.mark.parametrize("spec, problem", [
    ({"generator": "s", "minpoly": "s^2 - 4", "interval": ["1", "3"]}, "irreducible"),
    ({"generator": "s", "minpoly": "s^2 - 2", "interval": ["-2", "2"]}, "isolate"),
    ({"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "3"]}, "canonical"),
    ({"generator": "s", "minpoly": "s - 2", "interval": ["1", "3"]}, "degree"),
    ({"generator": "s", "minpoly": "s^2 - 2.0", "interval": ["1", "2"]}, "decimal"),
])
def test_bad_fields_are_rejected(spec, problem):
    with pytest.raises((FieldError, ValueError)) as e:
        NumberField.from_spec(spec)
    assert problem in str(e.value)


coeff = st.fractions(min_value=-20, max_value=20, max_denominator=50)


@settings(max_examples=60, deadline=None)
@given(coeff, coeff, coeff, coeff)
def test_field_operations_agree_with_high_precision_reals(a, b, c, d):
    K = NumberField.from_spec(SQRT2)
    s = K.gen()
    x, y = a + b * s, c + d * s
    mpmath.mp.dps = 60
    r2 = mpmath.sqrt(2)
    fx, fy = mpmath.mpf(a.numerator) / a.denominator + mpmath.mpf(b.numerator) / b.denominator * r2, \
        mpmath.mpf(c.numerator) / c.denominator + mpmath.mpf(d.numerator) / d.denominator * r2
    prod, fprod = x * y, fx * fy
    assert prod.sign() == ((fprod > 1e-40) - (fprod < -1e-40))
    if x != 0:
        assert (x * x.inverse()) == 1
        assert x.sign() == (1 if fx > 0 else -1)
    assert x == y or (x < y) == (fx < fy)
