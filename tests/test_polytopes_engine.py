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


def test_too_large_group_is_one_line(capsys):
    assert main(["polytope", "local", "--scenario", "4,4:2,2", "--classes"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("exactbell polytope: local: symmetry group:")


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
