"""Checkers for the Wooltorton–Brown–Colbeck family, the Sengupta–Wooltorton optimal strategy
(Eq. (13)) and entropy values: valid certificates pass, bad ones fail with a named field."""
import copy
from fractions import Fraction as F


from exactbell.legacy.checkers import check_file

from .conftest import PROOFS, load

WBC = PROOFS / "wooltorton-brown-colbeck"
SW = PROOFS / "sengupta-wooltorton"


def cert(name, folder=WBC):
    return copy.deepcopy(load(folder / name))


def check(write_cert, c):
    return check_file(write_cert(c))


def test_quantum_part_passes_with_bracket(write_cert):
    r = check(write_cert, cert("C004-06.quantum.theta=1_3_phi=1_3_omega=1.json"))
    assert r.passed and r.verdict == "verified"
    assert r.bracket[1].startswith("0.649519")  # 3*sqrt(3)/8 = 0.649519...


def test_quantum_part_where_condition_4_fails_is_an_error(write_cert):
    c = cert("C004-05.local.theta=1_4_phi=1_2_omega=1.json")  # phi = pi/2: cos(phi) = 0, (4) fails
    c["data"]["part"] = "quantum"
    r = check(write_cert, c)
    assert r.verdict == "error" and "condition (4) does not hold" in r.detail


def test_wrong_trig_value_is_named(write_cert):
    c = cert("C004-05.local.theta=1_3_phi=1_3_omega=1.json")
    c["data"]["trig"]["cos"]["1/3"] = "-1/2"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.trig.cos.1/3" in r.detail


def test_missing_or_extra_trig_angle_is_rejected(write_cert):
    c = cert("C004-05.local.theta=1_3_phi=1_3_omega=1.json")
    c["data"]["trig"]["cos"]["1/7"] = "0"
    r = check(write_cert, c)
    assert r.verdict == "error" and "unused ['1/7']" in r.detail


def test_eq3_value_is_recomputed(write_cert):
    c = cert("C004-05.local.theta=1_3_phi=1_3_omega=1.json")
    assert c["data"]["eta_L"] == "5/8"
    c["data"]["eta_L"] = "3/4"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.eta_L" in r.detail


def test_sos_for_the_wrong_side_fails(write_cert):
    c = cert("C004-06.quantum.theta=1_2_phi=1_4_omega=3_4.json")
    c["data"]["sos_upper"], c["data"]["sos_lower"] = c["data"]["sos_lower"], c["data"]["sos_upper"]
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.sos_upper" in r.detail


def test_grid_counts_are_checked(write_cert):
    c = cert("C004-08.grid.pi_1_4.json")
    c["data"]["counts"]["condition4"] += 1
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.counts.condition4" in r.detail


def test_chsh_part_recomputes_correlators(write_cert):
    c = cert("C004-12.chsh.theta=1_3_phi=1_3_omega=1.json")
    assert c["data"]["correlators"][1] == "0"  # E01 = sin(pi) = 0: uniform p(ab|01), Prop. 2
    c["data"]["correlators"][1] = "1/2"
    assert check(write_cert, c).verdict == "error"


# ---------------------------------------------------------------------------------------------
# Sengupta–Wooltorton Eq. (13)

def test_printed_theta_fails_below_one_half_with_exact_counterexample(write_cert):
    c = cert("C000-11.p=32_71.printed.json", SW)
    assert c["expected"]["verdict"] == "refuted"
    r = check(write_cert, c)
    assert r.passed and r.verdict == "refuted"
    v = F(c["expected"]["counterexample"]["value"])
    assert v != F(16, 5) and v * v != F(8) * F(32, 71) / (3 * F(32, 71) - 1)
    c["expected"]["counterexample"]["value"] = "16/5"
    assert check(write_cert, c).verdict == "error"


def test_corrected_theta_attains_the_bound_on_both_sides(write_cert):
    for name in ("C000-11.p=32_71.atan2.json", "C000-11.p=18_29.atan2.json", "C000-11.p=18_29.printed.json"):
        r = check(write_cert, cert(name, SW))
        assert r.passed and r.verdict == "verified"


def test_theta_of_the_other_branch_is_rejected(write_cert):
    good = cert("C000-11.p=32_71.atan2.json", SW)
    c = copy.deepcopy(good)
    c["data"]["branch"] = "printed"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.theta" in r.detail


def test_square_roots_are_checked(write_cert):
    c = cert("C000-11.p=18_29.printed.json", SW)
    c["data"]["roots"]["r2"] = "-" + c["data"]["roots"]["r2"]
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.roots.r2" in r.detail


def test_sw_sos_bound_squared_is_checked(write_cert):
    c = cert("C000-10.p=18_29.json", SW)
    assert c["data"]["bound"] == "12/5"
    c["data"]["bound_squared"] = "8*p/(3*p - 1) + 1/100"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.bound_squared" in r.detail


# ---------------------------------------------------------------------------------------------
# entropy values

def test_endpoint_identity_and_natural_log(write_cert):
    c = cert("C004-11.endpoint.json")
    r = check(write_cert, c)
    assert r.passed and "log form exactly" in r.detail and "1.1760407" in r.detail
    c["data"]["log_form"]["log2"]["3"] = "-1/2"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.log_form" in r.detail


def test_entropy_interval_must_be_the_right_cell(write_cert):
    c = cert("C004-23.threshold.json")
    lo, hi = (F(x) for x in c["data"]["interval"])
    assert hi - lo == F(1, 10**9) and lo < F(6009, 10**4) < hi + F(1, 10**4)
    c["data"]["interval"] = [str(lo - F(1, 10**9)), str(lo)]
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.interval" in r.detail


def test_entropy_argument_must_match_the_angle(write_cert):
    c = cert("C004-11.endpoint.json")
    c["data"]["argument"] = "2/3"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.argument" in r.detail


def test_symbolic_sos_passes_and_detects_a_wrong_sign(write_cert):
    c = cert("C004-06.symbolic.json")
    r = check(write_cert, c)
    assert r.passed and "for all angles" in r.detail
    c["data"]["sos"][0]["P"] = c["data"]["sos"][0]["P"].replace("- s_t*B0", "+ s_t*B0")
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.sos" in r.detail


def test_symbolic_normal_form():
    from exactbell.legacy.checkers.quantum_wbc_symbolic import normal_form
    from exactbell.kernel.poly import Poly

    c, s = Poly.var("c_t"), Poly.var("s_t")
    assert normal_form(s * s + c * c - 1).is_zero()
    assert normal_form(s ** 4 - (1 - c * c) ** 2).is_zero()
    assert not normal_form(s * s - c * c).is_zero()


def test_f5_printed_constant_is_refuted_and_corrected_one_verified(write_cert):
    bad = cert("C000-10.F5.printed.json", SW)
    good = cert("C000-10.F5.corrected.json", SW)
    assert check(write_cert, bad).verdict == "refuted"
    assert check(write_cert, good).verdict == "verified"
    # the two differ only in the constant 1/(2c) vs 1/(2c^2); the residual is then 1/(2c^2) - 1/(2c) = 5/9
    assert F(1, 2) / F(9, 25) - F(1, 2) / F(3, 5) == F(5, 9)
    bad["expected"]["counterexample"]["residual"] = "5/8"
    assert check(write_cert, bad).verdict == "error"


def test_identity_constants_must_be_the_stated_roots(write_cert):
    c = cert("C000-10.F5.corrected.json", SW)
    c["data"]["constants"]["c"]["sign"] = "-"
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.constants.c" in r.detail
