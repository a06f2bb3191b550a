"""Certificates of exactbell.generators.claims_rest (issue #17): the bundled files pass with their
pinned statements and expected verdicts, regenerate byte-identically, carry the exact values the
claims state, and mutated witnesses fail."""
import copy
import json
import shutil

import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover, file_name
from exactbell.kernel.check import check_file
from exactbell.kernel.pins import PIN_FILE

from .conftest import PROOFS, load

SW, CKBG, WBC = "sengupta-wooltorton", "chaves-kueng-brask-gross", "wooltorton-brown-colbeck"
EXPECTED = {
    (SW, "C000-07.F13"): "verified", (SW, "C000-07.correlator"): "verified", (SW, "C000-07.t_p"): "verified",
    (SW, "C000-10.lambda.lower"): "refuted", (SW, "C000-10.lambda.upper"): "verified",
    (SW, "C000-10.lambda.lower-corrected"): "verified", (SW, "C000-14.eq15"): "verified",
    (SW, "C000-14.eq15.alice-reading"): "refuted", (SW, "C000-14.eq15.bob-reading"): "refuted",
    (CKBG, "C002-14.valid"): "verified", (CKBG, "C002-14"): "verified", (CKBG, "C002-35.gap.low"): "verified",
    (CKBG, "C002-35.gap.high"): "verified", (CKBG, "C002-35"): "verified",
    (WBC, "C004-02"): "verified", (WBC, "C004-04"): "verified", (WBC, "C004-03"): "verified", (WBC, "C004-13"): "verified",
    (WBC, "C004-14.state"): "verified", (WBC, "C004-14"): "verified", (WBC, "C004-22.key"): "verified",
    (WBC, "C004-22.uniform.E01"): "verified", (WBC, "C004-22.uniform.A0"): "verified",
    (WBC, "C004-22.uniform.B1"): "verified", (WBC, "C004-22"): "verified",
}


def _path(paper, cid):
    return PROOFS / paper / file_name(cid)


@pytest.mark.parametrize("paper,cid", sorted(EXPECTED))
def test_bundled_passes_with_pin(paper, cid):
    res = check_file(_path(paper, cid))
    assert res.passed, res.detail
    assert res.verdict == EXPECTED[(paper, cid)]


@pytest.mark.parametrize("paper,cid", sorted(EXPECTED))
def test_regeneration_is_byte_identical(paper, cid):
    assert dump_certificate(discover()[cid].make()) == _path(paper, cid).read_text()


def _check_mutant(tmp_path, paper, cid, mutate, name="m.json"):
    cert = copy.deepcopy(load(_path(paper, cid)))
    mutate(cert)
    path = tmp_path / name
    path.write_text(json.dumps(cert))
    return check_file(path)


def _statement(paper, cid):
    return check_file(_path(paper, cid)).statement


# -- exact values ------------------------------------------------------------------------------
def test_lambda_counterexample_value():
    assert "fails at p = 3/4, where (1 - p)/(3*p - 1) - 1 = -4/5" in _statement(SW, "C000-10.lambda.lower")


def test_chsh_local_polytope_has_24_facets_in_two_classes():
    st = _statement(WBC, "C004-02")
    assert "(16 spanning points, dimension 8) has 2 facet classes (24 facets)" in st
    assert "conv of the deterministic local points of (2,2;2,2)" in st
    classes = load(_path(WBC, "C004-02"))["data"]["classes"]
    assert classes[0]["coefficients"] == ["-1" if i == 3 else "0" for i in range(16)]  # -p(11|00) <= 0
    chsh = [int(c) for c in classes[1]["coefficients"]]  # canonical: p(ab|xy) at 4(2x + y) + 2a + b
    assert classes[1]["bound"] == "2"

    def value(P):  # P(a, b, x, y)
        return sum(chsh[4 * (2 * x + y) + 2 * a + b] * P(a, b, x, y)
                   for a in (0, 1) for b in (0, 1) for x in (0, 1) for y in (0, 1))
    from fractions import Fraction
    from itertools import product

    det = [value(lambda a, b, x, y, f=f: int(a == f[x] and b == f[2 + y])) for f in product((0, 1), repeat=4)]
    assert max(det) == 2 and det.count(2) == 8  # local bound 2, 8 tight deterministic points
    prs = [value(lambda a, b, x, y, r=r: Fraction(1, 2) * ((a ^ b) == ((x * y) ^ (r[0] * x) ^ (r[1] * y) ^ r[2])))
           for r in product((0, 1), repeat=3)]
    assert max(prs) == 4  # violated by a PR box: the CHSH value 4 > 2


def test_correlator_form_constant_is_minus_two():
    import sympy

    nu = load(_path(SW, "C000-07.correlator"))["data"]["multipliers"]
    assert nu["ns"] == ["0"] * len(nu["ns"])  # the identity holds on signalling behaviours too
    assert sympy.simplify(sum(sympy.sympify(x.replace("^", "**")) for x in nu["normalisation"])) == -2


def test_eq15_statement_has_p11_00_and_constant_one():
    st = _statement(SW, "C000-14.eq15")
    assert "<[0 0 0 -(1-r); 0 -1 0 0; 0 0 0 0; -(1-p) 0 0 (1-p)*(1-r)] (sw-4x4), P> + (1)" in st


