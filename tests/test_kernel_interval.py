"""Kernel kind ``interval``: decided statements of bundled certificates, and semantic mutation attacks.

Independent checks use Python floats (math) only as sanity references for values the kernel brackets
with arb; every mutant must be rejected or change the decided statement/verdict."""
from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import pytest

from exactbell.kernel.check import check_file

ROOT = Path(__file__).resolve().parents[1] / "proofs"
CKBG, WBC = ROOT / "chaves-kueng-brask-gross", ROOT / "wooltorton-brown-colbeck"


def _load(path: Path) -> dict:
    return json.loads(path.read_text())


def _run(tmp_path: Path, cert: dict, name: str = "m.json"):
    p = tmp_path / name
    p.write_text(json.dumps(cert))
    return check_file(p)


def _bracket(r) -> tuple[float, float]:
    return float(r.bracket[0]), float(r.bracket[1])


def _hbin(q: float) -> float:
    return -q * math.log2(q) - (1 - q) * math.log2(1 - q)


# -- (1) decided statements of bundled certificates -----------------------------------------------------
def test_tsirelson_entropy_statement():
    r = check_file(CKBG / "C002-07.json")
    assert (r.verdict, r.passed) == ("verified", True)
    assert r.statement == ("H_bin(1/sqrt(2) - 1/2) lies in (0.735915938, 0.735915939) "
                           "(paper: = 0.736 holds; < 1 holds)")
    lo, hi = _bracket(r)
    assert lo < _hbin(1 / math.sqrt(2) - 0.5) < hi


def test_pinsker_counterexample_refutes_printed_constant():
    r = check_file(CKBG / "C002-17.json")
    assert (r.verdict, r.passed) == ("refuted", True)
    # I = sum p log2(p/(p_s p_l)) with p_s = p_l = 1/2, M = 4 * |3/8 - 1/4| = 1/2
    info = 2 * (3 / 8) * math.log2(1.5) + 2 * (1 / 8) * math.log2(0.5)
    lo, hi = _bracket(r)
    assert lo < info - 0.25 * math.log2(math.e) < hi < 0
    assert "abs(3/8 - 1/2*1/2)" in r.statement and r.statement.endswith("(paper: >= 0 fails)")


def test_threshold_and_exact_endpoint():
    r = check_file(CKBG / "C002-18.json")
    lo, hi = _bracket(r)
    assert lo < 2 + 4 * math.sqrt(2 * math.log(2) * 0.0663) < hi < 3.214 and r.verdict == "verified"
    r = check_file(WBC / "C004-11.endpoint.json")
    assert r.statement.startswith("H_bin(3/4) lies in (") and r.statement.endswith("= 2 - 3/4*log2(3) holds)")
    assert r.verdict == "verified" and _bracket(r)[0] < 2 - 0.75 * math.log2(3) < _bracket(r)[1]


def test_one_sided_quantities():
    r = check_file(CKBG / "C002-19.d=16.json")
    assert r.verdict == "verified" and "exceeds 3.2154600" in r.statement and "(paper: >= 3.214 holds)" in r.statement
    r = check_file(CKBG / "C002-19.d=3.json")  # a strategy gives a lower bound only: "< 3.214" stays open
    assert r.verdict == "numeric-only" and r.statement.endswith("(paper: < 3.214 undecided)")
    assert abs(_bracket(r)[0] - 2.914854) < 1e-6  # Acin et al.'s optimal I_3 = 2.914854...



def test_ghz_minimal_information_refutes_the_printed_upper_value(tmp_path):
    r = check_file(CKBG / "C002-22.mi.json")
    assert r.passed and r.verdict == "refuted" and r.statement.endswith("(paper: <= 0.207 fails)")
    lo, hi = _bracket(r)
    assert 0.207 < lo < 1 - 0.5 * math.log2(3) < hi  # the conjectured closed form lies inside
    cert = _load(CKBG / "C002-22.mi.json")
    del cert["data"]["quantity"]["dual"]  # without the dual only the upper end is decided
    r = _run(tmp_path, cert)
    assert r.verdict == "numeric-only" and "is below 0.207518753" in r.statement


