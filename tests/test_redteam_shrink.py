"""Red-team tests for the kernel shrink (issue #14): one check per rewritten kernel condition.

Each test mutates one bundled certificate (a copy written to ``tmp_path``) and asserts the exact
rejection (verdict ``error`` with the field named in the detail) or the exact changed verdict. They
pin the behaviour of the checks that the compaction of prove_check/inequality/composite, polytope,
vertex_set/facet, psd_dual/sos/ncpoly/interval, identity/process/trig and
functional/models/scenario/local_bound/strategy_value rewrote, so a silently dropped or inverted
check fails here.
"""
import copy
import json
import shutil

import pytest

from exactbell.kernel.check import check_file
from exactbell.kernel.pins import PIN_FILE

from .conftest import DELETE as DEL
from .conftest import PROOFS, decide, load, rejected, setter

SW, LC, CKBG, WBC = ("sengupta-wooltorton", "liu-chiribella", "chaves-kueng-brask-gross",
                     "wooltorton-brown-colbeck")


def test_baseline_certificates_pass():
    """The certificates mutated below pass unchanged (so each rejection is caused by its mutation)."""
    for folder, name in [(SW, "C000-18.kappa-eps=1.json"), (WBC, "C004-02.json"), (CKBG, "C002-11.correlator.json"),
                         (LC, "C001-07.polygon.json"), (LC, "C001-33.json"), (WBC, "C004-01.quantum.json"),
                         (WBC, "C004-11.endpoint.json"), (CKBG, "C002-13.born.eps=1_2.json"), (CKBG, "C002-10.json"),
                         (WBC, "C004-20.dire.arcsin-sum.json"), (LC, "C001-35.d=2.json"),
                         (CKBG, "C002-16.d=2.local.json"), (LC, "C001-42.gyni-algebraic.json")]:
        r = check_file(PROOFS / folder / name)
        assert r.passed and r.pin == "pinned", (name, r.detail)


# -- inequality / prove_check (wt/prove) -------------------------------------------------------------
KAPPA = (SW, "C000-18.kappa-eps=1.json")


def test_inequality_unknown_name_is_error(tmp_path):
    rejected(decide(tmp_path, *KAPPA, setter((("data", "lhs"), "1 + zz"))), "data", "zz")


def test_inequality_divisor_vanishing_on_domain_is_error(tmp_path):
    # 1/(1 - 4l) has a pole at l = 1/4, the closed upper end of [0, 1/4]
    rejected(decide(tmp_path, *KAPPA, setter((("data", "lhs"), "1 + 0/(1 - 4*l)"))), "data", "vanishes")


def test_inequality_false_identity_is_not_verified(tmp_path):
    r = decide(tmp_path, *KAPPA, setter((("data", "rhs"), "1 + l")))
    assert r.verdict != "verified" and not r.passed


def test_inequality_nested_sqrt_is_error(tmp_path):
    r = decide(tmp_path, *KAPPA, setter((("data", "lhs"), "sqrt(1 + sqrt(l))"),
                                        (("conventions", "sqrt"), "principal (non-negative) square root")))
    rejected(r, "data", "nested square roots")


def test_inequality_sqrt_without_convention_is_error(tmp_path):
    r = decide(tmp_path, *KAPPA, setter((("data", "lhs"), "sqrt(1 + l) - sqrt(1 + l) + 1")))
    rejected(r, "conventions.sqrt")


def test_inequality_at_point_unknown_name_is_error(tmp_path):
    r = decide(tmp_path, *KAPPA, setter((("parameters", "l"), "1/8"), (("data", "lhs"), "1 + m")))
    rejected(r, "data", "m")


def test_inequality_at_point_false_is_refuted(tmp_path):
    r = decide(tmp_path, *KAPPA, setter((("parameters", "l"), "1/8"), (("data", "rhs"), "2"),
                                        (("data", "proof"), DEL), (("expected",), "refuted")))
    assert r.verdict == "refuted", r.detail
    assert "fails at l = 1/8, where" in r.statement and "= -1" in r.statement, r.statement


TORUS = (WBC, "C004-15.torus.json")


def test_trig_unused_angle_is_error(tmp_path):
    def mutate(cert):
        cert["data"]["statements"] = cert["data"]["statements"][2:3]
        cert["data"]["statements"][0]["angles"] = ["m", "d"]
    rejected(decide(tmp_path, *TORUS, mutate), "data.statements[0]", "every angle must occur")


