"""Exact quantum strategies over number fields, complex entries, and exact trig values."""
from fractions import Fraction as F

import pytest

from exactbell.kernel.algebraic import NumberField
from exactbell.kernel.ncpoly import NCPoly
from exactbell.quantum.strategy import (Complex, StrategyError, check_hermitian_observable, expectation_complex,
                                        pauli, planar_observable)
from exactbell.quantum.trig import TrigError, approx_text, chebyshev_t, trig_field, verify_cos, verify_sin
from exactbell.quantum.wbc import Point, Quad, needed_angles, to_quad

SQ3 = NumberField.from_spec({"generator": "g", "minpoly": "g^2 - 3", "interval": ["1", "2"]})


def test_complex_arithmetic_is_exact():
    i = Complex(F(0), F(1))
    assert i * i == -1
    z = Complex(F(1), F(2))
    assert z * z.conjugate() == 5
    assert (z / z) == 1
    assert (z - z) == 0


def test_pauli_y_squares_to_identity_and_is_hermitian():
    X, Y, Z = pauli()
    for O in (X, Y, Z):
        check_hermitian_observable(O, "sigma")


def test_non_hermitian_observable_is_rejected():
    i = Complex(F(0), F(1))
    bad = [[F(0), i], [i, F(0)]]  # squares to -1 and is anti-Hermitian
    with pytest.raises(StrategyError, match="Hermitian"):
        check_hermitian_observable(bad, "bad")


def test_complex_state_xy_plane_correlator_is_sine_of_angle_sum():
    # (|00> + i|11>)/sqrt2, observables cos a X + sin a Y: <A(a) B(b)> = sin(a + b)  (claims §A.1)
    K, vals = trig_field([F(1, 3), F(1, 6), F(1, 2)])
    c, s = vals["cos"], vals["sin"]
    one = K.element([1])
    X, Y, _ = pauli(one)

    def obs(r):
        return [[X[i][j] * c[r] + Y[i][j] * s[r] for j in range(2)] for i in range(2)]

    zero = one - one
    psi = [Complex(one, zero), Complex(zero, zero), Complex(zero, zero), Complex(zero, one)]
    AB = NCPoly.observable(2, 0, 0) * NCPoly.observable(2, 1, 0)
    v = expectation_complex(AB, psi, [[obs(F(1, 3))], [obs(F(1, 6))]], normalize=True)
    assert v == s[F(1, 2)] == 1


def test_unnormalized_state_is_rejected_without_divide():
    one = F(1)
    with pytest.raises(StrategyError, match="normalized"):
        expectation_complex(NCPoly.scalar(1, one), [one, one], [[planar_observable(one, F(0))]])


def test_chebyshev_polynomials():
    assert chebyshev_t(3) == [0, -3, 0, 4]
    assert chebyshev_t(0) == [1]


@pytest.mark.parametrize("r", [F(1, 3), F(1, 4), F(5, 12), F(7, 8), F(-1, 6), F(3, 2)])
def test_trig_field_values_are_verified(r):
    K, vals = trig_field([r])
    verify_cos(vals["cos"][r], r)
    verify_sin(vals["sin"][r], r)


def test_wrong_trig_values_are_rejected():
    K, vals = trig_field([F(1, 6)])
    c = vals["cos"][F(1, 6)]  # sqrt3/2
    with pytest.raises(TrigError):
        verify_cos(-c, F(1, 6))  # the other root of T_6 + 1 ... cos(5pi/6)
    with pytest.raises(TrigError):
        verify_cos(c, F(1, 3))
    with pytest.raises(TrigError):
        verify_sin(F(1, 3), F(1, 6))


def test_trig_field_sizes():
    assert trig_field([F(1, 3)])[0].degree == 2
    assert trig_field([F(1, 4)])[0].degree == 2
    assert trig_field([F(1, 2), F(1)])[0] is None
    assert trig_field([F(1, 8)])[0].degree == 4


def test_wbc_point_matches_catalogue_worked_example():
    # claims 003-004.md §A.6: (pi/3, pi/3, pi): c = (-1/4, -1/8, -1/4, 1/4), eta_L = 5/8, eta_Q = -3sqrt3/8
    t, p, w = F(1, 3), F(1, 3), F(1)
    na = needed_angles(t, p, w)
    K, vals = trig_field(sorted(set(na["cos"] + na["sin"])))
    pt = Point(t, p, w, vals["cos"], vals["sin"])
    assert pt.coefficients() == [F(-1, 4), F(-1, 8), F(-1, 4), F(1, 4)]
    assert pt.eta_local_formula() == F(5, 8) == pt.local_max() == pt.local_max_enumerated()
    g = K.gen()
    assert pt.eta_quantum() == -3 * g / 8 and g * g == 3
    assert pt.condition4()
    assert pt.strategy6_value() == pt.eta_quantum()
    assert pt.strategy6_value(-1) == -pt.eta_quantum()


def test_wbc_sos_identity_holds_exactly():
    t, p, w = F(1, 3), F(5, 12), F(5, 6)
    na = needed_angles(t, p, w)
    K, vals = trig_field(sorted(set(na["cos"] + na["sin"])))
    pt = Point(t, p, w, vals["cos"], vals["sin"])
    S = NCPoly(2)
    for y, (wgt, a0, a1) in enumerate(pt.sos_terms()):
        Q = NCPoly.observable(2, 0, 0) * a0 + NCPoly.observable(2, 0, 1) * a1 - NCPoly.observable(2, 1, y)
        S = S + Q.adjoint() * Q * wgt
    assert NCPoly.scalar(2, pt.eta_quantum()) - pt.operator() == S


def test_quad_agrees_with_field_arithmetic():
    g = SQ3.gen()
    for x in (g - 2, 2 - g, 7 * g / 4 - 3, F(-1, 3) + 0 * g, g * 0):
        q = to_quad(x, SQ3)
        assert q.sign() == x.sign()
        assert (q * q).sign() == (x * x).sign()
    assert isinstance(to_quad(g, SQ3), Quad)


def test_approx_text_is_exact_for_rationals_and_rigorous_for_irrationals():
    assert approx_text(F(5, 8)) == "5/8"
    assert approx_text(2 * SQ3.gen()).startswith("3.4641016")
