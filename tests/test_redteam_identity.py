"""Red team of the kind ``identity``: hostile certificates built from bundled ones are rejected with one
line naming the field (never an internal error, never a statement that quantifies over names it binds)."""
import json

import pytest

from exactbell.kernel.check import check_file

from .conftest import PROOFS, check_mutated

LC, SW = PROOFS / "liu-chiribella", PROOFS / "sengupta-wooltorton"


_check = check_mutated


def _error(r, field, words):
    assert r.verdict == "error" and not r.passed, r.detail
    assert f": {field}: " in r.detail and words in r.detail and "\n" not in r.detail, r.detail


# Before: "at d = 4: d = 2, S_(x,y) = ..." was verified (a parameter the mode never reads, named like a
# symbol of the statement, prefixed the statement as a quantifier).
@pytest.mark.parametrize("name,params", [
    ("C001-35.d=2.json", {"d": "4"}),
    ("C001-35.d=2.json", {"x": "(0, 1)"}),
    ("C001-38.n=2.json", {"dim": "3"}),
    ("C001-10.duality.json", {"p": "1/2"}),
    ("C001-32.qubits.json", {"d": "(1, 8)"}),
])
def test_parameter_free_modes_reject_parameters(tmp_path, name, params):
    r = _check(tmp_path, LC / name, lambda c: c.update(parameters=params))
    _error(r, "parameters", "reads no parameters")


# Before: a superscript digit passed str.isdigit() and int() raised: an internal error row.
@pytest.mark.parametrize("factor", ["{\u00b2}", "I-{\u00b9}", "{x,\u00b3}"])
def test_supermap_factor_with_non_ascii_digit_is_one_line(tmp_path, factor):
    r = _check(tmp_path, LC / "C001-35.d=2.json", lambda c: c["data"]["products"][0].__setitem__(0, factor))
    _error(r, "data.products", "a factor is not I")


# Before: sorting an order with a non-string entry raised TypeError: an internal error row.
@pytest.mark.parametrize("order", [[1, "B_out", "A_in", "B_in"], [["A_out"], "B_out", "A_in", "B_in"],
                                   [None, "B_out", "A_in", "B_in"], ["A_out", "B_out", "A_in", "A_in"]])
def test_supermap_order_that_is_not_a_permutation_is_one_line(tmp_path, order):
    r = _check(tmp_path, LC / "C001-35.d=2.json", lambda c: c["data"].__setitem__("order", order))
    _error(r, "data", "order a permutation of A_in, A_out, B_in, B_out")


# Before: multipliers were read without the domain check; 1/(2p) written as (2p - 1)/(2p (2p - 1)) passed
# with a pole at p = 1/2 inside (0, 1].
def test_ns_multiplier_with_a_pole_on_the_domain(tmp_path):
    def mutate(c):
        assert c["data"]["multipliers"]["ns"][0] == "1/(2*p)"
        c["data"]["multipliers"]["ns"][0] = "(2*p-1)/(2*p*(2*p-1))"
    r = _check(tmp_path, SW / "C000-12.eq14.json", mutate)
    _error(r, "data.multipliers.ns[0]", "vanishes on the domain of p")


def test_ns_multiplier_with_a_pole_off_the_domain_passes(tmp_path):
    def mutate(c):
        c["data"]["multipliers"]["ns"][0] = "(2*p-3)/(2*p*(2*p-3))"
    r = _check(tmp_path, SW / "C000-12.eq14.json", mutate)
    assert r.passed and r.verdict == "verified", r.detail


# Before: a parameter named x rendered "for all x in [1/2, 1]: ... P[2x+a][2y+b] = p(ab|xy)" (verified).
@pytest.mark.parametrize("name", ["x", "y", "a", "b"])
def test_sw_point_parameter_may_not_be_a_bound_name(tmp_path, name):
    def mutate(c):
        d, swap = c["data"], lambda t: t.replace("p", name)
        d["fidelities"].update(p=name, q=name)
        d["paper"]["behaviour"] = [[swap(t) for t in row] for row in d["paper"]["behaviour"]]
        d["paper"]["epsilon"] = {k: swap(t) for k, t in d["paper"]["epsilon"].items()}
        c["parameters"] = {name: "[1/2, 1]"}
    r = _check(tmp_path, SW / "C000-01.json", mutate)
    _error(r, f"parameters.{name}", "bound in the statement")


