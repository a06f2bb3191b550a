"""Wooltorton–Brown–Colbeck: the fixed-key-pair erratum of Prop. 5 (C004-23) and the existence paths of
Prop. 3 (C004-16.fixed-pair.paths, kind composite over inequality premises; the kind itself:
tests/test_kernel_composite.py). The trigonometric statements on the whole torus (C004-15, C004-19,
C004-23.fixed-pair.slices) are kind inequality: tests/test_kernel_inequality.py."""
import itertools
import math
from fractions import Fraction

import pytest

from exactbell.kernel.check import check_file

from .conftest import PROOFS, load

DIR = PROOFS / "wooltorton-brown-colbeck"


@pytest.mark.parametrize("cid,verdict", [("C004-23.fixed-pair.slices", "verified"), ("C004-23.fixed-pair", "refuted"),
                                         ("C004-16.fixed-pair.paths", "verified"),
                                         ("C004-11.hbin-decreasing", "verified"), ("C004-12.g-decreasing", "verified"),
                                         ("C004-15.torus", "verified"), ("C004-19.torus", "verified")])
def test_bundled_passes_with_expected_verdict(cid, verdict):
    res = check_file(DIR / f"{cid}.json")
    assert res.passed and res.pin == "pinned", res.detail
    assert res.verdict == verdict


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
    assert "= -7/68;" in check_file(DIR / "C004-23.fixed-pair.json").statement  # the kernel's exact margin


# ---------------------------------------------------------------------------------------------- C004-16 paths
# The composite states (does not decide) that its premises' expressions are I_CHSH and the product of
# the cosines of condition (4) along the path; here that correspondence is checked numerically.
def _path(w, v):
    phi = math.pi / 2 - 2 * math.atan(w / math.sqrt(3))
    t = 2 * math.atan((2 - w) * v / (2 * math.sqrt(3)))
    return phi, math.pi / 2 + t - phi, phi - math.pi - 2 * t


def _chsh(phi, theta, omega):
    e = [math.sin(phi), math.sin(omega), math.sin(theta + phi), math.sin(theta + omega)]
    return e[0] + e[1] + e[2] - e[3]


def _max8(phi, theta, omega):
    e = [math.sin(phi), math.sin(omega), math.sin(theta + phi), math.sin(theta + omega)]
    forms = [s for s in itertools.product((1, -1), repeat=4) if s.count(-1) % 2]  # the 8 CHSH forms
    assert len(forms) == 8
    return max(sum(c * x for c, x in zip(form, e)) for form in forms)


def _cond4(phi, theta, omega):
    return math.cos(theta + phi) * math.cos(phi) * math.cos(theta + omega) * math.cos(omega)


@pytest.mark.parametrize("w,v", [(Fraction(1, 7), Fraction(1, 3)), (Fraction(1), Fraction(1)),
                                 (Fraction(1, 100), Fraction(1)), (Fraction(2, 3), Fraction(1, 2))])
def test_path_premises_are_chsh_and_condition_4(w, v):
    from exactbell.generators.wbc_paths import _texts

    chsh, max8, cond4 = _texts()
    def value(e):
        return eval(e.replace("^", "**"), {"sqrt": math.sqrt, "w": float(w), "v": float(v)})

    point = _path(float(w), float(v))
    assert value(chsh) == pytest.approx(_chsh(*point), abs=1e-12)
    assert value(cond4) == pytest.approx(_cond4(*point), abs=1e-12)
    assert value(max8.replace("max(", "max((") + ")") == pytest.approx(_max8(*point), abs=1e-12)


def test_path_covers_the_phi_range_and_ends_at_5_2():
    assert _path(0, 0)[0] == pytest.approx(math.pi / 2) and _path(1, 0)[0] == pytest.approx(math.pi / 6)
    assert _chsh(*_path(1e-9, 1)) == pytest.approx(2.5)  # t_end -> pi/3 as phi -> pi/2: 5/2 is tight
    assert _chsh(*_path(1 / 2, 0)) == pytest.approx(2)
