"""Kind ``inequality`` (exactbell/kernel/kinds/inequality.py, kernel/prove_check.py): decided
statements of bundled certificates, and semantic attacks that must be rejected or change the statement."""
import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as hs

from exactbell.kernel.check import check_file
from exactbell.prover.api import inequality_certificate

PROOFS = Path(__file__).resolve().parent.parent / "proofs"
SW, WBC = PROOFS / "sengupta-wooltorton", PROOFS / "wooltorton-brown-colbeck"


def bundled(path):
    return json.loads(Path(path).read_text())


def run(tmp_path, cert, name="cert.json"):
    p = tmp_path / name
    p.write_text(json.dumps(cert))
    return check_file(p)


def make(lhs, rel, rhs, params, **kw):
    return inequality_certificate("T.ineq", "C000-12", "sengupta-wooltorton", "test", "test", lhs, rel, rhs,
                                  params, **kw)


def error(r, text=""):
    assert r.verdict == "error" and not r.passed and text in r.detail, r.detail


# -- (1) decided statements of bundled certificates (texts read off the paper's claims) ----------------
@pytest.mark.parametrize("path,verdict,statement", [
    (SW / "C000-12.gt2.json", "verified", "2*sqrt(2)*sqrt(p/(3*p - 1)) > 2 for all p in [1/2, 1)"),
    (SW / "C000-12.q-above-local.json", "verified",
     "2*sqrt(2)*sqrt(p/(3*p - 1)) > 2*(abs(2*p - 1) + 1 - p)/p for all p in (2/5, 1)"),
    (SW / "C000-18.lemma4-maxmin.json", "verified",
     "min((1 - 4*l)/l*w, (1 - 4*l)/(1 - 3*l)*(1 - w)) <= (1 - 4*l)/(1 - 2*l) for all l in (0, 1/4], for all w in [0, 1]"),
    (SW / "C000-18.lemma5-normalised.json", "verified",
     "alpha1/(1 - (alpha0 - alpha1)) + (1 - alpha0)/(1 - (alpha0 - alpha1)) == 1 for all alpha0 in [1/2, 1), "
     "for all alpha1 in [0, 1/4]"),
    (WBC / "C004-16.eq1-joint.json", "refuted",
     "4*(2*q - 1) >= s fails at s = 5/2, q = 3/4, where 4*(2*q - 1) - s = -1/2; so not for all q in [3/4, 1), "
     "for all s in (2, 5/2]"),
    (WBC / "C004-24.upper.json", "verified",
     "1 + (1 - t^2)/(1 + t^2) + 2*t/(1 + t^2) <= 1 + sqrt(2) for all t in (0, 1)"),
])
def test_bundled_statements(path, verdict, statement):
    r = check_file(path)
    assert r.passed and r.pin == "pinned", r.detail
    assert (r.verdict, r.statement) == (verdict, statement)


def test_refutation_margins_are_exact():
    # Prop. 5 (C004-23): 3(2q - 1) - (2 + u(sqrt2 - 1)) at u = 1, q = (2 + sqrt2)/4 + (2 - sqrt2)/16 is (sqrt2 - 2)/8
    r = check_file(WBC / "C004-23.eq1-joint.json")
    assert r.verdict == "refuted" and r.statement.endswith("= -1/4 + 1/8*sqrt(2); so not for all u in (0, 1], "
                                                           "for all v in (0, 1)")
    assert Fraction(9, 4) - (1 + Fraction(15, 17) + Fraction(8, 17)) == Fraction(-7, 68)
    assert "where s - (1 + 2*u/(1 + u^2) + (1 - u^2)/(1 + u^2)) = -7/68" in check_file(
        WBC / "C004-23.fixed-pair.json").statement


