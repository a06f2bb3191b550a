"""Kernel kinds ``sos`` and ``strategy-value`` (free algebra of ±1 observables, Born rule, trig field).

(1) decided statements of bundled certificates, with values checked independently;
(2) attacks: false bounds, commuting observables, name collisions, and single mutations, each
    rejected or giving a different statement than the original (so it no longer matches its pin).
"""
import copy
import json
from fractions import Fraction as F

import pytest

from exactbell.kernel.check import check_file
from exactbell.kernel.trig import Trig, angle

from .conftest import PROOFS, load
from .conftest import DELETE, set_at

WBC = PROOFS / "wooltorton-brown-colbeck"
SW = PROOFS / "sengupta-wooltorton"
CHSH = WBC / "C004-01.quantum.json"
T_P = SW / "C000-10.p=18_29.json"
F5 = SW / "C000-10.F5.printed.json"
PRINTED = SW / "C000-11.p=32_71.printed.json"
WBC_MAX = WBC / "C004-06.quantum.theta=1_3_phi=5_12_omega=5_6.max.json"
WBC_CHSH = WBC / "C004-19.chsh.theta=1_4_phi=1_2_omega=1.json"
NPA = WBC / "C004-01.quantum-npa.json"


def decide(tmp_path, cert, name="c.json"):
    p = tmp_path / name
    p.write_text(json.dumps(cert))
    return check_file(p)


# -- (1) decided statements ------------------------------------------------------------------

def test_tsirelson_statement():
    r = check_file(CHSH)
    assert r.passed and r.verdict == "verified"
    assert r.statement == ("max over quantum strategies of <(1)*A0B0 + (1)*A0B1 + (1)*A1B0 + (-1)*A1B1 (correlator), "
                           "P> on (2,2;2,2) = 2*s, where s is the root of s^2 + (-2) in (1, 2) (paper: sqrt(8))")


def test_sw_bound_at_18_29():
    # 2*sqrt(2)*sqrt(p/(3p-1)) at p = 18/29: 8p/(3p-1) = 144/25, so the bound is 12/5
    r = check_file(T_P)
    assert r.verdict == "verified" and " = 12/5, at p = 18/29 " in r.statement
    assert "(paper: sqrt(8*p/(3*p - 1)) = sqrt(144/25))" in r.statement


def test_f5_printed_constant_is_refuted():
    # corrected constant 1 + lam2 + 1/(2c^2) + ...; printed has 1/(2c): the difference is 25/18 - 5/6 = 5/9
    r = check_file(F5)
    assert r.verdict == "refuted" and r.passed
    assert "<= 72/11 (the only constant for which the SOS identity holds)" in r.statement
    assert r.statement.endswith("= 593/99)") and F(72, 11) - F(593, 99) == F(5, 9)


def test_printed_theta_below_one_half_is_refuted():
    r = check_file(PRINTED)  # p = 32/71 < 1/2: Eq. (13) as printed does not attain the bound
    assert r.verdict == "refuted" and r.passed
    bound = F(4) * F(4, 5)  # 4c with c = 4/5 (generator's Pythagorean point); 16/5 squared = 8p/(3p-1)
    p = F(32, 71)
    assert bound * bound == 8 * p / (3 * p - 1)
    assert f"sqrt({256}/{25})" in r.statement and "= 16/5 on" not in r.statement


def test_wbc_member_and_chsh_value():
    r = check_file(WBC_MAX)
    assert r.verdict == "verified" and "= -1/8 + g^2/4, at omega = 5/6, at phi = 5/12, at theta = 1/3" in r.statement
    # eta^Q = sin(pi/3) sin(5pi/12) sin(19pi/12) < 0; |eta^Q| = (2cos(pi/12))^2/4 - 1/8 numerically
    import math
    g = 2 * math.cos(math.pi / 12)
    assert abs(abs(math.sin(math.pi / 3) * math.sin(5 * math.pi / 12) * math.sin(19 * math.pi / 12))
               - (g * g / 4 - 1 / 8)) < 1e-12
    r = check_file(WBC_CHSH)
    assert r.verdict == "verified" and "P> = 1 + g on (2,2;2,2)" in r.statement and "(= 2cos(2pi/8))" in r.statement


