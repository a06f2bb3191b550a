"""Table I "interesting" classes: facets of the Sengupta–Wooltorton signaling polytopes violated by exact
two-qubit behaviours (kinds facet-quantum-violation / facet-quantum-classes)."""
from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.legacy.checkers.facet_quantum_violation import born_behaviour, functional_image
from exactbell.kernel.gaussian import Gaussian, parse_gaussian
from exactbell.generators.sw_interesting import strategy_json
from exactbell.numeric.qubit_search import ExactStrategy, rational_sphere
from exactbell.polytopes import models as pm

PROOFS = Path(__file__).resolve().parents[1] / "proofs" / "sengupta-wooltorton"
ONE_WAY = PROOFS / "C000-04.interesting.one-way.p=3_4.json"
FIXED_BIT = PROOFS / "C000-04.interesting.fixed-bit.p=2_3_r=3_4.json"
SINGLE = PROOFS / "C000-04.interesting.one-way.p=3_4.largest.json"
TWO_WAY = PROOFS / "C000-04.interesting.two-way.p=3_4.json"
F = Fraction


def load(path):
    return json.loads(Path(path).read_text())


def gmat(rows):
    return [[parse_gaussian(z) for z in r] for r in rows]


Z = [["1", "0"], ["0", "-1"]]
X = [["0", "1"], ["1", "0"]]
PHI_PLUS = [["1/2", "0", "0", "1/2"], ["0", "0", "0", "0"], ["0", "0", "0", "0"], ["1/2", "0", "0", "1/2"]]


def p_of(P, x, a, y, b):
    return P[4 * (2 * x + a) + 2 * y + b]


def test_born_rule_on_the_maximally_entangled_state():
    P = born_behaviour(gmat(PHI_PLUS), [gmat(Z), gmat(X)], [gmat(Z), gmat(X)])
    # ZZ and XX are perfectly correlated on |Φ+>, ZX and XZ are uniform
    assert [p_of(P, 0, a, 0, b) for a in (0, 1) for b in (0, 1)] == [F(1, 2), 0, 0, F(1, 2)]
    assert [p_of(P, 1, a, 1, b) for a in (0, 1) for b in (0, 1)] == [F(1, 2), 0, 0, F(1, 2)]
    assert [p_of(P, 0, a, 1, b) for a in (0, 1) for b in (0, 1)] == [F(1, 4)] * 4
    assert [p_of(P, 1, a, 0, b) for a in (0, 1) for b in (0, 1)] == [F(1, 4)] * 4


small = st.fractions(min_value=-3, max_value=3, max_denominator=12)


def circle(t):
    d = 1 + t * t
    return (1 - t * t) / d, 2 * t / d


def sphere(u, w):
    d = 1 + u * u + w * w
    return 2 * u / d, 2 * w / d, (1 - u * u - w * w) / d


@settings(max_examples=25, deadline=None)
@given(small, st.lists(st.tuples(small, small), min_size=4, max_size=4))
def test_closed_form_behaviour_equals_the_born_rule(t, uv):
    c, s = circle(t)
    vecs = [sphere(u, w) for u, w in uv]
    strat = ExactStrategy(c, s, vecs[:2], vecs[2:])
    js = strategy_json(strat)
    P = born_behaviour(gmat(js["state"]), [gmat(o) for o in js["alice"]], [gmat(o) for o in js["bob"]])
    assert P == strat.behaviour()
    assert sum(P) == 4


def test_rational_sphere_points_are_exact_unit_vectors():
    for v in ([0.3, -0.5, 0.8], [0.1, 0.2, -0.97], [1.0, 0.0, 0.0]):
        n = rational_sphere(v, 1000)
        assert n[0] ** 2 + n[1] ** 2 + n[2] ** 2 == 1
        norm = sum(x * x for x in v) ** 0.5
        assert all(abs(float(a) - b / norm) < 1e-2 for a, b in zip(n, v))


# ---------------------------------------------------------------------------------------------
# bundled certificates, re-derived independently

def _decode(entry):
    """(c, s, Alice vectors, Bob vectors) read back from the Q(i) matrices of a Schmidt-form strategy."""
    rho = gmat(entry["strategy"]["state"])
    c, s = rho[0][0].re - rho[3][3].re, 2 * rho[0][3].re
    vec = lambda O: (O[1][0].re, O[1][0].im, O[0][0].re)  # noqa: E731
    A = [vec(gmat(o)) for o in entry["strategy"]["alice"]]
    B = [vec(gmat(o)) for o in entry["strategy"]["bob"]]
    return ExactStrategy(c, s, A, B)


