"""Kernel kinds ``vertex-set``, ``facet`` and ``classes`` (Sengupta–Wooltorton channel polytopes):
decided statements of bundled certificates, and semantic mutations that must be rejected or
change the statement."""
from __future__ import annotations

import copy
import functools
import json
from itertools import product
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exactbell.kernel.check import check_file
from exactbell.kernel.scenario import Behaviour, Scenario
from exactbell.kernel.polytope import Group, PointSet, bits, relabelings, small_facets, verify_complete
from .conftest import check_mutant as run

SW = Path(__file__).resolve().parents[1] / "proofs" / "sengupta-wooltorton"


def load(name):
    return json.loads((SW / f"{name}.json").read_text())




def decided(name):
    r = check_file(SW / f"{name}.json")
    assert r.verdict == load(name)["expected"], r.detail
    return r


# -- decided statements (values with an independent source: the paper, or the earlier exact checker) ----

def test_relabeling_group_has_order_128_and_is_closed():
    G = relabelings()
    assert len(G) == 128 == len(set(G))
    S = set(G)
    assert all(tuple(a[i] for i in b) in S for a in G[:9] for b in G)


def test_one_way_table_one_count_is_decided_with_the_kernel_group():
    # Table I of the paper: 13 classes; 552 facets and group order 64 as the earlier checker found
    s = decided("C000-04.one-way.p=3_4").statement
    assert "has 13 facet classes (552 facets) under the group of the 64 relabelings" in s
    assert "dimension 10" in s and s.endswith("(paper: 13 classes)")


def test_printed_b2_inequalities_decided_for_all_p():
    s = decided("C000-24").statement
    assert "for all p in (1/2, 1)" in s
    assert "F'1 [>= #03c90733ec]: facet;" in s
    # the earlier checker's counterexample: vertex (2,3) at p = 3/4 exceeds the bound by 3/44
    assert "F'3 [<= #fcc2fc3e98]: invalid: violated at p = 3/4 by the point of label (2, 3) by 3/44" in s
    assert "(paper: facets, pairwise inequivalent)" in s


def test_printed_f5_and_f6_are_one_class():
    s = decided("C000-06").statement  # F5 and F6 are printed identically in Appendix B1
    assert ": 12 among 13 facets" in s
    assert "F5 [<= #5138d976f9]: facet; F6 [<= #5138d976f9]: facet" in s


def test_vertex_set_counts():
    s = decided("C000-02.one-way.p=3_4").statement
    assert "the 256 labelled points are 144 distinct points, exactly 64 of which are vertices" in s


# -- mutations ------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def base_result(base):
    return check_file(SW / f"{base}.json")


def rejected_or_changed(tmp_path, base, mutant):
    want = base_result(base)
    r = run(tmp_path, mutant)
    return r.verdict == "error" or (r.statement, r.verdict) != (want.statement, want.verdict)


FACET = "C000-24.valid-part"


@pytest.mark.parametrize("mutate", [
    lambda c: c["parameters"].update(p="(1/2, 3/4)"),  # narrowed range
    lambda c: c["parameters"].update(p="[1/2, 1]"),  # closed range: a denominator 2p-1 vanishes at 1/2
    lambda c: c["data"].pop("paper"),  # paper claim dropped
    lambda c: c["data"].update(paper="facets, one class"),
    lambda c: c["data"]["inequalities"][1].update(sense=">="),  # flipped sense
    lambda c: c["data"]["inequalities"][1].update(bound="9/10"),
    lambda c: c["data"]["inequalities"][1]["matrix"][0].__setitem__(0, "p/(2*p-1) + 1/100"),
    lambda c: c["data"]["inequalities"].pop(),
    lambda c: c["data"]["model"]["fidelities"].update(s="1/2"),
    lambda c: c["data"].update(generators=[[1, 0]]),  # an unread key
    lambda c: c["data"]["inequalities"][0].update(status="facet"),
    lambda c: c.update(parameters={"A0": c["parameters"]["p"]}),  # observable name
    lambda c: c.update(parameters={"sqrt": c["parameters"]["p"]}),  # reserved name
    lambda c: c["conventions"].update(form="correlator"),
])
def test_facet_mutants(tmp_path, mutate):
    c = load(FACET)
    mutate(c)
    assert rejected_or_changed(tmp_path, FACET, c)


def test_facet_domain_with_exceptional_root_is_reported(tmp_path):
    c = load("C000-13.r=1_3.all-p")
    c["parameters"]["p"] = "[0, 1]"  # at p = 1 the fixed-bit model degenerates
    r = run(tmp_path, c)
    assert r.verdict == "error" or "except possibly at" in r.statement or "valid, not a facet" in r.statement


CLASSES = "C000-04.one-way.p=3_4"


