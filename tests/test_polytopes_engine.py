"""The default polytope engine (``exactbell polytope … --classes/--facets``): facet classes by the fast
adjacency decomposition, every facet as the union of the class orbits (polytopes/orbits.py), checked
against plain cdd.gmp of the whole polytope and against the published counts:

* 2,2:2,2 — 24 facets in 2 classes: 8 CHSH + 16 positivity (Fine, PRL 48, 291 (1982); Froissart 1981).
* 3,3:2,2 — 684 facets in 3 classes: 36 positivity, 72 CHSH, 576 I3322 (Collins & Gisin, J. Phys. A
  37, 1775 (2004), Sec. 3).
"""
from __future__ import annotations

import json
from fractions import Fraction

import pytest

from exactbell.cli import main
from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.cddfacets import facets_cdd, inequality_of
from exactbell.polytopes.classcert import support_and_group
from exactbell.polytopes.exact import facet_test
from exactbell.polytopes.fastsym import classify
from exactbell.polytopes.orbits import facet_orbits


def _cli_json(capsys, *argv) -> dict:
    assert main(["polytope", *argv, "--json", "--workers", "1"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("scenario, facets, sizes", [("2,2:2,2", 24, [8, 16]), ("3,3:2,2", 684, [36, 72, 576])])
def test_default_facets_are_the_published_counts_and_agree_with_cdd(capsys, scenario, facets, sizes):
    fast = _cli_json(capsys, "local", "--scenario", scenario, "--facets")
    cdd = _cli_json(capsys, "local", "--scenario", scenario, "--facets", "--method", "cdd")
    assert fast["method"] == "fast" and cdd["method"] == "cdd"
    assert fast["facet_count"] == len(fast["facets"]) == facets
    assert sorted(c["size"] for c in fast["classes"]) == sizes
    as_set = lambda r: {(tuple(f["coefficients"]), f["bound"]) for f in r["facets"]}
    assert len(as_set(fast)) == facets and as_set(fast) == as_set(cdd)


def test_classes_alone_give_the_counts_without_the_list(capsys):
    r = _cli_json(capsys, "local", "--scenario", "3,3:2,2", "--classes")
    assert (r["class_count"], r["facet_count"]) == (3, 684) and "facets" not in r


@pytest.mark.parametrize("make", [lambda: pm.local(Scenario((3, 3), (2, 2))),
                                  lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))])
def test_orbit_expansion_is_every_facet_with_exact_inequalities(make):
    """The expanded tight sets are exactly cdd.gmp's facets, and each expanded inequality is valid
    and tight on exactly its tight set (the trusted facet test)."""
    _, ps, cgens, group = support_and_group(make())
    reps = classify(ps, group, certificate=False)["classes"]
    orbits = facet_orbits([(T, *inequality_of(ps, T)) for T in reps], group.generators, cgens)
    flat = [f for o in orbits for f in o]
    assert {frozenset(T) for T, _, _ in flat} == set(facets_cdd(ps))
    assert len({T for T, _, _ in flat}) == len(flat)
    for T, a, b in flat:
        t = facet_test(ps, a, b)
        assert t["facet"] and tuple(t["tight"]) == T


def test_facets_of_a_face_from_cdd_incidence():
    """facets_cdd on a face: the positivity facet of 2,2:2,2 (12 points) is a 7-dimensional polytope;
    its facets are its ridges, each the tight set of a facet of the face of affine rank 6."""
    _, ps, _, _ = support_and_group(pm.local(Scenario((2, 2), (2, 2))))
    T = next(F for F in facets_cdd(ps) if len(F) == 12)
    R = facets_cdd(ps, T)
    assert R and all(r < T and ps.rank(sorted(r)) == ps.rank(sorted(T)) - 1 for r in R)
    assert len(set(R)) == len(R)