# -- (2) attacks -----------------------------------------------------------------------------------------
def test_claim_failing_only_at_an_excluded_point(tmp_path):
    ok = make("(p - 1/2)^2", ">", "0", {"p": "[0, 1] \\ {1/2}"})
    r = run(tmp_path, ok)
    assert r.passed and r.statement == "(p - 1/2)^2 > 0 for all p in [0, 1] \\ {1/2}"
    bad = copy.deepcopy(ok)
    bad["parameters"]["p"] = "[0, 1]"  # the exclusion dropped: the kernel's own cells show 1/2 fails
    error(run(tmp_path, bad), "the decomposition shows the statement is false")
    fresh = make("(p - 1/2)^2", ">", "0", {"p": "[0, 1]"})  # and a new proof is a refutation at 1/2
    assert fresh["data"]["proof"] == {"method": "refuted", "point": {"p": "1/2"}}
    assert run(tmp_path, fresh).verdict == "refuted"
    fresh["expected"] = "verified"
    assert not run(tmp_path, fresh).passed


def test_cells_catch_equality_at_an_irrational_root(tmp_path):
    """(p^2 - 2)^2 > 0 fails only at sqrt(2): no rational sample shows it, the kernel's Q(root) check must."""
    cert = make("(p^2 - 2)^2 + 1", ">", "0", {"p": "[1, 2]"})
    assert cert["data"]["proof"] == {"method": "cells"} and run(tmp_path, cert).passed
    cert["data"]["lhs"] = "(p^2 - 2)^2"
    error(run(tmp_path, cert), "the decomposition shows the statement is false")
    cert["data"]["relation"] = ">="  # non-strict: true, and the same witness-free proof decides it
    assert run(tmp_path, cert).statement == "(p^2 - 2)^2 >= 0 for all p in [1, 2]"


@pytest.mark.parametrize("path,new", [(SW / "C000-12.q-above-local.json", "[2/5, 1)"),
                                      (SW / "C000-12.q-above-local.json", "(2/5, 1]"),
                                      (SW / "C000-12.gt2.json", "[1/2, 1]"),
                                      (SW / "C000-12.gt2.json", "(1/2, 1)")])
def test_endpoint_open_closed_mutations(tmp_path, path, new):
    cert = bundled(path)
    pinned = check_file(path).statement
    cert["parameters"]["p"] = new
    r = run(tmp_path, cert)
    assert not r.passed or r.statement != pinned
    if new.endswith("]") or new.startswith("[2/5"):  # equality at the closed end: the strict claim fails there
        error(r)


def test_closed_end_equality_is_refuted_with_a_fresh_proof(tmp_path):
    cert = make("2*sqrt(2)*sqrt(p/(3*p - 1))", ">", "2", {"p": "[1/2, 1]"})
    assert cert["data"]["proof"]["point"] == {"p": "1"}
    assert run(tmp_path, cert).statement.startswith("2*sqrt(2)*sqrt(p/(3*p - 1)) > 2 fails at p = 1, where")


@pytest.mark.parametrize("lhs,params,msg", [
    ("sqrt(p - 3/4)", {"p": "[1/2, 1)"}, "square root of a negative"),
    ("sqrt(p*(p - 1/2)*(p - 3/4))", {"p": "[0, 1]"}, "square root of a negative"),  # negative on (1/2, 3/4)
    ("sqrt(x - y)", {"x": "[0, 1]", "y": "[0, 1]"}, "square root of a negative"),
    ("1/(p - 3/4)^2", {"p": "[1/2, 1)"}, "vanishes on the domain"),                  # pole at a double root
    ("1/((p^2 - 2)^2*(p + 3))", {"p": "[0, 2]"}, "vanishes on the domain"),           # irrational double pole
    ("(p^2 - 1/4)/(p - 1/2)", {"p": "[0, 1]"}, "vanishes on the domain"),             # removable: still undefined
    ("1/(x - y)", {"x": "[0, 1]", "y": "(0, 1)"}, "vanishes on the domain"),
    ("alpha1/(1 - (alpha0 - alpha1))", {"alpha0": "[1/2, 1]", "alpha1": "[0, 1/4]"}, "vanishes on the domain"),
])
def test_domain_conditions_reject(tmp_path, lhs, params, msg):
    """The proof is taken from a harmless statement; the domain check must fire before any proof is read."""
    cert = make("p", ">=", "0", {"p": "[0, 1]"})
    cert["parameters"] = params
    cert["data"]["lhs"] = lhs
    cert["conventions"]["sqrt"] = "principal (non-negative) square root"
    error(run(tmp_path, cert), msg)


