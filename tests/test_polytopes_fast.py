"""Fast symmetric enumeration (polytopes/fastsym.py) and the scalable completeness format
(class lists with per-class ridge neighbours, for the kernel kind ``classes``)."""
from __future__ import annotations

import random
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import fastsym
from exactbell.polytopes import models as pm
from exactbell.polytopes.adjacency import classes_cdd
from exactbell.polytopes.cddfacets import facet_incidence, facets_cdd
from exactbell.polytopes.classcert import support_and_group
from exactbell.polytopes.exact import PermGroup, PointSet
from exactbell.polytopes.facesym import _extreme_images
from exactbell.polytopes.fastsym import (
    FastGroup,
    KnownFacets,
    SlackPolytope,
    _work,
    classify,
    derived_ridges,
    orbit_total,
)


@pytest.fixture(scope="module")
def oneway():
    M = pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))
    return support_and_group(M)


@pytest.fixture(scope="module")
def fast_oneway(oneway):
    return FastGroup(oneway[3])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fast_canonical_equals_bruteforce_canonical(oneway, fast_oneway, data):
    _, ps, _, group = oneway
    T = data.draw(st.sets(st.integers(0, ps.size - 1), min_size=1, max_size=20))
    assert fast_oneway.canonical(T) == group.canonical(T)
    assert fast_oneway.orbit_size(T) == len(group.orbit(T))
    c, e = fast_oneway.canonical_with(T)
    assert tuple(sorted(group.elements[e][i] for i in T)) == c
    stab = fast_oneway.stabiliser(T)
    assert {group.elements[s] for s in stab} == {g for g in group.elements if group.image(g, T) == tuple(sorted(T))}


@pytest.mark.parametrize("make", [lambda: pm.local(Scenario((2, 2), (2, 2))),
                                  lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4)),
                                  lambda: pm.named_signaling("one-way-symmetric", p=Fraction(2, 3))])
def test_classify_agrees_with_plain_cdd(make):
    _, ps, _, group = support_and_group(make())
    res = classify(ps, group)
    allf = facets_cdd(ps)  # independent: plain double description of the whole polytope
    assert res["complete"]
    assert set(res["classes"]) == set(classes_cdd(ps, group))
    assert orbit_total(res["fast"], res["classes"]) == len(allf)
    assert len(set(res["classes"])) == len(res["classes"])


def test_classify_two_workers_same_result(oneway):
    _, ps, _, group = oneway
    a, b = classify(ps, group, workers=1), classify(ps, group, workers=2)
    assert set(a["classes"]) == set(b["classes"]) and a["ridges"] == b["ridges"]


def test_integer_rotation_gives_the_other_facet(oneway):
    _, ps, _, group = oneway
    sp = SlackPolytope(ps)
    allf = set(facets_cdd(ps))
    T = sorted(allf, key=len)[0]
    f = sp.slack(T)
    assert f.min() == 0 and {i for i in range(ps.size) if f[i] == 0} == set(T)
    for R in sp.ridges(T):
        N = sp.rotate(T, f, R)
        assert N in allf and N != T and R <= N and (N & T) == R


def test_ridge_neighbours_reproduce_ridges(oneway):
    _, ps, _, group = oneway
    res = classify(ps, group)
    fg = res["fast"]
    sp = SlackPolytope(ps)
    for k, T in enumerate(res["classes"]):
        rs = set(sp.ridges(T))
        got = set()
        for j, g in res["ridges"][k]:
            N = frozenset(group.elements[g][i] for i in res["classes"][j])
            got.add(frozenset(T) & N)
            # g is the least element of its coset g.Stab(T_j)
            assert all(fg.index[tuple(group.elements[g][i] for i in group.elements[s])] >= g
                       for s in fg.stabiliser(res["classes"][j]))
        assert got == rs


def _neighbour_facets(group, res):
    """Per class (as its canonical tight set): the set of its neighbouring facets."""
    out = {}
    for k, T in enumerate(res["classes"]):
        out[T] = {frozenset(group.elements[g][i] for i in res["classes"][j]) for j, g in res["ridges"][k]}
    return out


@pytest.mark.parametrize("make, heavy", [(lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4)), 12),
                                         (lambda: pm.local(Scenario((3, 3), (2, 2))), 25)])
