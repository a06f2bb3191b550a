"""Exact local bounds against brute force, and known bounds from the literature."""
from fractions import Fraction as F
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.kernel.functional import BellFunctional, functional_from_spec
from exactbell.kernel.models import local_bound
from exactbell.kernel.scenario import Behaviour, Scenario

CORR = {"form": "correlator"}


def brute_force(F_):
    sc = F_.scenario
    per_party = [list(sc.deterministic_strategies(i)) for i in range(sc.parties)]
    values = {s: F_.value(Behaviour.deterministic(sc, s)) for s in product(*per_party)}
    best = max(values.values())
    return best, {s for s, v in values.items() if v == best}


def test_chsh_local_bound_and_its_eight_optimal_strategies():
    sc = Scenario((2, 2), (2, 2))
    chsh = functional_from_spec(sc, {"terms": {"A0B0": 1, "A0B1": 1, "A1B0": 1, "A1B1": -1}}, CORR, F)
    lb = local_bound(chsh)
    assert lb.value == 2 and lb.count == 8
    assert set(lb.strategies) == brute_force(chsh)[1]


def test_i3322_collins_gisin_local_bound_is_zero():
    sc = Scenario((3, 3), (2, 2))
    terms = {"pA(0|0)": -2, "pA(0|1)": -1, "pB(0|0)": -1, "pAB(00|00)": 1, "pAB(00|01)": 1, "pAB(00|02)": 1,
             "pAB(00|10)": 1, "pAB(00|11)": 1, "pAB(00|12)": -1, "pAB(00|20)": 1, "pAB(00|21)": -1}
    lb = local_bound(functional_from_spec(sc, {"terms": terms}, {"form": "collins-gisin"}, F))
    assert lb.value == 0  # Collins-Gisin 2004: I3322 <= 0


def test_mermin_three_party_local_bound_is_two():
    sc = Scenario((2, 2, 2), (2, 2, 2))
    terms = {"A0B0C1": 1, "A0B1C0": 1, "A1B0C0": 1, "A1B1C1": -1}
    assert local_bound(functional_from_spec(sc, {"terms": terms}, CORR, F)).value == 2


scenarios = st.sampled_from([((2, 2), (2, 2)), ((3, 2), (2, 3)), ((2, 2, 2), (2, 2, 2)), ((3,), (3,)),
                             ((2, 3), (3, 2))])


@settings(max_examples=40, deadline=None)
@given(scenarios, st.data())
def test_local_bound_matches_brute_force(spec, data):
    sc = Scenario(*spec)
    coeffs = data.draw(st.lists(st.integers(-3, 3).map(lambda k: F(k, 2)), min_size=sc.size, max_size=sc.size))
    F_ = BellFunctional(sc, tuple(coeffs))
    lb = local_bound(F_)
    best, winners = brute_force(F_)
    assert lb.value == best
    assert lb.count == len(winners) and set(lb.strategies) == winners
    assert all(F_.value(Behaviour.deterministic(sc, s)) == best for s in lb.strategies)
