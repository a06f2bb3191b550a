"""Wooltorton–Brown–Colbeck C004-20 at two limit points of Fig. 2 (generator exactbell.generators.wbc_limit):
CHSH > 2, the four correlators sin(pi r) and the Tsirelson-Landau-Masanes arcsin sum; and C004-09's SOS nullifiers
(generator exactbell.generators.wbc_nullifiers)."""
import copy
import json
from fractions import Fraction

import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover
from exactbell.generators.wbc_limit import POINTS, principal_angles
from exactbell.kernel.check import check_file

from .conftest import PROOFS, load

DIR = PROOFS / "wooltorton-brown-colbeck"
IDS = [f"C004-20.{point}.{part}" for point in ("global", "dire")
       for part in ("chsh", "E00", "E01", "E10", "E11", "branch", "arcsin-sum", "exact-pieces")]
IDS += ["C004-20.landau", "C004-09.nullifiers"]


@pytest.mark.parametrize("cid", IDS)
def test_c004_20_passes_pinned_and_regenerates_identically(cid):
    res = check_file(DIR / f"{cid}.json")
    assert res.passed and res.verdict == "verified" and res.pin == "pinned", res.detail
    assert dump_certificate(discover()[cid].make()) == (DIR / f"{cid}.json").read_text()


@pytest.mark.parametrize("point,chsh,values", [
    ("global", "5/2", {"E00": "1", "E01": "1/2", "E10": "1/2", "E11": "-1/2"}),
    ("dire", "1 + g", {"E00": "1", "E01": "0", "E10": "g/2", "E11": "-g/2"}),  # g = sqrt(2)
])
def test_c004_20_decided_values(point, chsh, values):
    st = check_file(DIR / f"C004-20.{point}.chsh.json").statement
    assert f"P> = {chsh} on (2,2;2,2), which is > 2" in st
    for name, v in values.items():
        st = check_file(DIR / f"C004-20.{point}.{name}.json").statement
        assert f"P> = {v} on (2,2;2,2)" in st and st.endswith(f" = {v})")
    st = check_file(DIR / f"C004-20.{point}.exact-pieces.json").statement
    assert st.startswith("C004-20 holds: [C004-01.local: ") and "Tsirelson-Landau-Masanes" in st
    # the principal branch is a decided premise, quoted in the composite, not a stated step
    r = ", ".join(f"at {n} = {x}" for n, x in zip(("r00", "r01", "r10", "r11"), {
        "global": ("1/2", "1/6", "1/6", "-1/6"), "dire": ("1/2", "0", "1/4", "-1/4")}[point]))
    branch = f"max(abs(r00), abs(r01), abs(r10), abs(r11)) <= 1/2 {r}"
    assert check_file(DIR / f"C004-20.{point}.branch.json").statement == branch
    assert f"[C004-20.{point}.branch: {branch}]" in st and f"lies there by C004-20.{point}.branch" in st


def test_principal_angles_by_hand():
    # global: alpha = (0, 1/3), beta = (1/2, 5/6): sums 1/2, 5/6, 5/6, 7/6 -> principal 1/2, 1/6, 1/6, -1/6
    # dire: alpha = (0, 1/4), beta = (1/2, 1): sums 1/2, 1, 3/4, 5/4 -> principal 1/2, 0, 1/4, -1/4
    assert principal_angles(*POINTS["global"][0]) == [Fraction(1, 2), Fraction(1, 6), Fraction(1, 6), Fraction(-1, 6)]
    assert principal_angles(*POINTS["dire"][0]) == [Fraction(1, 2), Fraction(0), Fraction(1, 4), Fraction(-1, 4)]
    for point, _, _ in POINTS.values():
        r = principal_angles(*point)
        assert all(abs(x) <= Fraction(1, 2) for x in r) and r[0] + r[1] + r[2] - r[3] == 1
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
    res = _mutant(tmp_path, "C004-20.global.E01", lambda c: c["data"].update(paper="sin(pi*(5/6 - 1/2))"))
    assert res.verdict == "refuted" and "P> = 1/2 on" in res.statement
    # the TLM sum with the wrong sign pattern is 2/3, not 1
    res = _mutant(tmp_path, "C004-20.global.arcsin-sum",
                  lambda c: c["data"].update(identities=[["r00 + r01 - r10 + r11", "1"]]))
    assert res.verdict == "refuted" and "fails" in res.statement
    # the branch condition: r11 moved off [-1/2, 1/2] is refuted by exactly 3/4 - 1/2; a strict relation fails at 1/2
    res = _mutant(tmp_path, "C004-20.global.branch", lambda c: c["parameters"].update(r11="-3/4"))
    assert res.verdict == "refuted" and res.statement.endswith(
        "at r11 = -3/4, where max(abs(r00), abs(r01), abs(r10), abs(r11)) - 1/2 = 1/4")
    res = _mutant(tmp_path, "C004-20.global.branch", lambda c: c["data"].update(relation="<"))
    assert res.verdict == "refuted" and res.statement.endswith("- 1/2 = 0")
    res = _mutant(tmp_path, "C004-20.global.branch", lambda c: c["data"].update(relation=">"))
    assert res.verdict == "refuted" and " > 1/2 fails at " in res.statement
    # a point where CHSH is not above 2 (phi = omega = 0: every correlator 0 or sin(theta))
    res = _mutant(tmp_path, "C004-20.global.chsh", lambda c: c["parameters"].update(phi="0", omega="0"))
    assert res.verdict == "refuted" and "which is not > 2" in res.statement


def test_c004_20_landau_boundary_for_every_angle(tmp_path):
    st = check_file(DIR / "C004-20.landau.json").statement
    assert st == ("(sin(omega) - cos(theta)*sin(theta + omega))^2 == (1 - cos(theta)^2)*(1 - sin(theta + omega)^2) "
                  "for all real theta, omega")
    # theta + omega -> theta - omega is not an identity: refuted or rejected, never verified
    res = _mutant(tmp_path, "C004-20.landau", lambda c: c["data"]["statements"][0].update(
        rhs="(1 - cos(theta)^2)*(1 - sin(theta - omega)^2)"))
    assert not res.passed and res.verdict != "verified"


def test_c004_09_nullifiers_rest_on_two_decided_sos_premises(tmp_path):
    st = check_file(DIR / "C004-09.nullifiers.json").statement
    assert st.startswith("C004-09 holds: [C004-06.quantum.theta=1/3,phi=3/4,omega=17/12.max: max over quantum")
    assert "[C004-06.quantum.theta=1/3,phi=1/3,omega=1.min: min over quantum" in st and "(OUT)" in st
    # in a folder with the premises: the original passes, a refuted premise is refused
    import shutil

    for name in ("C004-06.quantum.theta=1_3_phi=3_4_omega=17_12.max.json",
                 "C004-06.quantum.theta=1_3_phi=1_3_omega=1.min.json", "C004-16.eq1-joint.json"):
        shutil.copy(DIR / name, tmp_path / name)
    cert = load(DIR / "C004-09.nullifiers.json")
    (tmp_path / "n.json").write_text(json.dumps(cert))
    assert check_file(tmp_path / "n.json").verdict == "verified"
    cert["data"]["premises"][1] = "C004-16.eq1-joint.json"
    (tmp_path / "n.json").write_text(json.dumps(cert))
    res = check_file(tmp_path / "n.json")
    assert res.verdict == "error" and "premise 'C004-16.eq1-joint.json' is refuted" in res.detail, res.detail