# -- mutations ---------------------------------------------------------------------------------
def test_f13_mutation_refutes(tmp_path):
    def m(c):
        c["data"]["identities"][11][1] = "((p-1)/(p))"  # drop the sign of F13's printed -(p-1)/p
    res = _check_mutant(tmp_path, SW, "C000-07.F13", m)
    assert res.verdict == "refuted" and "fails" in res.statement


def test_correlator_multiplier_mutation_fails(tmp_path):
    def m(c):
        c["data"]["multipliers"]["normalisation"][0] = "0"
    assert not _check_mutant(tmp_path, SW, "C000-07.correlator", m).passed


def test_eq15_printed_marginal_reading_fails(tmp_path):
    def m(c):  # "p(1|00)" read as Alice's marginal p(10|00) + p(11|00)
        c["data"]["other"]["matrix"][1][0] = "-1"
    assert not _check_mutant(tmp_path, SW, "C000-14.eq15", m).passed


def test_lambda_upper_mutation_fails(tmp_path):
    def m(c):
        c["data"]["rhs"] = "2"
    assert not _check_mutant(tmp_path, SW, "C000-10.lambda.upper", m).passed


@pytest.mark.parametrize("cid", ["C004-03", "C004-13"])
def test_family_identity_sign_mutation_refutes(tmp_path, cid):
    def m(c):
        c["data"]["identities"][0][1] = c["data"]["identities"][0][1].replace("- c_p*c_w*ctw*A1*B0", "+ c_p*c_w*ctw*A1*B0") \
            if cid == "C004-03" else c["data"]["identities"][0][1].replace("- c_p*A1", "+ c_p*A1")
    res = _check_mutant(tmp_path, WBC, cid, m)
    assert res.verdict == "refuted", res.detail


def test_state_identity_mutation_refutes(tmp_path):
    def m(c):
        c["data"]["identities"][7][1] = "-2"  # (|00> - i|11>) instead
    assert _check_mutant(tmp_path, WBC, "C004-14.state", m).verdict == "refuted"


def test_c004_02_incomplete_list_fails(tmp_path):
    def m(c):
        c["data"]["classes"] = c["data"]["classes"][:1]
    assert not _check_mutant(tmp_path, WBC, "C004-02", m).passed


def test_eq10_bound_mutation_fails(tmp_path):
    def m(c):
        c["data"]["classes"][0]["bound"] = "3"
    assert not _check_mutant(tmp_path, CKBG, "C002-14.valid", m).passed


def test_key_correlator_paper_mutation_refutes(tmp_path):
    def m(c):
        c["data"]["paper"] = "1/2"
    assert _check_mutant(tmp_path, WBC, "C004-22.key", m).verdict == "refuted"


@pytest.mark.parametrize("paper,cid,broken", [(WBC, "C004-22", "C004-22.key.json"),
                                              (CKBG, "C002-35", "C002-35.gap.low.json")])
def test_composite_with_a_broken_premise_fails(tmp_path, paper, cid, broken):
    cert = load(_path(paper, cid))
    for name in cert["data"]["premises"] + [f"{cid}.json", PIN_FILE]:
        shutil.copy(PROOFS / paper / name, tmp_path / name)
    assert check_file(tmp_path / f"{cid}.json").passed
    b = load(tmp_path / broken)
    if b["kind"] == "strategy-value":
        b["data"]["strategy"]["state"] = ["1", "0", "0", "-i"]  # E00 = -1 (not the pinned statement)
    else:
        b["data"]["rhs"] = "t"
    (tmp_path / broken).write_text(json.dumps(b))
    assert not check_file(tmp_path / f"{cid}.json").passed


@pytest.mark.parametrize("name,corrected", [("alice", "1 - 0 - (1-r)*0 - (1-p)*1 + (1-p)*(1-r)*0"),
                                            ("bob", "1 - 0 - (1-r)*1 - (1-p)*0 + (1-p)*(1-r)*0")])
def test_eq15_with_p11_00_agrees_at_the_refuting_points(tmp_path, name, corrected):
    def m(c):
        c["data"]["paper"] = corrected  # the printed line with p(11|00) (= 0 at these points)
        c["expected"] = "verified"
    res = _check_mutant(tmp_path, SW, f"C000-14.eq15.{name}-reading", m)
    assert res.passed and res.verdict == "verified", res.detail


def test_born_rule_mutations_refute(tmp_path):
    def wrong_sign(c):  # sin(a - b) instead of sin(a + b)
        c["data"]["identities"][0][1] = "2*(s_a*c_b - c_a*s_b)"

    def other_state(c):  # psi ~ (1, 0, 0, -i) gives -sin(a + b): flip the -i M10 N10 / +i M01 N01 weights
        c["data"]["identities"][0][0] = c["data"]["identities"][0][0].replace(" - (ma01r", " + (ma01r").replace(
            " + (ma10r*nb10i", " - (ma10r*nb10i")
    for m in (wrong_sign, other_state):
        assert _check_mutant(tmp_path, WBC, "C004-04", m).verdict == "refuted"
