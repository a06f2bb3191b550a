"""The NPA → exact Gram pipeline and the `bound quantum` command (kernel ``sos`` certificates;
the kind itself is tested in test_kernel_quantum.py)."""
import json
from fractions import Fraction as F

import pytest

from exactbell.kernel.check import check_file
from exactbell.cli import main
from exactbell.kernel.functional import functional_from_spec
from exactbell.kernel.linalg import psd_decide
from exactbell.kernel.scenario import Scenario
from exactbell.generators.chsh import CHSH_SCENARIO, CHSH_TERMS, CORRELATOR
from exactbell.kernel.ncpoly import bell_operator
from exactbell.sdp import npa, rounding
from exactbell.sdp.pipeline import certify_bound

from .conftest import PROOFS

WBC = PROOFS / "wooltorton-brown-colbeck"


def chsh_B():
    return bell_operator(functional_from_spec(CHSH_SCENARIO, {"terms": CHSH_TERMS}, CORRELATOR, F))


# ---------------------------------------------------------------------------------------------
# NPA structure

@pytest.mark.parametrize("level, size", [("1", 5), ("1+AB", 9), ("2", 13), ("3", 25)])
def test_npa_basis_sizes_chsh(level, size):
    assert len(npa.monomial_basis((2, 2), level)) == size


def test_npa_level_errors():
    with pytest.raises(ValueError, match="unknown NPA level"):
        npa.monomial_basis((2, 2), "two")
    B = bell_operator(functional_from_spec(CHSH_SCENARIO, {"terms": {"A0B0": "1"}}, CORRELATOR, F))
    B2 = B * B * B  # A0 B0 again (A0^3 = A0), fine at level 1+AB
    npa.gram_problem(B2, (2, 2), "1+AB")
    from exactbell.kernel.ncpoly import NCPoly
    W = NCPoly.observable(2, 0, 0) * NCPoly.observable(2, 0, 1) * NCPoly.observable(2, 1, 0)
    with pytest.raises(ValueError, match="not reached"):
        npa.gram_problem(W + W.adjoint(), (2, 2), "1")


def test_exact_projection_satisfies_every_constraint():
    res = npa.npa_upper_bound(chsh_B(), (2, 2), "1+AB")
    eta = F(283, 100)
    G = rounding.project(res.problem, [[F(round(v * 1000), 1000) for v in row] for row in res.gram], eta)
    for rep, t in res.problem.target(eta).items():
        assert sum(G[i][j] for i, j in res.problem.classes[rep]) == t


def test_rational_upper_bound_is_exact_and_above_tsirelson():
    res = npa.npa_upper_bound(chsh_B(), (2, 2), "2")
    eg = rounding.round_rational_upper(res)
    assert eg is not None and eg.eta > 0 and eg.eta * eg.eta > 8
    assert psd_decide(eg.matrix).psd
    R = rounding.residual(res.problem, chsh_B(), eg.matrix, eg.eta)
    assert not R.terms  # eta'*1 - B = m^T G m exactly


def test_failed_rounding_gives_numeric_only_not_verified():
    res = certify_bound(functional_from_spec(CHSH_SCENARIO, {"terms": CHSH_TERMS}, CORRELATOR, F),
                        CHSH_SCENARIO.to_spec(), {"terms": CHSH_TERMS}, force_numeric=True)
    assert res.verdict == "numeric-only"
    assert res.lower * res.lower < 8 < res.upper * res.upper  # the rigorous bracket contains 2*sqrt(2)


# ---------------------------------------------------------------------------------------------
# the `bound quantum` command

def test_bound_quantum_cli_chsh(tmp_path, capsys):
    f = tmp_path / "chsh.json"
    f.write_text(json.dumps({"scenario": {"inputs": [2, 2], "outputs": [2, 2]},
                             "functional": {"terms": CHSH_TERMS}}))
    assert main(["bound", "quantum", str(f)]) == 0
    out = capsys.readouterr().out
    assert "max over quantum strategies" in out
    cert = tmp_path / "chsh.quantum.json"
    r = check_file(cert)
    assert r.passed and r.verdict == "verified"
    assert r.bracket == ("2*g", "2*g") and "<=" not in r.statement and "g^2 + (-2)" in r.statement  # 2√2 exactly


def test_bound_quantum_cli_bad_input(tmp_path, capsys):
    f = tmp_path / "bad.json"
    f.write_text(json.dumps({"scenario": {"inputs": [2, 2], "outputs": [2, 2]},
                             "conventions": {"form": "probability"}, "functional": {"coefficients": ["1"] * 3}}))
    assert main(["bound", "quantum", str(f)]) == 2
    err = capsys.readouterr().err
    assert "bad.json: functional" in err and "16" in err
    f.write_text(json.dumps({"scenario": {"inputs": [2, 2], "outputs": [3, 2]},
                             "functional": {"terms": {"A0B0": "1"}}}))
    assert main(["bound", "quantum", str(f)]) == 2
    assert "bad.json: functional: correlator term 'A0B0' needs binary outcomes" in capsys.readouterr().err
    f.write_text('{"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "functional": {"terms": {"A0B0": 0.5}}}')
    assert main(["bound", "quantum", str(f)]) == 2
    assert "float" in capsys.readouterr().err
    assert not (tmp_path / "bad.quantum.json").exists()


def test_bound_quantum_three_inputs_is_a_proper_bracket(tmp_path, capsys):
    # I3322 in Collins-Gisin form: local bound 0, qubits reach only 1/4-ish; NPA gives a rational upper bound
    sc = Scenario((3, 3), (2, 2))
    f = tmp_path / "i3322.json"
    terms = {"pA(0|0)": "-1", "pB(0|0)": "-2", "pB(0|1)": "-1", "pAB(00|00)": "1", "pAB(00|01)": "1",
             "pAB(00|02)": "1", "pAB(00|10)": "1", "pAB(00|11)": "1", "pAB(00|12)": "-1", "pAB(00|20)": "1",
             "pAB(00|21)": "-1"}
    f.write_text(json.dumps({"scenario": sc.to_spec(), "conventions": {"form": "collins-gisin"},
                             "functional": {"terms": terms}}))
    assert main(["bound", "quantum", str(f), "--level", "1+AB"]) == 0
    r = check_file(tmp_path / "i3322.quantum.json")
    assert r.passed
    lo, hi = F(r.bracket[0]), F(r.bracket[1])
    assert lo <= F(1, 4) < F(1, 4) + F(1, 1000) < hi  # the NPA-1+AB value of I3322 is ~0.2515 (> 0.2509 = quantum)
