"""Sengupta–Wooltorton propositions, lemmas and claims: checkers for sw-* kinds."""
import copy
import json
from fractions import Fraction

import pytest

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.sw_appendix_e import E1, orbit
from exactbell.legacy.checkers.sw_claim1 import ns_vector, one_way_vertices
from exactbell.legacy.checkers.sw_lemma1 import channel_vertices, dependences, product_point
from exactbell.kernel.functional import SW_SCENARIO, functional_from_spec
from exactbell.kernel.poly import RationalFunction
from exactbell.generators import sw_propositions as gen
from exactbell.prover.sw_models import distinct_values, vertices

PROOFS = "proofs/sengupta-wooltorton"


def _tp():
    return functional_from_spec(SW_SCENARIO, {"terms": gen.T_P_TERMS}, gen.CORR,
                                lambda c: RationalFunction.parse(c, ["p"]))


def test_ns_deterministic_values_of_tp_match_f4():
    """App. F (F4): on NS deterministic points T_p takes the values ±2 and ±(4/p - 6)."""
    vals = distinct_values(_tp(), vertices("ns-deterministic", {"p": None}))
    expected = [RationalFunction.parse(t, ["p"]) for t in ("2", "-2", "4/p - 6", "6 - 4/p")]
    assert len(vals) == 4 and all(any(v == e for e in expected) for v in vals)


def test_fixed_bit_w_has_sixteen_slacks():
    F = functional_from_spec(SW_SCENARIO, {"matrix": gen.G_PR}, gen.SW, lambda c: RationalFunction.parse(c, ["p", "r"]))
    vals = distinct_values(F, vertices("fixed-bit", {"p": None, "r": None}))
    assert len(vals) == 16
    assert any(v == RationalFunction.parse("1", ["p", "r"]) for v in vals)  # W = 1 is attained


def test_one_way_max_equals_ns_bound(write_cert):
    """The one-way maximum coincides with the NS bound 2(|2p-1|+1-p)/p on (2/5, 1)."""
    cert = gen._vertex_bound("T", "C000-09", "t", "t", "one-way-symmetric", gen.CORR, {"terms": gen.T_P_TERMS},
                             ["p"], {"p": "(2/5, 1)"}, "2*(abs(2*p - 1) + 1 - p)/p", "max")
    assert cert["expected"]["verdict"] == "verified"
    assert check_file(write_cert(cert)).passed


def test_false_vertex_bound_is_refuted(write_cert):
    cert = gen._vertex_bound("T", "C000-09", "t", "t", "one-way-symmetric", gen.CORR, {"terms": gen.T_P_TERMS},
                             ["p"], {"p": "(2/5, 1)"}, "2", "max")
    assert cert["expected"]["verdict"] == "refuted"
    p = Fraction(cert["expected"]["counterexample"]["p"])
    assert Fraction(2, 5) < p < Fraction(1, 2)  # the local maximum exceeds 2 exactly below 1/2
    assert check_file(write_cert(cert)).passed
    cert["expected"]["counterexample"] = {"p": "3/4"}
    assert not check_file(write_cert(cert)).passed


def test_vertex_bound_tampering(write_cert):
    base = json.loads(open(f"{PROOFS}/C000-08.all-p.json").read())
    for mutate in (lambda c: c["data"]["values"].pop(),
                   lambda c: c["data"].__setitem__("vertex_set", "two-way-symmetric"),
                   lambda c: c["data"].__setitem__("bound", "2*(abs(2*p - 1) + 1 - p)/p + 1/100"),
                   lambda c: c["data"].__setitem__("vertex_set", "nonsense")):
        c = copy.deepcopy(base)
        mutate(c)
        assert not check_file(write_cert(c)).passed


def test_lemma1_point_is_in_s_pr_and_inclusion_holds():
    p, r = Fraction(1, 2), Fraction(1, 5)
    alice = [[r, Fraction(0)], [Fraction(0), r]]
    P = product_point(alice, [[Fraction(1)] * 2] * 2)
    assert dependences(P) == (0, r)
    verts = channel_vertices(p, r)
    assert max(dependences(v)[0] for v in verts) == p and max(dependences(v)[1] for v in verts) == r


def test_lemma1_tampering(write_cert):
    base = json.loads(open(f"{PROOFS}/C000-16.p=1_2_r=1_2.json").read())
    assert base["data"]["vertex_count"] == 784
    c = copy.deepcopy(base)
    c["data"]["separation"]["bound"] = base["data"]["separation"]["point_value"]
    assert not check_file(write_cert(c)).passed
    c = copy.deepcopy(base)
    c["expected"]["counterexample"]["alice"][0][0] = "3/4"  # dependence 3/4 > r
    r = check_file(write_cert(c))
    assert not r.passed and "exceed" in r.detail
    c = copy.deepcopy(base)
    c["expected"] = {"verdict": "verified"}
    assert check_file(write_cert(c)).verdict == "verified"  # the inclusion part alone holds


