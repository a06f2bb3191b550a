"""Kind ckbg-md-information-bracket: rigorous bracket on the minimal mutual information (C002-20/21)."""
from __future__ import annotations

import json
from fractions import Fraction as F
from pathlib import Path

import flint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.lp_ckbg_information import cglmp_distribution

DIR = Path(__file__).resolve().parents[1] / "proofs" / "chaves-kueng-brask-gross"


def load(name):
    return json.loads((DIR / f"{name}.json").read_text())


def run(tmp_path, cert):
    p = tmp_path / "c.json"
    p.write_text(json.dumps(cert))
    return check_file(p)


def test_d2_distribution_is_tsirelson():
    P = cglmp_distribution(2, [F(1), F(1)])
    s2 = flint.arb(2).sqrt()
    for x in range(2):
        for y in range(2):
            for a in range(2):
                for b in range(2):
                    v = P[2 * x + y][2 * a + b]
                    assert v.overlaps((1 + s2 / 2) / 4) or v.overlaps((1 - s2 / 2) / 4)
    tot = sum((v for row in P for v in row), flint.arb(0))
    assert tot.overlaps(flint.arb(4))


@pytest.mark.parametrize("name, verdict", [("C002-21.d=2", "verified"), ("C002-20.d=3", "verified"),
                                           ("C002-20.d=5", "verified")])
def test_bundled(name, verdict):
    r = check_file(DIR / f"{name}.json")
    assert r.passed and r.verdict == verdict
    lo, hi = (F(x) for x in r.bracket)
    assert lo < hi and hi - lo < F(1, 10**6)
    if name.startswith("C002-20"):
        assert lo > F(663, 10000)


def test_wrong_rounding_is_refuted(tmp_path):
    c = load("C002-21.d=2")
    c["data"]["claim"] = {"rounds_to": "462/10000", "digits": 4}
    c["expected"] = {"verdict": "refuted", "counterexample": {"lower": c["data"]["lower"][0],
                                                              "upper": c["data"]["upper"][1]}}
    r = run(tmp_path, c)
    assert r.passed and r.verdict == "refuted"
    c["expected"]["counterexample"]["lower"] = "0"
    assert not run(tmp_path, c).passed


def test_threshold_below_at_d2_is_refuted(tmp_path):
    c = load("C002-21.d=2")
    c["data"]["claim"] = {"exceeds": "663/10000"}
    r = run(tmp_path, c)
    assert r.verdict == "refuted"


@pytest.mark.parametrize("edit, field", [
    (lambda d: d["kernel"][0][0].pop(), "data.kernel.0.0"),
    (lambda d: d["kernel"][1][2][0].__setitem__(0, d["kernel"][1][3][0][0]), "data.kernel.1.2"),
    (lambda d: d["distribution"]["cglmp"]["gamma"].append("1"), "data.distribution.cglmp.gamma"),
    (lambda d: d["dual"].pop(), "data.dual"),
    (lambda d: d.update(lower=["0", "1/100"]), "data.lower"),
    (lambda d: d.update(upper=[d["upper"][0], "1"]), "data.upper"),
    (lambda d: d.update(claim={"maybe": "1"}), "data.claim"),
])
def test_bad_input_names_field(tmp_path, edit, field):
    c = load("C002-20.d=3")
    edit(c["data"])
    r = run(tmp_path, c)
    assert not r.passed and r.verdict == "error" and field in r.detail


@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.integers(0, 10**6), st.sampled_from(["1/7", "-1/1000003", "2"]))
def test_mutated_multiplier_rejected(tmp_path_factory, k, delta):
    c = load("C002-21.d=2")
    mu = c["data"]["dual"]
    i = k % len(mu)
    mu[i] = f"({mu[i]}) + {delta}"
    p = tmp_path_factory.mktemp("m") / "c.json"
    p.write_text(json.dumps(c))
    assert not check_file(p).passed


@pytest.mark.parametrize("edit, field", [
    (lambda n: n.update(level="2"), "data.npa.level"),
    (lambda n: n.update(bound="2914855/1000001"), "data.npa.bound"),
    (lambda n: n.update(bound="2.9"), "data.npa.bound"),
    (lambda n: n.update(below=False), "data.npa.below"),
])
def test_npa_note_consistency(tmp_path, edit, field):
    c = load("C002-19.d=3")
    assert check_file(DIR / "C002-19.d=3.json").passed
    edit(c["data"]["npa"])
    r = run(tmp_path, c)
    assert not r.passed and field in r.detail


def test_npa_projector_words_and_sizes():
    from exactbell.generators.ckbg_npa import _reduce, moment_structure
    assert _reduce(((0, 1), (0, 1), (1, 0))) == ((0, 1), (1, 0))  # idempotent
    assert _reduce(((0, 1), (0, 2))) is None  # orthogonal outcomes of one input
    n, keys, _ = moment_structure(2, "1")
    assert n == 5 and len(keys) == 11
    n, keys, _ = moment_structure(3, "1+AB")
    assert n == 1 + 4 * 2 + 16 and len(keys) == 97
