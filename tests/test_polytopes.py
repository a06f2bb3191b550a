"""Polytope models, exact facets, symmetry classes, completeness and parametric facet families."""
from __future__ import annotations

import copy
import json
from fractions import Fraction
from itertools import product
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactbell.kernel.poly import Poly, RationalFunction
from exactbell.kernel.polytope import Group, bits
from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.adjacency import classes_adm, classes_cdd
from exactbell.polytopes.cddfacets import extreme_points, facets_cdd, inequality_of
from exactbell.polytopes.exact import (
    PermGroup,
    PointSet,
    PolytopeError,
    facet_test,
    maximal_faces,
    verify_complete,
)
from exactbell.polytopes.family import SignalingFamily, analyse

PROOFS = Path(__file__).resolve().parents[1] / "proofs" / "sengupta-wooltorton"
F = Fraction


def cube():
    return PointSet(list(product((0, 1), repeat=3)))


def test_cube_facets_by_gift_wrapping_and_cdd_agree():
    ps = cube()
    gw = ps.face_facets(range(8))
    assert len(gw) == 6 and all(len(f) == 4 for f in gw)
    assert set(gw) == set(facets_cdd(ps))


def test_completeness_criterion_accepts_all_and_rejects_missing_facet():
    ps = cube()
    fs = ps.face_facets(range(8))
    assert verify_complete(ps, bits(range(8)), [bits(f) for f in fs]) == (True, None)
    ok, why = verify_complete(ps, bits(range(8)), [bits(f) for f in fs[1:]])
    assert not ok and why == "a facet of a face of 4 points lies in no other listed facet"  # a square at the gap


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(*[st.integers(0, 2)] * 4), min_size=7, max_size=14, unique=True))
def test_completeness_criterion_with_skipping_on_random_polytopes(pts):
    """verify_complete (which skips the facets through one point) accepts the cdd.gmp facet list
    of a random lattice polytope and rejects it with any single facet removed."""
    ps = PointSet(pts)
    if ps.affine_dim() < 3:
        return
    ext = extreme_points(ps)
    ps = PointSet([pts[i] for i in ext])
    fs = [frozenset(f) for f in facets_cdd(ps)]
    Q = range(ps.size)
    assert verify_complete(ps, bits(Q), [bits(f) for f in fs]) == (True, None)
    for k in range(len(fs)):
        ok, why = verify_complete(ps, bits(Q), [bits(f) for f in fs[:k] + fs[k + 1:]])
        assert not ok and why


def test_completeness_criterion_memoised_up_to_symmetry():
    """With the cube's symmetry group the faces are memoised by canonical form: the full facet
    list passes, and any list missing a facet is still rejected."""
    ps = cube()
    pts = list(product((0, 1), repeat=3))
    where = {v: k for k, v in enumerate(pts)}
    swap = tuple(where[(v[1], v[0], v[2])] for v in pts)
    cycle = tuple(where[(v[1], v[2], v[0])] for v in pts)
    flip = tuple(where[(1 - v[0], v[1], v[2])] for v in pts)
    group = Group(PermGroup(8, [swap, cycle, flip]).elements)
    assert group.order == 48
    fs = ps.face_facets(range(8))
    memo = {}
    assert verify_complete(ps, bits(range(8)), [bits(f) for f in fs], memo, group=group) == (True, None)
    canonical = [k for k in memo if not isinstance(k, tuple)]  # ("=", bits) entries: faces met exactly again
    assert len(canonical) < 4  # the cube, one square, one edge class: equivalent faces share an entry
    for k in range(len(fs)):
        ok, why = verify_complete(ps, bits(range(8)), [bits(f) for f in fs[:k] + fs[k + 1:]], {}, group=group)
        assert not ok and why


def test_maximal_faces_keeps_inclusion_maximal_masks():
    assert sorted(maximal_faces([0b0011, 0b0001, 0b0110, 0b0011, 0b0100, 0b1000])) == [0b0011, 0b0110, 0b1000]


