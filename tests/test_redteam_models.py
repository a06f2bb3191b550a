"""Red-team tests of the polytope, LP and local-model kinds (issue #14, points 3, 4, 6): classes, facet,
vertex-set, lp, local-bound, strategy-value and the shared modules polytope, lp, models, scenario,
functional. Each test mutates one bundled certificate (a copy written to ``tmp_path``) into a hostile
input and asserts the exact rejection (an error row naming the field) or the exact decided statement."""

import pytest


from .conftest import PROOFS, decide, rejected

SW, CKBG, WBC = "sengupta-wooltorton", "chaves-kueng-brask-gross", "wooltorton-brown-colbeck"


# -- classes ---------------------------------------------------------------------------------------------------
ONE_WAY = (SW, "C000-04.one-way.p=3_4.json")


def _drop_orbit(cert):
    """The one-way list made incomplete over a support without one orbit of 16 vertices (the last of the three
    orbits of the kernel's group met along the support; every class keeps a tight set of rank dim − 1)."""
    from exactbell.kernel.envelope import load as read
    from exactbell.kernel.models import read_points
    from exactbell.kernel.params import Context
    from exactbell.kernel.polytope import symmetries

    c = read(PROOFS / ONE_WAY[0] / ONE_WAY[1])
    _, _, _, pts, index, maps = read_points(Context.of(c), c.data, symbolic=False)
    support = [index[tuple(x)] for x in cert["data"]["support"]]
    orbits = []
    for s in support:
        if not any(s in o for o in orbits):
            orbits.append({g[s] for _, g in symmetries(pts, maps)})
    orbit = orbits[-1]
    keep = [k for k, s in enumerate(support) if s not in orbit]
    pos = {k: j for j, k in enumerate(keep)}
    d = cert["data"]
    d["support"] = [d["support"][k] for k in keep]
    for cl in d["classes"]:
        cl["tight"] = [pos[t] for t in cl["tight"] if t in pos]
    d.update(complete=False, affine=True)
    del d["paper"]
    return len(orbit)


def test_classes_affine_incomplete_needs_every_point(tmp_path):
    """An incomplete list proves nothing about model points outside the support, so the affine symmetries of
    the support (here 48 of the 64 vertices, U = 64) are not those of the polytope's vertices: before the fix
    the kernel printed "these are all the affine symmetries of the vertices (order at most 64), so every group
    of symmetries has at least 13 facet classes" over a support missing a whole orbit of vertices."""
    r = decide(tmp_path, *ONE_WAY, lambda c: _drop_orbit(c))
    rejected(r, "data.affine", "every distinct point")


def test_classes_incomplete_without_affine_still_decided(tmp_path):
    """The same reduced support without ``affine`` is a sound lower bound (13 classes of facets of the model)."""
    def mutate(c):
        _drop_orbit(c)
        del c["data"]["affine"]
    r = decide(tmp_path, *ONE_WAY, mutate)
    assert r.verdict == "verified", r.detail
    assert "(48 spanning points, dimension 10) has at least 13 facet classes (552 facets in their orbits)" \
        in r.statement, r.statement


# -- facet -----------------------------------------------------------------------------------------------------
FAMILIES = (SW, "C000-04.one-way.families.json")


def _named(name):
    return lambda c: c["data"]["inequalities"][0].__setitem__("name", name)


@pytest.mark.parametrize("name", [
    "class 0 [<= #7f331e9c89]: facet; class 1",  # forges a decided "facet" for a status the kernel never gave
    "class 1" + " " * 20000 + "x",  # a size bomb in the statement
    "сlass 1",  # Cyrillic es: a homoglyph of a bundled name
])
def test_facet_name_is_a_name_not_free_text(tmp_path, name):
    """Inequality names enter the decided statement ("name [<= #digest]: status; ..."): before the fix any text
    was accepted, so a name could forge the look of another decided status or blow up the statement."""
    rejected(decide(tmp_path, *FAMILIES, _named(name)), "data.inequalities[0].name", "not a name")


