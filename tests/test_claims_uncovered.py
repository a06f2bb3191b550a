"""Certificates of exactbell.generators.uncovered_claims (issue #17 point 1: C002-25, C002-33, C002-34): the
bundled files pass with their pinned statements, regenerate byte-identically, carry the exact values the
claims state, and mutated witnesses fail."""
import json
import shutil
from fractions import Fraction
from itertools import product

import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover, file_name
from exactbell.kernel.check import check_file
from exactbell.kernel.pins import PIN_FILE

from .conftest import PROOFS, check_mutated, load

CKBG = "chaves-kueng-brask-gross"
LC = "liu-chiribella"
IDS = ["C001-10.duality", "C002-25", "C002-33.dimensions", "C002-33", "C002-34.vertices", "C002-34"]


def _path(cid):
    return PROOFS / (LC if cid.startswith("C001") else CKBG) / file_name(cid)


@pytest.mark.parametrize("cid", IDS)
def test_bundled_passes_with_pin(cid):
    res = check_file(_path(cid))
    assert res.passed, res.detail
    assert res.verdict == "verified"


@pytest.mark.parametrize("cid", IDS)
def test_regeneration_is_byte_identical(cid):
    assert dump_certificate(discover()[cid].make()) == _path(cid).read_text()


def _mutant(tmp_path, cid, mutate):
    return check_mutated(tmp_path, _path(cid), mutate)


# -- exact values ------------------------------------------------------------------------------
def test_bilocal_counts():
    st = check_file(_path("C002-25")).statement
    assert "o_a^2*o_b*o_c^2 = 64; o_a^2*o_c^2 = 16; o_a*o_b*o_c*m_x*m_z = 64" in st
    assert "where o_a = 2; o_b = 4; o_c = 2; m_x = 2; m_z = 2" in st


def test_theorem7_dimensions():
    st = check_file(_path("C002-33.dimensions")).statement
    assert "rows_Phi = nL + 2*nL*k + 2*m + 2; cols_Phi = 1 + nL*k + n" in st


def test_vertices_are_table_one_without_the_zero_row():
    rows = load(_path("C002-34.vertices"))["data"]["rows"]
    assert rows == load(PROOFS / CKBG / "C002-03.json")["data"]["rows"][1:]
    assert "all 12 listed rows are dual feasible, 12 are proven vertices" in check_file(_path("C002-34.vertices")).statement


def _ns_vertices():
    """The 16 deterministic points and 8 PR boxes of (2,2;2,2), observation layout 4(2x + y) + 2a + b."""
    det = [[Fraction(int(a == f[x] and b == f[2 + y])) for x in (0, 1) for y in (0, 1) for a in (0, 1) for b in (0, 1)]
           for f in product((0, 1), repeat=4)]
    pr = [[Fraction(int((a ^ b) == (x * y) ^ (r[0] * x) ^ (r[1] * y) ^ r[2]), 2)
           for x in (0, 1) for y in (0, 1) for a in (0, 1) for b in (0, 1)] for r in product((0, 1), repeat=3)]
    return det + pr


def test_universal_duals_agree_with_chsh_vertices_on_no_signalling():
    """The composite's stated step: each C002-02 dual equals a distinct CHSH vertex row on the 24 NS vertices
    (whose affine hull is the normalised no-signalling set)."""
    pts = _ns_vertices()

    def values(sparse):
        z = {i: Fraction(v) for i, v in sparse}
        return tuple(sum(z.get(i, 0) * p[i] for i in range(16)) for p in pts)
    rows = [values(r) for r in load(_path("C002-34.vertices"))["data"]["rows"]]
    matches = [[k for k, r in enumerate(rows) if r == values(d)] for d in load(PROOFS / CKBG / "C002-02.json")["data"]["duals"]]
    assert sorted(m[0] for m in matches) == list(range(8)) and all(len(m) == 1 for m in matches)
    assert all(v == 0 for r in rows[8:] for v in r)  # the 4 no-signalling rows vanish on NS


# -- mutations ---------------------------------------------------------------------------------
def test_wrong_count_is_refuted(tmp_path):
    def mutate(c):
        c["data"]["identities"][0][1] = "32"
    res = _mutant(tmp_path, "C002-25", mutate)
    assert not res.passed and res.verdict == "refuted"


def test_wrong_row_count_is_refuted(tmp_path):
    def mutate(c):
        c["data"]["identities"][0][1] = "nL + 2*nL*k + 2*m + 1"
    res = _mutant(tmp_path, "C002-33.dimensions", mutate)
    assert not res.passed and res.verdict == "refuted"


def test_mutated_vertex_multiplier_fails(tmp_path):
    def mutate(c):
        c["data"]["vertices"][0]["mu"][0][1] = "-1"  # a multiplier must be positive
    assert not _mutant(tmp_path, "C002-34.vertices", mutate).passed


def test_mutated_vertex_row_fails(tmp_path):
    def mutate(c):
        c["data"]["rows"][0][0][1] = "-1"
    assert not _mutant(tmp_path, "C002-34.vertices", mutate).passed


@pytest.mark.parametrize("cid,broken", [("C002-33", "C002-33.dimensions.json"), ("C002-34", "C002-34.vertices.json")])
def test_composite_with_a_broken_premise_fails(tmp_path, cid, broken):
    cert = load(_path(cid))
    for name in cert["data"]["premises"] + [f"{cid}.json", PIN_FILE]:
        shutil.copy(PROOFS / CKBG / name, tmp_path / name)
    assert check_file(tmp_path / f"{cid}.json").passed
    b = load(tmp_path / broken)
    if b["kind"] == "identity":
        b["data"]["identities"][1][1] = "1 + nL*k"
    else:
        b["data"]["rows"][0][0][1] = "-1"
    (tmp_path / broken).write_text(json.dumps(b))
    assert not check_file(tmp_path / f"{cid}.json").passed


# -- C001-10: mode process-duality ------------------------------------------------------------
def test_weak_duality_on_qubits():
    st = check_file(_path("C001-10.duality")).statement
    assert "(2, 2, 2, 2): for every S with L_V(S) = S and every W in Span(Choi(NoSig)), Tr(S W) = Tr(S) Tr(W)/16" in st
    assert "so Tr(S W) = Tr(W)/4 for every process matrix" in st
    assert "the normalised identity I/4 is a valid process matrix" in st


def test_weak_duality_other_dimensions(tmp_path):
    res = _mutant(tmp_path, "C001-10.duality", lambda c: c["data"].update(dims=[1, 2, 2, 2]))
    assert res.verdict == "verified" and "Tr(S W) = Tr(W)/2 for every process matrix" in res.statement


@pytest.mark.parametrize("dims,field", [([9, 2, 2, 2], "each at most 8"), ([2, 2, 2], "expected 4 entries"),
                                        ([2, 0, 2, 2], "four positive integers"), ([2, True, 2, 2], "four positive")])
def test_bad_dims_are_rejected(tmp_path, dims, field):
    res = _mutant(tmp_path, "C001-10.duality", lambda c: c["data"].update(dims=dims))
    assert not res.passed and res.verdict == "error" and field in res.detail and "data.dims" in res.detail


def test_unknown_key_is_rejected(tmp_path):
    res = _mutant(tmp_path, "C001-10.duality", lambda c: c["data"].update(witness="1"))
    assert not res.passed and res.verdict == "error" and "witness" in res.detail
