"""Kernel kinds local-bound (local, causal, signaling models; parametric) and identity: decided
statements of bundled certificates, and semantic mutations that must be rejected or change the
statement (so that they no longer match the pin)."""
import copy

import pytest


from .conftest import PROOFS, load
from .conftest import check_mutant as _run, pinned_result as _original, caught as _caught

LC, CK, SW = PROOFS / "liu-chiribella", PROOFS / "chaves-kueng-brask-gross", PROOFS / "sengupta-wooltorton"








# -- decided statements (values with an independent meaning) ----------------------------------
def test_lgyni_causal_bound_over_the_112_causal_vertices():
    """Branciard et al. 2016: the (2,2;2,2) causal polytope has 112 vertices; LGYNI's causal bound is 3/4."""
    r = _original(LC / "C001-01.json")
    assert r.statement.endswith("on (2,2;2,2) = 3/4, attained by 44 of 112 distinct deterministic definite-order "
                                "behaviours (A<B or B<A) (paper: 3/4)")
    assert r.statement.startswith("max over causal strategies of <[")


def test_ocb_causal_bound():
    r = _original(LC / "C001-02.json")
    assert "on (2,4;2,2) = 3/2," in r.statement and r.verdict == "verified"


@pytest.mark.parametrize("d", [2, 3, 5])
def test_cglmp_local_bound_is_2(d):
    r = _original(CK / f"C002-16.d={d}.local.json")
    assert r.statement.startswith(f"max over local strategies of <CGLMP_{d} (named")
    assert f"on (2,2;{d},{d}) = 2, attained by " in r.statement
    assert r.statement.endswith(f" of {d ** 4} deterministic strategies (paper: 2)")


def test_eq14_identity_for_all_p():
    r = _original(SW / "C000-12.eq14.json")
    assert r.statement.startswith("for all p in (0, 1]: <")
    assert r.statement.endswith("for every normalised non-signalling behaviour P on (2,2;2,2)")


def test_prop1_item1_for_all_p():
    r = _original(SW / "C000-08.all-p.json")
    assert "is the max of its 4 distinct values over 16 deterministic strategies" in r.statement
    assert r.statement.endswith("== 2*(abs(2*p - 1) + 1 - p)/p for all p in (2/5, 1)")


def test_prop1_item2_over_the_one_way_polytope():
    r = _original(SW / "C000-09.all-p.json")
    assert r.statement.startswith("max over signaling S_(p,p),(1/2,1/2) strategies of <")
    assert r.statement.endswith("for all p in (2/5, 1)")


def test_lemma2_generic_identity():
    r = _original(SW / "C000-17.generic.json")
    assert "16 identities, sha256 of their text" in r.statement and r.verdict == "verified"


# -- mutations --------------------------------------------------------------------------------
CAUSAL_MUTANTS = {
    "flip sense": lambda c: c["data"].update(sense="min"),
    "drop model": lambda c: c["data"].pop("model"),
    "local model": lambda c: c["data"].update(model="local"),
    "drop paper": lambda c: c["data"].pop("paper"),
    "wrong paper": lambda c: c["data"].update(paper="4/5"),
    "coefficient": lambda c: c["data"]["functional"]["coefficients"].__setitem__(-1, "1/3"),
    "drop optimal": lambda c: c["data"]["optimal"].pop(),
    "duplicate optimal": lambda c: c["data"]["optimal"].append(c["data"]["optimal"][0]),
    "extra strategy key": lambda c: c["data"]["optimal"][0].update(then=[]),
    "bad table": lambda c: c["data"]["optimal"][0]["tables"][0].__setitem__(0, 2),
    "unknown key": lambda c: c["data"].update(vertices=112),
    "order": lambda c: c["conventions"].update(order="outputs-major"),
    "no form": lambda c: c["conventions"].pop("form"),
}


@pytest.mark.parametrize("name", sorted(CAUSAL_MUTANTS))
def test_causal_mutants(tmp_path, name):
    orig = _original(LC / "C001-01.json")
    cert = load(LC / "C001-01.json")
    CAUSAL_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


