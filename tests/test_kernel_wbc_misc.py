"""Wooltorton–Brown–Colbeck Prop. 1 for all angles (kind identity, modes nc / polynomial with
``circle`` and ``definitions``) and the grid representatives that replace the schema-1 grid batches:
decided statements, independent evaluations on the circle, and semantic mutations that must be
rejected or change the statement."""
import copy
from fractions import Fraction
from itertools import product

import pytest

from exactbell.kernel.kinds.identity import reduce_circle
from exactbell.kernel.poly import Poly

from .conftest import PROOFS, load
from .conftest import check_mutant as _run, pinned_result as _original, caught as _caught

WBC = PROOFS / "wooltorton-brown-colbeck"
SOS, EQUIV, EMBED = WBC / "C004-06.symbolic.json", WBC / "C004-08.symbolic.json", WBC / "C004-10.embedding.json"








ALL = ("for all c_p in [-1, 1], for all c_t in [-1, 1], for all c_w in [-1, 1], for all s_p in [-1, 1], "
       "for all s_t in [-1, 1], for all s_w in [-1, 1]: ")
MOD = "modulo c_t^2 + s_t^2 = 1, modulo c_p^2 + s_p^2 = 1, modulo c_w^2 + s_w^2 = 1"


# -- decided statements --------------------------------------------------------------------------------
def test_sos_identity_statement():
    r = _original(SOS)
    assert r.verdict == "verified"
    assert r.statement.startswith(ALL + "s_t*(eta - (ctp*ctw*c_w*A0*B0 - ctp*ctw*c_p*A0*B1 - c_p*c_w*ctw*A1*B0 + "
                                  "c_p*c_w*ctp*A1*B1)) = mu0*(c_p*A1 - ctp*A0 - s_t*B0)^2 + "
                                  "mu1*(c_w*A1 - ctw*A0 - s_t*B1)^2; mu0*mu1 = -ctp*c_p*ctw*c_w/4; ")
    assert ("(in the algebra of +-1 observables of commuting parties on (2,2;2,2), coefficients as polynomials, "
            + MOD) in r.statement
    assert "eta = s_t*swp*stpw; mu0 = -ctw*c_w/2; mu1 = ctp*c_p/2; stp = s_t*c_p + c_t*s_p; " in r.statement
    # Eq. (2) at the correlators sin(alpha_x + beta_y) of strategy (6) is eta^Q
    assert "; ctp*ctw*c_w*s_p - ctp*ctw*c_p*s_w - c_p*c_w*ctw*stp + c_p*c_w*ctp*stw = eta (" in r.statement


def test_equivalence_and_embedding_statements():
    r = _original(EQUIV)
    assert r.statement.startswith(ALL + "(c_w*ctw*(ctp + c_p) + ctp*c_p*(ctw + c_w))^2 - eta^2 = "
                                  "2*abcd*(1 + c_t)*(1 + cpw)*(1 + ctpw); ")
    assert "abcd = (ctp*c_p)^2 - ctp*c_p*stpw*swp; " in r.statement and MOD in r.statement
    r = _original(EMBED)
    assert r.statement.startswith("for all c_p in [-1, 1], for all s_p in [-1, 1], at c_t = 0, at s_t = 1: "
                                  "c_p*(ctp*ctw*c_w) = scale*s_p; ")
    assert "modulo c_p^2 + s_p^2 = 1, where c_w = -c_p; s_w = s_p;" in r.statement


def test_grid_representatives_separate_local_and_quantum():
    """(1/3, 1/3, 5/6)π: the third value pair (η^L, |η^Q|) = (3/4, √3/2) of the (4)-points of the π/6 grid."""
    loc = _original(WBC / "C004-05.local.theta=1_3_phi=1_3_omega=5_6.json")
    up = _original(WBC / "C004-06.quantum.theta=1_3_phi=1_3_omega=5_6.max.json")
    assert "P> on (2,2;2,2) = 3/4, attained by 4 of 16 deterministic strategies" in loc.statement
    assert up.statement.split(", at omega")[0].endswith("= g/2") and "g^2 + (-3) in (1, 2)" in up.statement
    assert Fraction(3, 4) ** 2 < Fraction(3, 4)  # (3/4)^2 = 9/16 < 3/4 = (g/2)^2: eta^L < |eta^Q|


# -- independent evaluation: the decided identities hold at rational points of the circles ----------------
def _circle_point(t):
    t = Fraction(t)
    return (1 - t * t) / (1 + t * t), 2 * t / (1 + t * t)


def _evaluate(cert, values, signs=None):
    """Both sides of every identity at a point (c, s on the circles), observables replaced by signs."""
    from exactbell.kernel.expr import FieldAlgebra, parse

    names = dict(values)
    for k, v in cert.get("parameters", {}).items():
        if not v.startswith("["):
            names[k] = Fraction(v)
    for name, text in cert["data"]["definitions"]:
        names[name] = parse(text, FieldAlgebra(names))
    names.update(signs or {})
    return [(parse(a, FieldAlgebra(names)), parse(b, FieldAlgebra(names))) for a, b in cert["data"]["identities"]]


@pytest.mark.parametrize("path", [SOS, EQUIV])
def test_identities_hold_at_points_of_the_torus(path):
    cert = load(path)
    for ts in [(Fraction(1, 3), Fraction(-2, 5), Fraction(7, 4)), (Fraction(0), Fraction(5), Fraction(-1, 9))]:
        values = {}
        for (c, s), t in zip(cert["data"]["circle"], ts):
            values[c], values[s] = _circle_point(t)
        for signs in product((1, -1), repeat=4):  # 1-dimensional representations A_x, B_y = +-1
            obs = dict(zip(("A0", "A1", "B0", "B1"), signs))
            for lhs, rhs in _evaluate(cert, values, obs):
                assert lhs == rhs