def test_trig_identity_under_hypothesis_is_error(tmp_path):
    def mutate(cert):
        s = cert["data"]["statements"] = cert["data"]["statements"][2:3]
        s[0].update(relation="==", hypothesis={"lhs": "sin(m)", "relation": ">", "rhs": "0"})
    rejected(decide(tmp_path, *TORUS, mutate), "data.statements[0]", "identity under a hypothesis")


# -- composite (wt/prove) -----------------------------------------------------------------------------
def _composite_folder(tmp_path):
    folder = PROOFS / LC
    for n in ("C001-36.json", "C001-31.json", "C001-34.n=3.json", PIN_FILE):
        shutil.copy(folder / n, tmp_path / n)
    return load(folder / "C001-36.json")


def _composite(tmp_path, mutate, prepared=False):
    cert = load(tmp_path / "C001-36.json") if prepared else _composite_folder(tmp_path)
    mutate(cert)
    path = tmp_path / "C001-36.json"
    path.write_text(json.dumps(cert))
    return check_file(path)


def test_composite_baseline_in_copy(tmp_path):
    r = _composite(tmp_path, lambda c: None)
    assert r.passed and r.verdict == "verified", r.detail


def test_composite_premise_is_itself_is_error(tmp_path):
    r = _composite(tmp_path, lambda c: c["data"]["premises"].__setitem__(1, "C001-36.json"))
    rejected(r, "data.premises[1]", "composite itself")


def test_composite_nested_premise_is_error(tmp_path):
    cert = _composite_folder(tmp_path)
    (tmp_path / "nested.json").write_text(json.dumps({**cert, "id": "nested"}))
    r = _composite(tmp_path, lambda c: c["data"]["premises"].__setitem__(0, "nested.json"), prepared=True)
    rejected(r, "data.premises[0]", "itself composite")


def test_composite_failing_premise_is_error(tmp_path):
    _composite_folder(tmp_path)
    bad = load(PROOFS / LC / "C001-31.json")
    bad["expected"] = "refuted"
    (tmp_path / "C001-31.json").write_text(json.dumps(bad))
    r = _composite(tmp_path, lambda c: None, prepared=True)
    rejected(r, "data.premises[0]", "C001-31.json")


def test_composite_missing_premise_is_error(tmp_path):
    r = _composite(tmp_path, lambda c: c["data"]["premises"].__setitem__(0, "absent.json"))
    rejected(r, "data.premises[0]", "missing premise")


@pytest.mark.parametrize("stated", ["a) b (", "(a", "a]", "[a)]"])
def test_composite_stated_brackets_must_nest(tmp_path, stated):
    r = _composite(tmp_path, lambda c: c["data"].__setitem__("stated", stated))
    rejected(r, "data.stated", "must nest")  # "[a)]": "[" ... ")" is one pair, then "]" closes below zero


def test_composite_stated_balanced_half_open_accepted(tmp_path):
    r = _composite(tmp_path, lambda c: c["data"].__setitem__("stated", "t in [0, 1) (x)"))
    assert r.verdict == "verified" and "t in [0, 1) (x))" in r.statement, (r.verdict, r.detail)


# -- classes / polytope (wt/classes) ------------------------------------------------------------------
CHSH = (WBC, "C004-02.json")


def test_classes_dropped_class_is_incomplete(tmp_path):
    def mutate(cert):
        del cert["data"]["classes"][1]
        cert["data"]["paper"] = 1
    rejected(decide(tmp_path, *CHSH, mutate), "data.classes[0]", "not complete")


def test_classes_non_facet_representative_is_error(tmp_path):
    def mutate(cert):  # the sum of two positivity inequalities: valid, tight on fewer points, not a facet
        c = cert["data"]["classes"][0]
        c["coefficients"] = ["0", "0", "0", "-1", "0", "0", "0", "-1"] + ["0"] * 8
        c["tight"] = [0, 1, 2, 4, 5, 6, 8, 9, 12, 13]
    rejected(decide(tmp_path, *CHSH, mutate), "data.classes[0]")


def test_classes_wrong_paper_count_is_refuted(tmp_path):
    r = decide(tmp_path, *CHSH, setter((("data", "paper"), 3), (("expected",), "refuted")))
    assert r.verdict == "refuted" and "(paper: 3 classes)" in r.statement, (r.verdict, r.statement)


# -- facet / vertex-set (wt/vertex) ------------------------------------------------------------------
ATOB = (CKBG, "C002-11.correlator.json")


