"""Sengupta–Wooltorton propositions, lemmas and claims: checkers for sw-* kinds."""
from fractions import Fraction

import pytest

from exactbell.generators import sw_propositions as gen
from exactbell.kernel.functional import SW_SCENARIO
from exactbell.kernel.kinds.local_bound import distinct_values
from exactbell.kernel.poly import RationalFunction

PROOFS = "proofs/sengupta-wooltorton"


def _kernel_values(model, fidelities, conventions, functional, domain):
    """The kernel's distinct values of F over the model's points (``model_points``)."""
    from exactbell.certificates.format import envelope2

    data = {"scenario": SW_SCENARIO.to_spec(), "model": model, "functional": functional, "sense": "max",
            "paper": "0", **({"fidelities": fidelities} if fidelities else {})}
    cert = envelope2("T", "C000-09", gen.PAPER, "t", "t", "local-bound", "verified", conventions, data,
                     domain)
    _, _, _, F, points = gen._kernel_view(cert)
    return distinct_values(F, points)


def test_ns_deterministic_values_of_tp_match_f4():
    """App. F (F4): on NS deterministic (local) points T_p takes the values ±2 and ±(4/p - 6)."""
    vals = _kernel_values("local", None, gen.CORR, {"terms": gen.T_P_TERMS}, {"p": "(2/5, 1)"})
    expected = [RationalFunction.parse(t, ["p"]) for t in ("2", "-2", "4/p - 6", "6 - 4/p")]
    assert len(vals) == 4 and all(any(v == e for e in expected) for v in vals)


def test_fixed_bit_w_has_sixteen_slacks():
    vals = _kernel_values("signaling", [["p", "1", "r", "1"]], gen.SW, {"matrix": gen.G_PR},
                          {"p": "[0, 1)", "r": "[0, 1)"})
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