def test_facet_test_reports_violation_and_rank():
    ps = cube()
    t = facet_test(ps, [1, 0, 0], 1)
    assert t["facet"] and t["tight_count"] == 4 and t["rank"] == 2
    t = facet_test(ps, [1, 1, 0], 1)
    assert not t["valid"] and t["violations"] == [(6, F(1)), (7, F(1))]
    t = facet_test(ps, [1, 1, 1], 3)  # a vertex, not a facet
    assert t["valid"] and not t["facet"] and t["rank"] == 0


def test_rotation_across_a_ridge_of_the_cube():
    ps = cube()
    bottom = frozenset(i for i, v in enumerate(ps.points) if v[2] == 0)
    edge = frozenset(i for i in bottom if ps.points[i][0] == 0)
    side = ps.rotate(frozenset(range(8)), bottom, edge)
    assert side == frozenset(i for i, v in enumerate(ps.points) if v[0] == 0)


def test_inequality_of_is_primitive_and_tight():
    ps = cube()
    T = frozenset(i for i, v in enumerate(ps.points) if v[1] == 1)
    a, b = inequality_of(ps, T)
    assert (a, b) == ((0, 1, 0), 1)


@pytest.mark.parametrize("tight", [{0, 1}, {0, 1, 2, 3, 4}, {0, 1, 6, 7}, set(range(8))])
def test_inequality_of_rejects_non_facets(tight):
    """An edge (rank too low), a face plus a point, a diagonal plane (cuts the cube) and all points."""
    ps = cube()
    T = frozenset(i for i, v in enumerate(ps.points) if v[0] == 0)  # a facet: accepted
    assert inequality_of(ps, T)[1] == 0
    with pytest.raises(ValueError, match="not a facet"):
        inequality_of(ps, frozenset(tight))


def test_inequality_of_is_valid_and_tight_on_every_facet_of_3322():
    ps = pm.local(Scenario((3, 3), (2, 2))).pointset
    for T in facets_cdd(ps)[::7]:
        a, b = inequality_of(ps, T)
        vals = [b - sum(x * y for x, y in zip(a, v)) for v in ps.points]
        assert min(vals) == 0 and {i for i, v in enumerate(vals) if v == 0} == T


def test_chsh_local_polytope_classes():
    """2 parties, 2 inputs, 2 outputs: 16 vertices, dim 8, 24 facets = positivity + CHSH (2 classes)."""
    M = pm.local(Scenario((2, 2), (2, 2)))
    assert len(M.points) == 16 and M.pointset.affine_dim() == 8
    _, group = pm.symmetry_group(M)
    assert group.order == 128
    reps = classes_cdd(M.pointset, group)
    assert len(reps) == 2
    assert sorted(len(group.orbit(t)) for t in reps) == [8, 16]
    assert set(classes_adm(M.pointset, group)) == set(reps)


def test_signaling_one_way_vertices_and_classes():
    M = pm.named_signaling("one-way-symmetric", p=F(3, 4))
    assert len(M.points) == 144
    ext = extreme_points(M.pointset)
    assert len(ext) == 64
    ps = PointSet([M.points[i] for i in ext])
    assert ps.affine_dim() == 10


def test_symmetry_group_of_fixed_bit_is_only_output_flips():
    M = pm.named_signaling("fixed-bit", p=F(2, 3), r=F(3, 4))
    coords, group = pm.symmetry_group(M)
    assert group.order == 16
    flips = pm.closure([g for n, g in pm.sw_relabelings().items() if n.startswith("flip")], 16)
    assert sorted(coords) == sorted(flips)


def test_bad_fidelity_is_a_clear_error():
    with pytest.raises(PolytopeError, match="outside"):
        pm.signaling(F(3, 2), 1, 1, 1)
    with pytest.raises(Exception, match="float"):
        pm.signaling(0.5, 1, 1, 1)


def test_zero_outputs_is_rejected():
    with pytest.raises(Exception):
        pm.local(Scenario((2, 2), (0, 2)))


def test_perm_group_rejects_non_permutation():
    with pytest.raises(PolytopeError):
        PermGroup(3, [(0, 0, 1)])


