"""Quantum bounds for any numbers of outcomes and parties (issue #16 point 2): NPA over projectors,
exact zero-width brackets (CHSH 2√2, Mermin 4), a certified CGLMP I_3 bracket around 1 + √(11/3),
mutated certificates rejected, bad input named."""
from __future__ import annotations

import copy
import itertools
from fractions import Fraction

import pytest

from exactbell import BellFunctional, Scenario, quantum_bound
from exactbell.api import Certificate
from exactbell.kernel.gaussian import Gaussian
from exactbell.kernel.models import cglmp
from exactbell.kernel.ncpoly import (
    NCPoly,
    behaviour,
    bell_operator,
    parse_operator,
    reduce_word,
)

MERMIN = {"A0B0C1": 1, "A0B1C0": 1, "A1B0C0": 1, "A1B1C1": -1}
I3 = Scenario([2, 2], [3, 3])


def _cglmp3():
    return BellFunctional.from_probabilities(I3, cglmp(3))


@pytest.fixture(scope="module")
def cglmp_searched():
    """The CGLMP I_3 bracket from a projective strategy search (one NPA solve for the module)."""
    pytest.importorskip("cvxpy")
    return quantum_bound(_cglmp3(), level="1+AB")


# -- the projector algebra of the kernel ----------------------------------------------------------
def test_projector_words_reduce_by_idempotence_and_orthogonality():
    assert reduce_word(((0, 1), (0, 1), (1, 0))) == ((0, 1), (1, 0))      # P P = P
    assert reduce_word(((0, 0), (0, 1))) is None                        # P_0|x P_1|x = 0
    assert reduce_word(((0, 0), (1, 0), (0, 0))) == ((0, 0), (1, 0), (0, 0))
    assert reduce_word((0, 0, 1)) == (1,)                               # ±1 letters unchanged: A A = 1
    last = parse_operator("A0_2", 2, (2, 2), Fraction, outputs=(3, 3))  # the last outcome: 1 − Σ
    assert last == NCPoly.scalar(2, Fraction(1)) - parse_operator("A0_0 + A0_1", 2, (2, 2), Fraction,
                                                                   outputs=(3, 3))
    assert last * last == last and parse_operator("A0_0*A0_1", 2, (2, 2), Fraction, outputs=(3, 3)) == 0


@pytest.mark.parametrize("strategy", list(itertools.product(range(3), repeat=4))[::7])
def test_projector_bell_operator_on_deterministic_strategies_gives_the_functional(strategy):
    F = _cglmp3()
    B = bell_operator(F)
    one, zero = [[Gaussian(1, 0)]], [[Gaussian(0, 0)]]
    meas = [[[one if a == strategy[2 * i + x] else zero for a in range(3)] for x in range(2)] for i in range(2)]
    value = sum((c * p for c, p in zip(F.coefficients, behaviour([Gaussian(1, 0)], meas, F.scenario))), Fraction(0))
    # the operator evaluated on the same one-dimensional projectors
    ev = Fraction(0)
    for mono, c in B.terms.items():
        ev += c * all(all(strategy[2 * i + x] == a for x, a in w) for i, w in enumerate(mono))
    assert ev == value


def test_npa_basis_sizes_are_counted_exactly():
    from exactbell.sdp.npa import basis_size, monomial_basis

    assert [len(monomial_basis((2, 2), lv, (3, 3))) for lv in ("1", "1+AB", "2", "3")] == [9, 25, 41, 137]
    for inputs, outputs in (((2, 2, 2), (2, 2, 2)), ((3, 2), (4, 2)), ((2, 2, 2), (3, 3, 3))):
        for lv in ("1", "1+AB", "2", "2+AB", "3"):
            assert basis_size(inputs, lv, outputs) == len(monomial_basis(inputs, lv, outputs))


# -- exact zero-width brackets ---------------------------------------------------------------------
def test_chsh_is_exactly_two_sqrt_two():
    pytest.importorskip("cvxpy")
    Q = quantum_bound(BellFunctional.chsh(), level="1+AB")
    assert Q.exact and Q.lower == Q.upper and Q.upper ** 2 == 8 and Q.upper > 0
    r = Q.certificate().check()
    assert r.passed and r.verdict == "verified" and r.bracket[0] == r.bracket[1]
    assert " = 2*g, where g is the root of g^2 + (-2) in (1, 2)" in r.statement
    assert str(Q).startswith("quantum max = 2*sqrt(2)")


def test_mermin_is_exactly_four():
    pytest.importorskip("cvxpy")
    Q = quantum_bound(BellFunctional.from_correlators([2, 2, 2], MERMIN), level="1+AB")
    assert Q.exact and Q.lower == Q.upper == 4
    r = Q.certificate().check()
    assert r.passed and r.bracket == ("4", "4") and r.statement.endswith("on (2,2,2;2,2,2) = 4")


# -- CGLMP d = 3 -----------------------------------------------------------------------------------
def test_cglmp3_bracket_contains_the_known_maximum_and_excludes_a_wrong_one(cglmp_searched):
    Q = cglmp_searched
    assert isinstance(Q.lower, Fraction) and isinstance(Q.upper, Fraction) and Q.lower < Q.upper
    assert (Q.lower - 1) ** 2 <= Fraction(11, 3) <= (Q.upper - 1) ** 2    # 1 + √(11/3) inside
    assert Fraction(29148, 10000) < Q.lower and Q.upper < Fraction(29149, 10000)
    assert not Q.lower <= Fraction(2915, 1000) <= Q.upper                  # 2.915 is not the maximum
    r = Q.certificate().check()
    assert r.passed and r.verdict == "verified" and "on (2,2;3,3) <= " in r.statement
    assert "(an exact strategy reaches " in r.statement


