"""Kind ``psd-dual`` (Liu–Chiribella ICO bounds): decided statements and semantic mutation attacks."""
from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest

from exactbell.kernel.check import check_file
from .conftest import check_mutant as _run

ROOT = Path(__file__).resolve().parents[1] / "proofs" / "liu-chiribella"


def _load(name):
    return json.loads((ROOT / f"{name}.json").read_text())




@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    """Decided statements of unmodified copies (outside the pinned folder)."""
    d = tmp_path_factory.mktemp("orig")
    out = {}
    for name in ("C001-17", "C001-22", "C001-26.a=1_2", "C001-27", "C001-08.ocb", "C001-20", "C001-31", "C001-34.n=4"):
        r = _run(d, _load(name), f"{name}.json")
        assert r.verdict == "verified" and r.passed, r.detail
        out[name] = r.statement
    return out


# -- decided values, with an independent meaning -----------------------------------------------
def test_ocb_tsirelson_like_bound_is_exact(originals):
    # 1 + 1/sqrt(2) = 1 + s/2 with s = sqrt(2) (Eq. (5)); the OCB causal bound is 3/2 (Sec. II)
    s = originals["C001-17"]
    assert " P> on (2,4;2,2) = 1 + s/2; causal bound 3/2, so an ICO violation (" in s
    assert "relying on Liu-Chiribella Thm 2/App. H" in s and "where s is the root of s^2 + (-2) in (1, 2)" in s
    assert s.endswith("(paper: = 1 + s/2)") and ", at a = 1," in s


def test_biased_lgyni_segment(originals):
    s = originals["C001-22"]
    assert s.startswith("for all a in [0, 1/6]: sup over quantum ICO processes")
    assert "<= -a + 1 (convexity between the endpoint bounds 1 at a = 0 (algebraic maximum) and 5/6 at a = 1/6" in s
    assert s.endswith("(paper: <= -a + 1)")


def test_lgyni_bracket_contains_branciard_value(originals):
    s = originals["C001-20"]
    lo, hi = s.split(" in [", 1)[1].split("]", 1)[0].split(", ")
    lo, hi = Fraction(lo), Fraction(hi)
    assert Fraction(81935, 100000) <= lo <= hi < Fraction(81945, 100000) and hi - lo < Fraction(1, 10**6)
    assert "causal bound 3/4, so an ICO violation" in s and s.endswith("(paper: ~ 0.8194 (to 4 digits))")


def test_gyni_and_decomposition(originals):
    assert "causal bound 1/2 (upper bound by the dual" in originals["C001-27"]
    assert originals["C001-27"].endswith("(paper: <= 0.7592)")
    s = originals["C001-08.ocb"]
    assert "is the sum of 2 single-trigger correlations with triggers (0, 1), (1, 3)" in s
    assert "the functional itself is not single-trigger (paper: at most 8 pieces)" in s


# -- mutation attacks: each mutant is rejected or decides a different statement -----------------
def _set(path):
    def f(c, v):
        o = c
        for k in path[:-1]:
            o = o[k]
        o[path[-1]] = v
    return f


def _bump(path, delta="1"):
    """Add ``delta`` to a matrix entry (a rational, or the rational part of a power-basis list)."""
    def f(c):
        o = c
        for k in path[:-1]:
            o = o[k]
        v = o[path[-1]]
        q = Fraction(v if isinstance(v, str) else v[0]) + Fraction(delta)
        o[path[-1]] = str(q) if isinstance(v, str) else [str(q)] + v[1:]
    return f