def test_tsirelson_minimal_information_bracket():
    r = check_file(CKBG / "C002-21.d=2.json")
    assert r.passed and r.verdict == "verified"
    assert "lies in (0.046273846, 0.046273859) (paper: = 0.0463 holds)" in r.statement


# -- (2) mutation attacks ----------------------------------------------------------------------------------
def _attack(tmp_path, path: Path, mutate, name="m.json"):
    orig = check_file(path)
    cert = copy.deepcopy(_load(path))
    mutate(cert)
    r = _run(tmp_path, cert, name)
    assert r.verdict == "error" or not r.passed or r.statement != orig.statement, (r.verdict, r.statement)
    return r


def _shift(cert, k, delta):
    lo, hi = cert["data"]["bracket"]
    digits = len(lo.split(".")[1])
    v = [round(float(x) + delta, digits) for x in (lo, hi)]
    cert["data"]["bracket"] = [f"{x:.{digits}f}" for x in v]


@pytest.mark.parametrize("path", [CKBG / "C002-07.json", CKBG / "C002-17.json", CKBG / "C002-21.d=2.json",
                                  CKBG / "C002-19.d=16.json", WBC / "C004-17.phi=9_20.json"])
def test_bracket_excluding_the_value_fails(tmp_path, path):
    for delta in (1e-6, -1e-6):
        cert = _load(path)
        _shift(cert, 0, delta)
        assert _run(tmp_path, cert).verdict == "error"


def test_bracket_narrower_than_arb_proves_fails(tmp_path):
    import flint
    old, flint.ctx.prec = flint.ctx.prec, 600
    try:
        q = (1 + (flint.arb.pi() * 5 / 12).sin()) / 2
        h = -(q * q.log() + (1 - q) * (1 - q).log()) / flint.arb(2).log()
        s = h.str(110, radius=False)
    finally:
        flint.ctx.prec = old
    mid = s[:102]  # "0." + 100 digits: far beyond the kernel's 256 bits
    lo = mid[:-1] + str(int(mid[-1]) - 1) if mid[-1] != "0" else mid[:-2] + "9" * 2
    hi = mid[:-1] + str(int(mid[-1]) + 1) if mid[-1] != "9" else mid[:-2] + "0" * 2
    cert = _load(WBC / "C004-17.phi=5_12.json")
    cert["data"]["bracket"] = [lo, hi]
    r = _run(tmp_path, cert)
    assert r.verdict == "error" and "arb does not prove" in r.detail