def test_heavy_classes_read_off_known_facets_match_cdd_ridges(make, heavy):
    _, ps, _, group = support_and_group(make())
    plain = classify(ps, group)
    light = classify(ps, group, lightest_first=True, heavy=heavy)
    assert light["complete"] and 0 < light["from_known"] <= sum(1 for T in plain["classes"] if len(T) > heavy)
    assert _neighbour_facets(group, light) == _neighbour_facets(group, plain)


def test_known_facets_give_exactly_the_ridges_and_miss_those_of_unknown_classes(oneway):
    _, ps, _, group = oneway
    res = classify(ps, group)
    sp, fg, classes = res["slack"], res["fast"], res["classes"]
    T = max(classes, key=len)
    full = KnownFacets(sp, fg, classes).neighbours(T)
    assert {R for R, *_ in full} == set(sp.ridges(T))
    for R, c, e, _ in full:  # P[e] maps the neighbour through R onto its canonical form c
        N = frozenset(group.elements[fg.index[tuple(int(x) for x in fg.Pinv[e])]][i] for i in c)
        assert N & frozenset(T) == R and N != frozenset(T)
    j = next(j for j, c in enumerate(classes) if c != T and any(c2 == c for _, c2, _, _ in full))
    partial = KnownFacets(sp, fg, classes[:j] + classes[j + 1:]).neighbours(T)
    assert {R for R, *_ in partial} < {R for R, *_ in full}


def test_lightest_first_cut_is_reproducible(oneway):
    _, ps, _, group = oneway
    a = classify(ps, group, lightest_first=True, max_classes=8, certificate=False)
    b = classify(ps, group, lightest_first=True, max_classes=8, certificate=False)
    assert not a["complete"] and a["classes"] == b["classes"] and len(a["classes"]) >= 8
    assert set(a["classes"]) <= set(classify(ps, group)["classes"])


# ---------------------------------------------------------------------------------------------
# heavy classes: ridges derived from processed neighbours (fastsym.derived_ridges)

def _processed(make, trivial=False):
    _, ps, _, group = support_and_group(make())
    if trivial:  # every facet its own class: no symmetry to fill in missing ridges
        group = PermGroup(ps.size, [tuple(range(ps.size))])
    res = classify(ps, group, certificate=False)
    sp, fg = res["slack"], res["fast"]
    return ps, group, sp, fg, res["classes"], {c: _work((sp, fg), c)[1] for c in res["classes"]}


@pytest.fixture(scope="module")
def local3322():
    return _processed(lambda: pm.local(Scenario((3, 3), (2, 2))))


@pytest.fixture(scope="module")
def chsh_trivial():
    return _processed(lambda: pm.local(Scenario((2, 2), (2, 2))), trivial=True)


@pytest.fixture(scope="module")
def cube7():
    """128 points (two 64-bit words per subset), under the group flipping the first coordinate."""
    pts = list(product((0, 1), repeat=7))
    ps = PointSet(pts)
    flip = tuple(pts.index((1 - v[0],) + v[1:]) for v in pts)
    group = PermGroup(ps.size, [flip])
    res = classify(ps, group, certificate=False)
    sp, fg = res["slack"], res["fast"]
    return ps, group, sp, fg, res["classes"], {c: _work((sp, fg), c)[1] for c in res["classes"]}


@pytest.mark.parametrize("case, drop", [("local3322", False), ("local3322", True), ("chsh_trivial", True),
                                        ("cube7", False), ("cube7", True)])
