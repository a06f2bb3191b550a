"""Sengupta–Wooltorton Lemmas 1 (whole region), 2 and 4 (max–min): exact certificates and tampering."""
import copy

import pytest

from exactbell.kernel.check import check_file
from exactbell.generators import sw_lemmas


@pytest.fixture(scope="module")
def region():
    return sw_lemmas.lemma1_region()


@pytest.fixture(scope="module")
def region_statement(region, tmp_path_factory):
    return check_file(_write(tmp_path_factory.mktemp("region"), "a.json", region)).statement


def test_region_certificate_is_refuted_for_all_p_r(write_cert, region):
    r = check_file(write_cert(region))
    assert r.passed and r.verdict == "refuted" and "< 2*r for all p in [0, 1), for all r in (0, 1)" in r.statement
    assert "is the max of its 15 distinct values over 784 distinct Eq. (9) points" in r.statement


@pytest.mark.parametrize("where,value", [
    (("data", "point", "hidden", "alice", 1, 0), "1/2"),  # y-dependence 1/2 - r exceeds r for small r
    (("data", "point", "hidden", "bob", 3, 0), "1/2"),  # x-dependence 1/2 > p near p = 0
    (("data", "point", "hidden", "alice", 0, 0), "r^2"),  # not multi-affine: not decided here
    (("data", "functional", "matrix", 1, 1), "1"),
    (("parameters", "r"), "(0, 1]"),
    (("data", "fidelities", 0, 0), "r"),
    (("data", "proof"), {"method": "identity"}),
])
def test_region_tampering_is_rejected(tmp_path, region, region_statement, where, value):
    import json

    bad = copy.deepcopy(region)
    o = bad
    for k in where[:-1]:
        o = o[k]
    o[where[-1]] = value
    r = check_file(_write(tmp_path, "b.json", bad))
    assert r.verdict == "error" or not r.passed or r.statement != region_statement, json.dumps(where)


def _write(tmp_path, name, cert):
    import json

    path = tmp_path / name
    path.write_text(json.dumps(cert))
    return path


# ---- Lemma 2 (schema 2: kinds identity and local-bound, tests/test_kernel_bounds.py) ----
@pytest.mark.parametrize("n", [1, 2, 3])
def test_lemma2_construction_is_a_polynomial_identity(n):
    from exactbell.kernel.poly import RationalFunction

    ids = sw_lemmas.lemma2_identities(n)
    names = [f"{t}{i}_{k}" for t in "abq" for i in range(4) for k in range(n)]
    assert len(ids) == 16
    assert all(RationalFunction.parse(lhs, names) == RationalFunction.parse(rhs, names) for lhs, rhs in ids)


def test_lemma2_certificates(write_cert):
    ok = check_file(write_cert(sw_lemmas.lemma2_generic()))
    assert ok.passed and ok.verdict == "verified" and "16 identities" in ok.statement
    r = check_file(write_cert(sw_lemmas.lemma2_bound_lost()))
    assert r.passed and r.verdict == "refuted"


# ---- Lemma 4 ----
def test_lemma4_certificates(write_cert):
    from exactbell.kernel.check import check_file as kernel_check  # kind inequality (schema 2)

    for make in (sw_lemmas.lemma4_maxmin, sw_lemmas.lemma4_attained, sw_lemmas.lemma4_w_range):
        cert = make()
        r = kernel_check(write_cert(cert))
        assert r.passed and r.verdict == "verified", r.detail
    cert = sw_lemmas.lemma4_maxmin()
    assert cert["data"]["proof"]["method"] == "combination"


def test_lemma4_with_a_smaller_bound_is_not_verified(write_cert):
    from exactbell.kernel.check import check_file as kernel_check

    cert = sw_lemmas.lemma4_maxmin()
    cert["data"]["rhs"] = "(1 - 4*l)/(1 - 2*l) - l/10"
    r = kernel_check(write_cert(cert))
    assert not r.passed