# Before: a fixed parameter was not checked: "at x = 1/2, for all p in [1/2, 1]: ... P[2x+a][2y+b]" (verified).
def test_sw_point_fixed_parameter_may_not_be_a_bound_name(tmp_path):
    r = _check(tmp_path, SW / "C000-01.json", lambda c: c["parameters"].update(x="1/2"))
    _error(r, "parameters.x", "bound in the statement")


# Before: 200 copies of I (x) I (x) I (x) I at d = 8 took 1.2 s and grew the statement without bound; a
# file of a million took hours (only the worker's wall clock stopped it). Now: at most 64 products,
# distinct pairs.
@pytest.mark.parametrize("field,value", [
    ("products", [["I", "I", "I", "I"]] * 65),
    ("pairs", [[0, 1], [0, 1]]),
])
def test_supermap_sizes_are_bounded(tmp_path, field, value):
    r = _check(tmp_path, LC / "C001-35.d=2.json", lambda c: c["data"].__setitem__(field, value))
    _error(r, f"data.{field}", "a list of 1 to 64 products" if field == "products" else "distinct pairs")


# -- process-duality: decided in the sectors; the matrix units (the former method) agree --------------------
def _duality_on_matrix_units(dims) -> bool:
    """L_V(W) = Tr(W)/D 1 for W = P(E) (P = prod_i (1 - _O_i + _I_i O_i)) on every matrix unit E, each in the span."""
    from fractions import Fraction
    from itertools import product

    from exactbell.kernel.linalg import add, identity, scale, trace
    from exactbell.kernel.process import (
        Space,
        depolarize,
        lv_projection,
        ns_span_violation,
    )

    space, layout = Space(dims), [(0, (1,)), (2, (3,))]
    D = space.size
    for r, c in product(range(D), repeat=2):
        W = [[Fraction(int((i, j) == (r, c))) for j in range(D)] for i in range(D)]
        for inp, outs in layout:
            W = add(add(W, scale(-1, depolarize(W, space, outs))), depolarize(W, space, (inp, *outs)))
        if ns_span_violation(W, space, layout) or lv_projection(W, space, layout) != scale(trace(W) / D, identity(D)):
            return False
    return True


@pytest.mark.parametrize("dims", [[2, 2, 2, 2], [1, 2, 2, 2], [2, 1, 3, 1], [1, 3, 2, 1]])
def test_process_duality_sectors_agree_with_matrix_units(tmp_path, dims):
    r = _check(tmp_path, LC / "C001-10.duality.json", lambda c: c["data"].update(dims=dims))
    assert r.verdict == "verified" and _duality_on_matrix_units(dims), r.detail
    D = dims[0] * dims[1] * dims[2] * dims[3]
    assert f"Tr(S W) = Tr(S) Tr(W)/{D}, so Tr(S W) = Tr(W)/{dims[0] * dims[2]} for every process" in r.statement


def test_process_duality_with_a_wrong_lv_refutes(tmp_path, monkeypatch):
    from exactbell.kernel import process
    from exactbell.kernel.kinds import identity

    wrong = process.LV[:-1]  # drop + _[AI AO BO]
    monkeypatch.setattr(process, "LV", wrong)
    monkeypatch.setattr(identity, "LV", wrong)
    assert not _duality_on_matrix_units([2, 2, 2, 2])
    r = _check(tmp_path, LC / "C001-10.duality.json", lambda c: None)
    assert r.verdict == "refuted" and "L_V(W) is not Tr(W)/D times the identity" in r.statement


# -- ns on three parties (the rows of scenario.ns_rows): Bob's input may not change the marginal of (A, C) --------
def _tripartite(F, G, ns, nu):
    return {"exactbell": 2, "id": "T", "claim": "T", "paper": "user", "kind": "identity", "location": "-",
            "summary": "-", "expected": "verified", "conventions": {"form": "probability", "order": "inputs-major"},
            "data": {"mode": "ns", "scenario": {"inputs": [2, 2, 2], "outputs": [2, 2, 2]},
                     "functional": {"coefficients": F}, "other": {"coefficients": G},
                     "multipliers": {"ns": ns, "normalisation": nu}}}


