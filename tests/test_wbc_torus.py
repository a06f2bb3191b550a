"""Wooltorton–Brown–Colbeck: trig statements on the whole torus (kind trig-torus), the fixed-key-pair
erratum of Prop. 5 (C004-23) and the existence paths of Prop. 3 (kind wbc-path, C004-16)."""
import copy
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.trig_torus import Chart, TrigError, _Lin, parse_trig, polarities
from exactbell.legacy.checkers.wbc_path import Affine, cos_pi_text, cos_sign
from exactbell.generators import wbc_torus as WT
from exactbell.prover.expression import eval_point, parse_ast

from .conftest import PROOFS, load

DIR = PROOFS / "wooltorton-brown-colbeck"


@pytest.mark.parametrize("cid,verdict", [("C004-23.fixed-pair.slices", "verified"), ("C004-23.fixed-pair", "refuted"),
                                         ("C004-16.fixed-pair.paths", "verified"),
                                         ("C004-11.hbin-decreasing", "verified"), ("C004-12.g-decreasing", "verified"),
                                         ("C004-15.torus", "verified"), ("C004-19.torus", "verified")])
def test_bundled_passes_with_expected_verdict(cid, verdict):
    res = check_file(DIR / f"{cid}.json")
    assert res.passed, res.detail
    assert res.verdict == verdict


# ---------------------------------------------------------------------------------------------- translation
def _value(text, names, point):
    return eval_point(parse_ast(text, names), tuple(Fraction(x) for x in point))


def test_chart_multiple_angle_texts_are_exact():
    # x = 2 atan(1/2): sin x = 4/5, cos x = 3/5; sin 2x = 24/25, cos 2x = -7/25, sin(-3x) = -(3 sin x - 4 sin^3 x)
    ch = Chart({"x": "w"}, Fraction(1), {"x": 0})
    sc, ss, c, s = ch.cos_sin(_Lin({"x": 2}))
    assert (sc, ss) == (1, 1)
    assert _value(s, ["w"], ["1/2"]).text() == "24/25" and _value(c, ["w"], ["1/2"]).text() == "-7/25"
    sc, ss, c, s = ch.cos_sin(_Lin({"x": -3}))
    sin3 = 3 * Fraction(4, 5) - 4 * Fraction(4, 5) ** 3
    assert ss == -1 and _value(s, ["w"], ["1/2"]).text() == str(sin3)
    # chart k = 1 flips the sign; +pi flips it back
    ch1 = Chart({"x": "w"}, Fraction(1), {"x": 1})
    assert ch1.cos_sin(_Lin({"x": 1}))[:2] == (-1, -1)
    assert ch1.cos_sin(_Lin({"x": 1}, 1))[:2] == (1, 1)
    # scale 3: sin x = sqrt(3) 2v/(3 + v^2); at v = 1 this is sin(pi/3)
    s3 = Chart({"x": "v"}, Fraction(3), {"x": 0}).cos_sin(_Lin({"x": 1}))[3]
    assert _value(f"({s3})^2", ["v"], ["1"]).text() == "3/4"


def test_polarities_and_bad_trig_text():
    F = parse_trig("abs(sin(t)) - 2*abs(cos(t)) + abs(sin(t))*cos(t)", ["t"])
    assert polarities(F) == [1, -1, 0]
    for bad in ("t + 1", "sin(t/2)", "sin(t*t)", "exp(t)", "sqrt(t)", "sin(u)"):
        with pytest.raises(TrigError):
            parse_trig(bad, ["t"])


def test_generator_refuses_a_false_case():
    # |sin p| <= 1/2 is false: the prover finds a rational counterexample in the chart
    with pytest.raises(ValueError, match="false rational statement"):
        WT.build_statement({"p": "x"}, "abs(sin(p))", "<=", "1/2", {"scale": "1", "bound": "1"},
                           [{"box": {"x": "[-1, 1]"}, "signs": ["both"], "mode": "direct"}])


