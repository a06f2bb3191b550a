"""Wooltorton–Brown–Colbeck C004-20 at the 5/2 limit point (generator exactbell.generators.wbc_limit):
CHSH 5/2 > 2, the four correlators sin(pi r) and the Tsirelson-Landau-Masanes arcsin sum."""
import copy
import json
from fractions import Fraction

import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover
from exactbell.generators.wbc_limit import POINT, R, principal_angles
from exactbell.kernel.check import check_file

from .conftest import PROOFS, load

DIR = PROOFS / "wooltorton-brown-colbeck"
IDS = ["C004-20.chsh", "C004-20.E00", "C004-20.E01", "C004-20.E10", "C004-20.E11", "C004-20.arcsin-sum",
       "C004-20.exact-pieces"]


@pytest.mark.parametrize("cid", IDS)
def test_c004_20_passes_pinned_and_regenerates_identically(cid):
    res = check_file(DIR / f"{cid}.json")
    assert res.passed and res.verdict == "verified" and res.pin == "pinned", res.detail
    assert dump_certificate(discover()[cid].make()) == (DIR / f"{cid}.json").read_text()


def test_c004_20_decided_values():
    assert check_file(DIR / "C004-20.chsh.json").statement.count("P> = 5/2 on (2,2;2,2), which is > 2") == 1
    values = {"E00": "1", "E01": "1/2", "E10": "1/2", "E11": "-1/2"}
    for name, v in values.items():
        st = check_file(DIR / f"C004-20.{name}.json").statement
        assert f"P> = {v} on (2,2;2,2)" in st and st.endswith(f" = {v})")
    st = check_file(DIR / "C004-20.exact-pieces.json").statement
    assert st.startswith("C004-20 holds: [C004-01.local: ") and "Tsirelson-Landau-Masanes" in st


def test_principal_angles_by_hand():
    # alpha = (0, 1/3), beta = (1/2, 5/6): sums 1/2, 5/6, 5/6, 7/6 -> principal 1/2, 1/6, 1/6, -1/6
    assert POINT == (Fraction(1, 3), Fraction(1, 2), Fraction(5, 6))
    assert R == [Fraction(1, 2), Fraction(1, 6), Fraction(1, 6), Fraction(-1, 6)]
    assert sum(s * r for s, r in zip((1, 1, 1, -1), R)) == 1
    assert principal_angles(Fraction(0), Fraction(-3, 4), Fraction(3, 2)) == [Fraction(-1, 4), Fraction(-1, 2),
                                                                              Fraction(-1, 4), Fraction(-1, 2)]


def _mutant(tmp_path, cid, mutate):
    cert = copy.deepcopy(load(DIR / f"{cid}.json"))
    mutate(cert)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(cert))
    return check_file(path)


def test_c004_20_mutations(tmp_path):
    # a wrong principal angle: the kernel's sin(pi*r) no longer equals the correlator it computes
    res = _mutant(tmp_path, "C004-20.E01", lambda c: c["data"].update(paper="sin(pi*(5/6 - 1/2))"))
    assert res.verdict == "refuted" and "P> = 1/2 on" in res.statement
    # the TLM sum with the wrong sign pattern is 2/3, not 1
    res = _mutant(tmp_path, "C004-20.arcsin-sum",
                  lambda c: c["data"].update(identities=[["r00 + r01 - r10 + r11", "1"]]))
    assert res.verdict == "refuted" and "fails" in res.statement
    # a point where CHSH is not above 2 (phi = omega = 0: every correlator 0 or sin(theta))
    res = _mutant(tmp_path, "C004-20.chsh", lambda c: c["parameters"].update(phi="0", omega="0"))
    assert res.verdict == "refuted" and "which is not > 2" in res.statement