PARAM_MUTANTS = {
    "other a": lambda c: c["parameters"].update(a="1/4"),
    "a as observable": lambda c: c.update(parameters={"A0": "1/3"}),
    "a as function": lambda c: c.update(parameters={"sqrt": "1/3"}),
    "a as range": lambda c: c["parameters"].update(a="(0, 1/2)"),
}


@pytest.mark.parametrize("name", sorted(PARAM_MUTANTS))
def test_parameter_mutants(tmp_path, name):
    orig = _original(LC / "C001-05.a=1_3.json")
    cert = load(LC / "C001-05.a=1_3.json")
    PARAM_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


CGLMP_MUTANTS = {
    "other d": lambda c: c["data"]["functional"].update(d=4),
    "other name": lambda c: c["data"]["functional"].update(name="i3322"),
    "min": lambda c: c["data"].update(sense="min"),
    "paper 3": lambda c: c["data"].update(paper="3"),
    "extra functional key": lambda c: c["data"]["functional"].update(k=1),
    "form": lambda c: c["conventions"].update(form="probability"),
}


@pytest.mark.parametrize("name", sorted(CGLMP_MUTANTS))
def test_cglmp_mutants(tmp_path, name):
    orig = _original(CK / "C002-16.d=3.local.json")
    cert = load(CK / "C002-16.d=3.local.json")
    CGLMP_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


IDENTITY_MUTANTS = {
    "multiplier": lambda c: c["data"]["multipliers"]["ns"].__setitem__(0, "1/p"),
    "normalisation": lambda c: c["data"]["multipliers"]["normalisation"].__setitem__(0, "1/(2*p)"),
    "functional": lambda c: c["data"]["functional"]["terms"].update(A0B0="2"),
    "narrow domain": lambda c: c["parameters"].update(p="(1/2, 1]"),
    "pole in domain": lambda c: c["parameters"].update(p="[0, 1]"),
    "fix p": lambda c: c["parameters"].update(p="1/3"),
    "p renamed to pi": lambda c: c.update(parameters={"pi": "(0, 1]"}),
    "mode": lambda c: c["data"].update(mode="polynomial"),
    "drop other": lambda c: c["data"].pop("other"),
}


@pytest.mark.parametrize("name", sorted(IDENTITY_MUTANTS))
def test_identity_ns_mutants(tmp_path, name):
    orig = _original(SW / "C000-12.eq14.json")
    cert = load(SW / "C000-12.eq14.json")
    IDENTITY_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


def test_identity_polynomial_mutants(tmp_path):
    orig = _original(SW / "C000-17.generic.json")
    base = load(SW / "C000-17.generic.json")
    cert = copy.deepcopy(base)
    cert["data"]["identities"][3][1] += " + q0_0*a0_0"
    r = _run(tmp_path, cert)
    assert r.verdict == "refuted" and "fails" in r.statement
    cert = copy.deepcopy(base)
    cert["data"]["identities"].pop()
    assert _caught(tmp_path, orig, cert)
    cert = copy.deepcopy(base)
    cert["parameters"]["q0_0"] = "[0, 1/2]"
    assert _caught(tmp_path, orig, cert)


SIGNALING_MUTANTS = {
    "fidelities": lambda c: c["data"].update(fidelities=[["p", "p", "p", "p"]]),
    "flat fidelities": lambda c: c["data"].update(fidelities=["p", "p", "1/2", "1/2"]),
    "extra channel": lambda c: c["data"]["fidelities"].append(["1/2", "1/2", "p", "p"]),
    "model": lambda c: c["data"].update(model="local"),
    "paper": lambda c: c["data"].update(paper="2*max(p, abs(-p + 2*(1-p)^2/p)) + 2*(1-p) + 1/100"),
    "domain": lambda c: c["parameters"].update(p="(1/3, 1)"),
    "min": lambda c: c["data"].update(sense="min"),
    "drop proof": lambda c: c["data"].pop("proof"),
    "fidelity two parameters": lambda c: c["data"].update(fidelities=[["p", "q", "1/2", "1/2"]]),
    "fidelity pole": lambda c: c["data"].update(fidelities=[["1/p", "p", "1/2", "1/2"]]),
}


