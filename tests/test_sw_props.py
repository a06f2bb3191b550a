"""Sengupta–Wooltorton propositions, lemmas and claims: checkers for sw-* kinds."""
from fractions import Fraction

import pytest

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
    from exactbell.kernel.check import check_file as kernel_check

    cert = gen._vertex_bound2("T", "C000-09", "t", "t", "signaling", [["p", "p", "1/2", "1/2"]], gen.CORR,
                              {"terms": gen.T_P_TERMS}, {"p": "(2/5, 1)"}, "2*(abs(2*p - 1) + 1 - p)/p")
    assert cert["expected"] == "verified"
    assert kernel_check(write_cert(cert)).passed


def test_false_vertex_bound_is_refuted(write_cert):
    from exactbell.kernel.check import check_file as kernel_check

    cert = gen._vertex_bound2("T", "C000-09", "t", "t", "signaling", [["p", "p", "1/2", "1/2"]], gen.CORR,
                              {"terms": gen.T_P_TERMS}, {"p": "(2/5, 1)"}, "2")
    assert cert["expected"] == "refuted"
    p = Fraction(cert["data"]["proof"]["point"]["p"])
    assert Fraction(2, 5) < p < Fraction(1, 2)  # the local maximum exceeds 2 exactly below 1/2
    r = kernel_check(write_cert(cert))
    assert r.passed and f"fails at p = {cert['data']['proof']['point']['p']}" in r.statement
    cert["data"]["proof"]["point"] = {"p": "3/4"}
    assert kernel_check(write_cert(cert)).verdict == "error"


@pytest.mark.parametrize("name", ["C000-14.part1"])  # the migrated ones: tests/test_kernel_bounds.py, C000-14.part2: tests/test_kernel_quantum.py
def test_bundled_certificate_passes(name):
    from exactbell.kernel.check import check_file as kernel_check

    r = kernel_check(f"{PROOFS}/{name}.json")
    assert r.passed, r.detail