@pytest.mark.parametrize("path,model,params", [
    (ONE_WAY, "one-way-symmetric", {"p": F(3, 4)}),
    (FIXED_BIT, "fixed-bit", {"p": F(2, 3), "r": F(3, 4)}),
    (TWO_WAY, "two-way-symmetric", {"p": F(3, 4)}),
    (PROOFS / "C000-04.interesting.one-way.p=3_5.json", "one-way-symmetric", {"p": F(3, 5)}),
    (PROOFS / "C000-04.interesting.one-way.p=9_10.json", "one-way-symmetric", {"p": F(9, 10)}),
])
def test_every_listed_class_is_a_valid_inequality_violated_by_its_strategy(path, model, params):
    cert = load(path)
    M = pm.named_signaling(model, **params)
    for entry in cert["data"]["classes"]:
        Fc = [F(x) for x in entry["facet"]["coefficients"]]
        b = F(entry["facet"]["bound"])
        vals = [sum(f * x for f, x in zip(Fc, v)) for v in M.points]
        assert max(vals) == b  # valid and attained on the model's points
        strat = _decode(entry)
        assert strat.c ** 2 + strat.s ** 2 == 1
        value = strat.value(Fc)
        assert value == F(entry["value"]) and value > b


def test_bundled_summaries_pass_with_the_careful_verdicts():
    r = check_file(ONE_WAY)
    assert r.passed and r.verdict == "refuted"
    ce = load(ONE_WAY)["expected"]["counterexample"]
    assert ce["paper_interesting"] == 2 and ce["violated_classes"] > 2
    r = check_file(FIXED_BIT)
    assert r.passed and r.verdict == "numeric-only"  # not more than the paper's 20: only a lower bound
    assert "paper_interesting" not in load(FIXED_BIT)["data"]
    r = check_file(SINGLE)
    assert r.passed and r.verdict == "verified"
    r = check_file(TWO_WAY)
    assert r.passed and r.verdict == "refuted"
    assert load(TWO_WAY)["expected"]["counterexample"]["paper_interesting"] == 3


# ---------------------------------------------------------------------------------------------
# rejections

def _run(obj, write_cert):
    return check_file(write_cert(obj))


def _single():
    return copy.deepcopy(load(SINGLE))


def _mutation_sites(cert):
    sites = [("facet", "coefficients", i) for i in range(16)] + [("facet", "bound")]
    for i in range(4):
        for j in range(4):
            sites.append(("strategy", "state", i, j))
    for party in ("alice", "bob"):
        for x in (0, 1):
            for i in range(2):
                for j in range(2):
                    sites.append(("strategy", party, x, i, j))
    return sites


SITES = _mutation_sites(None)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SITES), st.sampled_from(["1/7", "-1/3", "1/1000003", "2*i", "-1/9*i"]))
def test_a_mutated_strategy_or_facet_is_rejected(tmp_path_factory, site, delta):
    cert = _single()
    if site[0] == "facet" and "i" in delta:
        delta = "1/11"
    parent = cert["data"]
    for k in site[:-1]:
        parent = parent[k]
    parent[site[-1]] = f"({parent[site[-1]]}) + {delta}"
    path = tmp_path_factory.mktemp("m") / "c.json"
    path.write_text(json.dumps(cert))
    r = check_file(path)
    assert not r.passed and r.verdict == "error"


def test_non_psd_state_is_a_clear_error(write_cert):
    cert = _single()
    cert["data"]["strategy"]["state"] = [["3/2", "0", "0", "0"], ["0", "-1/2", "0", "0"], ["0", "0", "0", "0"],
                                         ["0", "0", "0", "0"]]
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "data.strategy.state" in r.detail and "positive semidefinite" in r.detail


def test_state_trace_and_hermiticity_are_checked(write_cert):
    cert = _single()
    cert["data"]["strategy"]["state"] = [["1/2", "0", "0", "0"], ["0", "0", "0", "0"], ["0", "0", "0", "0"],
                                         ["0", "0", "0", "0"]]
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "trace is 1/2" in r.detail
    cert["data"]["strategy"]["state"] = [["1/2", "i/4", "0", "0"], ["i/4", "1/2", "0", "0"], ["0", "0", "0", "0"],
                                         ["0", "0", "0", "0"]]
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "not Hermitian" in r.detail


def test_non_projective_observable_is_a_clear_error(write_cert):
    cert = _single()
    cert["data"]["strategy"]["alice"][1] = [["1", "0"], ["0", "1/2"]]
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "data.strategy.alice[1]" in r.detail and "square to the identity" in r.detail
    cert["data"]["strategy"]["bob"][0] = [["0", "i"], ["i", "0"]]  # squares to -1 and is anti-Hermitian
    cert["data"]["strategy"]["alice"][1] = Z
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "data.strategy.bob[0]" in r.detail and "not Hermitian" in r.detail
    cert["data"]["strategy"]["bob"] = [Z]
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "two 2x2 observables" in r.detail