def test_splitting_a_class_to_inflate_the_count_fails(tmp_path):
    """The review's attack: more classes than the truth (13) by listing an equivalent facet twice,
    which a file-supplied subgroup would have allowed. The group is the kernel's, so it is refused."""
    c = load(CLASSES)
    cls = c["data"]["classes"]
    G = relabelings()
    c2 = copy.deepcopy(c)
    c2["data"]["classes"] = cls + [cls[0]]
    assert run(tmp_path, c2).verdict == "error"
    c2["data"]["generators"] = [list(G[1])]
    assert run(tmp_path, c2).verdict == "error"


@pytest.mark.parametrize("mutate", [
    lambda c: c["data"]["classes"].pop(),  # a missing class: completeness fails
    lambda c: c["data"].update(complete=False),  # incomplete: "at least", or refused
    lambda c: c["data"].update(paper=22),
    lambda c: c["data"].pop("paper"),
    lambda c: c["data"]["support"].pop(),  # support no longer invariant / spanning
    lambda c: c["data"]["classes"][0]["tight"].pop(),
    lambda c: c["data"]["classes"][0].update(bound=str(int(c["data"]["classes"][0]["bound"]) + 1)),
    lambda c: c["data"].update(group_order=32),
    lambda c: c["parameters"].update(p="2/3"),
])
def test_classes_mutants(tmp_path, mutate):
    c = load(CLASSES)
    mutate(c)
    assert rejected_or_changed(tmp_path, CLASSES, c)


def test_vertex_set_wrong_separator_is_rejected(tmp_path):
    c = load("C000-02.one-way.p=3_4")
    e = c["data"]["extreme"][0]
    e["functional"] = [0] * 16
    assert run(tmp_path, c).verdict == "error"
    c = load("C000-02.one-way.p=3_4")
    c["data"]["redundant"].pop()
    assert run(tmp_path, c).verdict == "error"


def test_completeness_criterion_on_the_square_pyramid_with_symmetry():
    pts = [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0), (1, 1, 2)]  # apex off-centre: 5 facets
    ps = PointSet(pts)
    fs = [bits(f) for f in ([0, 1, 2, 3], [0, 1, 4], [1, 2, 4], [2, 3, 4], [0, 3, 4])]
    assert verify_complete(ps, bits(range(5)), fs) == (True, None)
    for k in range(5):
        assert not verify_complete(ps, bits(range(5)), fs[:k] + fs[k + 1:])[0]
    # with a symmetry group (the cube's 48 symmetries), memoised up to symmetry
    from itertools import product
    cube = list(product((0, 1), repeat=3))
    ps = PointSet(cube)
    w = {v: k for k, v in enumerate(cube)}
    elems = {tuple(w[tuple(s[i] ^ v[perm[i]] for i in range(3))] for v in cube)
             for perm in ((0, 1, 2), (1, 2, 0), (2, 0, 1), (1, 0, 2), (0, 2, 1), (2, 1, 0)) for s in product((0, 1), repeat=3)}
    G = Group(elems)
    assert G.order == 48
    fs = [bits(k for k, v in enumerate(cube) if v[i] == b) for i in range(3) for b in (0, 1)]
    assert verify_complete(ps, bits(range(8)), fs, {}, None, G) == (True, None)
    for k in range(6):
        assert not verify_complete(ps, bits(range(8)), fs[:k] + fs[k + 1:], {}, None, G)[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(*[st.integers(-2, 2)] * 3), min_size=4, max_size=6, unique=True))
def test_small_facets_are_the_facets_found_by_gift_wrapping(pts):
    """Gale vectors (at most rank + 2 points) give exactly the facets of the exact gift wrapping (search
    side), non-vertex points included."""
    from exactbell.polytopes.exact import PointSet as SearchPointSet

    ps, Q = PointSet(pts), bits(range(len(pts)))
    r = ps.rank(range(len(pts)))
    got = small_facets(ps, Q, r)
    if len(pts) > r + 2 or r <= 2:
        assume(len(pts) > r + 2 and got is None)
        return
    assert got == {bits(F) for F in SearchPointSet(pts).face_facets(range(len(pts)))}


def prism_triangle_square():
    """conv(triangle × square) in R^4 (12 points, 7 facets) and its 48 symmetries (S3 × D4 on the factors)."""
    tri, sq = [(0, 0), (1, 0), (0, 1)], [(0, 0), (1, 0), (1, 1), (0, 1)]
    pts = [t + s for t in tri for s in sq]
    d4 = [tuple((k * i + o) % 4 for i in range(4)) for k in (1, -1) for o in range(4)]
    from itertools import permutations
    G = Group({tuple(4 * a[t] + b[s] for t in range(3) for s in range(4)) for a in permutations(range(3)) for b in d4})
    return PointSet(pts), G


