"""Sengupta–Wooltorton Lemmas 1 (whole region), 2 and 4 (max–min): exact certificates and tampering."""
import copy
from fractions import Fraction

import pytest

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers import sw_lemma2
from exactbell.legacy.checkers.sw_lemma1_region import channel_values, side_conditions, rf
from exactbell.kernel.functional import from_sw_matrix
from exactbell.generators import sw_lemmas


@pytest.fixture(scope="module")
def region():
    return sw_lemmas.lemma1_region()


def test_region_certificate_is_refuted_for_all_p_r(write_cert, region):
    r = check_file(write_cert(region))
    assert r.passed and r.verdict == "refuted" and "for all (p, r)" in r.detail


def test_region_vertex_values_do_not_depend_on_p_and_stay_below_2r():
    F = [Fraction(x) for x in from_sw_matrix(sw_lemmas.L1_F)]
    vals = channel_values(F)
    assert len(vals) == 15
    # at r = 1/2 the maximum is exactly 1/2 (= r) and 2r = 1; at r -> 1 the gap closes (3r - 1 -> 2)
    for r0 in (Fraction(1, 10), Fraction(1, 2), Fraction(9, 10)):
        vmax = max(v.num.substitute({"p": Fraction(1, 3), "r": r0}).constant_value() for v in vals)
        assert vmax == max(r0, 3 * r0 - 1) < 2 * r0


def test_point_side_conditions_cover_ranges_and_dependences():
    alice = [[rf("r"), rf("0")], [rf("0"), rf("r")]]
    bob = [[rf("1")] * 2] * 2
    conds = side_conditions(alice, bob)
    assert len(conds) == 16 + 4 + 4
    assert ("r", "<=", "r") in conds and ("-(r)", "<=", "r") in conds


def test_region_including_r_equal_1_is_rejected(write_cert, region):
    bad = copy.deepcopy(region)
    bad["data"]["domain"]["r"] = "(0, 1]"
    r = check_file(write_cert(bad))
    assert not r.passed and r.verdict == "error"


@pytest.mark.parametrize("where,value,msg", [
    (("expected", "counterexample", "alice", 0, 1), "1/2", "not in S_(p,r)"),
    (("expected", "counterexample", "bob", 1, 1), "1/2", "not in S_(p,r)"),
    (("expected", "counterexample", "bob"), [["1/2", "1/2"], ["1/2", "1/2"]], "behaviour"),
    (("data", "values", 3), "-2", "values[3]"),
    (("data", "point_value"), "2*r - 1/100", "point_value"),
    (("data", "functional", "matrix", 1, 1), "1", "values"),
    (("parameters", "r", "range", 1), "2", "parameters.r.range"),
    (("data", "channels", 0, 0), "r", "channels"),
    (("data", "inclusion", "A->B", 0), "-p/2", "inclusion.A->B"),
])
def test_region_tampering_is_rejected(write_cert, region, where, value, msg):
    bad = copy.deepcopy(region)
    o = bad
    for k in where[:-1]:
        o = o[k]
    o[where[-1]] = value
    r = check_file(write_cert(bad))
    assert not r.passed and msg in r.detail


def test_region_proof_must_be_strict(write_cert, region):
    bad = copy.deepcopy(region)
    bad["data"]["proofs"][0] = {"method": "identity"}
    r = check_file(write_cert(bad))
    assert not r.passed and "data.proofs[0]" in r.detail


# ---- Lemma 2 ----
@pytest.mark.parametrize("n", [1, 2, 3])
def test_lemma2_construction_is_a_polynomial_identity(n):
    assert sw_lemma2.generic_identity(n) == 16


def test_lemma2_generic_check_catches_a_wrong_construction(monkeypatch):
    """Dropping one value of Λ' (or mis-weighting it) breaks the identity, and the check notices."""
    import itertools

    monkeypatch.setattr(sw_lemma2, "product", lambda r, repeat: list(itertools.product(r, repeat=repeat))[1:])
    with pytest.raises(ValueError, match="construction fails"):
        sw_lemma2.generic_identity(2)


def test_lemma2_certificates(write_cert):
    ok = check_file(write_cert(sw_lemmas.lemma2_generic()))
    assert ok.passed and ok.verdict == "verified" and "the 3 pairs" in ok.detail and "not the 1 printed" in ok.detail
    lost = sw_lemmas.lemma2_bound_lost()
    r = check_file(write_cert(lost))
    assert r.passed and r.verdict == "refuted"
    assert lost["data"]["dependence"] == {"md": ["0", "0"], "pd": ["1", "1"], "observed": ["1", "1"]}
    assert lost["data"]["pd_size"] == 16


def test_lemma2_bad_model_is_a_clear_error(write_cert):
    lost = sw_lemmas.lemma2_bound_lost()
    bad = copy.deepcopy(lost)
    bad["expected"]["counterexample"]["weights"][0] = ["1", "1"]
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "sum to 1" in r.detail
    bad = copy.deepcopy(lost)
    bad["data"]["dependence"]["pd"] = ["0", "0"]
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "dependence.pd" in r.detail
    bad = copy.deepcopy(lost)
    bad["data"]["index_sets"]["required"] = 1
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "index_sets" in r.detail
    gen = sw_lemmas.lemma2_generic()
    gen["data"]["hidden"] = 2
    r = check_file(write_cert(gen))
    assert r.verdict == "error" and "pd_size" in r.detail


def test_lemma2_bound_preserving_model_is_not_refuted(write_cert):
    lost = sw_lemmas.lemma2_bound_lost()
    cert = copy.deepcopy(lost)
    # measurement-independent weights: the behaviour no longer signals, the bound is kept
    cert["expected"]["counterexample"]["weights"] = [["1/2", "1/2"]] * 4
    r = check_file(write_cert(cert))
    assert not r.passed  # data.behaviour no longer matches: recomputed exactly
    assert "data.behaviour" in r.detail


# ---- Lemma 4 ----
def test_lemma4_certificates(write_cert):
    for make in (sw_lemmas.lemma4_maxmin, sw_lemmas.lemma4_attained, sw_lemmas.lemma4_w_range):
        cert = make()
        r = check_file(write_cert(cert))
        assert r.passed and r.verdict == "verified", r.detail
    cert = sw_lemmas.lemma4_maxmin()
    assert cert["data"]["proof"]["method"] == "combination"


def test_lemma4_with_a_smaller_bound_is_not_verified(write_cert):
    cert = sw_lemmas.lemma4_maxmin()
    cert["data"]["rhs"] = "(1 - 4*l)/(1 - 2*l) - l/10"
    r = check_file(write_cert(cert))
    assert not r.passed
