"""Every verb of the API that computes a claim returns certificates the kernel re-checks (ns_bound through the
kernel's lp and identity kinds, Polytope.facets/classes through facet and classes), and results display
exactly (str, float, LaTeX, HTML)."""
from __future__ import annotations

import copy
from fractions import Fraction

import pytest

import exactbell
from exactbell import BellFunctional, Certificate, Scenario, interop, latex, local_bound
from exactbell.kernel.models import cglmp

from .conftest import PROOFS

I3322_CG = [[0, -1, 0, 0], [-2, 1, 1, 1], [-1, 1, 1, -1], [0, 1, -1, 0]]


def test_ns_bound_cglmp3_certificate_is_the_lp_upper_bound():
    pytest.importorskip("scipy")
    F = BellFunctional.from_probabilities(Scenario([2, 2], [3, 3]), list(cglmp(3)))
    ns = exactbell.ns_bound(F)
    assert ns.value == 4 and str(ns) == "no-signalling max = 4" and float(ns) == 4.0
    certs = ns.certificates()
    assert [c.kind for c in certs] == ["lp", "lp"]
    results = [c.check() for c in certs]
    assert all(r.passed and r.verdict == "verified" for r in results)
    assert results[0].statement.endswith("CGLMP_3(p) = t, no-signalling, normalised is feasible, at t = 4")
    assert results[1].statement.endswith("is infeasible, for all t in (4, 5] (Farkas: rhs.y = -4 + t > 0 exactly "
                                         "for t > 4)")
    assert ns.certificate().obj == certs[1].obj
    # a Farkas point one unit short is refused by the kernel
    bad = copy.deepcopy(certs[1].obj)
    bad["data"]["farkas"][0][1] = "2"
    r = Certificate(bad).check()
    assert not r.passed and r.verdict == "error"


def test_ns_bound_of_a_scaled_i3322_in_collins_gisin_form():
    pytest.importorskip("scipy")
    scaled = [[5 if (i, j) == (0, 0) else 2 * v for j, v in enumerate(row)] for i, row in enumerate(I3322_CG)]
    F = interop.from_array([3, 3], scaled, "cg")  # 2 * I3322 + 5
    ns = exactbell.ns_bound(F)
    assert ns.value == 7
    certs = ns.certificates()
    assert [c.kind for c in certs] == ["identity", "lp", "lp"]
    results = [c.check() for c in certs]
    assert all(r.passed for r in results), [r.detail for r in results]
    assert results[0].statement.endswith("P> + (5) for every normalised non-signalling behaviour P on (3,3;2,2)")
    assert "I3322(p) = t" in results[2].statement and "(1, 2]" in results[2].statement
    with pytest.raises(NotImplementedError, match="use certificates"):
        ns.certificate()


def test_ns_bound_without_a_kernel_named_functional_has_no_certificate():
    pytest.importorskip("scipy")
    with pytest.raises(NotImplementedError, match="not a positive multiple of the kernel's cglmp"):
        exactbell.ns_bound(BellFunctional.chsh()).certificates()
    mermin = BellFunctional.from_correlators([2, 2, 2], {"A0B0C1": 1, "A0B1C0": 1, "A1B0C0": 1, "A1B1C1": -1})
    ns = exactbell.ns_bound(mermin)
    assert ns.value == 4
    with pytest.raises(NotImplementedError, match=r"names \(CGLMP_d on \(2,2;d,d\), I3322 on \(3,3;2,2\)\)"):
        ns.certificates()


def test_local_polytope_classes_and_facets_certificates():
    pytest.importorskip("cdd")
    P = exactbell.local_polytope([2, 2])
    classes = P.classes()
    assert classes.facet_count == 24 and sorted(c.orbit for c in classes) == [8, 16]
    r = classes.certificate().check()
    assert r.passed and r.verdict == "verified"
    assert "has 2 facet classes (24 facets) under the group of the 128 relabelings" in r.statement
    facets = P.facets()
    r = facets.certificate().check()
    assert r.passed and r.statement.count(": facet") == 24
    # a listed inequality that is valid but not a facet is decided as such
    chsh = BellFunctional.chsh()
    r = P.facet_certificate([(chsh.coefficients, 3)]).check()
    assert r.passed and "valid, not a facet" in r.statement
    vertices = exactbell.local_polytope([2, 2, 2]).vertices()
    assert len(vertices) == 64
    r = vertices.certificate().check()
    assert r.passed and "64 distinct points, exactly 64 of which are vertices" in r.statement
    # explicit vertices have no kernel model
    with pytest.raises(NotImplementedError, match="only a local_polytope"):
        exactbell.Polytope([[0, 0], [1, 0], [0, 1]]).classes().certificate()


def test_displays_are_exact():
    L = local_bound(BellFunctional.chsh())
    assert str(L) == "local max = 2, attained by 8 deterministic strategies" and float(L) == 2.0
    assert L._repr_latex_() == "$\\max_{\\mathcal{L}} \\langle F, P \\rangle = 2$"
    assert L._repr_html_() == ("<div class='exactbell'>\\(\\max_{\\mathcal{L}} \\langle F, P \\rangle = 2\\)<br>"
                               "<small>local max = 2, attained by 8 deterministic strategies</small></div>")
    G = BellFunctional.from_probabilities([2, 2], [1, 0, 0, "-1/2"] + [0] * 12)
    assert G._repr_latex_() == "$p(00|00) - \\frac{1}{2}p(11|00)$"
    from exactbell.kernel.algebraic import NumberField

    K = NumberField("s", [-2, 0, 1], 1, 2)
    assert latex(K.element([Fraction(1, 2), -3])) == "\\frac{1}{2} - 3\\sqrt{2}"
    C = NumberField("c", [-1, -3, 0, 1], 1, 2)
    assert latex(C.element([0, 1])) == "c,\\ c \\text{ the root of } c^{3} - 3c - 1 \\text{ in } (1, 2)"
    f = exactbell.Facet((1, -2, 0, Fraction(1, 2)), Fraction(3))
    assert f._repr_latex_() == "$p_{0} - 2p_{1} + \\frac{1}{2}p_{3} \\le 3$"
    cert = Certificate.load(PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json")
    assert cert._repr_html_().startswith("<div class='exactbell'><b>C004-01.local</b> (local-bound, expected "
                                         "verified): The local bound of CHSH")


def test_check_returns_a_report():
    report = exactbell.check(PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json", jobs=1)
    assert isinstance(report, exactbell.Report) and isinstance(report, list) and len(report) == 1
    assert report.passed and report.summary() == "1 passed, 0 failed"
    assert "\\texttt{C004-01.local} & C004-01" in report.latex()
    assert "| C004-01.local |" in report.markdown()
    html = report._repr_html_()
    assert html.count("<tr>") == 2 and "&lt;(1)*A0B0" in html and html.endswith("<p>1 passed, 0 failed</p>")