def test_facet_a_to_b_needs_space(tmp_path):
    rejected(decide(tmp_path, *ATOB, setter((("data", "space"), DEL))), "data.space")


def test_facet_a_to_b_unknown_space_is_error(tmp_path):
    rejected(decide(tmp_path, *ATOB, setter((("data", "space"), "both"))), "data.space")


def test_facet_correlator_space_needs_correlator_functional(tmp_path):
    def mutate(cert):
        cert["data"]["inequalities"][0]["functional"]["terms"]["A0"] = "1"
    rejected(decide(tmp_path, *ATOB, mutate), "data.inequalities[0].functional", "correlators E_xy alone")


def test_facet_probability_space_is_not_a_facet(tmp_path):
    r = decide(tmp_path, *ATOB, setter((("data", "space"), "probability")))
    assert r.verdict == "refuted" and "valid, not a facet" in r.statement, (r.verdict, r.statement)


def test_facet_repeated_name_is_error(tmp_path):
    def mutate(cert):
        ineq = cert["data"]["inequalities"]
        ineq.append(copy.deepcopy(ineq[0]))
    rejected(decide(tmp_path, *ATOB, mutate), "data.inequalities[1].name", "repeated name")


def test_facet_violated_inequality_is_invalid(tmp_path):
    r = decide(tmp_path, *ATOB, lambda c: c["data"]["inequalities"][0].__setitem__("bound", "3"))
    assert r.verdict == "refuted" and "invalid: violated" in r.statement, (r.verdict, r.statement)


def test_facet_local_model_space_key_is_unread(tmp_path):
    """``space`` is read for the A->B model only: on a channel model it is an unknown key."""
    r = decide(tmp_path, SW, "C000-13.r=1_3.all-p.json", lambda c: c["data"].__setitem__("space", "correlator"))
    rejected(r, "space")


POLY = (LC, "C001-07.polygon.json")


def test_vertex_set_redundant_listed_twice(tmp_path):
    def mutate(cert):
        cert["data"]["redundant"].append(copy.deepcopy(cert["data"]["redundant"][0]))
    rejected(decide(tmp_path, *POLY, mutate), "data.redundant[1].label", "listed twice")


def test_vertex_set_redundant_point_also_extreme(tmp_path):
    def mutate(cert):
        cert["data"]["redundant"][0] = {"label": [20], "combination": [[[0], "1/2"], [[4], "1/2"]]}
    r = decide(tmp_path, *POLY, mutate)
    rejected(r, "data.redundant[0]")


def test_vertex_set_extreme_listed_twice(tmp_path):
    def mutate(cert):
        cert["data"]["extreme"].append(copy.deepcopy(cert["data"]["extreme"][0]))
    rejected(decide(tmp_path, *POLY, mutate), "data.extreme[4].label", "listed twice")


@pytest.mark.parametrize("combination, field, words", [
    ([[[20], "1"], [[0], "0"]], "data.redundant[0].combination[1]", "positive rational weight"),
    ([[[4], "1/2"], [[4], "1/2"]], "data.redundant[0].combination[0]", "another point"),
    ([[[20], "1/2"], [[0], "1/4"]], "data.redundant[0].combination", "convex combination"),
], ids=["zero-weight", "self-combination", "weights-not-summing-to-one"])
def test_vertex_set_bad_combination_is_error(tmp_path, combination, field, words):
    r = decide(tmp_path, *POLY, setter((("data", "redundant", 0, "combination"), combination)))
    rejected(r, field, words)


def test_vertex_set_non_separating_functional(tmp_path):
    r = decide(tmp_path, *POLY, lambda c: c["data"]["extreme"][0].__setitem__("functional", [0, 0]))
    rejected(r, "data.extreme[0].functional", "does not separate")


def test_vertex_set_non_integer_functional(tmp_path):
    r = decide(tmp_path, *POLY, lambda c: c["data"]["extreme"][0].__setitem__("functional", ["-1", -1]))
    rejected(r, "data.extreme[0].functional", "integers")


def test_vertex_set_uncovered_point(tmp_path):
    rejected(decide(tmp_path, *POLY, lambda c: c["data"].__setitem__("redundant", [])), "data",
             "neither extreme nor redundant")


def test_vertex_set_wrong_paper_polygon_is_refuted(tmp_path):
    def mutate(cert):
        cert["data"]["paper"]["vertices"][2] = ["1", "1"]
        cert["expected"] = "refuted"
    r = decide(tmp_path, *POLY, mutate)
    assert r.verdict == "refuted", (r.verdict, r.detail)