def test_embedding_holds_at_points_of_the_circle():
    cert = load(EMBED)
    for t in (Fraction(1, 2), Fraction(-3, 7)):
        c, s = _circle_point(t)
        for lhs, rhs in _evaluate(cert, {"c_p": c, "s_p": s}):
            assert lhs == rhs


def test_reduce_circle():
    c, s = Poly.var("c"), Poly.var("s")
    assert reduce_circle(s * s + c * c - 1, [("c", "s")]).is_zero()
    assert reduce_circle(s**4 - (1 - c * c) ** 2, [("c", "s")]).is_zero()
    assert not reduce_circle(s * s - c * c, [("c", "s")]).is_zero()
    assert not reduce_circle(s * s + c * c - 1, [("c", "d")]).is_zero()


# -- semantic mutations ------------------------------------------------------------------------------------
def _mutants(cert):
    m = []

    def mut(fn):
        c = copy.deepcopy(cert)
        fn(c)
        m.append(c)
    d = "data"
    mut(lambda c: c[d].pop("circle"))  # identities need the circle relations
    mut(lambda c: c[d]["circle"].pop())
    mut(lambda c: c[d]["circle"].__setitem__(0, [c[d]["circle"][0][0], c[d]["circle"][0][0]]))
    mut(lambda c: c[d]["circle"].append(list(c[d]["circle"][0])))
    mut(lambda c: c[d]["circle"].__setitem__(0, c[d]["circle"][0][::-1]))  # s^2 -> 1 - c^2 swapped roles
    mut(lambda c: c["parameters"].__setitem__(c[d]["circle"][0][0], "[0, 1]"))
    mut(lambda c: c["parameters"].__setitem__(c[d]["circle"][0][0], "(-1, 1)"))
    mut(lambda c: c[d].pop("definitions"))
    mut(lambda c: c[d]["definitions"].__setitem__(0, ["c_p", c[d]["definitions"][0][1]]))  # collides with a parameter
    mut(lambda c: c[d]["definitions"].__setitem__(0, ["pi", c[d]["definitions"][0][1]]))  # reserved
    mut(lambda c: c[d]["definitions"].__setitem__(0, ["A0", c[d]["definitions"][0][1]]))  # observable
    mut(lambda c: c[d]["definitions"].__setitem__(0, [c[d]["definitions"][0][0],
                                                     c[d]["definitions"][0][1].replace("-", "+", 1)]))
    mut(lambda c: c[d]["definitions"].__setitem__(0, [c[d]["definitions"][0][0], "1/" + c[d]["definitions"][0][1]]))
    mut(lambda c: c[d]["identities"].__setitem__(0, [c[d]["identities"][0][0], c[d]["identities"][0][1] + " + 0*x"]))
    mut(lambda c: c[d]["identities"].__setitem__(0, [c[d]["identities"][0][0], "2*(" + c[d]["identities"][0][1] + ")"]))
    mut(lambda c: c[d]["identities"].pop())
    mut(lambda c: c[d].__setitem__("identities", []))
    mut(lambda c: c[d].__setitem__("extra", 1))
    mut(lambda c: c[d].__setitem__("mode", "ns"))
    mut(lambda c: c["parameters"].__setitem__("zz", "[0, 1]"))
    return m


@pytest.mark.parametrize("path", [SOS, EQUIV, EMBED])
def test_mutations_are_caught(tmp_path, path):
    orig = _original(path)
    cert = load(path)
    for i, m in enumerate(_mutants(cert)):
        assert _caught(tmp_path, orig, m), (i, m["data"])


def test_sos_witness_mutations_are_refuted(tmp_path):
    orig = _original(SOS)
    cert = load(SOS)
    sq = cert["data"]["identities"][0][1]
    for new in (sq.replace("- s_t*B0", "+ s_t*B0"), sq.replace("mu1*", "mu0*"), sq.replace("B1)^2", "B0)^2"),
                sq.replace("c_w*A1", "A1*c_w*A0*A0")):  # the last is equal (A0^2 = 1): same statement
        c = copy.deepcopy(cert)
        c["data"]["identities"][0][1] = new
        r = _run(tmp_path, c)
        if new == sq.replace("c_w*A1", "A1*c_w*A0*A0"):
            assert r.verdict == "verified" and r.statement != orig.statement
        else:
            assert r.verdict == "refuted" and r.statement.startswith(ALL + "the identity s_t*(eta")
    c = copy.deepcopy(cert)
    c["data"]["identities"][1][1] = "ctp*c_p*ctw*c_w/4"  # the sign of mu0*mu1 decides (4)
    assert _run(tmp_path, c).verdict == "refuted"
    c = copy.deepcopy(cert)
    c["data"]["scenario"]["outputs"] = [3, 2]
    assert _run(tmp_path, c).verdict == "error"


def test_circle_is_what_makes_them_hold(tmp_path):
    """Without the circle relations (plain polynomials) the equivalence identities fail: refuted."""
    cert = load(EQUIV)
    cert["data"].pop("circle")
    r = _run(tmp_path, cert)
    assert r.verdict == "refuted" and "the identity" in r.statement and "fails" in r.statement