def test_listed_ridges_of_a_prism_facet_with_two_ridge_orbits():
    """verify_complete with a stabiliser on F = edge × square (a cube, 8 points: not decided by Gale vectors): its ridges
    form two orbits under its stabiliser; dropping a whole orbit keeps the list invariant and must still be
    rejected, as must a list that is not invariant or names a face that is not a ridge."""
    ps, G = prism_triangle_square()
    assert G.order == 48
    F = bits(range(8))  # triangle vertices 0, 1 (edge) times the square
    stab = [e for e, x in enumerate(G.images(F)) if x == F]
    ends = {bits(range(4 * t, 4 * t + 4)) for t in (0, 1)}  # vertex × square
    sides = {bits([s, (s + 1) % 4, 4 + s, 4 + (s + 1) % 4]) for s in range(4)}  # edge × edge
    assert small_facets(ps, F, 4) is None and len(stab) == 16
    check = lambda rs: verify_complete(ps, F, rs, {}, {}, G, stab)
    assert check(ends | sides) == (True, None)
    assert not check(sides)[0] and not check(ends)[0]  # an orbit dropped: still invariant
    assert check(ends | sides - {min(sides)}) == (False, "the ridge list is not invariant under the stabiliser of the facet")
    assert not check(ends | sides | {bits([0, 4])})[0]  # an edge of the cube listed as a ridge


# -- the ridge-neighbour completeness format ------------------------------------------------------------

@pytest.fixture(scope="module")
def ridge_cert():
    from fractions import Fraction

    from exactbell.generators.sw_polytopes import classes_v2
    from exactbell.polytopes.classcert import ridge_classes_data
    from exactbell.polytopes.models import named_signaling

    M = named_signaling("one-way-symmetric", p=Fraction(3, 4))
    return classes_v2("T.ridges", "C000-04", "test", "one-way classes with ridges", "one-way-symmetric",
                      {"p": "3/4"}, ridge_classes_data(M), 13)


def test_ridge_format_decides_the_same_statement(tmp_path, ridge_cert):
    r = run(tmp_path, ridge_cert)
    assert r.verdict == "verified" and "has 13 facet classes (552 facets) under the group of the 64" in r.statement


@pytest.mark.parametrize("mutate", [
    lambda cs: cs[0]["ridges"].pop(),  # a missing ridge
    lambda cs: cs[0]["ridges"].append(list(cs[0]["ridges"][0])),  # a repeated ridge
    lambda cs: cs[0]["ridges"][0].__setitem__(1, 64),  # element out of range
    lambda cs: cs[0]["ridges"][0].__setitem__(0, 13),  # class out of range
    lambda cs: cs[0]["ridges"][0].__setitem__(1, "1"),
    lambda cs: cs[1].pop("ridges"),  # mixed formats
    lambda cs: cs[0].__setitem__("ridges", []),
    lambda cs: cs[2]["ridges"][0].__setitem__(1, (cs[2]["ridges"][0][1] + 1) % 64),  # another neighbour
])
def test_ridge_format_mutants_are_rejected(tmp_path, ridge_cert, mutate):
    c = copy.deepcopy(ridge_cert)
    mutate(c["data"]["classes"])
    assert run(tmp_path, c).verdict == "error"


# -- quantum violations, the A->B correlator polytope, Appendix A ---------------------------------------

def test_quantum_violation_classes_refute_the_interesting_count():
    s = decided("C000-04.interesting.two-way.p=3_4").statement
    assert "has at least 8 facet classes violated by quantum behaviours" in s
    assert "group of the 128 relabelings" in s and s.endswith("(paper: 3 interesting classes)")


@pytest.mark.parametrize("mutate", [
    lambda c: c["data"]["classes"][0]["violation"]["observables"][0][0].__setitem__(0, ["1", "0"]),  # not ±1
    lambda c: c["data"]["classes"][0]["violation"].update(state=["1", "0", "0", "0"]),  # product state
    lambda c: c["data"]["classes"].append(copy.deepcopy(c["data"]["classes"][0])),  # a class twice
    lambda c: c["data"].update(complete=True),
    lambda c: c["data"].update(paper=9),  # 9 violated classes do not refute 9
    lambda c: c["data"].update(paper=13),  # nor a larger count: an incomplete list is only a lower bound
    lambda c: c["data"]["classes"][1].pop("violation"),
])
def test_quantum_violation_mutants(tmp_path, mutate):
    c = load("C000-04.interesting.one-way.p=3_4")
    mutate(c)
    assert run(tmp_path, c).verdict == "error"


def test_a_to_b_correlator_facets_complete():
    s = decided_in("chaves-kueng-brask-gross", "C002-12").statement
    assert "(176 spanning points, dimension 9) has 4 facet classes (186 facets)" in s  # 186: cdd.gmp's count