MUTANTS = {
    "C002-07.json": [
        lambda c: c["data"]["quantity"].update(value="H_bin(1/sqrt(3) - 1/2)"),
        lambda c: c["data"]["quantity"].update(value="H_bin(sqrt(0 - 1))"),
        lambda c: c["data"]["quantity"].update(value="H_bin(3/2)"),
        lambda c: c["data"]["quantity"].update(value="log2(0)"),
        lambda c: c["data"]["quantity"].update(value="H_bin(1/sqrt(2) - 1/2, 1)"),
        lambda c: c["data"].update(paper=["= 0.735", "< 1"]),
        lambda c: c["data"].update(paper=["= 0.736", "> 1"]),
        lambda c: c["data"].update(paper=["= 0.7359"]),
        lambda c: c["data"].pop("paper"),
        lambda c: c["data"].update(paper=["approximately 0.736"]),
        lambda c: c["data"].update(bracket=["735915938/1000000000", "0.735915939"]),
        lambda c: c["data"].update(bracket=["0.735915939", "0.735915938"]),
        lambda c: c["data"].update(extra=1),
        lambda c: c["data"]["quantity"].update(of="md-information"),
        lambda c: c["conventions"].pop("information"),
        lambda c: c["conventions"].update(information="nats"),
        lambda c: c.update(parameters={"r": "1/3"}),
        lambda c: c.update(parameters={"r": "(0, 1)"}),
        lambda c: c.update(parameters={"pi": "3"}),
    ],
    "C002-17.json": [
        lambda c: c["data"]["quantity"].update(value=c["data"]["quantity"]["value"].replace("- 1*", "- 1/2*")),
        lambda c: c["data"]["quantity"].update(value=c["data"]["quantity"]["value"].replace("3/8", "1/4")),
        lambda c: c["data"].update(paper=["< 0"]),
    ],
    "C002-21.d=2.json": [
        lambda c: c["data"]["quantity"]["distribution"].update(schmidt=["1", "2"]),
        lambda c: c["data"]["quantity"]["distribution"].update(d=3),
        lambda c: c["data"]["quantity"].update(distribution={"state": "ghz"}),
        lambda c: c["data"]["quantity"]["dual"].__setitem__(0, "3"),
        lambda c: c["data"]["quantity"].pop("dual"),
        lambda c: c["data"]["quantity"]["model"][0][0].__setitem__(0, [c["data"]["quantity"]["model"][0][0][0][0],
                                                                      "1/2"]),
        lambda c: c["data"]["quantity"]["model"][0][0].append(c["data"]["quantity"]["model"][0][1][0]),
        lambda c: c["data"]["quantity"]["model"][0].__setitem__(0, []),
        lambda c: c["data"].update(paper=["= 0.0462"]),
        lambda c: c["conventions"].update(responses="lexicographic"),
    ],
    "C002-19.d=16.json": [
        lambda c: c["data"]["quantity"].update(d=15),
        lambda c: c["data"]["quantity"]["schmidt"].__setitem__(0, "1/3"),
        lambda c: c["data"].update(paper=["> 3.3"]),
        lambda c: c["data"].update(paper=["< 3.214"]),
    ],
    "C004-11.endpoint.json": [
        lambda c: c["data"].update(paper=["= 2 - 3/4*log2(5)"]),
        lambda c: c["data"].update(paper=["= 2 - 3/4*log2(3) + 0*log2(7) + 1/1000"]),
        lambda c: c["data"]["quantity"].update(value="H_bin((1 + sin(pi/6))/2)"),
        lambda c: c["data"]["quantity"].update(value="H_bin(3/4) + 0*sqrt(2)"),
        lambda c: c["data"].update(paper=["= log2(1000000000000000000000000000057)"]),
    ],
}


@pytest.mark.parametrize("name,i", [(n, i) for n, ms in MUTANTS.items() for i in range(len(ms))])
def test_mutants_are_rejected_or_change_the_statement(tmp_path, name, i):
    path = (CKBG if name.startswith("C002") else WBC) / name
    _attack(tmp_path, path, MUTANTS[name][i])


def test_exact_form_is_not_a_decimal_guess(tmp_path):
    """An exact log form that agrees to 1e-3 but differs is refuted, not 'rounded'."""
    cert = _load(WBC / "C004-11.endpoint.json")
    cert["data"]["paper"] = ["= 2 - 3/4*log2(3) + 1/1000"]
    r = _run(tmp_path, cert)
    assert r.verdict == "refuted" and "fails" in r.statement


def test_claim_semantics_on_open_brackets(tmp_path):
    """(lo, hi) = (0.811278124, 0.811278125): each relation decided as an interval argument would."""
    cert = _load(WBC / "C004-11.endpoint.json")
    expect = {"< 0.9": "holds", "<= 0.811278124": "fails", "> 0.811278124": "holds", ">= 0.8112781245": "undecided",
              "= 0.81": "holds", "= 0.812": "fails", "= 0.8112781245": "undecided", "< 1/2": "fails"}
    for claim, outcome in expect.items():
        cert["data"]["paper"] = [claim]
        r = _run(tmp_path, cert)
        assert r.statement.endswith(f"(paper: {claim} {outcome})"), (claim, r.statement)
        assert r.verdict == {"holds": "verified", "fails": "refuted", "undecided": "numeric-only"}[outcome]