@pytest.mark.slow
def test_cglmp3_is_exactly_one_plus_sqrt_eleven_thirds_with_the_known_strategy():
    """Face rounding over Q(√3 + √11) on the optimal strategy's moment matrix (~1 min)."""
    pytest.importorskip("cvxpy")
    from exactbell.quantum.cglmp import optimal_strategy_d3

    Q = quantum_bound(_cglmp3(), level="1+AB", strategy=optimal_strategy_d3())
    assert Q.exact and (Q.upper - 1) ** 2 == Fraction(11, 3) and Q.upper > 1
    assert str(Q).startswith("quantum max = 1 + 1/3*sqrt(33)")
    r = Q.certificate().check()
    assert r.passed and r.bracket[0] == r.bracket[1] == "-4/3 + t^2/6"      # 1 + √33/3, t = √3 + √11
    assert "on (2,2;3,3) = -4/3 + t^2/6, where t is the root of t^4 + (-28)*t^2 + (64) in (5, 6)" in r.statement


def test_cglmp3_strategy_value_is_decided_by_the_kernel():
    from exactbell.certificates.format import envelope2
    from exactbell.quantum.cglmp import optimal_strategy_d3, value_text

    s = optimal_strategy_d3()
    data = {"field": s.pop("field"), "scenario": I3.to_spec(),
            "functional": {"coefficients": [str(c) for c in cglmp(3)]}, "strategy": s,
            "relation": "value", "paper": value_text()}
    cert = Certificate(envelope2("user.cglmp3", "user", "user", "test", "I_3 of the optimal strategy.",
                                 "strategy-value", "verified", {"form": "probability", "order": "inputs-major"}, data))
    r = cert.check()
    assert r.passed and r.verdict == "verified" and "= -4/3 + t^2/6" in r.statement


# -- mutations are rejected --------------------------------------------------------------------------
def _refused(cert: Certificate, mutate) -> str:
    obj = copy.deepcopy(cert.obj)
    mutate(obj["data"])
    r = Certificate(obj).check()
    assert not r.passed
    return r.detail


def test_mutated_cglmp_certificate_is_rejected(cglmp_searched):
    cert = cglmp_searched.certificate()
    lower = str(Fraction(cert.obj["data"]["bound"]) - Fraction(1, 10**8))

    def lower_bound(d):
        d["bound"] = lower
    assert "identity fails" in _refused(cert, lower_bound)

    def gram(d):
        d["sos"]["gram"]["matrix"][3][3] = str(Fraction(d["sos"]["gram"]["matrix"][3][3]) + Fraction(1, 10**6))
    assert "identity fails" in _refused(cert, gram)

    def projector(d):
        d["strategy"]["projectors"][0][0][0][0][0] = "1/2"
    assert "is not a projector" in _refused(cert, projector)

    def not_complete(d):
        d["strategy"]["projectors"][1][1][2] = d["strategy"]["projectors"][1][1][0]
    assert "do not sum to the identity" in _refused(cert, not_complete)

    def observable_names(d):
        d["sos"]["gram"]["basis"][1] = "A0"
    assert "unknown name 'A0'" in _refused(cert, observable_names)

    def outcome_out_of_range(d):
        d["sos"]["gram"]["basis"][1] = "A0_3"
    assert "unknown name 'A0_3'" in _refused(cert, outcome_out_of_range)

    def last_outcome_is_no_monomial(d):
        d["sos"]["gram"]["basis"][1] = "A0_2"  # = 1 − A0_0 − A0_1
    assert "must list monomials" in _refused(cert, last_outcome_is_no_monomial)

    def both_forms(d):
        d["strategy"]["observables"] = [[[["1"]]] * 2] * 2
    assert "observables" in _refused(cert, both_forms)


# -- bad input ---------------------------------------------------------------------------------------
def test_bad_inputs_name_the_argument():
    with pytest.raises(ValueError, match=r"level '6': the NPA moment matrix would be \d+x\d+"):
        quantum_bound(_cglmp3(), level=6)
    with pytest.raises(ValueError, match="level 'x': unknown NPA level"):
        quantum_bound(_cglmp3(), level="x")
    with pytest.raises(ValueError, match=r"coefficients: shape does not match scenario"):
        BellFunctional.from_probabilities(I3, [[1, 2], [3]])
    from exactbell.quantum.cglmp import optimal_strategy_d3

    bad = optimal_strategy_d3()
    bad["projectors"][0][1] = bad["projectors"][0][1][:2]
    with pytest.raises(ValueError, match=r"strategy.projectors\[0\]\[1\]: needs 3 projectors"):
        quantum_bound(_cglmp3(), strategy=bad)
    with pytest.raises(ValueError, match="strategy: expected"):
        quantum_bound(_cglmp3(), strategy={"state": [1]})


def test_bound_cli_accepts_three_outcomes(tmp_path, capsys):
    pytest.importorskip("cvxpy")
    import json

    from exactbell.cli import main
    from exactbell.kernel.check import check_file

    f = tmp_path / "i3.json"
    f.write_text(json.dumps({"scenario": {"inputs": [2, 2], "outputs": [3, 3]},
                             "conventions": {"form": "probability", "order": "inputs-major"},
                             "functional": {"coefficients": [str(c) for c in cglmp(3)]}}))
    assert main(["bound", "quantum", str(f)]) == 0
    assert "on (2,2;3,3) <= " in capsys.readouterr().out
    r = check_file(tmp_path / "i3.quantum.json")
    lo, hi = (Fraction(x) for x in r.bracket)
    assert r.passed and (lo - 1) ** 2 <= Fraction(11, 3) <= (hi - 1) ** 2