SUPERMAP = (LC, "C001-33.json")


def test_supermap_empty_paper_is_error(tmp_path):
    rejected(decide(tmp_path, *SUPERMAP, lambda c: c["data"].__setitem__("paper", {})), "data.paper")


def test_supermap_wrong_paper_count_is_refuted(tmp_path):
    def mutate(cert):
        cert["data"]["paper"]["ico-xor"] = 17
        cert["expected"] = "refuted"
    r = decide(tmp_path, *SUPERMAP, mutate)
    assert r.verdict == "refuted" and "ico-xor 16" in r.statement, (r.verdict, r.detail)


def test_supermap_counts_exact(tmp_path):
    r = decide(tmp_path, *SUPERMAP, lambda c: None)
    assert ("no-signalling 16, one-way-fixed 32, one-way-dynamic 64, ico-xor 16, non-functional 128, other 0"
            in r.statement), r.statement


# -- sos / psd-dual / ncpoly / interval (wt/psd) -----------------------------------------------------
SOS = (WBC, "C004-01.quantum.json")


@pytest.mark.parametrize("weight", ["0", "-s/2"])
def test_sos_weight_must_be_positive(tmp_path, weight):
    r = decide(tmp_path, *SOS, lambda c: c["data"]["sos"]["terms"][0].__setitem__("weight", weight))
    rejected(r, "data.sos.terms[0]", "weight is not > 0")


@pytest.mark.parametrize("basis, matrix, field, words", [
    (["A0", "B0"], [["1", "1"], ["0", "1"]], "data.sos.gram.matrix", "symmetric"),
    (["A0", "B0"], [["1", "2"], ["2", "1"]], "data.sos.gram.matrix", "positive semidefinite"),
    (["A0", "A0"], [["1", "0"], ["0", "1"]], "data.sos.gram.basis", "twice"),
    (["A0", "B0"], [["1", "0"], ["0"]], "data.sos.gram.matrix", ""),
], ids=["not-symmetric", "not-psd", "repeated-monomial", "wrong-shape"])
def test_sos_bad_gram_is_error(tmp_path, basis, matrix, field, words):
    r = decide(tmp_path, *SOS, setter((("data", "sos"), {"gram": {"basis": basis, "matrix": matrix}})))
    rejected(r, field, *([words] if words else []))


BORN = (CKBG, "C002-13.born.eps=1_2.json")


def test_strategy_observable_not_pm1(tmp_path):
    def mutate(cert):
        cert["data"]["strategy"]["observables"][0][0] = [["1", "0"], ["0", "2"]]
    rejected(decide(tmp_path, *BORN, mutate), "data.strategy.observables[0][0]", "±1 observable")


def test_strategy_observable_not_hermitian(tmp_path):
    def mutate(cert):
        cert["data"]["strategy"]["observables"][1][2] = [["0", "1"], ["0", "0"]]
    rejected(decide(tmp_path, *BORN, mutate), "data.strategy.observables[1][2]", "Hermitian")


def test_strategy_zero_state(tmp_path):
    rejected(decide(tmp_path, *BORN, lambda c: c["data"]["strategy"].__setitem__("state", ["0"] * 4)),
             "data.strategy.state")


P0, P1 = [["1", "0"], ["0", "0"]], [["0", "0"], ["0", "1"]]


@pytest.mark.parametrize("bad, field, words", [
    ([P0, [["0", "0"], ["0", "0"]]], "data.strategy.projectors[1][1]", "sum to the identity"),
    ([[["1/2", "0"], ["0", "1/2"]]] * 2, "data.strategy.projectors[1][1][0]", "P^2 = P"),
], ids=["not-summing-to-identity", "not-idempotent"])
def test_strategy_bad_projectors(tmp_path, bad, field, words):
    def mutate(cert):
        s = cert["data"]["strategy"]
        del s["observables"]
        s["projectors"] = [[[P0, P1], [P0, P1], [P0, P1]], [[P0, P1], bad, [P0, P1]]]
    rejected(decide(tmp_path, *BORN, mutate), field, words)


ENDPOINT = (WBC, "C004-11.endpoint.json")


@pytest.mark.parametrize("claim", ["= log2(1 + log2(3))", "= log2(3)*log2(3)", "= 1/log2(3)", "= log2(0)",
                                   "= log2(-2)", "= H_bin(1)", "= H_bin(3/2)"])