def test_poles_at_open_ends_and_excluded_points_are_allowed(tmp_path):
    for lhs, params in (("1/(p - 1)^2", {"p": "[1/2, 1)"}), ("1/(p - 3/4)^2", {"p": "[1/2, 1] \\ {3/4}"})):
        r = run(tmp_path, make(lhs, ">", "0", params))
        assert r.passed and r.verdict == "verified", r.detail


@pytest.mark.parametrize("name", ["sqrt", "A0", "abs", "pi", "P", "x y"])
def test_parameter_renamed_onto_reserved_names(tmp_path, name):
    cert = bundled(SW / "C000-12.gt2.json")
    cert["parameters"] = {name: cert["parameters"]["p"]}
    for k in ("lhs", "rhs"):
        cert["data"][k] = cert["data"][k].replace("p", name)
    error(run(tmp_path, cert))


@pytest.mark.parametrize("mutate,msg", [
    (lambda c: c["data"].__setitem__("relation", ">="), ""),  # verified, but a different statement
    (lambda c: c["data"].__setitem__("relation", "<"), ""),
    (lambda c: c["data"].__setitem__("rhs", "2 + 1/1000"), ""),
    (lambda c: c["data"]["proof"].__setitem__("extra", 1), "unknown key"),
    (lambda c: c["data"].__setitem__("domain", {"p": "[1/2, 1)"}), "unknown key"),
    (lambda c: c["data"]["proof"].__setitem__("cells", [{"sample": "3/4", "sign": 1}]), "unknown key"),
    (lambda c: c["data"]["proof"].__setitem__("roots", []), "unknown key"),
    (lambda c: c["data"]["proof"].__setitem__("method", "boxes"), ""),
    (lambda c: c["data"]["proof"].__setitem__("method", "identity"), ""),
    (lambda c: c["conventions"].pop("sqrt"), "conventions.sqrt"),
    (lambda c: c["conventions"].__setitem__("sqrt", "either root"), "conventions.sqrt"),
    (lambda c: c.__setitem__("parameters", {"p": "[1/2, 1)", "q": "(0, 1)"}), "does not occur"),
    (lambda c: c.__setitem__("parameters", {"p": "1/2"}), "unknown key"),  # fixed: decided at the point, no proof
])
def test_mutations_of_a_cells_certificate(tmp_path, mutate, msg):
    cert = bundled(SW / "C000-12.gt2.json")
    pinned = check_file(SW / "C000-12.gt2.json").statement
    mutate(cert)
    r = run(tmp_path, cert)
    assert not r.passed or r.statement != pinned
    if msg:
        error(r, msg)


@pytest.mark.parametrize("tree", ["I", "SII", "S", "SIIS", "B"])
def test_box_tree_mutations(tmp_path, tree):
    cert = bundled(WBC / "C004-12.inner-lower.json")
    assert cert["data"]["proof"]["method"] == "boxes" and cert["data"]["proof"]["tree"] != tree
    cert["data"]["proof"]["tree"] = tree
    error(run(tmp_path, cert))


def test_combination_mutations(tmp_path):
    base = bundled(SW / "C000-18.lemma4-maxmin.json")
    for mutate in (lambda p: p["weights"].reverse(),  # the weights no longer cancel w: the side proof fails
                   lambda p: p["weights"].__setitem__(0, "1/2"),  # no longer sum to 1
                   lambda p: p["weight_proofs"].pop(),
                   lambda p: p["weight_proofs"][0].__setitem__("tree", "I"),
                   lambda p: p["proof"].__setitem__("leaves", 1)):
        cert = copy.deepcopy(base)
        mutate(cert["data"]["proof"])
        error(run(tmp_path, cert))


@pytest.mark.parametrize("point,msg", [({"s": "2", "q": "3/4"}, "not in the domain"),   # open end
                                       ({"s": "5/2", "q": "1"}, "not in the domain"),
                                       ({"s": "9/4", "q": "7/8"}, "holds there"),
                                       ({"s": "5/2"}, "required field"),
                                       ({"s": "5/2", "q": "3/4", "r": "1"}, "unknown key")])