def test_a_strategy_without_violation_proves_nothing(write_cert):
    cert = _single()
    F_ = [F(x) for x in cert["data"]["facet"]["coefficients"]]
    prod = [["1", "0", "0", "0"], ["0", "0", "0", "0"], ["0", "0", "0", "0"], ["0", "0", "0", "0"]]
    cert["data"]["strategy"] = {"state": prod, "alice": [Z, Z], "bob": [Z, Z]}
    P = born_behaviour(gmat(prod), [gmat(Z)] * 2, [gmat(Z)] * 2)
    cert["data"]["value"] = str(sum(f * x for f, x in zip(F_, P)))  # a deterministic (local) behaviour
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "no violation" in r.detail


def test_invalid_or_non_facet_inequalities_are_rejected(write_cert):
    cert = _single()
    b = F(cert["data"]["facet"]["bound"])
    cert["data"]["facet"]["bound"] = str(b - F(1, 100))
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "not valid" in r.detail
    # a valid inequality that is not a facet: the sum of two different facets of the same model
    summary = load(ONE_WAY)["data"]["classes"]
    f1, f2 = summary[0]["facet"], summary[1]["facet"]
    coef = [F(a) + F(c) for a, c in zip(f1["coefficients"], f2["coefficients"])]
    bound = F(f1["bound"]) + F(f2["bound"])
    M = pm.named_signaling("one-way-symmetric", p=F(3, 4))
    tight = sum(1 for v in M.points if sum(f * x for f, x in zip(coef, v)) == bound)
    cert = _single()
    cert["data"]["facet"] = {"coefficients": [str(x) for x in coef], "bound": str(bound), "tight_count": tight}
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "not a facet" in r.detail


def test_unknown_model_and_bad_parameter_are_clear_errors(write_cert):
    cert = _single()
    cert["data"]["model"] = "three-way"
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "unknown signaling model" in r.detail
    cert = _single()
    cert["parameters"]["p"] = "3/2"
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "outside [0, 1]" in r.detail


def _relabeled_copy(entry, pi, flip_alice_x):
    """The same violation after an output flip of Alice at input x: facet and observable both relabeled."""
    e = copy.deepcopy(entry)
    e["facet"]["coefficients"] = [str(x) for x in functional_image(pi, [F(c) for c in entry["facet"]["coefficients"]])]
    O = gmat(entry["strategy"]["alice"][flip_alice_x])
    e["strategy"]["alice"][flip_alice_x] = [[(-z).to_text() if isinstance(z, Gaussian) else z for z in row] for row in O]
    return e


def test_a_relabeled_copy_of_a_class_is_detected_as_equivalent(write_cert):
    cert = load(ONE_WAY)
    pi = pm.sw_relabelings()["flip-a@x=0"]
    extra = _relabeled_copy(cert["data"]["classes"][0], pi, 0)
    single = _single()
    single["data"].update(extra)
    assert _run(single, write_cert).passed  # the relabeled copy is itself a valid certified violation
    cert["data"]["classes"].append(extra)
    cert["data"]["violated_classes"] += 1
    cert["expected"]["counterexample"]["violated_classes"] += 1
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "equivalent under the relabeling group" in r.detail


def test_summary_count_rules(write_cert):
    cert = load(ONE_WAY)
    k = len(cert["data"]["classes"])
    cert["data"]["paper_interesting"] = k
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "cannot refute" in r.detail
    cert = load(ONE_WAY)
    cert["data"]["violated_classes"] = k + 1
    r = _run(cert, write_cert)
    assert r.verdict == "error" and f"holds {k} violated classes" in r.detail
    cert = load(ONE_WAY)
    cert["expected"]["counterexample"]["violated_classes"] = k - 1
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "expected.counterexample" in r.detail


def test_generators_must_preserve_the_affine_hull(write_cert):
    # party swap exchanges the two no-signalling directions: not a relabeling of the one-way model's hull
    cert = load(ONE_WAY)
    cert["data"]["generators"].append(list(pm.sw_relabelings()["swap-parties"]))
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "affine hull" in r.detail
    cert = load(ONE_WAY)
    cert["data"]["generators"][0] = list(range(15)) + [0]
    r = _run(cert, write_cert)
    assert r.verdict == "error" and "permutation" in r.detail


def test_numeric_search_and_rounding_give_a_certificate_the_checker_accepts(write_cert):
    from exactbell.generators.sw_interesting import class_entry, search_classes, violation_cert

    facet = load(PROOFS / "C000-04.interesting.one-way.p=9_10.json")["data"]["classes"][0]["facet"]
    cls = {"coefficients": [F(x) for x in facet["coefficients"]], "bound": F(facet["bound"])}
    (_, numeric_max, ev), = search_classes([cls], restarts=8, seed=3)
    assert ev is not None and ev[1] > cls["bound"]
    M = pm.named_signaling("one-way-symmetric", p=F(9, 10))
    cert = violation_cert("t", "one-way-symmetric", {"p": F(9, 10)}, class_entry(cls, ev, M), "test")
    r = _run(cert, write_cert)
    assert r.passed and r.verdict == "verified"
    assert numeric_max > float(cls["bound"])
