"""Liu–Chiribella claims added by the claims-lc helper (issue #17): C001-06, C001-09, C001-12 (repaired
Lemma 1 per (x*, b*) and a), C001-14, C001-40, C001-42. Exact decided values and mutation attacks."""
from __future__ import annotations

import copy
import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from exactbell.kernel.check import check_file
from exactbell.kernel.pins import PIN_FILE

from .conftest import check_mutant

ROOT = Path(__file__).resolve().parents[1] / "proofs" / "liu-chiribella"


def _load(name):
    return json.loads((ROOT / f"{name}.json").read_text())


def _pinned(name):
    r = check_file(ROOT / f"{name}.json")
    assert r.passed and r.pin == "pinned" and r.verdict == "verified", r.detail
    return r.statement


# -- exact decided values ------------------------------------------------------------------------
def test_lgyni_third_identity():
    s = _pinned("C001-06")
    # I_LGYNI = (3/4) I_{LGYNI,1/3} + 1/4: the other functional is 3/4 of (1/3 P11 + 1/3 (P01 + P10))
    assert "P> = <[0, 0, 0, 0, 1/4, 0, 1/4, 0, 1/4, 1/4, 0, 0, 0, 0, 0, 1/4] (probability, inputs-major), P> + (1/4)" in s


def test_ocb_eq30_identity():
    s = _pinned("C001-14")
    assert s.startswith("for all a in [-1000000, 1000000]: <[1/4, 1/4, 0, 0, (1/4)*a,") and "P> = <F#" in s
    assert "P> + " not in s  # no constant: the two halves sum to I_OCB,a exactly


def test_general_decomposition_brackets():
    s = _pinned("C001-40.lgyni")
    lo, hi = (Fraction(t) for t in s.split(" in [", 1)[1].split("]", 1)[0].split(", "))
    assert Fraction(81935, 100000) < lo < hi < Fraction(81945, 100000) and hi - lo < Fraction(1, 10**6)
    assert "over 4 single-trigger pieces with triggers (0, 0), (0, 1), (1, 0), (1, 1)" in s
    s = _pinned("C001-40.ocb")
    hi = Fraction(s.split(" in [1 + s/2, ", 1)[1].split("]", 1)[0])
    assert 0 < hi - (1 + Fraction(7071067811865475, 10**16)) < Fraction(1, 10**5)  # 1 + 1/sqrt 2 < hi
    assert "over 8 single-trigger pieces" in s


@pytest.mark.parametrize("a,x,b,value", [("1", 0, 0, "= 1 + s/2"), ("1", 1, 0, "= 1 + s/2"), ("1", 1, 1, "= 1 + s/2"),
                                         ("3/4", 0, 1, "= 3/2"), ("-3/4", 0, 1, "= 3/4"), ("2", 1, 0, "= 3/2 + s/2"),
                                         ("-1/2", 1, 0, "= 1/4 + s/8")])
def test_lemma1_repaired_pieces(a, x, b, value):
    s = _pinned(f"C001-12.a={a.replace('/', '_')}_x={x}_b={b}")
    assert f"P> on (2,4;2,2) {value};" in s and f"trigger ({x}, {2 * b + 1})" in s and s.endswith(f"(paper: {value})")


def test_canonical_instruments_reproduce_c001_20():
    s = _pinned("C001-09.lgyni")
    c20 = _pinned("C001-20")
    assert s.split(" in [", 1)[1].split("]")[0] == c20.split(" in [", 1)[1].split("]")[0]
    assert "lower bound attained by a valid process of local dimensions (2, 4, 2, 4) with explicit instruments" in s
    assert "(2, 4, 2, 8) with explicit instruments" in _pinned("C001-09.ocb-piece")


def test_below_algebraic_maximum():
    for nm, v in (("ocb", "= 2 on (2,4;2,2), which is > 1 + s/2"), ("lgyni", "= 1 on (2,2;2,2), which is > 1407"),
                  ("gyni", "= 1 on (2,2;2,2), which is > 5217")):
        assert v in _pinned(f"C001-42.{nm}-algebraic")
    s = _pinned("C001-42")
    assert s.startswith("C001-42 holds: [C001-17: ") and "[C001-42.gyni-algebraic: " in s


