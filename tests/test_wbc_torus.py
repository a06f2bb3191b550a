"""Wooltorton–Brown–Colbeck: the fixed-key-pair erratum of Prop. 5 (C004-23) and the existence paths of
Prop. 3 (legacy kind wbc-path, C004-16). The trigonometric statements on the whole torus (C004-15, C004-19,
C004-23.fixed-pair.slices) are kind inequality: tests/test_kernel_inequality.py."""
import copy
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.wbc_path import Affine, cos_pi_text, cos_sign

from .conftest import PROOFS, load

DIR = PROOFS / "wooltorton-brown-colbeck"


@pytest.mark.parametrize("cid,verdict", [("C004-23.fixed-pair.slices", "verified"), ("C004-23.fixed-pair", "refuted"),
                                         ("C004-16.fixed-pair.paths", "verified"),
                                         ("C004-11.hbin-decreasing", "verified"), ("C004-12.g-decreasing", "verified"),
                                         ("C004-15.torus", "verified"), ("C004-19.torus", "verified")])
def test_bundled_passes_with_expected_verdict(cid, verdict):
    from exactbell.kernel.check import check_file as kernel_check

    res = kernel_check(DIR / f"{cid}.json")  # schema 2 (kind inequality), else the legacy checker
    res = check_file(DIR / f"{cid}.json") if res.verdict == "legacy" else res
    assert res.passed, res.detail
    assert res.verdict == verdict


def _reject(write_cert, cert, text):
    res = check_file(write_cert(cert))
    assert not res.passed and res.verdict == "error" and text in res.detail, res.detail


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
    assert cert["data"]["proof"] == {"method": "refuted", "point": {"s": "9/4", "u": "3/5"}}
    from exactbell.kernel.check import check_file as kernel_check

    assert "= -7/68;" in kernel_check(DIR / "C004-23.fixed-pair.json").statement  # the kernel's exact margin


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