@pytest.mark.parametrize("name", sorted(SIGNALING_MUTANTS))
def test_parametric_signaling_mutants(tmp_path, name):
    orig = _original(SW / "C000-09.all-p.json")
    cert = load(SW / "C000-09.all-p.json")
    SIGNALING_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


def test_chsh_identity_only_at_one_half(tmp_path):
    orig = _original(SW / "C000-12.chsh.json")
    cert = load(SW / "C000-12.chsh.json")
    cert["parameters"]["p"] = "3/4"  # T_{3/4} on NS behaviours is not CHSH
    assert _run(tmp_path, cert).verdict == "error"
    assert orig.statement.startswith("at p = 1/2: <")


# -- separated points (Lemma 1, Claim 1, App. E of Sengupta-Wooltorton) ------------------------
def test_lemma1_point_statement():
    """The single-λ point has dependences (0, r), inside S_(p,r), and exceeds the channel maximum."""
    r = _original(SW / "C000-16.p=1_2_r=1_5.json")
    assert r.verdict == "refuted"
    assert r.statement.startswith("max over signaling S_(p,1),(r,1) u S_(p,1),(1,r) u S_(1,p),(r,1) u "
                                  "S_(1,p),(1,r) strategies of <")
    assert ("= 3/10, attained by 4 of 784 distinct Eq. (9) points, at p = 1/2, at r = 1/5; P* = the "
            "measurement-independent model with 1 hidden values") in r.statement
    assert ("(rows xy = 00, 01, 10, 11; per-l x-dependence of B 0 <= p, y-dependence of A 1/5 <= r) has "
            "<F, P*> = 3/5, so P* is outside the convex hull") in r.statement


def test_lemma2_bound_lost_statement():
    """A local functional (max 0 over the 16 local strategies) separates the MD behaviour."""
    r = _original(SW / "C000-17.bound-lost.json")
    assert r.verdict == "refuted" and "= 0, attained by 16 of 16 deterministic strategies; P* = the " \
        "measurement-dependent model with 2 hidden values" in r.statement
    assert "y-dependence of A 0 <= 0) has <F, P*> = 2, so P* is outside" in r.statement


def test_claim1_and_e1_statements():
    r = _original(SW / "C000-19.p=3_4.json")
    assert "= 6, attained by 12 of 272 distinct Eq. (9) points, at p = 3/4; P* = a non-signalling convex " \
           "combination of 3 points of signaling S_(p,p),(p,p) strategies has <F, P*> = 289/48" in r.statement
    r = _original(SW / "C000-20.json")
    assert "has <F, P*> = 1: max(1/2, 0, 1/2*p, -1/2*p + 1/2) < 1 for all p in [1/2, 1), so P* is outside" \
        in r.statement


POINT_MUTANTS = {
    "dependence too large": lambda c: c["data"]["point"]["hidden"]["alice"][0].__setitem__(0, "3/4"),
    "within swapped": lambda c: c["data"]["point"]["hidden"].update(within=["r", "p"]),
    "within loosened": lambda c: c["data"]["point"]["hidden"].update(within=["1", "1"]),
    "not a probability": lambda c: c["data"]["point"]["hidden"]["bob"][0].__setitem__(0, "2"),
    "weights": lambda c: c["data"]["point"]["hidden"].update(weights=[["1/2"]] * 4),
    "two hidden values": lambda c: c["data"]["point"]["hidden"].update(
        weights=[["1/2", "1/2"]] * 4, alice=[["1/5", "1/5"], ["0", "0"], ["0", "0"], ["1/5", "1/5"]],
        bob=[["1", "1"]] * 4),
    "weaker functional": lambda c: c["data"]["functional"]["matrix"][0].__setitem__(0, "0"),
    "other channels": lambda c: c["data"]["fidelities"].pop(),
    "paper and point": lambda c: c["data"].update(paper="3/10"),
    "drop point": lambda c: c["data"].pop("point"),
    "min": lambda c: c["data"].update(sense="min"),
    "drop optimal": lambda c: c["data"]["optimal"].pop(),
    "other r": lambda c: c["parameters"].update(r="1/4"),
}


