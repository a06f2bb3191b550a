"""Two-parameter prover: exact algebraic leaves (interior tangencies) and convex-combination proofs."""
import copy
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as hs

from exactbell.prover import ProverError, Statement, prove, verify
from exactbell.prover import algebraic2, boxes
from exactbell.prover.expression import Collector, Ring, parse_ast

UNIT = {"p": "[0, 1]", "r": "[0, 1]"}

TRUE_TANGENCIES = [
    ("(p - r)^2", UNIT),                                   # zero along the diagonal
    ("(3*p - 1)^2 + (r - 1/3)^2", UNIT),                   # rational interior zero (1/3, 1/3)
    ("(2*p^2 - 1)^2 + (r - 1/2)^2", UNIT),                 # irrational zero p = sqrt(2)/2
    ("(2*p^2 - 1)^2 + (3*r^2 - 1)^2", UNIT),               # both coordinates irrational
    ("(p^2 - 2*r)^2 + (3*p - 1)^2*r", UNIT),               # zeros (0, 0) and (1/3, 1/18)
    ("((2*p^2 - 1)^2 + (r - 1/2)^2)/(1 + p*r)", UNIT),     # with a positive denominator
]


@pytest.mark.parametrize("expr,domain", TRUE_TANGENCIES)
def test_interior_tangencies_are_proved_with_algebraic_leaves(expr, domain):
    st = Statement.make(expr, ">=", "0", domain)
    proof = prove(st)
    assert proof["method"] == "boxes"
    assert "A" in proof["tree"] and len(proof["algebraic"]) == proof["tree"].count("A")
    verdict, detail = verify(st, proof)
    assert verdict == "verified" and "algebraic" in detail


@pytest.mark.parametrize("expr,eps", [("(2*p^2 - 1)^2 + (r - 1/2)^2", "1/1000000"),
                                      ("(2*p^2 - 1)^2 + (3*r^2 - 1)^2", "1/10^9"),
                                      ("(p - r)^2", "1/10^12")])
def test_false_near_tangency_is_refuted_with_an_exact_point(expr, eps):
    st = Statement.make(expr, ">=", eps, UNIT)
    proof = prove(st)
    assert proof["method"] == "refuted"
    pt = tuple(Fraction(proof["point"][n]) for n in st.names)
    assert st.violated_at(pt)
    assert verify(st, proof)[0] == "refuted"


def test_kernel_drops_squares_and_boundary_factors():
    ring = Ring(("p", "r"))
    p, r = ring.gens
    box = [(Fraction(0), Fraction(1)), (Fraction(0), Fraction(1))]
    num = (p - r) ** 2 * p * (1 - r) * (p + r + 1)
    M = algebraic2.kernel(num, 1, box)
    assert M == p + r + 1
    # the sign of the dropped boundary factors is kept: -(1 - r) -> -1 * (p + r + 1)
    assert algebraic2.kernel(num * (r - 1) / (1 - r), 1, box) == -(p + r + 1)


def test_sample_points_are_canonical_and_cover_the_cells():
    ring = Ring(("p", "r"))
    p, r = ring.gens
    M = 4 * (2 * p**2 - 1) ** 2 + (2 * r - 1) ** 2
    box = [(Fraction(0), Fraction(1)), (Fraction(0), Fraction(1))]
    xs = algebraic2.samples(M, box)
    # the projection vanishes only at p = sqrt(2)/2 in (0, 1): two open cells
    assert len(xs) == 2 and xs[0] ** 2 < Fraction(1, 2) < xs[1] ** 2


def _tangency_proof():
    st = Statement.make("(2*p^2 - 1)^2 + (r - 1/2)^2", ">=", "0", UNIT)
    return st, prove(st)


def test_tampered_algebraic_records_are_rejected():
    st, proof = _tangency_proof()
    for change in ("kernel", "samples", "count", "tree"):
        bad = copy.deepcopy(proof)
        if change == "kernel":
            bad["algebraic"][0]["kernel"] = bad["algebraic"][0]["kernel"] + " + 1"
        elif change == "samples":
            bad["algebraic"][0]["samples"][0] = "1/2"
        elif change == "count":
            bad["algebraic"] = bad["algebraic"][:-1]
        else:  # an algebraic leaf claimed where the statement is false is caught
            bad["tree"] = bad["tree"].replace("A", "I", 1)
        with pytest.raises(ProverError):
            verify(st, bad)


