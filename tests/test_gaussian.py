"""Exact complex numbers over Q(i) and K(i), and the Hermitian PSD decision (shared LDLᵀ)."""
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.kernel.algebraic import NumberField
from exactbell.kernel.gaussian import Gaussian, I, conj, gaussian_text, herm_psd
from exactbell.steering.matrices import parse_gaussian
from exactbell.behaviours import quadratic_form
from exactbell.kernel.linalg import psd_decide
from exactbell.kernel.numbers import ExactnessError

rat = st.fractions(min_value=-5, max_value=5, max_denominator=7)
gauss = st.builds(Gaussian, rat, rat)


def test_arithmetic_exact():
    z = Gaussian(1, 1)
    assert z * z.conj() == 2
    assert z * z == 2 * I
    assert 1 / z == Gaussian(Fraction(1, 2), Fraction(-1, 2))
    assert (z / 2).re == Fraction(1, 2) and isinstance((z / 2).re, Fraction)
    assert I ** 2 == -1 and I ** -1 == -I and I ** 4 == 1
    assert Gaussian(3, 0) == 3 and Gaussian(3, 1) != 3
    with pytest.raises(ZeroDivisionError):
        z / Gaussian(0, 0)


def test_floats_rejected():
    with pytest.raises(ExactnessError):
        Gaussian(0.5, 0)
    with pytest.raises(ExactnessError):
        Gaussian(1, 0) + 0.5
    with pytest.raises(ExactnessError):
        parse_gaussian(0.25)
    with pytest.raises(ExactnessError):
        parse_gaussian("0.25 + i")
    assert Gaussian(1, 0) != 1.0  # never equal to a float


@given(gauss, gauss)
def test_text_round_trip_and_field_axioms(a, b):
    assert parse_gaussian(gaussian_text(a)) == a
    assert (a * b).conj() == a.conj() * b.conj()
    assert (a + b) - b == a
    if b:
        assert (a / b) * b == a


def test_parse_expressions():
    assert parse_gaussian("(1 - i)/6") == Gaussian(Fraction(1, 6), Fraction(-1, 6))
    assert parse_gaussian("1/2 + (-1/3)*i") == Gaussian(Fraction(1, 2), Fraction(-1, 3))
    with pytest.raises(ExactnessError):
        parse_gaussian("j")


def test_over_a_real_number_field():
    F = NumberField.from_spec({"generator": "s", "minpoly": "s^2 - 6", "interval": ["2", "3"]})
    z = parse_gaussian("s/3 + (s/6)*i", F)
    assert z * z == parse_gaussian("1/2 + (2/3)*i", F)  # (s/3)^2 - (s/6)^2 = 6/9 - 6/36, 2*(s/3)(s/6) = 2/3
    assert parse_gaussian(z.to_text(), F) == z
    assert (1 / z) * z == 1
    M = [[parse_gaussian("2/3", F), parse_gaussian("s/6 + (s/6)*i", F)],
         [parse_gaussian("s/6 - (s/6)*i", F), parse_gaussian("1/3", F)]]
    # det = 2/9 - 12/36 = -1/9 < 0: not PSD
    assert not herm_psd(M, F).psd
    with pytest.raises(Exception):
        parse_gaussian("i", NumberField.from_spec({"generator": "i", "minpoly": "i^2 - 2", "interval": ["1", "2"]}))


def test_herm_psd_witness_and_errors():
    M = [[Gaussian(1, 0), Gaussian(0, 2)], [Gaussian(0, -2), Gaussian(1, 0)]]  # eigenvalues 3, -1
    r = herm_psd(M)
    assert not r.psd
    assert quadratic_form(M, r.witness, conj) == r.witness_value and r.witness_value.re < 0
    with pytest.raises(ValueError, match="Hermitian"):
        herm_psd([[Gaussian(1, 0), Gaussian(0, 1)], [Gaussian(0, 1), Gaussian(1, 0)]])
    with pytest.raises(ValueError, match="Hermitian"):  # a diagonal entry that is not real
        herm_psd([[Gaussian(1, 1)]])
    with pytest.raises(ValueError, match="square"):
        herm_psd([[Gaussian(1, 0), Gaussian(0, 0)]])
    # zero pivot with a nonzero row: not PSD, exact witness
    Z = [[Gaussian(0, 0), Gaussian(0, 1)], [Gaussian(0, -1), Gaussian(1, 0)]]
    r = herm_psd(Z)
    assert not r.psd and quadratic_form(Z, r.witness, conj).re < 0
    # zero pivot with a zero row: PSD
    assert herm_psd([[Gaussian(0, 0), Gaussian(0, 0)], [Gaussian(0, 0), Gaussian(2, 0)]]).psd


@settings(max_examples=40, deadline=None)
@given(st.lists(gauss, min_size=9, max_size=9), st.integers(0, 3))
def test_gram_matrices_are_psd_and_shifts_are_not(entries, rank_cut):
    B = [entries[3 * i:3 * i + 3] for i in range(3)]
    for i in range(rank_cut):
        B[i] = [Gaussian(0, 0)] * 3
    G = [[sum((B[k][i].conj() * B[k][j] for k in range(3)), Gaussian(0, 0)) for j in range(3)] for i in range(3)]
    assert herm_psd(G).psd
    # the fast (fmpq) path and the generic path agree, pivots included
    generic = psd_decide(G, conj=conj, sign=lambda z: (z.re > 0) - (z.re < 0), one=Gaussian(1, 0))
    assert generic.psd and [d for _, d in generic.pivots] == [d for _, d in herm_psd(G).pivots]
    t = sum((G[i][i].re for i in range(3)), Fraction(0)) + 1
    H = [[G[i][j] - (t if i == j else 0) for j in range(3)] for i in range(3)]
    r = herm_psd(H)
    assert not r.psd and quadratic_form(H, r.witness, conj).re < 0