def test_trig_values():
    t = Trig(24, "g")
    assert t.cos(angle(F(1, 3))) == F(1, 2) and t.sin(angle(F(-1, 2))) == -1
    c = t.cos(angle(F(1, 12)))
    assert c > 0 and 2 * c == t.field.gen()  # cos(pi/12) = g/2 with g = 2cos(2pi/24)
    assert 2 * c * c - 1 == t.cos(angle(F(1, 6)))  # double angle
    with pytest.raises(ValueError):
        t.cos(angle(F(1, 5)))  # not in Q(2cos(pi/12))
    with pytest.raises(ValueError):
        Trig(10**6, "g")


# -- (2) attacks -----------------------------------------------------------------------------

def test_quantum_bound_of_chsh_is_2_does_not_verify(tmp_path):
    c = load(CHSH)
    c["data"]["bound"] = "2"
    assert decide(tmp_path, c).verdict == "error"
    del c["data"]["strategy"]
    c["data"]["paper"] = "2"
    for sos in ({"terms": [{"weight": "1", "polynomial": "A0 - B0"}]},
                {"terms": [{"weight": "1/2", "polynomial": "A0 - B0"}, {"weight": "1/2", "polynomial": "A1 - B1"}]},
                {"gram": {"basis": ["1", "A0", "A1", "B0", "B1"], "matrix": [["2", "0", "0", "0", "0"]] + [
                    ["0"] * 5 for _ in range(4)]}}):
        c["data"]["sos"] = sos
        r = decide(tmp_path, c)
        assert r.verdict == "error" and not r.passed


def test_commuting_alice_observables_do_not_verify(tmp_path):
    # (A0 A1 - A1 A0)^†(A0 A1 - A1 A0) = 2 - A0A1A0A1 - A1A0A1A0 is 0 only if A0, A1 commute
    c = load(CHSH)
    c["data"]["sos"]["terms"].append({"weight": "1", "polynomial": "A0*A1 - A1*A0"})
    r = decide(tmp_path, c)
    assert r.verdict == "error" and "identity fails" in r.detail
    c = load(CHSH)  # a "square" that is zero only for commuting observables, claimed with weight -1
    c["data"]["sos"]["terms"].append({"weight": "-1", "polynomial": "A0*A1 - A1*A0"})
    assert decide(tmp_path, c).verdict == "error"


def test_observable_names_collide(tmp_path):
    for name in ("A0", "B1", "pi", "cos", "i"):
        c = load(T_P)
        c["parameters"][name] = "1/2"
        assert decide(tmp_path, c).verdict == "error"
    c = load(WBC_MAX)
    c["parameters"]["g"] = "1/2"  # collides with the trig field's generator
    assert decide(tmp_path, c).verdict == "error"


def test_strategy_must_be_valid(tmp_path):
    c = load(CHSH)
    c["data"]["strategy"]["observables"][0][0] = [["1", "0"], ["0", "1/2"]]  # not ±1
    assert "O^2 = 1" in decide(tmp_path, c).detail
    c = load(CHSH)
    c["data"]["strategy"]["observables"][1][0] = [["0", "1"], ["0", "0"]]  # not Hermitian
    assert "Hermitian" in decide(tmp_path, c).detail
    c = load(CHSH)
    c["data"]["strategy"]["state"] = ["0", "0", "0", "0"]
    assert decide(tmp_path, c).verdict == "error"
    c = load(WBC_CHSH)
    c["data"]["strategy"]["projectors"] = c["data"]["strategy"].pop("observables")
    assert decide(tmp_path, c).verdict == "error"