def test_interval_exact_form_outside_the_class_is_error(tmp_path, claim):
    r = decide(tmp_path, *ENDPOINT, lambda c: c["data"].__setitem__("paper", [claim]))
    rejected(r, "data.paper[0]")


@pytest.mark.parametrize("claim, outcome", [("= 2 - 3/4*log2(3)", "holds"), ("= 3/4*log2(4/3) + 1/4*log2(4)", "holds"),
                                            ("= 2 - 3/4*log2(5)", "fails"), ("= H_bin(1/4)", "holds"),
                                            ("= 2 - log2(3)", "fails")])
def test_interval_exact_form_decided(tmp_path, claim, outcome):
    r = decide(tmp_path, *ENDPOINT, lambda c: c["data"].__setitem__("paper", [claim]))
    assert r.verdict in ("verified", "refuted") and f"{claim} {outcome}" in r.statement, (r.verdict, r.statement)


def test_interval_exact_form_of_non_log_quantity_is_error(tmp_path):
    def mutate(cert):
        cert["data"]["quantity"]["value"] = "sqrt(2)/2"
        cert["data"]["bracket"] = ["0.7071", "0.7072"]
        cert["data"]["paper"] = ["= 1/2"]
    rejected(decide(tmp_path, *ENDPOINT, mutate), "data.paper[0]", "exact '='")


# -- identity / process / trig (wt/identity) ---------------------------------------------------------
ARCSIN = (WBC, "C004-20.dire.arcsin-sum.json")


def test_identity_polynomial_false_is_refuted(tmp_path):
    def mutate(cert):
        cert["data"]["identities"][0][1] = "2"
        cert["expected"] = "refuted"
    assert decide(tmp_path, *ARCSIN, mutate).verdict == "refuted"


def test_identity_denominator_vanishing_on_domain(tmp_path):
    def mutate(cert):
        cert["parameters"] = {"t": "[0, 1]"}
        cert["data"]["identities"] = [["t/(t - 1/2)", "t/(t - 1/2)"]]
    rejected(decide(tmp_path, *ARCSIN, mutate), "data.identities[0]", "vanishes")


def test_identity_denominator_in_two_parameters(tmp_path):
    def mutate(cert):
        cert["parameters"] = {"t": "[1, 2]", "u": "[1, 2]"}
        cert["data"]["identities"] = [["1/(t + u)", "1/(t + u)"]]
    rejected(decide(tmp_path, *ARCSIN, mutate), "data.identities[0]", "one parameter")


NC = (WBC, "C004-03.json")


def test_identity_nc_non_string_is_error(tmp_path):
    rejected(decide(tmp_path, *NC, lambda c: c["data"]["identities"][0].__setitem__(0, 3)), "data.identities[0]")


def test_identity_nc_division_by_operator_is_error(tmp_path):
    rejected(decide(tmp_path, *NC, lambda c: c["data"]["identities"][0].__setitem__(0, "A0/B0")),
             "data.identities[0]", "division")


def test_identity_nc_wrong_is_refuted(tmp_path):
    def mutate(cert):
        cert["data"]["identities"][0][1] += " + A0*B0"
        cert["expected"] = "refuted"
    assert decide(tmp_path, *NC, mutate).verdict == "refuted"


def test_identity_circle_sine_power_reduced(tmp_path):
    """s^3 = s (1 - c^2) modulo the circle: the reduction keeps odd powers of s."""
    def mutate(cert):
        cert["data"]["mode"] = "polynomial"
        del cert["data"]["scenario"]
        cert["data"]["definitions"] = []
        cert["data"]["identities"] = [["s_t^3 + s_t*c_t^2", "s_t"], ["s_t^4", "1 - 2*c_t^2 + c_t^4"]]
    r = decide(tmp_path, *NC, mutate)
    assert r.verdict == "verified", r.detail
    r = decide(tmp_path, *NC, lambda c: (mutate(c), c["data"]["identities"].append(["s_t^3", "s_t"]),
                                         c.__setitem__("expected", "refuted")))
    assert r.verdict == "refuted", r.detail


SUPERMAP_ID = (LC, "C001-35.d=2.json")


@pytest.mark.parametrize("factor", ["I-I", "{x,z}", "{2}", "I-", "x", "{x"])
def test_identity_supermap_malformed_factor(tmp_path, factor):
    r = decide(tmp_path, *SUPERMAP_ID, lambda c: c["data"]["products"][0].__setitem__(0, factor))
    assert r.verdict in ("error", "refuted") and not r.passed, (r.verdict, r.detail)