def test_claim1_point_is_exactly_nonsignaling():
    base = json.loads(open(f"{PROOFS}/C000-19.p=3_4.json").read())
    p = Fraction(3, 4)
    cx = base["expected"]["counterexample"]
    from exactbell.legacy.checkers.sw_claim1 import two_way_vertex

    total = [sum(Fraction(w) * two_way_vertex(p, *lab).values[k] for lab, w in zip(cx["labels"], cx["weights"]))
             for k in range(16)]
    from exactbell.kernel.scenario import Behaviour

    assert all(x == 0 for x in ns_vector(Behaviour(SW_SCENARIO, tuple(total))))
    assert len(one_way_vertices(p)) == base["data"]["vertex_counts"]["one_way"]


def test_claim1_tampering(write_cert):
    base = json.loads(open(f"{PROOFS}/C000-19.p=3_4.json").read())
    c = copy.deepcopy(base)
    c["expected"]["counterexample"]["weights"][0] = "1/2"
    assert not check_file(write_cert(c)).passed
    c = copy.deepcopy(base)
    c["data"]["separation"]["multipliers"] = ["0", "0", "0", "0"]
    assert not check_file(write_cert(c)).passed


def test_e1_class_has_sixteen_members_with_entries_at_most_half():
    e1 = [[RationalFunction.parse(x, ["p"]) for x in row] for row in E1]
    orb = orbit(e1)
    assert len(orb) == 16  # App. E: "one class of extremal states with a cardinality of 16"
    for q in (Fraction(1, 2), Fraction(3, 4), Fraction(99, 100)):
        assert max(x.evaluate({"p": q}) for m in orb for row in m for x in row) == Fraction(1, 2)


def test_e1_counterexample_must_be_deterministic_local(write_cert):
    base = json.loads(open(f"{PROOFS}/C000-20.json").read())
    c = copy.deepcopy(base)
    c["expected"]["counterexample"]["behaviour"] = [[1, 0, 0, 1], [0, 0, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]]
    r = check_file(write_cert(c))
    assert not r.passed  # Bob's output depends on x: not a local NS point
    c["expected"]["counterexample"]["behaviour"] = [["1/2", 0, 1, 0], ["1/2", 0, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]]
    assert not check_file(write_cert(c)).passed


@pytest.mark.parametrize("name", ["C000-08.all-p", "C000-09.all-p", "C000-14.part1", "C000-16.p=1_2_r=1_5",
                                  "C000-19.p=9_10", "C000-20", "C000-12.q-above-local", "C000-18.kappa-le-1"])
def test_bundled_certificate_passes(name):
    r = check_file(f"{PROOFS}/{name}.json")
    assert r.passed, r.detail


def test_prop2_quantum_point_is_hardy_type_and_tamper_rejected(write_cert):
    from exactbell.legacy.checkers.sw_prop2_quantum import quantum_behaviour
    from exactbell.kernel.algebraic import NumberField

    base = json.loads(open(f"{PROOFS}/C000-14.part2.json").read())
    K = NumberField.from_spec(base["data"]["field"])
    psi = [K.parse(t) for t in base["data"]["state"]]
    obs = [[[[K.parse(x) for x in row] for row in M] for M in party] for party in base["data"]["observables"]]
    P = quantum_behaviour(psi, obs)
    assert P.p((1, 1), (0, 0)) == 0 and P.p((0, 1), (0, 1)) == 0 and P.p((1, 0), (1, 0)) == 0
    k = P.p((1, 1), (1, 1))
    g = K.gen()
    assert k == (16 + 2 * g**2 - 11 * g**4) / 45 and k > 0  # (F16) with 2*2^(1/3)
    assert k != (16 + 2 * g**9 - 11 * g**4) / 45  # the printed 2*2^(3/2)
    for mutate in (lambda c: c["data"]["state"].__setitem__(3, "g^4/3"),
                   lambda c: c["data"]["functional"]["matrix"][1].__setitem__(1, "1/7"),
                   lambda c: c["data"]["excess"].__setitem__("constant", "1/45"),
                   lambda c: c["data"]["observables"][0][1][0].__setitem__(0, "1/2")):
        c = copy.deepcopy(base)
        mutate(c)
        assert not check_file(write_cert(c)).passed


def test_ns_identity_certificates(write_cert):
    base = json.loads(open(f"{PROOFS}/C000-12.eq14.json").read())
    assert check_file(write_cert(base)).passed
    c = copy.deepcopy(base)
    c["data"]["multipliers"]["ns"][2] = "1"
    assert not check_file(write_cert(c)).passed
    c = copy.deepcopy(base)
    c["data"]["multipliers"]["normalisation"] = ["1", "0", "0", "0"]  # would add a constant
    assert not check_file(write_cert(c)).passed
    chsh = json.loads(open(f"{PROOFS}/C000-12.chsh.json").read())
    assert check_file(write_cert(chsh)).passed
    chsh["parameters"]["p"] = "3/4"  # T_{3/4} on NS is not CHSH
    assert not check_file(write_cert(chsh)).passed
