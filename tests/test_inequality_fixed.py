"""Kind ``inequality`` with every parameter fixed (exactbell/kernel/kinds/inequality.py ``_at_point``,
prove_check.value_at): a comparison decided by exact evaluation, refuted with the exact lhs - rhs."""
import json

import pytest

from exactbell.certificates.format import envelope2
from exactbell.kernel.check import check_file


def run(tmp_path, data, params, expected="verified", conventions=None):
    cert = envelope2("T.fixed", "C004-20", "wooltorton-brown-colbeck", "test", "test", "inequality", expected,
                     conventions or {}, data, parameters=params)
    p = tmp_path / "c.json"
    p.write_text(json.dumps(cert))
    return check_file(p)


def test_fixed_comparison_verified_with_names_in_the_text(tmp_path):
    r = run(tmp_path, {"lhs": "abs(r)", "relation": "<=", "rhs": "1/2"}, {"r": "1/6"})
    assert (r.verdict, r.statement) == ("verified", "abs(r) <= 1/2 at r = 1/6")
    r = run(tmp_path, {"lhs": "max(abs(a), abs(b))", "relation": "<=", "rhs": "1/2"}, {"a": "-1/2", "b": "1/3"})
    assert (r.verdict, r.statement) == ("verified", "max(abs(a), abs(b)) <= 1/2 at a = -1/2, at b = 1/3")


@pytest.mark.parametrize("data,params,statement", [
    # value changed: 3/4 is off the principal branch by exactly 1/4
    ({"lhs": "abs(r)", "relation": "<=", "rhs": "1/2"}, {"r": "3/4"},
     "abs(r) <= 1/2 fails at r = 3/4, where abs(r) - 1/2 = 1/4"),
    # relation flipped: at the end point 1/2 the strict > fails with difference exactly 0
    ({"lhs": "abs(r)", "relation": ">", "rhs": "1/2"}, {"r": "-1/2"},
     "abs(r) > 1/2 fails at r = -1/2, where abs(r) - 1/2 = 0"),
    ({"lhs": "r", "relation": "==", "rhs": "1/3"}, {"r": "1003/3000"},
     "r == 1/3 fails at r = 1003/3000, where r - 1/3 = 1/1000"),
    # an irrational difference is exact in Q(sqrt): 1 - sqrt(2) < 0
    ({"lhs": "sqrt(x)", "relation": "<", "rhs": "1"}, {"x": "2"},
     "sqrt(x) < 1 fails at x = 2, where sqrt(x) - 1 = -1 + 1*sqrt(2)"),
])
def test_false_fixed_comparison_is_refuted_with_the_exact_difference(tmp_path, data, params, statement):
    conv = {"sqrt": "principal (non-negative) square root"} if "sqrt" in data["lhs"] else None
    assert run(tmp_path, data, params, "verified", conv).verdict == "refuted"  # never verified
    r = run(tmp_path, data, params, "refuted", conv)
    assert (r.passed, r.verdict, r.statement) == (True, "refuted", statement), r.detail


@pytest.mark.parametrize("data,params,problem", [
    ({"lhs": "r", "relation": "<=", "rhs": "1"}, {}, "needs a domain parameter, or fixed parameters"),
    ({"lhs": "r", "relation": "<=", "rhs": "1", "proof": {"method": "cells"}}, {"r": "0"}, "unknown key"),
    ({"lhs": "1/r", "relation": "<=", "rhs": "1"}, {"r": "0"}, "a divisor vanishes at the point"),
    ({"lhs": "1/(r - r)", "relation": "<=", "rhs": "1"}, {"r": "1"}, "division by an identically zero"),
    ({"lhs": "sqrt(r - 1)", "relation": "<=", "rhs": "1"}, {"r": "0"}, "square root of a negative number"),
    ({"lhs": "r", "relation": "<=", "rhs": "1"}, {"r": "0", "s": "1"}, "parameter 's' does not occur"),
    ({"lhs": "t", "relation": "<=", "rhs": "1"}, {"r": "0"}, "unknown name 't'"),
    ({"lhs": "r", "relation": "=<", "rhs": "1"}, {"r": "0"}, "relation"),
    ({"lhs": "sqrt(r)", "relation": "<=", "rhs": "1"}, {"r": "1"}, "conventions.sqrt"),
])
def test_hostile_fixed_statements_are_one_line_errors(tmp_path, data, params, problem):
    r = run(tmp_path, data, params)
    assert r.verdict == "error" and not r.passed and problem in r.detail and "\n" not in r.detail, r.detail
