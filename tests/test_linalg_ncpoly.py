"""Exact LDL^T PSD decisions and the free algebra of +-1 observables."""
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.kernel.functional import BellFunctional, functional_from_spec
from exactbell.behaviours import quadratic_form
from exactbell.kernel.linalg import psd_decide, rank
from exactbell.kernel.scenario import Behaviour, Scenario
from exactbell.kernel.ncpoly import NCPoly, bell_operator, parse_operator
from exactbell.quantum.strategy import expectation

small = st.fractions(min_value=-4, max_value=4, max_denominator=5)


def gram(L, D):
    n = len(D)
    return [[sum(L[i][k] * D[k] * L[j][k] for k in range(n)) for j in range(n)] for i in range(n)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.tuples(
    st.lists(st.lists(small, min_size=n, max_size=n), min_size=n, max_size=n),
    st.lists(st.fractions(min_value=0, max_value=3, max_denominator=4), min_size=n, max_size=n),
    st.integers(0, n - 1), st.fractions(min_value=F(1, 100), max_value=2, max_denominator=100))))
def test_psd_decisions_and_witnesses(args):
    Lraw, D, k, neg = args
    n = len(D)
    L = [[F(int(i == j)) if j >= i else Lraw[i][j] for j in range(n)] for i in range(n)]  # unit lower
    assert psd_decide(gram(L, D)).psd
    D2 = list(D)
    D2[k] = -neg
    M = gram(L, D2)
    res = psd_decide(M)
    assert not res.psd
    assert quadratic_form(M, res.witness) < 0


def test_zero_pivot_with_nonzero_row_is_not_psd():
    M = [[F(0), F(1)], [F(1), F(5)]]
    res = psd_decide(M)
    assert not res.psd and quadratic_form(M, res.witness) == -1
    assert rank([[F(1), F(2)], [F(2), F(4)]]) == 1


def test_chsh_square_identity():
    # CHSH^2 = 4 - [A0,A1][B0,B1] in the free algebra with A_x^2 = B_y^2 = 1
    parse = lambda t: parse_operator(t, 2, (2, 2), F)  # noqa: E731
    chsh = parse("A0*B0 + A0*B1 + A1*B0 - A1*B1")
    comm = parse("(A0*A1 - A1*A0)*(B0*B1 - B1*B0)")
    assert chsh * chsh == NCPoly.scalar(2, F(4)) - comm
    assert parse("A0*A0*B1*B1") == NCPoly.scalar(2, F(1))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-2, 2), min_size=16, max_size=16), st.tuples(*[st.integers(0, 1)] * 4))
def test_bell_operator_on_classical_observables_gives_the_functional(coeffs, bits):
    sc = Scenario((2, 2), (2, 2))
    F_ = BellFunctional(sc, tuple(F(c) for c in coeffs))
    strategy = ((bits[0], bits[1]), (bits[2], bits[3]))
    obs = [[[[F((-1) ** o)]] for o in strategy[i]] for i in range(2)]  # 1x1 observables (-1)^output
    assert expectation(bell_operator(F_), [F(1)], obs) == F_.value(Behaviour.deterministic(sc, strategy))


def test_correlator_form_maps_to_the_expected_operator():
    sc = Scenario((2, 2), (2, 2))
    F_ = functional_from_spec(sc, {"terms": {"A0B1": 3, "B1": -1, "1": 2}}, {"form": "correlator"}, F)
    expected = parse_operator("3*A0*B1 - B1 + 2", 2, (2, 2), F)
    assert bell_operator(F_) == expected