def test_identity_supermap_mode_takes_no_parameters(tmp_path):
    r = decide(tmp_path, *SUPERMAP_ID, lambda c: c.__setitem__("parameters", {"t": "1/2"}))
    rejected(r, "parameters", "reads no parameters")


def test_identity_supermap_odd_d_is_error(tmp_path):
    rejected(decide(tmp_path, *SUPERMAP_ID, lambda c: c["data"].__setitem__("d", 3)), "data", "even")


def test_trig_n_out_of_range_is_error(tmp_path):
    def mutate(cert):
        cert["data"]["trig"] = {"generator": "s", "n": 0}
        del cert["data"]["field"]
    rejected(decide(tmp_path, *SOS, mutate), "data.trig.n")


# -- functional / models / scenario / local_bound (wt/models) ----------------------------------------
CG = (CKBG, "C002-10.json")


@pytest.mark.parametrize("term, problem", [("pAC(00|00)", "not in the scenario"), ("pAA(00|00)", "twice"),
                                           ("pA(1|0)", "last outcome"), ("pA(0|3)", "not in the scenario"),
                                           ("pAB(0|00)", "Collins-Gisin"), ("pC(0|0)", "not in the scenario")])
def test_collins_gisin_bad_terms(tmp_path, term, problem):
    r = decide(tmp_path, *CG, lambda c: c["data"]["functional"]["terms"].__setitem__(term, "1"))
    rejected(r, "data.functional")


def test_behaviour_order_must_be_inputs_major(tmp_path):
    r = decide(tmp_path, *CG, lambda c: c["conventions"].__setitem__("order", "outputs-major"))
    rejected(r, "order")


def test_behaviour_wrong_length(tmp_path):
    rejected(decide(tmp_path, *CG, lambda c: c["data"]["strategy"]["behaviour"].pop()), "data.strategy.behaviour")


def test_behaviour_negative_entry(tmp_path):
    def mutate(cert):
        b = cert["data"]["strategy"]["behaviour"]
        b[0], b[3] = "-1/2", "3/2"
    rejected(decide(tmp_path, *CG, mutate), "data.strategy")


@pytest.mark.parametrize("term", ["A0C0", "A0A1", "A3B0", "AB@0", "AC@00", "A@30", "AB@001", "A0B", "A@0x"])
def test_correlator_bad_terms(tmp_path, term):
    r = decide(tmp_path, *BORN, lambda c: c["data"]["functional"]["terms"].__setitem__(term, "1"))
    rejected(r, "data.functional")


def test_correlator_full_context_term_value(tmp_path):
    """"B@01" is Bob's correlator at the full context (0, 1): adding it changes the value by <B_1>."""
    r = decide(tmp_path, *BORN, lambda c: c["data"]["functional"]["terms"].__setitem__("B@01", "1"))
    r0 = check_file(PROOFS / BORN[0] / BORN[1])
    assert r.verdict in ("verified", "refuted") and r.statement != r0.statement, r.detail


PROB = (LC, "C001-42.gyni-algebraic.json")


def test_probability_form_unknown_order(tmp_path):
    rejected(decide(tmp_path, *PROB, lambda c: c["conventions"].__setitem__("order", "outputs-major")), "order")


def test_probability_form_short_coefficients(tmp_path):
    rejected(decide(tmp_path, *PROB, lambda c: c["data"]["functional"]["coefficients"].pop()), "data.functional")


def test_unknown_functional_form(tmp_path):
    rejected(decide(tmp_path, *PROB, lambda c: c["conventions"].__setitem__("form", "polar")), "form")


def test_sw_form_needs_sw_scenario(tmp_path):
    def mutate(cert):
        cert["conventions"]["form"] = "sw-4x4"
        cert["data"]["functional"] = {"matrix": [["0"] * 4] * 4}
        cert["data"]["scenario"] = {"inputs": [3, 2], "outputs": [2, 2]}
    r = decide(tmp_path, *PROB, mutate)
    assert r.verdict == "error" and not r.passed, r.detail


LOCAL = (CKBG, "C002-16.d=2.local.json")


def test_local_bound_non_optimal_listed(tmp_path):
    r = decide(tmp_path, *LOCAL, lambda c: c["data"]["optimal"].__setitem__(0, [[1, 1], [0, 0]]))
    rejected(r, "data.optimal[0]", "does not attain")