def test_appendix_a_classes_and_a_wrong_multiplicity(tmp_path):
    s = decided("C000-03").statement
    assert "256 distinct points, forming 16 orbits under the group of the 16 relabelings" in s
    c = load("C000-03")
    c["data"]["paper"][1] = 16
    r = run(tmp_path, c)
    assert r.verdict == "refuted"
    c = load("C000-03")
    c["data"]["representatives"][0]["matrix"][0][0] = "p"
    assert run(tmp_path, c).verdict == "error"


def decided_in(paper, name):
    p = SW.parent / paper / f"{name}.json"
    r = check_file(p)
    assert r.verdict == json.loads(p.read_text())["expected"], r.detail
    return r


# -- the local model of a Bell scenario (points and relabeling group computed by the kernel) -------------

def local_chsh():
    return json.loads((SW.parent / "wooltorton-brown-colbeck" / "C004-02.json").read_text())


def test_local_chsh_polytope_has_24_facets_in_2_classes():
    s = decided_in("wooltorton-brown-colbeck", "C004-02").statement
    assert "conv of the deterministic local points of (2,2;2,2)" in s
    assert "(16 spanning points, dimension 8) has 2 facet classes (24 facets)" in s
    assert "under the group of the 128 relabelings preserving the model's points;" in s


@pytest.mark.parametrize("hint", [
    lambda c: c["data"].update(generators=[list(range(16))]),  # the trivial subgroup
    lambda c: c["data"]["model"].update(generators=[[1, 0] + list(range(2, 16))]),
    lambda c: c["data"]["model"].update(group=2),
])
def test_local_model_refuses_a_file_group(tmp_path, hint):
    c = local_chsh()
    hint(c)
    assert run(tmp_path, c).verdict == "error"


def test_local_model_dropped_class(tmp_path):
    c = local_chsh()
    c["data"]["classes"].pop()
    r = run(tmp_path, c)
    assert r.verdict == "error" and "the class list is not complete" in r.detail
    c["data"].update(complete=False)
    c["data"].pop("paper")
    s = run(tmp_path, c).statement
    assert "has at least 1 facet classes (16 facets in their orbits)" in s


@pytest.mark.parametrize("scenario, error", [
    ({"inputs": [2], "outputs": [2]}, True),  # one party
    ({"inputs": [2, 2, 2, 2], "outputs": [2, 2, 2, 2]}, True),  # four parties
    ({"inputs": [2, 2, 2], "outputs": [2, 2, 2]}, False),
])
def test_local_model_party_count(tmp_path, scenario, error):
    c = local_chsh()
    c["data"]["model"]["scenario"] = scenario
    n = 4 ** len(scenario["inputs"])
    c["data"]["support"] = [[k] for k in range(n)]
    sc = Scenario(tuple(scenario["inputs"]), tuple(scenario["outputs"]))
    points = [Behaviour.deterministic(sc, s).values
              for s in product(*[list(sc.deterministic_strategies(i)) for i in range(sc.parties)])]
    tight = [k for k, v in enumerate(points) if v[0] == 0]  # the positivity p(0...|0...) >= 0
    c["data"]["classes"] = [{"tight": tight, "coefficients": ["-1"] + ["0"] * (len(points[0]) - 1),
                             "bound": "0"}]
    c["data"]["complete"] = False
    c["data"].pop("paper")
    r = run(tmp_path, c)
    assert (r.verdict == "error") == error, r.detail
    if not error:
        assert "(64 spanning points, dimension 26) has at least 1 facet classes (64 facets in their orbits)" \
            in r.statement and "the group of the 3072 relabelings" in r.statement


def test_local_model_in_the_facet_kind(tmp_path):
    c = json.loads((SW.parent / "chaves-kueng-brask-gross" / "C002-11.correlator.json").read_text())
    c["conventions"] = {"form": "correlator", "marginals": "uniform-average"}
    chsh = {"terms": {"A0B0": "1", "A0B1": "1", "A1B0": "1", "A1B1": "-1"}}
    c["data"] = {"model": {"name": "local", "scenario": {"inputs": [2, 2], "outputs": [2, 2]}},
                 "inequalities": [{"name": "CHSH", "functional": chsh, "sense": "<=", "bound": "2"},
                                  {"name": "CHSH loose", "functional": chsh, "sense": "<=", "bound": "3"},
                                  {"name": "CHSH tight", "functional": chsh, "sense": "<=", "bound": "1"}]}
    s = run(tmp_path, c).statement
    assert "CHSH [<= #" in s and "]: facet;" in s
    assert "valid, not a facet (no point is tight)" in s and "invalid: violated by the point of label" in s
    assert "under the group of the 128 relabelings preserving the model's points: 1 among 1" in s