def test_born_rules_match_independent_formulas(tmp_path):
    """Kernel Born rules: d = 2 with (1, 1) is Tsirelson's 2*sqrt(2); GHZ matches Mermin's closed form."""
    from fractions import Fraction

    from exactbell.kernel.kinds.interval import _ghz
    from exactbell.relaxations.functionals import ghz
    cert = _load(CKBG / "C002-19.d=2.json")
    cert["data"]["quantity"]["schmidt"] = ["1", "1"]
    cert["data"]["bracket"] = ["2.8284271", "2.8284272"]
    r = _run(tmp_path, cert)
    assert r.verdict == "numeric-only" and "exceeds 2.8284271" in r.statement and 2.8284271 < 2 * math.sqrt(2)
    _, p, _ = _ghz(None, None)
    assert [Fraction(int(v.mid().man_exp()[0]) * 2 ** int(v.mid().man_exp()[1])) for v in p] == ghz()
    assert all(v.rad() == 0 for v in p)


def test_exact_forms_of_log_expressions(tmp_path):
    """'= form' compares exact rational combinations of log2 of rationals (no factoring, no decimals)."""
    cert = _load(WBC / "C004-11.endpoint.json")
    cases = {"= 2 - 3/4*log2(3)": "holds", "= 3/4*log2(4/3) + 1/4*log2(4)": "holds", "= log2(4) - log2(3^(3/4))": None,
             "= 2 - 3/4*log2(3) + log2(9) - 2*log2(3)": "holds", "= 2 - 3/4*log2(5)": "fails",
             "= log2(3)*log2(3)": None, "= 1/0": None, "= log2(0 - 1)": None}
    for claim, outcome in cases.items():
        cert["data"]["paper"] = [claim]
        r = _run(tmp_path, cert)
        if outcome is None:
            assert r.verdict == "error", (claim, r.statement)
        else:
            assert r.statement.endswith(f"(paper: {claim} {outcome})"), (claim, r.statement)
    cert["data"]["quantity"]["value"] = "H_bin((1 + sin(pi/6))/2)"  # no exact form: '= form' is an error
    cert["data"]["paper"] = ["= 2 - 3/4*log2(3)"]
    assert _run(tmp_path, cert).verdict == "error"


def test_tsirelson_information_is_below_the_singlet_value(tmp_path):
    cert = _load(CKBG / "C002-21.d=2.json")
    cert["data"]["paper"] = ["> 0.0663"]
    assert _run(tmp_path, cert).verdict == "refuted"


# -- hostile referee (redteam) -----------------------------------------------------------------------------
def _expr(tmp_path, value, bracket=("-2.0", "2.0"), paper=None):
    cert = {"exactbell": 2, "id": "X", "claim": "X", "paper": "user", "kind": "interval", "location": "x",
            "summary": "x", "expected": "verified", "conventions": {"information": "bits: log base 2"},
            "data": {"quantity": {"of": "expression", "value": value}, "bracket": list(bracket)}}
    if paper is not None:
        cert["data"]["paper"] = paper
    return _run(tmp_path, cert)


BENGALI_4 = "\u09ea"  # a decimal digit 4 that looks like an 8: int() reads it, a reader sees 0.8


@pytest.mark.parametrize("value,bracket,paper,field,text", [
    ("1/2", ("0.4", "0.6"), ["> 0." + BENGALI_4], "data.paper[0]", "non-ASCII digit U+09EA"),  # the envelope
    ("1/2", ("0." + BENGALI_4, "0.6"), None, "data.bracket[0]", "non-ASCII digit U+09EA"),
    (BENGALI_4 + "/10", ("0.3", "0.6"), None, "data.quantity.value", "ASCII"),
    ("1/2", ("0.4", "0.6"), ["= 0." + "5" * 5000], "data.paper[0]", "decimal"),  # was: internal error
    ("1/2", ("0." + "4" * 5000, "0.6"), None, "data.bracket", "at most 1000"),  # was: internal error
    ("1/2", ("0.4", "0.6"), ["< 1." + "0" * 5000], "<data.paper[0]>", "decimal or float literal"),  # was: internal
    ("1/2", ("0.4", "0.6"), ["< 1." + "0" * 10**6], "<data.paper[0]>", "expression longer than"),  # error
])
def test_lookalike_digits_and_huge_decimals_are_errors(tmp_path, value, bracket, paper, field, text):
    r = _expr(tmp_path, value, bracket, paper)
    assert r.verdict == "error" and f": {field}: " in r.detail and text in r.detail, r.detail
    assert "internal error" not in r.detail