def test_group_too_large_to_list_is_classified_by_sorting(capsys):
    """2,2:3,3 (relabeling group of order 10,368, past the listing limit): LocalGroup canonical forms;
    1116 facets (Collins & Gisin 2004) in 4 classes, the same as cdd.gmp's facets canonicalised."""
    rep = _cli_json(capsys, "local", "--scenario", "2,2:3,3", "--classes")
    assert (rep["group_order"], rep["class_count"], rep["facet_count"]) == (10368, 4, 1116)
    assert sorted(c["size"] for c in rep["classes"]) == [36, 324, 324, 432]
    assert main(["polytope", "local", "--scenario", "2,2:3,3", "--classes", "--method", "adm", "--workers", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["exactbell polytope: the relabeling group (order 10368) is too large to list: use --method fast"]


@pytest.mark.parametrize("scenario", [((3, 3), (2, 2)), ((2, 2, 2), (2, 2, 2))])
def test_local_group_canonical_forms_agree_with_the_listed_group(scenario):
    """LocalGroup (never lists the group) against FastGroup (lists it): the element maps a facet onto
    its canonical form, images under random elements have the same form, stabilisers have equal
    orders, and the classes of cdd.gmp's facets (3,3:2,2) are the same partition."""
    import random

    from exactbell.polytopes.classcert import support_and_local_group
    from exactbell.polytopes.fastsym import FastGroup, SlackPolytope

    M = pm.local(Scenario(*scenario))
    _, ps, _, group = support_and_group(M)
    _, _, _, lg = support_and_local_group(M)
    fg, sp, rnd = FastGroup(group), SlackPolytope(ps), random.Random(5)
    assert lg.order == group.order
    F = facets_cdd(ps) if len(scenario[0]) == 2 else [ps.first_facet(range(ps.size), [rnd.randint(-9, 9) for _ in
                                                                                   range(ps.n)], rnd) for _ in range(6)]
    pairs = set()
    for T in F[:: max(1, len(F) // 60)]:
        c, g = lg.canonical_with(T, sp.slack(T))
        assert tuple(sorted(int(x) for x in g[sorted(T)])) == c
        assert len(lg.stabiliser_perms(T, sp.slack(T))) == len(fg.stabiliser(T))
        h = fg.P[rnd.randrange(fg.order)]
        T2 = frozenset(int(x) for x in h[sorted(T)])
        assert lg.canonical(T2, sp.slack(T2)) == c
        pairs.add((c, fg.canonical(T)))
    assert len({a for a, _ in pairs}) == len({b for _, b in pairs}) == len(pairs)


def test_facets_of_a_degenerate_facet_by_decomposition_equal_cdd():
    """facesym.face_facets on the largest facet of 3,3:2,2 (48 points, rank 24) decomposed under its
    stabiliser (threshold lowered) gives exactly cdd.gmp's facets."""
    from exactbell.polytopes import facesym
    from exactbell.polytopes.fastsym import FastGroup, SlackPolytope

    _, ps, _, group = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    sp, fg = SlackPolytope(ps), FastGroup(group)
    T = max(facets_cdd(ps), key=len)
    assert len(T) - ps.rank(T) > 8
    old = facesym.EXCESS
    facesym.EXCESS = 8
    try:
        R = facesym.face_facets(sp, T, fg.P[fg.stabiliser(T)])
    finally:
        facesym.EXCESS = old
    assert R == facets_cdd(ps, T) and len(R) > 100


@pytest.mark.parametrize("excess", [3, 6])
def test_nested_decomposition_with_balinski_stop_equals_cdd(excess):
    """facesym.face_facets with a low threshold (nested decompositions at several depths, some faces
    decomposed without symmetry, the cheapest-first order with Balinski's stop) on a 32-point facet
    of 3,3:2,2 (CHSH, rank 16) gives exactly cdd.gmp's facets."""
    from exactbell.polytopes import facesym
    from exactbell.polytopes.fastsym import FastGroup, SlackPolytope

    _, ps, _, group = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    sp, fg = SlackPolytope(ps), FastGroup(group)
    T = min((F for F in facets_cdd(ps) if len(F) == 32), key=sorted)
    old = facesym.EXCESS
    facesym.EXCESS = excess
    try:
        R = facesym.face_facets(sp, T, fg.P[fg.stabiliser(T)])
    finally:
        facesym.EXCESS = old
    assert R == facets_cdd(ps, T) and len(T) - ps.rank(T) > 2 * excess


def test_cdd_functionals_vanish_exactly_on_their_facets():
    """facets_cdd_with: each integer functional is 0 on its facet's points and > 0 on the other points
    of the face (checked on the homogenised rows, exact integers)."""
    from exactbell.polytopes.cddfacets import facets_cdd_with

    _, ps, _, _ = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    T = max(facets_cdd(ps), key=len)
    facets, hs = facets_cdd_with(ps, T)
    assert facets == facets_cdd(ps, T)
    for F, h in zip(facets, hs):
        vals = {i: sum(a * b for a, b in zip(ps.rows[i], h())) for i in T}
        assert {i for i, v in vals.items() if v == 0} == F and min(vals.values()) == 0


def test_orbit_keys_agree_with_least_images_and_batched_rotation_with_rotate():
    """facesym.orbit_keys: equal keys exactly for subsets in one orbit (as the least sorted image says);
    rotate_all gives SlackPolytope.rotate's neighbour for every ridge of a facet."""
    import random

    import numpy as np

    from exactbell.polytopes import facesym
    from exactbell.polytopes.cddfacets import facets_cdd_with
    from exactbell.polytopes.fastsym import FastGroup, SlackPolytope

    _, ps, _, group = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    sp, fg = SlackPolytope(ps), FastGroup(group)
    rnd = random.Random(7)
    sets = [frozenset(rnd.sample(range(ps.size), 5)) for _ in range(40)]
    sets += [frozenset(int(x) for x in fg.P[rnd.randrange(fg.order)][sorted(S)]) for S in sets]
    B = np.zeros((len(sets), ps.size), dtype=bool)
    for k, S in enumerate(sets):
        B[k, sorted(S)] = True
    keys = facesym.orbit_keys(B, fg.Pinv)
    least = [fg.canonical(S) for S in sets]
    assert all((keys[a] == keys[b]) == (least[a] == least[b]) for a in range(len(sets)) for b in range(len(sets)))
    T = sorted(max(facets_cdd(ps), key=len))
    W = np.arange(ps.size)
    ridges, hs = facets_cdd_with(ps, T)
    S = np.zeros((len(ridges), ps.size), dtype=bool)
    for k, R in enumerate(ridges):
        S[k, sorted(R)] = True
    N = facesym.rotate_all(sp.slack(T), (S, sp.values_of(np.array([h() for h in hs], dtype=object), W)))
    assert [frozenset(np.nonzero(row)[0].tolist()) for row in N] == [sp.rotate(T, sp.slack(T), R) for R in ridges]


def test_ridges_complete_accepts_all_ridges_and_rejects_a_missing_orbit():
    """ridges_complete on the largest facet of 3,3:2,2 (48 points): cdd.gmp's ridges pass; without one
    orbit of ridges under the facet's stabiliser (the list stays closed under it) they fail."""
    from exactbell.polytopes.fastsym import FastGroup, SlackPolytope, ridges_complete

    _, ps, _, group = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    sp, fg = SlackPolytope(ps), FastGroup(group)
    T = max(facets_cdd(ps), key=len)
    R = facets_cdd(ps, T)
    assert ridges_complete(sp, fg, T, R)
    stab = [group.elements[int(k)] for k in fg.stabiliser(T)]
    orbit = {frozenset(g[i] for i in R[0]) for g in stab}
    rest = [r for r in R if r not in orbit]
    assert rest and not ridges_complete(sp, fg, T, rest)
    assert not ridges_complete(sp, fg, T, [])


def test_export_writes_every_facet_and_verify_reads_them_back(tmp_path, capsys):
    out = tmp_path / "chsh.ieq"
    assert main(["polytope", "local", "--scenario", "2,2:2,2", "--export", str(out), "--workers", "1"]) == 0
    capsys.readouterr()
    r = _cli_json(capsys, "local", "--scenario", "2,2:2,2", "--verify", str(out))
    assert r["verified"] == {"rows": 24, "facets": 24, "invalid": [], "not_facet": []}


@pytest.mark.parametrize("make", [lambda: pm.local(Scenario((3, 3), (2, 2))),
                                  lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))])
def test_normaliz_facets_are_cdds_with_exact_functionals(make):
    """cddfacets.facets_with (Normaliz) gives cdd.gmp's facets of the polytope and of its largest
    facet (rational points included: the signaling model), each with an integer functional that is 0
    exactly on the facet and > 0 on the face's other points; a simplex face has its n facets."""
    from exactbell.polytopes.cddfacets import facets_with

    _, ps, _, _ = support_and_group(make())
    whole = facets_cdd(ps)
    T = max(whole, key=len)
    for idx in (None, T):
        facets, hs = facets_with(ps, idx)
        assert facets == (whole if idx is None else facets_cdd(ps, T))
        W = range(ps.size) if idx is None else T
        for F, h in zip(facets, hs):
            vals = {i: sum(a * b for a, b in zip(ps.rows[i], h())) for i in W}
            assert {i for i, v in vals.items() if v == 0} == F and min(vals.values()) == 0
    S = []
    for i in range(ps.size):  # affinely independent points: a simplex
        if ps.rank(S + [i]) > len(S):
            S.append(i)
    facets, hs = facets_with(ps, S)
    assert facets == facets_cdd(ps, S) and len(facets) == len(S)


def test_canonical_many_is_canonical_with_for_every_row():
    """FastGroup.canonical_many (largest image as bits) = canonical_with (least sorted image), element
    index included, on random subsets of 3,3:2,2's vertices under its group of order 1152."""
    import random

    import numpy as np

    from exactbell.polytopes.fastsym import FastGroup

    _, ps, _, group = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    fg = FastGroup(group)
    rnd = random.Random(11)
    for size in (1, 5, 17, 40):
        sets = [sorted(rnd.sample(range(ps.size), size)) for _ in range(25)]
        B = np.zeros((len(sets), ps.size), dtype=bool)
        for k, S in enumerate(sets):
            B[k, S] = True
        assert fg.canonical_many(B) == [fg.canonical_with(S) for S in sets]


def test_batched_work_gives_each_ridge_its_rotated_neighbour_and_element():
    """fastsym._work (orbit keys, one rotation per stabiliser orbit, elements composed): for every
    ridge R of each class of 3,3:2,2, the neighbour N = SlackPolytope.rotate(T, f, R) has the
    recorded canonical form, and the recorded element maps N onto it."""
    from exactbell.polytopes.fastsym import FastGroup, SlackPolytope, _work

    _, ps, _, group = support_and_group(pm.local(Scenario((3, 3), (2, 2))))
    sp, fg = SlackPolytope(ps), FastGroup(group)
    reps = classify(ps, group, certificate=False)["classes"]
    assert len(reps) == 3
    for T in reps:
        _, out = _work((sp, fg), T)
        assert {R for R, *_ in out} == set(facets_cdd(ps, T))
        f = sp.slack(T)
        for R, c, e, _ in out:
            N = sp.rotate(T, f, R)
            assert fg.canonical(N) == c and tuple(sorted(int(fg.P[e][i]) for i in N)) == c
