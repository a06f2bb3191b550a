"""Table I errata under any symmetry (kernel kind ``classes``, option ``affine``), the affine
symmetry bound of a point set, and the simplex shortcut of the completeness check."""
from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest

from exactbell.kernel.polytope import PointSet, affine_order_bound, bits, projection_gram, verify_complete
from .conftest import check_mutant as run

SW = Path(__file__).resolve().parents[1] / "proofs" / "sengupta-wooltorton"


def load(name):
    return json.loads((SW / f"{name}.json").read_text())


@pytest.mark.parametrize("points, order", [
    (list(product((0, 1), repeat=3)), 48),  # the cube: its 48 symmetries are affine
    ([(0, 0), (2, 0), (2, 1), (0, 1)], 8),  # a rectangle is affinely a square
    ([(0, 0), (3, 0), (2, 1), (1, 1)], 2),  # an isosceles trapezoid: the reflection only
    ([(0, 0), (1, 0), (0, 1)], 6),  # every permutation of a triangle is affine
    ([(0, 0), (2, 0), (3, 1), (2, 2), (0, 2), (-1, 1)], 12),  # an affinely regular hexagon
    ([(0, 0), (1, 0), (0, 1), (1, 1), (3, 3)], 2),  # a square and a point on its diagonal
])
def test_affine_order_bound_is_the_order_on_small_sets(points, order):
    assert affine_order_bound(points) == order


def test_projection_gram_is_preserved_exactly_by_affine_permutations():
    sq = [(0, 0), (1, 0), (1, 1), (0, 1)]
    W = projection_gram(sq)
    rotate = [1, 2, 3, 0]  # an affine map (rotation by 90 degrees)
    assert all(W[rotate[i]][rotate[j]] == W[i][j] for i in range(4) for j in range(4))
    swap = [1, 0, 2, 3]  # exchanging two adjacent corners is no affine map
    assert any(W[swap[i]][swap[j]] != W[i][j] for i in range(4) for j in range(4))


def test_octahedron_facets_are_simplices_decided_without_memo():
    pts = [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)]
    ps = PointSet(pts)
    fs = [bits((a, b, c)) for a in (0, 1) for b in (2, 3) for c in (4, 5)]
    assert verify_complete(ps, bits(range(6)), fs) == (True, None)
    for k in range(8):
        assert not verify_complete(ps, bits(range(6)), fs[:k] + fs[k + 1:])[0]


def test_one_way_count_holds_under_every_affine_symmetry(tmp_path):
    c = load("C000-04.one-way.p=3_4")
    c["data"]["affine"] = True
    r = run(tmp_path, c)
    assert r.verdict == "verified"
    assert ("these are all the affine symmetries of the vertices (order at most 64), so every group of "
            "symmetries has at least 13 facet classes (paper: 13 classes)") in r.statement


@pytest.mark.parametrize("mutate", [
    lambda c: c["data"].update(affine=1),  # not a boolean
    lambda c: c["data"].update(complete=False, classes=c["data"]["classes"][:1]),  # vertices not isolated
])
def test_affine_option_mutants_are_rejected(tmp_path, mutate):
    c = load("C000-04.one-way.p=3_4")
    c["data"]["affine"] = True
    mutate(c)
    assert run(tmp_path, c).verdict == "error"