@pytest.mark.parametrize("value,text", [  # cheap regressions: each already an error, never a hang or a crash
    ("log(0)", "data.quantity.value: log(0) is not provably defined"),
    ("log(0 - 1)", "data.quantity.value: log(-1.0"),
    ("log2(sin(pi))", "data.quantity.value: log2([+/- "),
    ("sqrt(sin(pi))", "data.quantity.value: sqrt([+/- "),
    ("H_bin(0)", "data.quantity.value: H_bin(0) is not provably defined"),
    ("H_bin(1)", "data.quantity.value: H_bin(1.0"),
    ("H_bin(3/2)", "data.quantity.value: H_bin(1.5"),
    ("1/(1 - 1)", "data.quantity.value: division by zero"),
    ("sqrt(2 - sqrt(2)^2)", "data.quantity.value: sqrt([+/- "),  # exactly 0, but arb cannot prove it >= 0
    ("1/(sqrt(2)^2 - 2)", "the bounds are nan and nan"),
    ("log(1 - 1)", "data.quantity.value: log(0) is not provably defined"),
    ("1/sin(pi)", "data.bracket: arb does not prove -2.0 < 1/sin(pi) < 2.0: the bounds are nan and nan"),
    ("exp(exp(exp(10)))", "the bounds are [+/- inf] and [+/- inf]"),
    ("exp(10^200)", "the bounds are [+/- inf] and [+/- inf]"),
    ("sqrt(exp(10^200))", "data.quantity.value: sqrt([+/- inf]) is not provably defined"),
    ("2^(1/2)", "exponent must be an integer literal"),
    ("1 + 2^300", "exponent 300 too large"),
    ("(" * 120 + "1" + ")" * 120, "nested too deeply"),
    ("max(1, 2)", "unknown function 'max'"),
    ("e", "unknown name 'e'"),
    ("0.5", "decimal or float literal"),
])
def test_bad_expressions_are_one_line_errors(tmp_path, value, text):
    r = _expr(tmp_path, value)
    assert r.verdict == "error" and text in r.detail and "\n" not in r.detail, r.detail


@pytest.mark.parametrize("value", ["sqrt(1 - 1)", "sin(exp(exp(20)))", "cos(exp(10^200))", "sin(((2^256)^256)^256)",
                                   "exp(0 - ((2^256)^256)^256)", "H_bin(1/((2^256)^256)^256)"])
def test_extreme_arguments_are_bounded_fast(tmp_path, value):
    r = _expr(tmp_path, value)  # bounded precision: [-1, 1] or an exact 0, decided in well under a second
    assert r.verdict == "verified" and r.seconds < 5, r.detail


@pytest.mark.parametrize("claim,outcome", [("= 1/2*log2(9)", "holds"), ("= log2(3) + 1/2^256", "fails"),
                                           ("= log2(3^256) / 256", "holds"), ("= log2(3) + 0*log2(7)", "holds")])
def test_exact_equality_extremes(tmp_path, claim, outcome):
    r = _expr(tmp_path, "log2(3)", ("1.5", "1.6"), [claim])
    assert r.statement.endswith(f"(paper: {claim} {outcome})"), r.detail


def test_exact_equality_size_guard(tmp_path):
    r = _expr(tmp_path, "log2(3)", ("1.5", "1.6"), ["= log2(3)*" + "*".join(["(1/7919)"] * 30) + "+ log2(5)"])
    assert r.verdict == "error" and ("exceeds 200000 bits" in r.detail or "above 200000 bits" in r.detail), r.detail


def test_blanks_inside_a_claim_do_not_backtrack(tmp_path):
    # before: the claim pattern "\\s*(\\S.*?)\\s*$" was quadratic in a run of blanks (10^5: 40 s, 10^6: an hour)
    r = _expr(tmp_path, "1/2", ("0.4", "0.6"), ["< 1" + " " * 10**5 + "x"])
    assert r.verdict == "error" and r.seconds < 5 and "<data.paper[0]>" in r.detail, (r.seconds, r.detail[:200])
    r = _expr(tmp_path, "1/2", ("0.4", "0.6"), ["  <   1  "])
    assert r.statement.endswith("(paper: < 1 holds)"), r.detail
