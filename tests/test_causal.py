"""Causal polytope, causal bounds, single-trigger detection and decomposition (Liu–Chiribella)."""
import copy
import json
from fractions import Fraction as F

import pytest

from exactbell.behaviours import is_normalized
from exactbell.causal import exact as ex
from exactbell.causal import inequalities as iq
from exactbell.causal.polytope import (causal_bound, causal_vertices, load_correlation, strategy_behaviour,
                                       strategy_outcomes)
from exactbell.kernel.scenario import Scenario

from .conftest import PROOFS, load

LC = PROOFS / "liu-chiribella"


def test_bipartite_vertex_counts():
    # (2,2,2): 64 + 64 − 16 no-signalling ones counted twice = 112 (Branciard et al. 2016)
    assert len(causal_vertices(Scenario((2, 2), (2, 2)))) == 4 * 16 + 16 * 4 - 4 * 4
    # OCB scenario: A≺B 4·2^8, B≺A 2^4·2^8, overlap 4·16
    assert len(causal_vertices(Scenario((2, 4), (2, 2)))) == 4 * 256 + 16 * 256 - 4 * 16


def test_vertices_are_normalised_deterministic_behaviours():
    sc = Scenario((2, 2), (2, 2))
    vs = causal_vertices(sc)
    assert len(set(v.values for v in vs)) == len(vs)
    for v in vs:
        assert is_normalized(v) and set(v.values) <= {0, 1}
    # one-way signalling is allowed (A→B), e.g. Bob outputs Alice's setting
    sig = strategy_behaviour(sc, {"order": [0, 1], "tables": [[0, 0], [[0, 0], [1, 1]]]})
    assert sig in vs and not sig.is_nonsignaling()
    # two-way signalling (GYNI winner a1 = x2, a2 = x1) is not causal
    gyni_win = tuple(int(a == (x[1], x[0])) for a, x in sc.entries())
    assert gyni_win not in {v.values for v in vs}


@pytest.mark.slow
def test_tripartite_vertex_count():
    # Abbott, Giarmatzi, Costa, Branciard (2016): 138 304 vertices for three binary parties
    assert len(causal_vertices(Scenario((2, 2, 2), (2, 2, 2)))) == 138304


@pytest.mark.parametrize("name,bound", [("lgyni", F(3, 4)), ("gyni", F(1, 2)), ("ocb", F(3, 2))])
def test_paper_causal_bounds(name, bound):
    sc, al = iq.BUILTIN[name]()
    cb = causal_bound(sc, al)
    assert cb.value == bound
    for key, desc in cb.optimal:
        assert strategy_outcomes(sc, desc) == key
        assert sum(al[(a, x)] for a, x in zip(key, sc.contexts)) == bound


@pytest.mark.parametrize("a", [F(0), F(1, 10), F(1, 3), F(3, 4), F(1)])
def test_biased_lgyni_causal_bound_eq49(a):
    sc, al = iq.biased_lgyni(a)
    assert causal_bound(sc, al).value == max(1 - a, (1 + a) / 2)


@pytest.mark.parametrize("a", [F(-3), F(-1, 2), F(1, 2), F(2)])
def test_biased_ocb_causal_square(a):
    sc, al = iq.biased_ocb(a)
    assert causal_bound(sc, al).value == max(1 + a / 2, F(1, 2) + a, F(1, 2))


def test_lgyni_is_rescaled_biased_lgyni_at_one_third():
    sc, lg = iq.lgyni()
    _, b = iq.biased_lgyni(F(1, 3))
    # I_LGYNI = (3 I_{1/3} + 1)/4 on every normalised behaviour: check on all causal vertices
    for v in causal_vertices(sc):
        lhs = sum(lg[k] * p for k, p in zip(sc.entries(), v.values))
        rhs = (3 * sum(b[k] * p for k, p in zip(sc.entries(), v.values)) + 1) / 4
        assert lhs == rhs


def test_single_trigger_detection():
    sc, lg = iq.lgyni()
    assert ex.single_triggers(sc, lg) == [(1, 1)]
    assert ex.single_trigger_problem(sc, lg, (0, 1)) is not None
    _, gy = iq.gyni()
    assert ex.single_triggers(sc, gy) == []
    sc2, piece = iq.ocb_piece(F(1), 0, 1)
    assert ex.single_triggers(sc2, piece) == [(0, 3)]  # Bob's trigger (b*, c=1) = 2·1 + 1


def test_decompositions_sum_and_are_single_trigger():
    for name in ("gyni", "lgyni", "ocb"):
        sc, al = iq.BUILTIN[name]()
        for dec in (ex.canonical_decomposition(sc, al), ex.minimal_decomposition(sc, al)):
            assert len(dec) <= len(sc.contexts)
            for xi, piece in dec.items():
                assert ex.single_trigger_problem(sc, piece, xi) is None
            for k in al:
                assert sum(p[k] for p in dec.values()) == al[k]
    sc, ocb = iq.ocb()
    assert len(ex.minimal_decomposition(sc, ocb)) == 2  # Eq. (30)
    assert len(ex.canonical_decomposition(sc, ocb)) == 8


def test_wrong_shape_is_a_clear_error():
    sc = Scenario((2, 2), (2, 2))
    with pytest.raises(ex.CausalError, match="16 coefficients"):
        ex.correlation_table(sc, [F(0)] * 15)
    with pytest.raises(ex.CausalError, match="order"):
        strategy_outcomes(sc, {"order": [0, 0], "tables": [[0, 0], [[0, 0], [0, 0]]]})
    with pytest.raises(ex.CausalError, match="tables must be"):
        strategy_outcomes(sc, {"order": [0, 1], "tables": [[0, 2], [[0, 0], [0, 0]]]})


def test_user_correlation_from_file(tmp_path):
    p = tmp_path / "corr.json"
    p.write_text(json.dumps({"scenario": {"inputs": [2, 2], "outputs": [2, 2]},
                             "terms": [{"a": [x2, x1], "x": [x1, x2], "value": "1/4"} for x1 in (0, 1) for x2 in (0, 1)]}))
    sc, al = load_correlation(p)
    assert al == iq.gyni()[1]
    assert causal_bound(sc, al).value == F(1, 2)
    p.write_text('{"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "coefficients": [0.5]}')
    with pytest.raises(Exception, match="float"):
        load_correlation(p)


def test_decomposition_certificate_rejects_non_single_trigger_piece(write_cert):
    from exactbell.kernel.check import check_file as kernel_check  # kind psd-dual (schema 2)

    cert = load(LC / "C001-08.gyni.json")
    assert kernel_check(write_cert(cert)).passed
    bad = copy.deepcopy(cert)
    bad["data"]["pieces"][0]["trigger"] = [1, 1]  # the (0,0) context depends on both outcomes
    r = kernel_check(write_cert(bad))
    assert r.verdict == "error" and "not single-trigger" in r.detail