def test_small_true_statement_roundtrip(write_cert):
    # sin(p)^2 + cos(p)^2 >= 1 on the whole circle (direct mode, no abs)
    st_ = WT.build_statement({"p": "x"}, "sin(p)^2 + cos(p)^2", ">=", "1", {"scale": "1", "bound": "1"},
                             [{"box": {"x": "[-1, 1]"}, "signs": [], "mode": "direct"}])
    cert = WT._cert("T.roundtrip", "C004-15", "test", "test", [st_], {})
    res = check_file(write_cert(cert))
    assert res.passed and res.verdict == "verified", res.detail


# ---------------------------------------------------------------------------------------------- soundness guards
@pytest.fixture
def slices():
    return copy.deepcopy(load(DIR / "C004-23.fixed-pair.slices.json"))


def _reject(write_cert, cert, field):
    res = check_file(write_cert(cert))
    assert not res.passed
    assert field in res.detail, res.detail


def test_dropping_the_hypothesis_is_rejected(write_cert, slices):
    del slices["data"]["statements"][0]["hypothesis"]
    _reject(write_cert, slices, "needs a hypothesis")


def test_both_not_allowed_for_positive_polarity(write_cert, slices):
    slices["data"]["statements"][0]["cases"][0]["signs"][0] = "both"
    _reject(write_cert, slices, "polarity -1")


def test_negative_polarity_abs_needs_a_sign_proof(write_cert, slices):
    del slices["data"]["statements"][0]["cases"][0]["proofs"]["signs"]
    _reject(write_cert, slices, "needs a sign proof")


def test_charts_must_cover_the_circle(write_cert, slices):
    slices["data"]["statements"][0]["chart"]["scale"] = "2"
    _reject(write_cert, slices, "bound^2 >= scale")


def test_case_boxes_must_cover_the_chart(write_cert, slices):
    slices["data"]["statements"][0]["cases"].pop()
    _reject(write_cert, slices, "do not cover")


def test_vacuous_case_in_the_hypothesis_region_is_rejected(write_cert, slices):
    # quadrant [0,1]^2 contains points with (4) (e.g. theta = phi = pi/3): it cannot be declared vacuous
    case = slices["data"]["statements"][0]["cases"][0]
    other = slices["data"]["statements"][0]["cases"][2]
    case["mode"], case["proofs"]["main"] = "vacuous", other["proofs"]["main"]
    res = check_file(write_cert(slices))
    assert not res.passed


# ---------------------------------------------------------------------------------------------- C004-23 by hand
def test_fixed_pair_counterexample_by_hand():
    u = Fraction(3, 5)
    sin_phi, cos_phi = 2 * u / (1 + u * u), (1 - u * u) / (1 + u * u)
    assert (sin_phi, cos_phi) == (Fraction(15, 17), Fraction(8, 17))
    s = Fraction(9, 4)
    assert 2 < s <= Fraction(12, 5) and Fraction(12, 5) ** 2 - 2 * Fraction(12, 5) + 1 < 2  # 12/5 < 1 + sqrt 2
    assert 2 * sin_phi ** 2 > 1  # |sin phi| > sqrt(2)/2: eps = H_bin(16/17) < H_bin((2 + sqrt 2)/4)
    assert s - (1 + sin_phi + cos_phi) == Fraction(-7, 68)
    cert = load(DIR / "C004-23.fixed-pair.json")
    assert cert["expected"]["counterexample"] == {"s": "9/4", "u": "3/5"} and cert["data"]["margin"] == "-7/68"


# ---------------------------------------------------------------------------------------------- wbc-path
def test_cos_sign_exact_ranges():
    t = (Fraction(0), Fraction(1, 3), True, False)
    phi = (Fraction(1, 3), Fraction(1, 2), False, True)
    assert cos_sign(Affine(0, 1, Fraction(1, 2)), phi, t) == -1  # cos(pi/2 + t), t in (0, 1/3]
    assert cos_sign(Affine(1, 0, 0), phi, t) == 1  # phi in [1/3, 1/2)
    assert cos_sign(Affine(1, 0, 0), (Fraction(1, 3), Fraction(1, 2), False, False), t) == 0  # phi = 1/2 allowed
    assert cos_sign(Affine(0, -1, Fraction(-1, 2)), phi, t) == -1
    assert cos_pi_text(Fraction(5, 6)) == "-sqrt(3)/2" and cos_pi_text(Fraction(-3, 4)) == "-sqrt(2)/2"