# -- mutations: each is rejected, refuted or decides another statement --------------------------
def _bump(c, path, delta):
    o = c
    for k in path[:-1]:
        o = o[k]
    v = o[path[-1]]
    q = Fraction(v if isinstance(v, str) else v[0]) + Fraction(delta)
    o[path[-1]] = str(q) if isinstance(v, str) else [str(q)] + v[1:]


MUTANTS = [
    ("C001-06", "other coefficient", lambda c: c["data"]["other"]["coefficients"].__setitem__(15, "1/3")),
    ("C001-06", "normalisation multiplier", lambda c: c["data"]["multipliers"]["normalisation"].__setitem__(0, "1/3")),
    ("C001-14", "piece coefficient", lambda c: c["data"]["other"]["coefficients"].__setitem__(4, "(1/8)*a")),
    ("C001-40.lgyni", "slack entry", lambda c: _bump(c, ["data", "pieces", 0, "slack", 0, 0, 0], "-1")),
    ("C001-40.lgyni", "piece coefficient", lambda c: c["data"]["pieces"][0]["coefficients"].__setitem__(0, "1/3")),
    ("C001-40.ocb", "process entry", lambda c: _bump(c, ["data", "lower", "process", 0, 0], "1/8")),
    ("C001-09.lgyni", "instrument entry", lambda c: _bump(c, ["data", "lower", "instruments", 0, 0, 0, 0, 0], "1/2")),
    ("C001-09.ocb-piece", "instrument entry", lambda c: _bump(c, ["data", "lower", "instruments", 1, 2, 1, 0, 0], "1/4")),
    ("C001-12.a=-3_4_x=0_b=1", "slack entry", lambda c: _bump(c, ["data", "pieces", 0, "slack", 0, 0, 0], "-1/8")),
    ("C001-12.a=-3_4_x=0_b=1", "parameter", lambda c: c["parameters"].update({"a": "-1/2"})),
    ("C001-42.ocb-algebraic", "behaviour", lambda c: c["data"]["strategy"]["behaviour"].__setitem__(0, "0")),
    ("C001-42.lgyni-algebraic", "threshold", lambda c: c["data"].update({"threshold": "1"})),
]


@pytest.mark.parametrize("name,what,mutate", MUTANTS, ids=[f"{n}:{w}" for n, w, _ in MUTANTS])
def test_mutant(tmp_path, name, what, mutate):
    orig = check_mutant(tmp_path, _load(name), "orig.json")
    assert orig.verdict == "verified", orig.detail
    cert = copy.deepcopy(_load(name))
    mutate(cert)
    r = check_mutant(tmp_path, cert)
    assert r.verdict != "verified" or r.statement != orig.statement, (what, r.verdict, r.statement)


def test_composite_with_a_mutated_premise(tmp_path):
    premises = _load("C001-42")["data"]["premises"]
    for p in premises + ["C001-42.json", PIN_FILE]:
        shutil.copy(ROOT / p, tmp_path / p)
    assert check_file(tmp_path / "C001-42.json").passed
    c = _load("C001-42.gyni-algebraic")
    c["data"]["strategy"]["behaviour"][0] = "0"
    c["data"]["strategy"]["behaviour"][1] = "1"
    (tmp_path / "C001-42.gyni-algebraic.json").write_text(json.dumps(c))
    r = check_file(tmp_path / "C001-42.json")
    assert not r.passed


def test_identity_process_is_valid():
    s = _pinned("C001-10.identity")
    # the uniform-random-outcome value of LGYNI: (1/4 + 1/2 + 1/2 + 1)/4
    assert " in [9/16, 14077199347/17179869184];" in s and "(2, 4, 2, 4) with explicit instruments" in s
    c = _load("C001-10.identity")
    assert c["data"]["lower"]["process"][5][5] == "1/4" and c["data"]["lower"]["process"][5][6] == "0"