def _write(tmp_path, cert):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(cert))
    return check_file(path)


def test_ns_three_parties(tmp_path):
    import sympy

    from exactbell.kernel.scenario import ns_rows
    from exactbell.kernel.scenario import Scenario

    sc = Scenario((2, 2, 2), (2, 2, 2))
    entries, rows = sc.entries(), ns_rows(sc)
    # F = p_A(0 | x=0, y=0, z=0) - p_A(0 | x=0, y=1, z=0): zero on every non-signalling behaviour
    F = [int(a[0] == 0) * ((x == (0, 0, 0)) - (x == (0, 1, 0))) for a, x in entries]
    m = sympy.symbols(f"m0:{len(rows)}")
    sol = sympy.solve([sum(m[k] * r.get(i, 0) for k, r in enumerate(rows)) - F[i] for i in range(sc.size)], m,
                      dict=True)[0]
    mu = [str(sympy.sympify(sol.get(v, 0)).subs({w: 0 for w in m})) for v in m]
    zero = ["0"] * sc.size
    r = _write(tmp_path, _tripartite(list(map(str, F)), zero, mu, ["0"] * len(sc.contexts)))
    assert r.verdict == "verified", r.detail
    assert r.statement.endswith("P> for every normalised non-signalling behaviour P on (2,2,2;2,2,2)")
    # p_A(0 | 0, 0, 0) alone is not constant on the non-signalling behaviours: no multipliers fit
    F1 = [int(a[0] == 0 and x == (0, 0, 0)) for a, x in entries]
    r = _write(tmp_path, _tripartite(list(map(str, F1)), zero, mu, ["0"] * len(sc.contexts)))
    _error(r, "data.multipliers", "differs from the combination")


# -- polynomial and nc share one rendering (identity._identities) ---------------------------------------------
def test_failing_identity_names_how_it_was_compared(tmp_path):
    cert = {"exactbell": 2, "id": "T", "claim": "T", "paper": "user", "kind": "identity", "location": "-",
            "summary": "-", "expected": "refuted", "conventions": {}, "parameters": {"p": "(0, 1)"},
            "data": {"mode": "polynomial", "identities": [["p^2 - 1", "(p - 1)*(p + 1)"], ["1/p", "2/(2*p) + p"]]}}
    r = _write(tmp_path, cert)
    assert r.passed and r.verdict == "refuted", r.detail
    assert r.statement == ("for all p in (0, 1): the identity 1/p = 2/(2*p) + p fails (as rational functions; of: "
                           "p^2 - 1 = (p - 1)*(p + 1); 1/p = 2/(2*p) + p)")
    cert["data"]["identities"] = [["p^2 - 1", "(p - 1)*(p + 1)"], ["p", "p^2"]]
    cert["data"]["definitions"] = [["q2", "p^2"]]
    r = _write(tmp_path, cert)
    assert r.statement == ("for all p in (0, 1): the identity p = p^2 fails (as polynomials, where q2 = p^2; of: "
                           "p^2 - 1 = (p - 1)*(p + 1); p = p^2)")


# Before: the bit-size guard did not see term counts; u = (sum of 16 variables)^4 then u*u multiplied
# 3876 x 3876 term pairs (253 s) before any error. Now every product of polynomials is capped in pairs.
def test_polynomial_product_of_many_terms_is_one_line(tmp_path):
    def mutate(c):
        total = " + ".join(sorted(c["parameters"])[:16])
        c["data"]["definitions"] = [["u", f"({total})^4"]]
        c["data"]["identities"] = [["u*u", "u*u + 1"]]
    r = _check(tmp_path, PROOFS / "sainz-hoban-skrzypczyk-aolita" / "C003-20.postselection.json", mutate)
    _error(r, "data.identities[0]", "a product of 3876 x 3876 terms (limit 200000 pairs)")