def test_derived_ridges_equal_cdd_ridges_with_their_neighbours(case, drop, request):
    """Every class of 3,3:2,2 (positivity, CHSH, I3322) from the other classes' ridges (with
    ``drop``, from one processed ridge only: the others are found by rotation inside the facet, with
    Normaliz on the missing ridges until the Balinski stop): exactly cdd's facets of the facet, in
    its order, and each known neighbour is the facet that the exact rotation across that ridge gives.
    Under the trivial group nothing is filled in by symmetry, so the missing ridges must be expanded."""
    ps, _, sp, fg, classes, raw = request.getfixturevalue(case)
    for T in classes:
        others = {c: out for c, out in raw.items() if c != T}
        if drop:  # one class, and of its ridges towards T's class only the first
            Tj, out = max(((c, out) for c, out in others.items() if any(x[1] == T for x in out)), key=lambda kv: len(kv[0]))
            k = next(k for k, x in enumerate(out) if x[1] == T)
            others = {Tj: [(R, c if i == k else None, e, x) for i, (R, c, e, x) in enumerate(out)]}
        ridges, rows, known, (rep_of, sidx) = derived_ridges(sp, fg, T, others)
        assert ridges == facets_cdd(ps, T)
        assert [frozenset(np.nonzero(r)[0].tolist()) for r in rows] == ridges
        stab = fg.P[fg.stabiliser(T)]  # sidx[k] maps ridge k onto the same ridge as its representative's does
        image = [frozenset(int(stab[sidx[k]][i]) for i in R) for k, R in enumerate(ridges)]
        assert all(rep_of[k] <= k and image[k] == image[rep_of[k]] for k in range(len(ridges)))
        reps = sorted(set(rep_of.tolist()))
        least = {min(tuple(sorted(int(g[i]) for i in ridges[r])) for g in stab) for r in reps}
        assert len(least) == len(reps)  # one representative per orbit
        f = sp.slack(T)
        assert any(known) and (not drop or None in known)
        for R, kn in zip(ridges, known):
            if kn is not None:
                c, e = kn
                N = sp.rotate(T, f, R)
                assert tuple(sorted(int(fg.P[e][i]) for i in N)) == c


def test_classify_with_derived_ridges_gives_the_same_certificate_data(local3322, monkeypatch):
    """Every class heavy (threshold -1): the classes, their order and the ridge neighbours (the
    certificate data) are those of the run without derivation."""
    ps, group, *_ = local3322
    monkeypatch.setattr(fastsym, "HEAVY_EXCESS", 10 ** 9)
    plain = classify(ps, group)
    calls = []
    real = fastsym.derived_ridges
    monkeypatch.setattr(fastsym, "derived_ridges", lambda *a: calls.append(a[2]) or real(*a))
    monkeypatch.setattr(fastsym, "HEAVY_EXCESS", -1)
    derived = classify(ps, group)
    assert len(calls) == len(plain["classes"])  # all waited (the first has no processed neighbour: Normaliz)
    assert derived["classes"] == plain["classes"] and derived["ridges"] == plain["ridges"]


def test_canonical_many_lookup_tables_equal_the_bit_images(local3322):
    """n ≤ 64: the table-driven largest image words give the elements of the packed-bit images."""
    ps, fg = local3322[0], local3322[3]
    rnd = np.random.default_rng(7)
    B = rnd.random((200, ps.size)) < 0.5
    B[:20] = B[20]  # repeated rows
    assert (fg._largest_word(B) == _extreme_images(B, fg.Pinv, largest=True)[1]).all()
    for (c, e), b in zip(fg.canonical_many(B[:30]), B[:30]):
        assert (c, e) == fg.canonical_with(np.nonzero(b)[0].tolist())


def test_first_facet_gives_facets(local3322):
    ps = local3322[0]
    allf = set(facets_cdd(ps))
    rnd = random.Random(3)
    for _ in range(10):
        F = ps.first_facet(range(ps.size), [rnd.randint(-50, 50) for _ in range(ps.n)], rnd)
        assert F in allf
        W = sorted(F)
        G = ps.first_facet(W, [rnd.randint(-50, 50) for _ in range(ps.n)], rnd)
        assert G in set(facets_cdd(ps, W))


def test_facet_incidence_equals_cdd(local3322):
    ps, classes = local3322[0], local3322[4]
    for T in classes:
        W = sorted(T)
        got = {frozenset(W[t] for t in np.nonzero(r)[0]) for r in facet_incidence(ps, W)}
        assert got == set(facets_cdd(ps, W))


# ---------------------------------------------------------------------------------------------
# the scalable certificate format

@pytest.mark.slow
def test_three_party_local_polytope_classes_match_cdd():
    """Three parties, two inputs, two outputs: the class list found by the fast engine equals the
    canonical forms of a plain cdd.gmp facet enumeration (slow: cdd on 64 points in dim 26)."""
    _, ps, _, group = support_and_group(pm.local(Scenario((2, 2, 2), (2, 2, 2))))
    res = classify(ps, group, workers=2)
    allf = facets_cdd(ps)
    assert set(res["classes"]) == set(classes_cdd(ps, group))
    assert orbit_total(res["fast"], res["classes"]) == len(allf)

