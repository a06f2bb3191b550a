"""Liu–Chiribella App. D–E: the 256 qubit extreme supermaps (C001-33) and the Eq. (89) family
(C001-35); the classes are cross-checked against independent enumerations of the paper's forms,
and Eq. (89) against a dense numpy implementation of the conditions of Eq. (12)."""
import copy
from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.causal_bistochastic_classes import classify, eq89_instrument, eq89_support

from .conftest import PROOFS, load
from .test_causal_bistochastic import _dense_condition

LC = PROOFS / "liu-chiribella"
CONDS = [{0: "1-X", 1: "1-X", 2: "X", 3: "X"}, {2: "1-X", 3: "1-X", 0: "X", 1: "X"},
         {0: "1-X", 1: "1-X", 2: "1-X", 3: "1-X"}]


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
    for name in ["C001-33", "C001-35.d=2", "C001-35.d=4", "C001-35.d=6"]:
        r = check_file(LC / f"{name}.json")
        assert r.passed and r.verdict == "verified", r.detail


def _dense89(d, x, y):
    S = np.zeros((d ** 4, d ** 4))
    I, P = np.eye(d), lambda v: np.outer(np.eye(d)[v], np.eye(d)[v])
    k = lambda *ms: ms[0] if len(ms) == 1 else np.kron(ms[0], k(*ms[1:]))
    S = (k(P(x), P(x), I - P(y), P(x)) + k(P(y), P(y), I - P(y), P(x)) + k(P(x), P(y), P(y), I - P(x))
         + k(P(y), P(x), P(y), I - P(x)) + k(I - P(x) - P(y), I - P(x) - P(y), P(y), P(x)))
    # A_O B_O A_I B_I -> A_I A_O B_I B_O
    T = S.reshape([d] * 8).transpose(2, 0, 3, 1, 6, 4, 7, 5).reshape(d ** 4, d ** 4)
    return T


@pytest.mark.parametrize("d,x,y", [(2, 0, 1), (4, 0, 1), (4, 2, 3)])
def test_eq89_dense_matches_exact_support_and_is_admissible(d, x, y):
    S = _dense89(d, x, y)
    sup = {np.ravel_multi_index(e, (d,) * 4) for e in eq89_support(d, x, y)}
    assert set(np.flatnonzero(np.diag(S))) == sup and np.trace(S) == d * d
    assert all(np.abs(_dense_condition(S, d, c)).max() < 1e-12 for c in CONDS)


def test_eq89_in_the_wrong_order_is_not_admissible():
    # reading Eq. (89) on A_in A_out B_in B_out (the paper's usual order) breaks admissibility (erratum E3)
    d = 4
    S = np.zeros((d ** 4, d ** 4))
    for ai, ao, bi, bo in eq89_support(d, 0, 1):
        r = np.ravel_multi_index((ao, bo, ai, bi), (d,) * 4)  # the A_O B_O A_I B_I tuple read as A_I A_O B_I B_O
        S[r, r] = 1
    assert not all(np.abs(_dense_condition(S, d, c)).max() < 1e-12 for c in CONDS)


def test_eq89_instrument_is_a_permutation_swapping_pairs():
    assert [eq89_instrument(1, s) for s in range(6)] == [1, 0, 3, 2, 5, 4]
    assert [eq89_instrument(0, s) for s in range(6)] == list(range(6))


def test_odd_dimension_and_wrong_list_are_errors(write_cert):
    cert = load(LC / "C001-35.d=4.json")
    bad = copy.deepcopy(cert)
    bad["data"]["d"] = 3
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "even" in r.detail
    bad = copy.deepcopy(cert)
    bad["data"]["supermaps"] = [[0, 1]]
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "data.supermaps" in r.detail


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


# ---- C001-07: the causal region in the (P11, P^ave) plane ----------------------------------
def test_region_hull_against_independent_vertex_images():
    from fractions import Fraction as F

    from exactbell.causal import inequalities as iq
    from exactbell.causal.polytope import causal_vertices
    from exactbell.legacy.checkers.causal_region_2d import hull

    sc, fx = iq.biased_lgyni(F(1))
    _, fy = iq.biased_lgyni(F(0))
    vs = causal_vertices(sc)
    pts = {(sum(fx[(a, x)] * b.p(a, x) for a, x in sc.entries()),
            sum(fy[(a, x)] * b.p(a, x) for a, x in sc.entries())) for b in vs}
    assert len(vs) == 112
    assert hull(pts) == [(0, 0), (1, 0), (1, F(1, 2)), (0, 1)]
    assert all(X + 2 * Y <= 2 and 0 <= X <= 1 and 0 <= Y <= 1 for X, Y in pts)


def test_region_certificate_and_wrong_region(write_cert):
    r = check_file(LC / "C001-07.json")
    assert r.passed and r.verdict == "verified"
    cert = load(LC / "C001-07.json")
    bad = copy.deepcopy(cert)
    bad["data"]["facets"].append(["0", "1", "1"])  # P^ave <= 1 is redundant, not a facet
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "data.facets" in r.detail
    bad = copy.deepcopy(cert)
    bad["data"]["envelope"] = [["1", "-1"]]  # only the first branch of Eq. (49)
    assert check_file(write_cert(bad)).verdict == "refuted"
    bad = copy.deepcopy(cert)
    bad["data"]["coordinates"] = ["P11", "P01"]
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "data.coordinates" in r.detail