def test_algebraic_leaf_cannot_certify_a_false_statement():
    st = Statement.make("(2*p^2 - 1)^2 + (r - 1/2)^2", ">=", "1/1000000", UNIT)
    _, proof = _tangency_proof()
    with pytest.raises(ProverError):
        verify(st, proof)
    with pytest.raises(ProverError):
        verify(st, {"method": "boxes", "tree": "A", "leaves": 1, "algebraic": [
            {"kernel": "16*p^4 - 16*p^2 + 4*r^2 - 4*r + 5", "samples": ["19/32", "47/64"]}],
            "centre_values": ["-1/1000000"]})


def test_algebraic_leaves_need_two_parameters_and_a_non_strict_relation():
    st = Statement.make("(p - r)^2", ">", "0", UNIT)
    with pytest.raises(ProverError):
        boxes.check(st.node, st.names, st.box, st.open_flags, st.strict, "A",
                    [{"kernel": "1", "samples": ["1/2"]}])


@settings(max_examples=25, deadline=None)
@given(hs.integers(1, 9), hs.integers(1, 9), hs.integers(0, 3))
def test_random_square_sums_with_rational_zero(a, b, k):
    """(a p - b r)^2 + k (p - 1/2)^2 (r - 1/3)^2 >= 0 always; minus a tiny constant it is refuted."""
    expr = f"({a}*p - {b}*r)^2 + {k}*(p - 1/2)^2*(r - 1/3)^2"
    st = Statement.make(expr, ">=", "0", UNIT)
    proof = prove(st)
    assert verify(st, proof)[0] == "verified"
    st2 = Statement.make(expr, ">=", "1/10^8", UNIT)
    proof2 = prove(st2)
    assert proof2["method"] == "refuted" and verify(st2, proof2)[0] == "refuted"


# ---- method combination (max/min statements tight along a curve) ----
LEMMA4 = ("min((1-4*l)/l*w, (1-4*l)/(1-3*l)*(1-w))", "<=", "(1-4*l)/(1-2*l)", {"w": "[0, 1]", "l": "(0, 1/4]"})


def test_lemma4_maxmin_by_convex_combination():
    st = Statement.make(*LEMMA4)
    proof = prove(st)
    assert proof["method"] == "combination"
    ring = Ring(st.names)  # the weights are l/(1-2l) and (1-3l)/(1-2l)
    vals = Collector(ring).values(("-", parse_ast(proof["weights"][0], st.names), parse_ast("l/(1-2*l)", st.names)))
    assert len(vals) == 1 and vals[0].is_zero()
    assert verify(st, proof)[0] == "verified"


def test_combination_rejects_bad_weights():
    st = Statement.make(*LEMMA4)
    proof = prove(st)
    bad = copy.deepcopy(proof)
    bad["weights"] = ["l", "1 - l"]  # sums to 1, but the combination is not >= 0
    with pytest.raises(ProverError):
        verify(st, bad)
    bad["weights"] = [proof["weights"][0], "1/2"]
    with pytest.raises(ProverError, match="sum to 1"):
        verify(st, bad)
    bad = copy.deepcopy(proof)
    bad["weights"] = ["-1", "2"]
    with pytest.raises(ProverError):
        verify(st, bad)


def test_combination_needs_max_or_min_shape():
    st = Statement.make("(p - r)^2", ">=", "0", UNIT)
    with pytest.raises(ProverError, match="max"):
        verify(st, {"method": "combination", "weights": ["1"], "weight_proofs": [], "proof": {}})


def test_false_maxmin_is_refuted_at_the_crossing_point():
    lhs, rel, rhs, dom = LEMMA4
    st = Statement.make(lhs, rel, rhs + " - l^3", dom)
    proof = prove(st)
    assert proof["method"] == "refuted"
    w, l = Fraction(proof["point"]["w"]), Fraction(proof["point"]["l"])
    assert w == l / (1 - 2 * l)  # the branches cross there, both equal (1-4l)/(1-2l) > bound
    assert verify(st, proof)[0] == "refuted"


def test_tangency_behind_a_removable_singularity():
    # (2p^2 - 1)^2 (p - 1/2) / (p - 1/2) + (r - 1/3)^2: the pole cancels exactly, the zero is at p = sqrt(2)/2
    st = Statement.make("(2*p^2 - 1)^2*(p - 1/2)/(p - 1/2) + (r - 1/3)^2", ">=", "0", UNIT)
    proof = prove(st)
    assert proof["method"] == "boxes" and "A" in proof["tree"]
    assert verify(st, proof)[0] == "verified"
    st2 = Statement.make("(2*p^2 - 1)^2*(p - 1/2)/(p - 1/2) + (r - 1/3)^2", ">=", "1/10^7", UNIT)
    assert prove(st2)["method"] == "refuted"