def test_identity_process_mutation(tmp_path):
    c = _load("C001-10.identity")
    c["data"]["lower"]["process"][0][0] = "1/2"  # trace (and L_V) broken
    assert check_mutant(tmp_path, c).verdict == "error"


def test_necessary_condition_composite():
    s = _pinned("C001-41.lgyni")
    assert s.startswith("C001-41 holds: [C001-08.lgyni: ") and "[C001-20: " in s and "[C001-42.lgyni-algebraic: " in s


@pytest.mark.parametrize("corner", ["00", "01", "10", "11"])
def test_outer_square_corners(corner):
    s = _pinned(f"C001-19.corner={corner}")
    assert "P> on (2,2;2,2) = 2; causal bound 3/2" in s and "[[1, 1], [1, 1]] (s1', s2') mod 2" in s
    assert "upper bound: the algebraic maximum) (paper: = 2)" in s


def test_outer_square_corner_mutations(tmp_path):
    c = _load("C001-19.corner=01")
    c["data"]["lower"]["instruments"][0][0] = [0, 1] if c["data"]["lower"]["instruments"][0][0] == [1, 0] else [1, 0]
    r = check_mutant(tmp_path, c)
    assert r.verdict == "refuted" or r.verdict == "error" or "= 2;" not in r.statement
    c = _load("C001-19.corner=01")
    c["data"]["lower"]["map"] = [[1, 1], [0, 1]]  # not admissible
    assert check_mutant(tmp_path, c).statement != _pinned("C001-19.corner=01")
    assert _pinned("C001-19").startswith("C001-19 holds: [C001-19.corner=00: ")


@pytest.mark.parametrize("a,value", [("1", "= 1 + s/2"), ("-3_4", "= 3/4"), ("3_4", "= 3/2")])
def test_relabelled_half_circle(a, value):
    s = _pinned(f"C001-18.relabelled.a={a}")
    assert s.startswith("sup over quantum ICO processes (valid process matrices, arbitrary instruments) of <[0, 0, 1/4, 1/4,")
    assert f"P> on (2,4;2,2) {value};" in s


def test_relabelled_slack_unflipped_is_rejected(tmp_path):
    # the slack of C001-16/17 without the X (x) X conjugation does not certify the relabelled functional
    c = _load("C001-18.relabelled.a=1")
    for p, q in zip(c["data"]["pieces"], _load("C001-17")["data"]["pieces"]):
        p["slack"] = q["slack"]
    r = check_mutant(tmp_path, c)
    assert r.verdict == "error" and "no-signalling span" in r.detail, r.detail
    assert _pinned("C001-18").startswith("C001-18 holds: [C001-17: ")


def test_lgyni_third_on_all_behaviours(tmp_path):
    s = _pinned("C001-06.all-behaviours")
    assert s.endswith("+ 1/4 (as polynomials, where p11_00 = 1 - p00_00 - p01_00 - p10_00)")
    c = _load("C001-06.all-behaviours")
    c["data"]["identities"][0][1] = c["data"]["identities"][0][1].replace("+ 1/4", "+ 1/5")
    assert check_mutant(tmp_path, c).verdict == "refuted"
    c = _load("C001-06.all-behaviours")
    c["data"]["definitions"] = []  # without normalisation the identity is false as polynomials
    assert check_mutant(tmp_path, c).verdict != "verified"


def test_ocb_eq30_on_all_behaviours(tmp_path):
    s = _pinned("C001-14.all-behaviours")
    assert "p_A + a*p_B = 1/2*((1/2*p00_00 + 1/2*p01_00 + 1/2*p10_02 + 1/2*p11_02) + a*(" in s
    c = _load("C001-14.all-behaviours")
    c["data"]["identities"][0][0] = "p_A + 2*a*p_B"
    assert check_mutant(tmp_path, c).verdict == "refuted"


def test_classical_inclusion_composite():
    s = _pinned("C001-36")
    assert s.startswith("C001-36 holds: [C001-31: sup over bistochastic-theory processes") and "[C001-34.n=3: " in s