def test_facet_bundled_name_forms_accepted(tmp_path):
    """The name forms of the bundled certificates ("#5[16,v^*]", "F'1", "F1<=1", "I_A->B", "class 1") pass."""
    for name in ("#5[16,v^*]", "F'1", "F1<=1", "I_A->B", "G_pr"):
        r = decide(tmp_path, *FAMILIES, _named(name))
        assert r.verdict == "verified" and f"(1/2, 1): {name} [<= #7f331e9c89]: facet;" in r.statement, r.statement


# -- local-bound: signaling channels are channels ---------------------------------------------------------------
SEPARATED = (SW, "C000-19.p=3_4.json")


@pytest.mark.parametrize("field, value", [
    (("point", "fidelities"), [["2", "2", "2", "2"]]),  # P* then has negative entries: no behaviour at all
    (("point", "fidelities"), [["p", "p", "p", "5/4"]]),
    (("fidelities",), [["p", "p", "1/2", "1/2"], ["1/2", "1/2", "p", "-p"]]),  # the model itself
])
def test_local_bound_fidelities_are_probabilities(tmp_path, field, value):
    """Eq. (9) points are behaviours only for fidelities in [0, 1] (vertex-set, classes and facet require it).
    Before the fix the kernel refuted the paper ("P* is outside the convex hull of the model (paper: every point
    of this kind is in the hull)") with P* a "non-signalling convex combination of 3 points of signaling
    S_(2,2),(2,2) strategies", a vector with negative entries."""
    def mutate(c):
        o = c["data"]
        for k in field[:-1]:
            o = o[k]
        o[field[-1]] = value
    rejected(decide(tmp_path, *SEPARATED, mutate), "fidelities", "[0, 1]")


def test_local_bound_fidelity_on_the_whole_domain(tmp_path):
    """With a domain, a fidelity must lie in [0, 1] for every parameter value: 2p - 1/2 leaves it on (2/5, 1)."""
    def mutate(c):
        c["data"]["fidelities"][0][0] = "2*p - 1/2"
    rejected(decide(tmp_path, SW, "C000-09.all-p.json", mutate), "data.fidelities", "[0, 1]")


# -- labels of model points ------------------------------------------------------------------------------------
@pytest.mark.parametrize("folder, name, path", [
    (SW, "C000-02.one-way.p=3_4.json", ("extreme", 0, "label")),
    (SW, "C000-03.json", ("representatives", 0, "label")),
    (SW, "C000-04.interesting.one-way.p=3_4.json", ("support", 0)),
])
@pytest.mark.parametrize("label", [[[0], 1], [{}, 1], [True, False]])
def test_label_of_hostile_types_is_one_line(tmp_path, folder, name, path, label):
    """A label holding a list or an object was an internal error (TypeError: unhashable type) before the fix;
    booleans matched the integer labels (True == 1). Now: one line naming the field."""
    def mutate(c):
        o = c["data"]
        for k in path[:-1]:
            o = o[k]
        o[path[-1]] = label
    rejected(decide(tmp_path, folder, name, mutate), "data." + ".".join(map(str, path[:1])), "not a label")


# -- lp: polynomials in nu -------------------------------------------------------------------------------------
ALL_V = (CKBG, "C002-30.all-v.json")


def test_lp_nu_polynomial_degree_is_bounded(tmp_path):
    """A positive denominator of 200 coefficients (1 kB) was accepted after 13 s of Sturm sequences (800
    coefficients: more than 5 minutes); polynomials in nu now have at most lp.MAX_COEFFICIENTS coefficients."""
    def mutate(c):
        c["data"]["pieces"][0]["dual"]["denominator"] = ["1"] * 200
    rejected(decide(tmp_path, *ALL_V, mutate), "data.pieces[0].dual.denominator", "coefficients")
