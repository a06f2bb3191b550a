"""Liu–Chiribella App. D: the 256 qubit extreme supermaps (C001-33, legacy kind
bistochastic-extreme-points); the classes are cross-checked against independent enumerations of the
paper's forms. (C001-35 and C001-07 are kernel certificates: tests/test_kernel_misc.py.)"""
import copy
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.causal_bistochastic_classes import classify

from .conftest import PROOFS, load

LC = PROOFS / "liu-chiribella"


def _extreme_points():
    cls = {}
    for p in product(range(2), repeat=4):
        cls.setdefault((p[0] ^ p[1], p[2] ^ p[3]), []).append(p)
    return [frozenset(T) for T in product(*cls.values())]



def _flipped(t, fa, fb):
    i, j, k, l = t
    if fa:
        i, j = j, i
    if fb:
        k, l = l, k
    return (i, j, k, l)


def test_no_signalling_points_are_the_products():
    ns = set()
    for fa, fb, ca, cb in product(range(2), repeat=4):
        ns.add(frozenset(_flipped((ca, j, cb, l), fa, fb) for j in range(2) for l in range(2)))
    assert len(ns) == 16
    assert {T for T in _extreme_points() if classify(tuple(T)) == "no-signalling"} == ns


def test_ico_points_are_the_xor_form_of_the_paper():
    xor = set()
    for fa, fb, al, be in product(range(2), repeat=4):
        xor.add(frozenset(_flipped((j ^ l ^ al, j, j ^ l ^ be, l), fa, fb) for j in range(2) for l in range(2)))
    assert len(xor) == 16
    assert {T for T in _extreme_points() if classify(tuple(T)) == "ico-xor"} == xor


def test_gyni_supermap_eq86_is_ico():
    assert classify(((0, 0, 0, 0), (1, 1, 1, 0), (1, 0, 1, 1), (0, 1, 0, 1))) == "ico-xor"


def test_bundled_certificates_verify():
    for name in ["C001-33"]:
        r = check_file(LC / f"{name}.json")
        assert r.passed and r.verdict == "verified", r.detail


def test_extra_class_and_wrong_dimension_are_errors(write_cert):
    cert = load(LC / "C001-33.json")
    bad = copy.deepcopy(cert)
    bad["data"]["counts"]["other"] = 0
    assert check_file(write_cert(bad)).verdict == "error"
    bad = copy.deepcopy(cert)
    bad["data"]["d"] = 3
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "data.d" in r.detail


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["no-signalling", "one-way-fixed", "one-way-dynamic", "ico-xor", "non-functional"]),
       st.integers(-3, 3).filter(lambda v: v != 0))
def test_mutated_count_is_rejected(tmp_path_factory, key, delta):
    cert = load(LC / "C001-33.json")
    assert check_file(LC / "C001-33.json").passed
    cert["data"]["counts"][key] += delta
    p = tmp_path_factory.mktemp("m") / "c.json"
    import json
    p.write_text(json.dumps(cert))
    r = check_file(p)
    assert not r.passed and "counts" in r.detail