# --------------------------------------------------------------------------------------------
# parametric families

P = Poly.var("p")
F13 = [["0", "0", "1", "0"], ["0", "1", "0", "0"], ["0", "-(1-p)/p", "0", "-(p-1)/p"], ["0", "0", "0", "0"]]


def _entries(m):
    return [RationalFunction.parse(x, ["p"]) for r in m for x in r]


@pytest.fixture(scope="module")
def one_way_family():
    return SignalingFamily([P, P, F(1, 2), F(1, 2)], "p")


def test_f13_is_a_facet_for_all_p(one_way_family):
    res = analyse(one_way_family, _entries(F13), 1, "<=", F(1, 2), F(1), F(3, 4))
    assert res["status"] == "facet" and res["rank"] == 9 and res["dim"] == 10
    assert len(res["tight"]) == 18 and res["exceptional"] == []


def test_perturbed_f13_is_invalid_with_exact_witness(one_way_family):
    m = copy.deepcopy(F13)
    m[1][1] = "1 + (2*p-1)/10"
    res = analyse(one_way_family, _entries(m), 1, "<=", F(1, 2), F(1), F(3, 4))
    assert res["status"] == "invalid"
    v = res["violation"]
    assert F(1, 2) < v["at"] < 1 and v["amount"] > 0


def test_positivity_read_as_upper_bound_is_not_a_facet(one_way_family):
    e00 = [["1", "0", "0", "0"], ["0"] * 4, ["0"] * 4, ["0"] * 4]
    res = analyse(one_way_family, _entries(e00), 1, "<=", F(1, 2), F(1), F(3, 4))
    assert res["status"] == "valid-not-facet" and len(res["tight"]) > 10
    res = analyse(one_way_family, _entries(e00), 0, ">=", F(1, 2), F(1), F(3, 4))
    assert res["status"] == "facet"


# --------------------------------------------------------------------------------------------
# checkers on bundled certificates

def test_cli_verify_rejects_a_file_of_the_wrong_dimension(tmp_path, capsys):
    from exactbell import interop
    from exactbell.cli import main

    f = tmp_path / "bad.ieq"
    interop.write_ieq([([1, 0, 0], 1, "<=")], 3, f)
    rc = main(["polytope", "signaling", "--fidelities", "3/4,3/4,1/2,1/2", "--verify", str(f)])
    assert rc == 2 and "does not match" in capsys.readouterr().err


def test_cli_local_chsh_json(capsys):
    from exactbell.cli import main

    assert main(["polytope", "local", "--scenario", "2,2:2,2", "--classes", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert (rep["vertices"], rep["dimension"], rep["facet_count"], rep["class_count"]) == (16, 8, 24, 2)
    assert sorted(c["size"] for c in rep["classes"]) == [8, 16]


@pytest.mark.parametrize("extra", [[], ["--heavy", "25"]])
def test_cli_local_3322_fast_classes_json(capsys, extra):
    """I3322 scenario (Collins-Gisin 2004): 684 facets in 3 classes (positivity, CHSH, I3322)."""
    from exactbell.cli import main

    assert main(["polytope", "local", "--scenario", "3,3:2,2", "--classes", "--method", "fast", "--json"] + extra) == 0
    rep = json.loads(capsys.readouterr().out)
    assert (rep["vertices"], rep["dimension"], rep["facet_count"], rep["class_count"]) == (64, 15, 684, 3)
    assert sorted(c["saturation"] for c in rep["classes"]) == [20, 32, 48]


def test_causal_polytope_facets_when_available():
    """Bipartite binary causal polytope (Branciard et al. 2016): 112 vertices, dim 12, 48 facets =
    16 positivity + 32 in the GYNI and LGYNI classes."""
    pytest.importorskip("exactbell.causal.polytope")
    M = pm.causal()
    assert len(M.points) == 112 and M.pointset.affine_dim() == 12
    _, group = pm.symmetry_group(M)
    reps = classes_cdd(M.pointset, group)
    assert len(reps) == 3 and sum(len(group.orbit(t)) for t in reps) == 48
