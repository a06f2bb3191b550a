"""Kind ``inequality``: the trusted checker re-decides prover certificates; bad input is a clear error."""
import copy
import json
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as hs

from exactbell.legacy.checkers import check_file
from exactbell.generators.sw_propositions import _inequality

RAT = re.compile(r"^-?\d+(/\d+)?$")


def _cert(lhs, rel, rhs, domain):
    return _inequality("T-1", "C000-12", "test", "test statement", lhs, rel, rhs, domain)


def _leaves(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _leaves(v, path + (i,))
    elif isinstance(obj, int) and not isinstance(obj, bool) or isinstance(obj, str) and RAT.match(obj):
        yield path


def _mutated(cert, path, delta):
    c = copy.deepcopy(cert)
    o = c
    for k in path[:-1]:
        o = o[k]
    v = o[path[-1]]
    if isinstance(v, int):
        o[path[-1]] = v + (1 if delta > 0 else -1)
    else:
        q = Fraction(v) + delta
        o[path[-1]] = f"{q.numerator}/{q.denominator}"
    return c


def test_verified_and_refuted(write_cert):
    ok = check_file(write_cert(_cert("2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1)"})))
    assert ok.passed and ok.verdict == "verified"
    bad = _cert("2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1]"})
    assert bad["expected"] == {"verdict": "refuted", "counterexample": {"p": "1"}}
    assert check_file(write_cert(bad)).passed


def test_claiming_verified_for_a_false_statement_fails(write_cert):
    cert = _cert("p^2", ">=", "1/4", {"p": "[0, 1]"})
    assert cert["expected"]["verdict"] == "refuted"
    cert["expected"] = {"verdict": "verified"}
    cert["data"]["proof"] = {"method": "cells", "factors": [], "roots": [], "cells": []}
    r = check_file(write_cert(cert))
    assert not r.passed and "data.proof" in r.detail


def test_wrong_counterexample_is_rejected(write_cert):
    cert = _cert("p^2", ">=", "1/4", {"p": "[0, 1]"})
    cert["expected"]["counterexample"] = {"p": "3/4"}  # holds there
    r = check_file(write_cert(cert))
    assert not r.passed and "holds at the counterexample" in r.detail


@pytest.mark.parametrize("field,value,msg", [
    ("lhs", "sin(p)", "outside the supported class"),
    ("lhs", "q + 1", "unknown parameter"),
    ("domain", {"p": "[0, oo)"}, "unbounded"),
    ("domain", {"p": "[1/2, 1)", "r": "[0, 1]"}, "does not occur"),
    ("relation", "=<", "unknown relation"),
])
def test_bad_input_is_a_clear_error(write_cert, field, value, msg):
    cert = _cert("2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1)"})
    cert["data"][field] = value
    r = check_file(write_cert(cert))
    assert r.verdict == "error" and msg in r.detail and "data" in r.detail


def test_parameters_must_match_domain(write_cert):
    cert = _cert("2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1)"})
    cert["parameters"]["p"]["range"] = ["0", "1"]
    r = check_file(write_cert(cert))
    assert r.verdict == "error" and "parameters.p.range" in r.detail


def test_float_in_proof_is_rejected(write_cert):
    cert = _cert("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"})
    text = json.dumps(cert).replace('"sample": "7/16"', '"sample": 0.4375')
    r = check_file(write_cert(text))
    assert r.verdict == "error" and "float" in r.detail


CERTS = [("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"}),
         ("p^2 + r^2 + 1/10", ">=", "2*p*r", {"p": "[0, 1]", "r": "[0, 1]"}),
         ("2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1)"})]


@settings(max_examples=40, deadline=None)
@given(hs.sampled_from(range(len(CERTS))), hs.integers(0, 10_000), hs.sampled_from([Fraction(1, 7), Fraction(-1, 3)]))
def test_mutated_certificate_is_rejected(tmp_path_factory, which, pick, delta):
    cert = _cert(*CERTS[which])
    path = tmp_path_factory.mktemp("m") / "c.json"
    path.write_text(json.dumps(cert))
    assert check_file(path).passed
    leaves = [p for sect in ("data", "parameters") for p in _leaves(cert[sect], (sect,))]
    bad = _mutated(cert, leaves[pick % len(leaves)], delta)
    path.write_text(json.dumps(bad))
    assert not check_file(path).passed