def test_refutation_mutations(tmp_path, point, msg):
    cert = bundled(WBC / "C004-16.eq1-joint.json")
    cert["data"]["proof"]["point"] = point
    error(run(tmp_path, cert), msg)


def test_refutation_claimed_verified_fails(tmp_path):
    cert = bundled(WBC / "C004-16.eq1-joint.json")
    cert["expected"] = "verified"
    assert not run(tmp_path, cert).passed


def test_fixed_parameters_are_constants_and_stated(tmp_path):
    cert = make("p + 1/3", ">", "1/4", {"p": "(0, 1)"})
    cert["parameters"]["r"] = "1/3"
    cert["data"]["lhs"] = "p + r"
    r = run(tmp_path, cert)
    assert r.passed and r.statement == "p + 1/3 > 1/4 for all p in (0, 1), at r = 1/3"
    cert["parameters"]["r"] = "-1/3"  # then p - 1/3 > 1/4 fails near 0: the old proof does not fit
    error(run(tmp_path, cert))


def test_pinned_statement_differs_after_mutation(tmp_path):
    # a mutated copy placed next to the pins is compared against them
    folder = tmp_path / "sengupta-wooltorton"
    folder.mkdir()
    (folder / "claims.toml").write_text((SW / "claims.toml").read_text())
    cert = bundled(SW / "C000-12.gt2.json")
    cert["data"]["rhs"] = "4/2"  # the same value, a different text: still proved, but not the pinned statement
    r = run(folder, cert, "C000-12.gt2.json")
    assert r.verdict == "verified" and r.pin == "differs" and not r.passed


@settings(max_examples=30, deadline=None)
@given(hs.sampled_from(["C000-12.q-above-local", "C000-18.lemma4-w-range", "C000-18.kappa-le-1"]),
       hs.integers(min_value=0, max_value=10**6), hs.fractions(min_value=-2, max_value=2).filter(bool))
def test_any_rational_leaf_changed_is_caught(tmp_path_factory, cid, pick, delta):
    cert = bundled(SW / f"{cid}.json")
    leaves = []

    def walk(o, path):
        for k, v in (o.items() if isinstance(o, dict) else enumerate(o)):
            if isinstance(v, (dict, list)):
                walk(v, path + (k,))
            elif isinstance(v, str) and v.lstrip("-").replace("/", "").isdigit():
                leaves.append(path + (k,))

    walk(cert["data"], ("data",))
    walk(cert["parameters"], ("parameters",))
    if not leaves:
        return
    path = leaves[pick % len(leaves)]
    o = cert
    for k in path[:-1]:
        o = o[k]
    o[path[-1]] = str(Fraction(o[path[-1]]) + delta)
    pinned = check_file(SW / f"{cid}.json").statement
    r = run(tmp_path_factory.mktemp("m"), cert)
    assert not r.passed or r.statement != pinned


# -- trigonometric form: for all real angles, by the charts k*pi + 2*atan(v) ------------------------------
def trig_cert(*statements, conventions=None):
    from exactbell.certificates.format import envelope2

    return envelope2("T.trig", "C004-19", "wooltorton-brown-colbeck", "test", "test", "inequality", "verified",
                     conventions or {}, {"statements": list(statements)})


def test_trig_bundled_statement():
    r = check_file(WBC / "C004-19.torus.json")
    assert r.passed and r.statement == ("abs(cos(m + d) + cos(m - d)) <= 2*abs(cos(m)) for all real m, d; "
                                        "2*abs(cos(m)) - cos(2*m) <= 3/2 for all real m")
    r = check_file(WBC / "C004-23.fixed-pair.slices.json")
    assert r.passed and r.statement.startswith("abs(sin(t + f)) + abs(sin(t)) > 1 + abs(cos(f)) for all real t, f "
                                               "with cos(t + f)*cos(f)*cos(t)*cos(0) < 0; ")