MUTANTS = [
    ("C001-17", "rename parameter onto the field generator", lambda c: c["parameters"].update({"s": c["parameters"].pop("a")})),
    ("C001-17", "rename parameter onto a reserved name", lambda c: c["parameters"].update({"sqrt": c["parameters"].pop("a")})),
    ("C001-17", "change the parameter", lambda c: c["parameters"].update({"a": "2"})),
    ("C001-17", "drop the paper", lambda c: c["data"].pop("paper")),
    ("C001-17", "wrong paper value", lambda c: c["data"]["paper"].update({"value": "3/2 + s/2"})),
    ("C001-17", "drop the lower bound", lambda c: c["data"].pop("lower")),
    ("C001-17", "drop the upper bound", lambda c: c["data"].pop("pieces")),
    ("C001-17", "unknown key", lambda c: c["data"].update({"value": "1"})),
    ("C001-17", "swap a trigger", lambda c: c["data"]["pieces"][0].update({"trigger": [1, 1]})),
    ("C001-17", "slack entry", lambda c: _bump(["data", "pieces", 0, "slack", 0, 0, 0])(c)),
    ("C001-17", "process entry", lambda c: _bump(["data", "lower", "process", 0, 0], "1/8")(c)),
    ("C001-17", "instrument entry", lambda c: _bump(["data", "lower", "instruments", 1, 0, 0, 0, 0], "1/8")(c)),
    ("C001-17", "functional coefficient", lambda c: c["data"]["functional"]["coefficients"].__setitem__(0, "1/2")),
    ("C001-17", "piece coefficient", lambda c: c["data"]["pieces"][0]["coefficients"].__setitem__(0, "1/3")),
    ("C001-26.a=1_2", "canonical trigger", lambda c: c["data"]["lower"].update({"trigger": [0, 1]})),
    ("C001-26.a=1_2", "parameter", lambda c: c["parameters"].update({"a": "1/3"})),
    ("C001-26.a=1_2", "process entry", lambda c: _bump(["data", "lower", "process", 3, 0, 0], "1/1000")(c)),
    ("C001-26.a=1_2", "functional onto another order", lambda c: c["conventions"].update({"order": "outputs-major"})),
    ("C001-22", "widen the domain", lambda c: c["parameters"].update({"a": "[0, 1/5]"})),
    ("C001-22", "narrow the domain", lambda c: c["parameters"].update({"a": "[0, 1/7]"})),
    ("C001-22", "open the domain", lambda c: c["parameters"].update({"a": "(0, 1/6]"})),
    ("C001-22", "start the segment elsewhere", lambda c: c["parameters"].update({"a": "[1/12, 1/6]"})),
    ("C001-22", "dual without pieces", lambda c: c["data"]["ends"][0].update({"bound": "dual"})),
    ("C001-22", "paper value", lambda c: c["data"]["paper"].update({"value": "1 - 2*a"})),
    ("C001-22", "fixed instead of a domain", lambda c: c["parameters"].update({"a": "1/6"})),
    ("C001-27", "piece coefficient", lambda c: c["data"]["pieces"][1]["coefficients"].__setitem__(6, "1/3")),
    ("C001-27", "drop a piece", lambda c: c["data"]["pieces"].pop()),
    ("C001-27", "flip the paper relation", lambda c: c["data"]["paper"].update({"relation": ">="})),
    ("C001-27", "tighter paper value", lambda c: c["data"]["paper"].update({"value": "7591/10000"})),
    ("C001-08.ocb", "drop a piece", lambda c: c["data"]["pieces"].pop()),
    ("C001-08.ocb", "one piece, no coefficients", lambda c: c["data"].update(
        {"pieces": [{"trigger": [0, 1]}]})),
    ("C001-08.ocb", "paper count", lambda c: c["data"]["paper"].update({"value": 1})),
    ("C001-22", "a number field on a segment", lambda c: c["data"].update(
        {"field": {"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]}})),
    ("C001-31", "another supermap", lambda c: c["data"]["lower"].update({"map": [[1, 0], [0, 1]]})),
    ("C001-31", "paper value", lambda c: c["data"]["paper"].update({"value": "1/2"})),
    ("C001-31", "quantum dual next to a bistochastic lower bound", lambda c: c["data"].update(
        {"pieces": _load("C001-26.a=1_2")["data"]["pieces"]})),
    ("C001-34.n=4", "a paper claim nobody reads", lambda c: c["data"].update({"paper": {"relation": "=", "value": "1"}})),
    ("C001-34.n=4", "another modulus", lambda c: c["data"].update(
        {"scenario": {"inputs": [3, 3], "outputs": [3, 3]}}) or c["data"]["functional"].update(
        {"coefficients": _load("C001-34.n=3")["data"]["functional"]["coefficients"]})),
]


@pytest.mark.parametrize("name,what,mutate", MUTANTS, ids=[f"{n}:{w}" for n, w, _ in MUTANTS])
def test_mutant_rejected_or_restated(tmp_path, originals, name, what, mutate):
    cert = copy.deepcopy(_load(name))
    mutate(cert)
    r = _run(tmp_path, cert)
    assert r.verdict == "error" or not r.passed or r.statement != originals[name], (what, r.verdict, r.statement)


def test_bistochastic_statements(originals):
    # Eq. (86): GYNI is won with certainty (value 1 = the algebraic maximum, causal bound 1/2)
    s = originals["C001-31"]
    assert s.startswith("sup over bistochastic-theory processes (Liu-Chiribella Methods Eq. (12)) of <")
    assert "P> on (2,2;2,2) = 1; causal bound 1/2, so a violation of the causal bound" in s and s.endswith("(paper: = 1)")
    assert originals["C001-34.n=4"].startswith(
        "the classical supermap (s1, s2) = [[1, 1], [1, -1]] (s1', s2') mod 4 in bistochastic theory is not "
        "admissible: the condition _[(1-A_in) (1-A_out) (1-B_in) (1-B_out)] S = 0 of Eq. (12) fails, for <F#")
    assert originals["C001-34.n=4"].endswith(", P> on (4,4;4,4)")


def test_pinned_files_pass():
    names = ["C001-17", "C001-22", "C001-27", "C001-08.ocb", "C001-26.a=1_2"]
    for n in names:
        r = check_file(ROOT / f"{n}.json")
        assert r.passed and r.pin == "pinned", r.detail


def test_gyni_bound_and_lgyni_third_are_different_numbers():
    """C001-30: both print as 0.7592, but the certified GYNI upper bound lies strictly below the
    certified lower bound of the biased LGYNI at a = 1/3."""
    g = check_file(ROOT / "C001-27.json").statement
    l3 = check_file(ROOT / "C001-26.a=1_3.json").statement
    up = Fraction(g.split("P> on (2,2;2,2) <= ", 1)[1].split(";", 1)[0])
    lo = Fraction(l3.split(" in [", 1)[1].split(",", 1)[0])
    assert up < lo and round(float(up), 4) == round(float(lo), 4) == 0.7592