@pytest.mark.parametrize("name", sorted(POINT_MUTANTS))
def test_lemma1_mutants(tmp_path, name):
    orig = _original(SW / "C000-16.p=1_2_r=1_5.json")
    cert = load(SW / "C000-16.p=1_2_r=1_5.json")
    POINT_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


COMBINATION_MUTANTS = {
    "weights do not sum to 1": lambda c: c["data"]["point"]["weights"][0].__setitem__(1, "1/2"),
    "negative weight": lambda c: c["data"]["point"]["weights"][0].__setitem__(1, "-1/3"),
    "other label": lambda c: c["data"]["point"]["weights"][0].__setitem__(0, [0, 0]),
    "unknown label": lambda c: c["data"]["point"]["weights"][0].__setitem__(0, [16, 0]),
    "other point channel": lambda c: c["data"]["point"].update(fidelities=[["p", "p", "1/2", "1/2"]]),
    "one-way only": lambda c: c["data"]["fidelities"].pop(),
    "signalling point": lambda c: c["data"]["point"].update(weights=[[[3, 13], "1"]]),
}


@pytest.mark.parametrize("name", sorted(COMBINATION_MUTANTS))
def test_claim1_mutants(tmp_path, name):
    orig = _original(SW / "C000-19.p=3_4.json")
    cert = load(SW / "C000-19.p=3_4.json")
    COMBINATION_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


E1_MUTANTS = {
    "orbit entry": lambda c: c["data"]["orbit"][0].__setitem__(0, "1"),
    "point label": lambda c: c["data"]["point"]["weights"][0].__setitem__(0, [0, 15]),
    "domain": lambda c: c["parameters"].update(p="[0, 1)"),
    "drop proof": lambda c: c["data"].pop("proof"),
}


@pytest.mark.parametrize("name", sorted(E1_MUTANTS))
def test_e1_mutants(tmp_path, name):
    orig = _original(SW / "C000-20.json")
    cert = load(SW / "C000-20.json")
    E1_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


BOUND_LOST_MUTANTS = {
    "measurement-independent": lambda c: c["data"]["point"]["hidden"].update(weights=[["1/2", "1/2"]] * 4),
    "within": lambda c: c["data"]["point"]["hidden"].update(within=["1", "1"]),
    "dependent response": lambda c: c["data"]["point"]["hidden"]["alice"].__setitem__(1, ["0", "0"]),
    "causal model": lambda c: c["data"].update(model="causal"),
}


@pytest.mark.parametrize("name", sorted(BOUND_LOST_MUTANTS))
def test_bound_lost_mutants(tmp_path, name):
    orig = _original(SW / "C000-17.bound-lost.json")
    cert = load(SW / "C000-17.bound-lost.json")
    BOUND_LOST_MUTANTS[name](cert)
    assert _caught(tmp_path, orig, cert)


def test_prop2_part1_two_parameters(tmp_path):
    """Prop. 2 item 1: W_{p,r} <= 1 on the 256 Eq. (9) points of S_(p,1),(r,1), for all p, r."""
    orig = _original(SW / "C000-14.part1.json")
    assert "is the max of its 16 distinct values over 256 distinct Eq. (9) points: max(1, " in orig.statement
    assert orig.statement.endswith("<= 1 for all p in [0, 1), for all r in [0, 1)")
    for mutate in (lambda c: c["data"].update(relation="=="),  # the prover's proof is for <=
                   lambda c: c["data"].update(paper="9/10"),
                   lambda c: c["data"]["fidelities"][0].__setitem__(2, "p"),
                   lambda c: c["data"]["fidelities"][0].__setitem__(1, "r*p"),
                   lambda c: c["parameters"].update(r="[0, 2)")):
        cert = load(SW / "C000-14.part1.json")
        mutate(cert)
        assert _caught(tmp_path, orig, cert)