@pytest.fixture
def paths():
    return copy.deepcopy(load(DIR / "C004-16.fixed-pair.paths.json"))


def test_path_leaving_condition_4_is_rejected(write_cert, paths):
    paths["data"]["pieces"][1]["t_end"] = "1/2"  # omega reaches -pi/2 + ...: cos(omega) vanishes
    _reject(write_cert, paths, "on the path")


def test_path_closure_must_be_two(write_cert, paths):
    paths["data"]["pieces"][0]["omega"]["pi"] = "0"
    res = check_file(write_cert(paths))
    assert not res.passed


def test_pieces_must_tile_the_range(write_cert, paths):
    paths["data"]["pieces"].pop()
    _reject(write_cert, paths, "pieces")


def test_endpoint_cover_checked_with_arb(write_cert, paths):
    paths["data"]["pieces"][0]["value"]["w"] = "[0, 1/4]"  # 2 atan(1/4) < pi/6
    _reject(write_cert, paths, "cover")


PATH_CERT = load(DIR / "C004-16.fixed-pair.paths.json")
SITES = [("data", "target"), ("data", "closure"), ("data", "pieces", 0, "t_end"), ("data", "pieces", 1, "phi", 0),
         ("data", "pieces", 0, "theta", "t"), ("data", "pieces", 1, "omega", "phi"), ("data", "phi_range", 1)]


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.sampled_from(SITES), st.sampled_from(["1/7", "-1/3", "2"]))
def test_path_mutations_rejected(tmp_path_factory, site, delta):
    cert = copy.deepcopy(PATH_CERT)
    obj = cert
    for k in site[:-1]:
        obj = obj[k]
    v = obj[site[-1]]
    obj[site[-1]] = v + 1 if isinstance(v, int) else f"({v}) + {delta}"
    out = tmp_path_factory.mktemp("m") / "c.json"
    out.write_text(json.dumps(cert))
    assert not check_file(out).passed


def test_square_mode_roundtrip_and_guard(write_cert):
    one = {"scale": "1", "bound": "1"}
    st_ = WT.build_statement({"p": "x"}, "abs(sin(p))", "<=", "1", one,
                             [{"box": {"x": "[-1, 1]"}, "signs": ["both"], "mode": "square"}])
    res = check_file(write_cert(WT._cert("T.square", "C004-15", "test", "test", [st_], {})))
    assert res.passed and res.verdict == "verified", res.detail
    # "both" on the larger side would need big_s >= 0 for every choice: refused
    st2 = WT.build_statement({"p": "x"}, "abs(cos(p))", "<=", "2 - abs(sin(p))", one,
                             [{"box": {"x": "[-1, 1]"}, "signs": ["both", 1], "mode": "square"}])
    data = {"statement_count": 1, "statements": [st2], "rational_statements": 1}
    bad = WT.envelope("T.square2", "C004-15", WT.PAPER, "test", "test", "trig-torus", {"verdict": "verified"}, {},
                      data)
    res = check_file(write_cert(bad, "bad.json"))
    assert not res.passed and "smaller side" in res.detail, res.detail


def test_every_chart_is_checked(write_cert):
    # without the outer abs the chart k = 1 gives a different rational statement: the k = 0 proofs do not fit it
    st_ = WT.build_statement({"m": "x", "d": "y"}, "cos(m+d) + cos(m-d)", "<=", "2*abs(cos(m))",
                             {"scale": "1", "bound": "1"},
                             [{"box": {"x": "[-1, 1]", "y": "[-1, 1]"}, "signs": [1], "mode": "direct"}])
    data = {"statement_count": 1, "statements": [st_], "rational_statements": 2}
    cert = WT.envelope("T.charts", "C004-19", WT.PAPER, "test", "test", "trig-torus", {"verdict": "verified"}, {},
                       data)
    res = check_file(write_cert(cert))
    assert not res.passed and "proofs.main" in res.detail, res.detail