def test_every_chart_must_be_proved(tmp_path):
    from exactbell.prover.api import trig_statement

    # cos(m) >= 0 holds on the chart k = 0 (|m| <= pi/2) only: the k = 0 proof reused for k = 1 fails
    with pytest.raises(Exception, match="false"):
        trig_statement(["m"], "cos(m)", ">=", "0")
    good = trig_statement(["m"], "cos(m) + 1", ">=", "0")
    assert run(tmp_path, trig_cert(good)).passed
    bad = trig_statement(["m"], "cos(m) + 1", ">=", "0")  # in chart 1 it reads 2v^2/(1+v^2) >= 0
    bad["lhs"] = "cos(m) + 1/2"
    from exactbell.kernel import prove_check as pc
    from exactbell.kernel.params import Domain
    from exactbell.prover import prove

    L = pc.parse_trig("cos(m) + 1/2", ["m"])
    bad["proof"]["charts"][0] = prove(pc.Statement(pc.chart(L, [0]), ">=", ("c", 0), ("m",), (Domain.parse("[-1, 1]"),)))
    error(run(tmp_path, trig_cert(bad)), "charts[1]")  # chart 0 holds, chart 1 (cos m = -1 at v = 0) fails
    short = copy.deepcopy(good)
    short["proof"]["charts"].pop()
    error(run(tmp_path, trig_cert(short)), "expected 2 entries")


@pytest.mark.parametrize("mutate,msg", [
    (lambda s: s.__setitem__("rhs", "2*abs(cos(m)) - 1/100"), "charts[0]"),
    (lambda s: s["proof"]["charts"][2].__setitem__("tree", "I"), "charts[2]"),
    (lambda s: s.__setitem__("angles", ["m", "d", "x"]), "every angle must occur"),
    (lambda s: s.__setitem__("angles", ["m", "pi"]), "not a valid angle name"),
    (lambda s: s.__setitem__("angles", ["m", "A0"]), "not a valid angle name"),
    (lambda s: s.__setitem__("lhs", "abs(cos(m+d) + cos(m-d)) + 0*d"), "outside sin"),
    (lambda s: s.__setitem__("lhs", "abs(cos(m+d/2) + cos(m-d))"), "outside sin"),
    (lambda s: s.__setitem__("lhs", "abs(cos(m) + cos(m))"), "every angle must occur"),
    (lambda s: s.__setitem__("lhs", "abs(cos(m*d) + cos(m-d))"), "outside sin"),        # degree 2
    (lambda s: s.__setitem__("lhs", "abs(cos(m+d+1) + cos(m-d))"), "outside sin"),      # a constant term
    (lambda s: s.__setitem__("lhs", "abs(cos(m+abs(d)) + cos(m-d))"), "outside sin"),   # a function inside
    (lambda s: s.__setitem__("lhs", "abs(cos(9*m+8*d) + cos(m-d))"), "at most 16"),
    (lambda s: s.__setitem__("relation", "<"), "charts["),
])
def test_trig_mutations(tmp_path, mutate, msg):
    s = copy.deepcopy(bundled(WBC / "C004-19.torus.json")["data"]["statements"][0])
    mutate(s)
    error(run(tmp_path, trig_cert(s)), msg)


def test_trig_statements_take_no_domain_parameters(tmp_path):
    c = bundled(WBC / "C004-19.torus.json")
    c["parameters"] = {"p": "(0, 1)"}
    error(run(tmp_path, c), "not over domains")


@pytest.mark.parametrize("mutate,msg", [
    (lambda s: s.pop("hypothesis"), "charts[0]"),                         # the pieces no longer fit
    (lambda s: s["hypothesis"].__setitem__("relation", ">"), "pieces"),   # the opposite region
    (lambda s: s["proof"]["charts"][0]["pieces"].pop(), "do not cover"),
    (lambda s: s["proof"]["charts"][0]["pieces"][1].__setitem__("box", {"t": "[-1, 0]", "f": "[-1, 1]"}), ""),
    (lambda s: s["proof"]["charts"][0]["pieces"][0].__setitem__("box", {"t": "[0, 2]", "f": "[0, 1]"}),
     "inside [-1, 1]"),
    (lambda s: s["proof"]["charts"][0]["pieces"][0].__setitem__("box", {"t": "(0, 1]", "f": "[0, 1]"}),
     "inside [-1, 1]"),
    (lambda s: s["proof"]["charts"][3]["pieces"][0].__setitem__("multiplier", "-1"), "pieces[0]"),
    (lambda s: s["proof"]["charts"][1]["pieces"][2].__setitem__("multiplier", "1"), "pieces[2]"),
])
def test_hypothesis_mutations(tmp_path, mutate, msg):
    s = copy.deepcopy(bundled(WBC / "C004-23.fixed-pair.slices.json")["data"]["statements"][0])
    mutate(s)
    error(run(tmp_path, trig_cert(s)), msg)