MUTATIONS = [
    (CHSH, ("data", "sense"), "min"),
    (CHSH, ("data", "bound"), "3*s"),
    (CHSH, ("data", "strategy"), DELETE),
    (CHSH, ("data", "paper"), DELETE),
    (CHSH, ("data", "paper"), "2"),
    (CHSH, ("data", "sos", "terms", 0, "weight"), "s/3"),
    (CHSH, ("data", "sos", "terms", 1, "polynomial"), "A1 - s/2*B0 - s/2*B1"),
    (CHSH, ("data", "strategy", "state", 0), "-s/2"),
    (CHSH, ("data", "field", "minpoly"), "s^2 - 3"),
    (CHSH, ("data", "extra"), "1"),
    (CHSH, ("data", "functional", "terms", "A1B1"), "1"),
    (T_P, ("parameters", "p"), "3/5"),
    (T_P, ("parameters", "p"), "(2/5, 1)"),
    (T_P, ("data", "paper", "sqrt"), "8*p/(3*p - 2)"),
    (F5, ("parameters", "c"), "-3/5"),
    (F5, ("data", "paper"), DELETE),
    (PRINTED, ("data", "relation"), ">"),
    (PRINTED, ("data", "strategy", "observables", 1, 0, 0, 1), "4/5"),
    (WBC_MAX, ("data", "trig", "n"), 48),
    (WBC_MAX, ("data", "trig", "n"), 12),
    (WBC_MAX, ("parameters", "theta"), "2/3"),
    (WBC_MAX, ("data", "bound"), "sin(pi*theta)*sin(pi*(omega-phi))*sin(pi*(theta+omega+phi))"),
    (WBC_MAX, ("data", "sense"), "min"),
    (WBC_CHSH, ("data", "strategy", "observables", 0, 1, 0, 1), "cos(pi*theta) + i*sin(pi*theta)"),
    (WBC_CHSH, ("data", "relation"), ">="),
    (WBC_CHSH, ("data", "paper"), "2*cos(pi/4)"),
    (NPA, ("data", "sos", "gram", "matrix", 0, 0), "0"),
    (NPA, ("data", "sos", "gram", "basis", 1), "A0*B0"),
]


@pytest.mark.parametrize("path, where, value", MUTATIONS, ids=[f"{p.stem}:{'.'.join(map(str, w))}" for p, w, _ in
                                                                 MUTATIONS])
def test_mutation_is_rejected_or_changes_the_statement(tmp_path, path, where, value):
    original = check_file(path)
    assert original.passed
    c = copy.deepcopy(load(path))
    set_at(c, where, value)
    r = decide(tmp_path, c)
    assert r.verdict == "error" or (r.statement, r.verdict) != (original.statement, original.verdict)


# -- parametric values: Sengupta-Wooltorton Prop. 2 item 2 ------------------------------------

PROP2 = SW / "C000-14.part2.json"


def test_prop2_quantum_excess_for_all_p_r():
    from exactbell.generators.sw_propositions import _prop2_strategy

    r = check_file(PROP2)
    assert r.verdict == "verified" and "which is > 1, for all p in [0, 1), for all r in [0, 1)" in r.statement
    _, _, k = _prop2_strategy()
    g = k.field.gen()
    assert k == (16 + 2 * g**2 - 11 * g**4) / 45 and k > 0  # (F16) with 2*2^(1/3)
    assert k != (16 + 2 * g**9 - 11 * g**4) / 45  # the printed 2*2^(3/2): C000-14.part2.F16 is refuted
    assert check_file(SW / "C000-14.part2.F16.json").verdict == "refuted"


@pytest.mark.parametrize("where, value", [
    (("data", "strategy", "state", 3), "g^4/3"),
    (("data", "functional", "matrix", 1, 1), "1/7"),
    (("data", "positivity", 0, "weight"), "1/45"),
    (("data", "positivity", 0, "factors", 0), "p"),  # p >= 0 only: no strict term
    (("data", "positivity", 0, "factors", 0), "2 - p"),  # not a side of the domain
    (("data", "strategy", "observables", 0, 1, 0, 0), "1/2"),
    (("parameters", "p"), "[0, 1]"),  # 1 - p vanishes at p = 1
    (("data", "relation"), ">="),
])
def test_prop2_mutations(tmp_path, where, value):
    original = check_file(PROP2)
    c = load(PROP2)
    set_at(c, where, value)
    r = decide(tmp_path, c)
    assert r.verdict == "error" or (r.statement, r.verdict) != (original.statement, original.verdict)
