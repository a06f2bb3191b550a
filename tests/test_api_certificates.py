"""Every verb of the API that computes a claim returns certificates the kernel re-checks (ns_bound through the
kernel's lp kind, Polytope.facets/classes through facet and classes), and results display
exactly (str, float, LaTeX, HTML)."""
from __future__ import annotations

import copy
from fractions import Fraction

import pytest

import exactbell
from exactbell import BellFunctional, Certificate, Scenario, interop, latex, local_bound
from exactbell.kernel.models import cglmp, scenario_text

from .conftest import PROOFS

I3322_CG = [[0, -1, 0, 0], [-2, 1, 1, 1], [-1, 1, 1, -1], [0, 1, -1, 0]]


NS_CASES = [  # (functional, the no-signalling maximum: PR box 4, CGLMP_3 4 (PRA 65 052325), I3322 1, 2 I3322 + 5, Mermin 4)
    (lambda: BellFunctional.chsh(), 4),
    (lambda: BellFunctional.from_probabilities(Scenario([2, 2], [3, 3]), list(cglmp(3))), 4),
    (lambda: interop.from_array([3, 3], I3322_CG, "cg"), 1),
    (lambda: interop.from_array([3, 3], [[5 if (i, j) == (0, 0) else 2 * v for j, v in enumerate(row)]
                                         for i, row in enumerate(I3322_CG)], "cg"), 7),
    (lambda: BellFunctional.from_correlators([2, 2, 2], {"A0B0C1": 1, "A0B1C0": 1, "A1B0C0": 1, "A1B1C1": -1}), 4),
]


@pytest.mark.parametrize("make, value", NS_CASES)
def test_ns_bound_certificate_is_the_kernels_no_signalling_lp_optimum(make, value):
    pytest.importorskip("scipy")
    F = make()
    ns = exactbell.ns_bound(F)
    assert ns.value == value and float(ns) == float(value) and str(ns) == f"no-signalling max = {value}"
    cert = ns.certificate()
    assert cert.kind == "lp" and ns.certificates()[0].obj == cert.obj
    r = cert.check()
    assert r.passed and r.verdict == "verified"
    assert r.statement.endswith(f"P> over no-signalling behaviours on {scenario_text(F.scenario)} = {value}")


def test_ns_bound_certificate_mutations_are_refused_or_change_the_statement():
    pytest.importorskip("scipy")
    obj = exactbell.ns_bound(BellFunctional.chsh()).certificate().obj
    refused = {"sense": ("sense", "min"), "model": ("model", {"no-signalling": {"inputs": [2, 2], "outputs": [2, 3]}}),
               "extra key": ("observed", {"p": "pr-box"}), "claim": ("claim", "infeasible"),
               "float": ("functional", {"coefficients": [0.5] * 16})}
    for name, (key, value) in refused.items():
        bad = copy.deepcopy(obj)
        bad["data"][key] = value
        r = Certificate(bad).check()
        assert not r.passed and r.verdict == "error", name
    short = copy.deepcopy(obj)  # a dual one unit short of the optimum
    short["data"]["dual"] = [[i, str(Fraction(v) * Fraction(3, 4))] for i, v in short["data"]["dual"]]
    assert Certificate(short).check().verdict == "error"
    half = copy.deepcopy(obj)  # half the functional: the primal and dual no longer match its optimum 2
    half["data"]["functional"]["coefficients"] = [str(Fraction(c) / 2) for c in obj["data"]["functional"]["coefficients"]]
    assert Certificate(half).check().verdict == "error"


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