def test_local_bound_repeated_optimal(tmp_path):
    r = decide(tmp_path, *LOCAL, lambda c: c["data"]["optimal"].__setitem__(0, [[0, 0], [1, 0]]))
    rejected(r, "data.optimal", "twice")


def test_local_bound_missing_optimal(tmp_path):
    rejected(decide(tmp_path, *LOCAL, lambda c: c["data"]["optimal"].pop()), "data.optimal", "7 of the 8")


def test_local_bound_wrong_paper_is_refuted(tmp_path):
    def mutate(cert):
        cert["data"]["paper"] = "3"
        cert["expected"] = "refuted"
    assert decide(tmp_path, *LOCAL, mutate).verdict == "refuted"


@pytest.mark.parametrize("inputs, outputs", [([40, 2], [2, 2]), ([2, 2000], [2, 2]), ([12, 12], [3, 3])])
def test_scenario_strategy_limit(tmp_path, inputs, outputs):
    def mutate(cert):
        cert["data"]["scenario"] = {"inputs": inputs, "outputs": outputs}
    rejected(decide(tmp_path, *LOCAL, mutate), "data.scenario", "more deterministic strategies")


def test_scenario_unit_outputs_do_not_count(tmp_path):
    """Parties with one outcome contribute no strategies, however many inputs they have."""
    def mutate(cert):
        cert["data"]["scenario"] = {"inputs": [2, 2, 5000], "outputs": [2, 2, 1]}
    r = decide(tmp_path, *LOCAL, mutate)
    assert "more deterministic strategies" not in r.detail, r.detail


# -- semantic mutations (endpoints, reserved names, senses, paper relations) -------------------------
def test_inequality_open_endpoint_excludes_the_pole(tmp_path):
    r = decide(tmp_path, *KAPPA, setter((("parameters", "l"), "[0, 1/4)"), (("data", "lhs"), "1 + 0/(1 - 4*l)")))
    assert r.verdict == "verified" and r.statement == "1 + 0/(1 - 4*l) == 1 for all l in [0, 1/4)", r.statement


@pytest.mark.parametrize("name", ["pi", "sqrt"])
def test_parameter_renamed_onto_reserved_name(tmp_path, name):
    def mutate(cert):
        cert["parameters"][name] = cert["parameters"].pop("l")
        cert["data"]["lhs"] = f"1 + 0*{name}"
    rejected(decide(tmp_path, *KAPPA, mutate), f"parameters.{name}", "reserved")


def test_classes_incomplete_list_cannot_confirm_paper(tmp_path):
    rejected(decide(tmp_path, *CHSH, setter((("data", "complete"), False))), "data.paper", "incomplete list")


def test_local_bound_sense_flip_needs_new_optimal_list(tmp_path):
    rejected(decide(tmp_path, *LOCAL, setter((("data", "sense"), "min"))), "data.optimal[0]", "minimum -2")


CORNER = (LC, "C001-19.corner=00.json")


@pytest.mark.parametrize("relation, value, verdict", [("=", "2", "verified"), ("<=", "2", "verified"),
                                                      (">=", "2", "verified"), (">", "2", "refuted"),
                                                      (">=", "5/2", "refuted"), ("<=", "3/2", "refuted"),
                                                      ("=", "3", "refuted")])
def test_psd_dual_paper_relations(tmp_path, relation, value, verdict):
    def mutate(cert):
        cert["data"]["paper"] = {"relation": relation, "value": value}
        cert["expected"] = verdict
    r = decide(tmp_path, *CORNER, mutate)
    assert r.verdict == verdict and r.statement.endswith(f"(paper: {relation} {value})"), (r.verdict, r.statement)


@pytest.mark.parametrize("value, digits, verdict, shown", [("2", 0, "verified", "2"), ("3", 0, "refuted", "3"),
                                                           ("2", 2, "verified", "2.00")])
def test_psd_dual_paper_rounding(tmp_path, value, digits, verdict, shown):
    def mutate(cert):
        cert["data"]["paper"] = {"relation": "~", "value": value, "digits": digits}
        cert["expected"] = verdict
    r = decide(tmp_path, *CORNER, mutate)
    assert r.verdict == verdict and r.statement.endswith(f"(paper: ~ {shown} (to {digits} digits))"), r.statement


@pytest.mark.parametrize("claim, outcome", [("= 0.8113", "holds"), ("= 0.8112", "fails"), ("> 0.8", "holds"),
                                            ("< 0.8", "fails"), ("< 0.8112781245", "undecided"),
                                            ("> 0.811278124", "holds"), ("<= 0.811278123", "fails")])