def test_overlapping_pieces_are_rejected(tmp_path):
    s = copy.deepcopy(bundled(WBC / "C004-23.fixed-pair.slices.json")["data"]["statements"][0])
    pieces = s["proof"]["charts"][0]["pieces"]
    pieces.append(copy.deepcopy(pieces[0]))
    error(run(tmp_path, trig_cert(s)), "overlaps")


def test_identity_under_a_hypothesis_is_rejected(tmp_path):
    s = copy.deepcopy(bundled(WBC / "C004-23.fixed-pair.slices.json")["data"]["statements"][0])
    s["relation"] = "=="  # the pieces prove lhs - rhs > 0 where the hypothesis holds, never == 0
    error(run(tmp_path, trig_cert(s)), "identity under a hypothesis")


def test_empty_trig_data_is_rejected(tmp_path):
    error(run(tmp_path, trig_cert()), "lists no statement")
    error(run(tmp_path, trig_cert({"angles": [], "lhs": "1", "relation": ">=", "rhs": "0",
                                   "proof": {"charts": [{"method": "identity"}]}})), "at least one angle")


@settings(max_examples=40, deadline=None)
@given(hs.lists(hs.fractions(min_value=-2, max_value=2, max_denominator=6), min_size=5, max_size=5),
       hs.sampled_from([">=", ">"]), hs.sampled_from(["[-1, 1]", "(-1, 1)", "[0, 1) \\ {1/2}"]))
def test_decisions_agree_with_exact_sampling(tmp_path_factory, c, rel, dom):
    """Random a p^2 + b p + c + d |p - e| REL 0: a verified certificate has no failing sample point,
    a refuted one fails at its point (exact evaluation, independent of the kernel's cells)."""
    a, b, c0, d, e = c
    lhs = f"({a})*p^2 + ({b})*p + ({c0}) + ({d})*abs(p - ({e}))"
    cert = make(lhs, rel, "0", {"p": dom})
    r = run(tmp_path_factory.mktemp("f"), cert)
    assert r.passed, r.detail
    f = lambda x: a * x * x + b * x + c0 + d * abs(x - e)  # noqa: E731
    ok = (lambda v: v >= 0) if rel == ">=" else (lambda v: v > 0)
    if r.verdict == "verified":
        lo, hi = (-1, 1) if "-1" in dom else (0, 1)
        pts = [Fraction(lo) + (hi - lo) * Fraction(k, 64) for k in range(65)] + [e]
        inside = [x for x in pts if (lo < x < hi or (x == lo and dom[0] == "[") or (x == hi and dom[-1] == "]"))
                  and not (dom.endswith("{1/2}") and x == Fraction(1, 2))]
        assert all(ok(f(x)) for x in inside)
    else:
        x = Fraction(cert["data"]["proof"]["point"]["p"])
        assert not ok(f(x))


def test_trig_angles_are_read_as_expanded_integer_combinations():
    """sin/cos arguments: the expanded linear polynomial (integer coefficients of the angles, then pi)."""
    from exactbell.kernel import prove_check as pc

    assert pc.parse_trig("sin(2*(m + d) - m - 3*pi)", ["m", "d"]) == ("sin", (1, 2), -3)
    assert pc.parse_trig("cos((m - m)*d + pi)", ["m", "d"]) == ("cos", (0, 0), 1)
    assert pc.text(pc.parse_trig("cos(d - 2*m + pi)", ["m", "d"]), ["m", "d"]) == "cos(-2*m + d + pi)"
