"""The 4x4 block-matrix convention of Sengupta-Wooltorton Eq. (5), tested on the paper's own
worked examples (Sec. II NS vectors, Sec. III A behaviour, Sec. IV A correlator form)."""
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.behaviours import collins_gisin, to_sw_matrix
from exactbell.kernel.functional import SW_SCENARIO, BellFunctional, from_sw_matrix, functional_from_spec
from exactbell.kernel.poly import Poly
from exactbell.kernel.scenario import Behaviour
from exactbell.polytopes.signaling import ns_products_a_to_b, ns_products_b_to_a, vertex

p = Poly.var("p")
CORR = {"form": "correlator", "marginals": "uniform-average"}

# Matrices typed from the paper (L101-113, L154-166, L269).
NS_A_TO_B = [[[1, 0, 0, 0], [1, 0, 0, 0], [-1, 0, 0, 0], [-1, 0, 0, 0]],
             [[0, 0, 1, 0], [0, 0, 1, 0], [0, 0, -1, 0], [0, 0, -1, 0]]]
NS_B_TO_A = [[[1, 1, -1, -1], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
             [[0, 0, 0, 0], [0, 0, 0, 0], [1, 1, -1, -1], [0, 0, 0, 0]]]
PRINTED_P = [[p, 1 - p, 1 - p, p], [0, 0, 0, 0], [0, 0, 0, 0], [1 - p, p, p, 1 - p]]


def sw_functional(matrix):
    return BellFunctional(SW_SCENARIO, tuple(from_sw_matrix(matrix)))


def test_eq5_entry_positions():
    # row 1, column 2 of Eq. (5) is p(10|01): a=1, b=0, x=0, y=1
    vals = list(range(16))
    M = to_sw_matrix(vals)
    assert M[1][2] == SW_SCENARIO.index((1, 0), (0, 1))
    assert M[3][3] == SW_SCENARIO.index((1, 1), (1, 1))
    assert from_sw_matrix(M) == vals


def test_worked_example_sec_3a_behaviour_and_epsilons():
    P = vertex([[0, 0], [1, 1]], [[0, 1], [1, 0]], p, p, F(1, 2), F(1, 2))  # A = X, B = X~ xor Y
    assert to_sw_matrix(P.values) == PRINTED_P
    eab = ns_products_a_to_b(P)
    assert eab == [2 * p - 1, 1 - 2 * p]  # max over y is 2p - 1 for p >= 1/2
    assert ns_products_b_to_a(P) == [0, 0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.fractions(min_value=0, max_value=1, max_denominator=9), min_size=16, max_size=16))
def test_ns_vectors_are_marginal_differences(raw):
    P = Behaviour(SW_SCENARIO, tuple(raw))
    assert [sw_functional(M).value(P) for M in NS_A_TO_B] == ns_products_a_to_b(P)
    assert [sw_functional(M).value(P) for M in NS_B_TO_A] == ns_products_b_to_a(P)


def normalized(raw):
    vals = []
    for k in range(4):
        block = [r + 1 for r in raw[4 * k:4 * k + 4]]
        vals += [b / sum(block) for b in block]
    return Behaviour(SW_SCENARIO, tuple(vals))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.fractions(min_value=0, max_value=3, max_denominator=7), min_size=16, max_size=16),
       st.fractions(min_value=F(2, 5), max_value=F(99, 100), max_denominator=100))
def test_correlator_form_of_F_p_sec_4a(raw, q):
    P = normalized(raw)
    t = (1 - q) / q
    Fp = sw_functional([[0, 0, 1, 0], [0, 1, 0, 0], [0, -t, 0, t], [0, 0, 0, 0]])  # Eq. after L267
    expr = functional_from_spec(SW_SCENARIO, {"terms": {
        "A@01": 1, "A@00": -1, "A@11": t, "A@10": -t, "B@01": 1, "B@00": -1, "B@10": t, "B@11": -t,
        "A0B0": 1, "A0B1": 1, "A1B0": t, "A1B1": -t}}, CORR, F)
    assert expr.value(P) == 4 * Fp.value(P) - 2  # <P,F_p> <= 1  <=>  expr <= 2


@settings(max_examples=30, deadline=None)
@given(st.tuples(*[st.integers(0, 1)] * 4))
def test_chsh_equals_4ch_plus_2_on_local_deterministic_points(bits):
    P = Behaviour.deterministic(SW_SCENARIO, ((bits[0], bits[1]), (bits[2], bits[3])))
    chsh = functional_from_spec(SW_SCENARIO, {"terms": {"A0B0": 1, "A0B1": 1, "A1B0": 1, "A1B1": -1}}, CORR, F)
    ch = functional_from_spec(SW_SCENARIO, {"terms": {
        "pAB(00|00)": 1, "pAB(00|01)": 1, "pAB(00|10)": 1, "pAB(00|11)": -1, "pA(0|0)": -1, "pB(0|0)": -1}},
        {"form": "collins-gisin"}, F)
    assert chsh.value(P) == 4 * ch.value(P) + 2
    cg = collins_gisin(P)
    assert ch.value(P) == cg["pAB(00|00)"] + cg["pAB(00|01)"] + cg["pAB(00|10)"] - cg["pAB(00|11)"] \
        - cg["pA(0|0)"] - cg["pB(0|0)"]