def test_interval_decimal_relations(tmp_path, claim, outcome):
    r = decide(tmp_path, *ENDPOINT, lambda c: c["data"].__setitem__("paper", [claim]))
    verdict = {"holds": "verified", "fails": "refuted", "undecided": "numeric-only"}[outcome]
    assert r.verdict == verdict and r.statement.endswith(f"(paper: {claim} {outcome})"), (r.verdict, r.statement)


SOS_RANGE = (SW, "C000-10.range.json")


@pytest.mark.parametrize("domain", ["(2/5, 1]", "(2/5, 3/2)"])
def test_sos_parametric_weight_vanishes_at_closed_end(tmp_path, domain):
    r = decide(tmp_path, *SOS_RANGE, lambda c: c["parameters"].__setitem__("p", domain))
    rejected(r, "data.sos.terms[0].weight", f"not > 0 on the whole domain {domain}")


def test_sos_parametric_open_end_accepted(tmp_path):
    r = decide(tmp_path, *SOS_RANGE, lambda c: c["parameters"].__setitem__("p", "[2/5, 1)"))
    assert r.verdict == "verified" and "for all p in [2/5, 1)" in r.statement, (r.verdict, r.statement)


FACET_P = (SW, "C000-13.r=1_3.all-p.json")


@pytest.mark.parametrize("domain", ["[0, 1]", "[1/2, 1]"])
def test_facet_closed_end_at_exceptional_root(tmp_path, domain):
    def mutate(cert):
        cert["parameters"]["p"] = domain
        cert["expected"] = "refuted"
    r = decide(tmp_path, *FACET_P, mutate)
    assert r.verdict == "refuted" and "facet except possibly at" in r.statement and "0 among 0 facets" in r.statement, \
        r.statement


# -- classes with listed ridges (one per orbit of the facet's stabiliser; wt/classes merges this path into
# Faces.complete): each mutant is rejected before the completeness search, so these run in well under a second
RIDGES = (SW, "C000-04.fixed-bit.p=2_3_r=3_4.json")


def test_classes_dropped_ridge_orbit_is_incomplete(tmp_path):
    r = decide(tmp_path, *RIDGES, lambda c: c["data"]["classes"][0]["ridges"].pop())
    rejected(r, "data.classes[0].ridges", "not complete", "lies in no other listed facet")


def test_classes_repeated_ridge_is_error(tmp_path):
    def mutate(cert):
        ridges = cert["data"]["classes"][0]["ridges"]
        ridges.append(ridges[0])
    rejected(decide(tmp_path, *RIDGES, mutate), "data.classes[0].ridges[17]", "not a new ridge")


@pytest.mark.parametrize("pair", [[99, 0], [0, 10 ** 6], [0], ["1", 0]])
def test_classes_bad_ridge_pair_is_error(tmp_path, pair):
    r = decide(tmp_path, *RIDGES, lambda c: c["data"]["classes"][0]["ridges"].__setitem__(0, pair))
    rejected(r, "data.classes[0].ridges[0]", "[class index, group element index]")


def test_classes_single_ridge_is_incomplete(tmp_path):
    r = decide(tmp_path, *RIDGES, lambda c: c["data"]["classes"][0].__setitem__("ridges",
                                                                                  c["data"]["classes"][0]["ridges"][:1]))
    rejected(r, "data.classes[0].ridges", "not complete")


# -- parametric local bound: the paper's formula is parsed inside the kernel's error guard -----------
LOCAL_P = (SW, "C000-08.all-p.json")


@pytest.mark.parametrize("paper", ["1 + zz", "2*(abs(2*p - 1) + 1 - p)/(p - p)", "sqrt(sqrt(p))", "2 +"])
def test_local_bound_parametric_bad_paper_is_one_line_error(tmp_path, paper):
    r = decide(tmp_path, *LOCAL_P, setter((("data", "paper"), paper),
                                          (("conventions", "sqrt"), "principal (non-negative) square root")))
    rejected(r, "data.")


def test_local_bound_parametric_wrong_paper_is_not_verified(tmp_path):
    r = decide(tmp_path, *LOCAL_P, lambda c: c["data"].__setitem__("paper", "2*(abs(2*p - 1) + 2 - p)/p"))
    assert r.verdict != "verified" and not r.passed, (r.verdict, r.detail)
