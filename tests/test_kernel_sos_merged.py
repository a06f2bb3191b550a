"""The sos kind decides point and parametric certificates by one procedure, and the weighted-term
lists of sos, strategy-value (positivity) and assemblage (Kraus operators) share one reader: each
rule now holds in both modes, with its exact verdict or its exact one-line rejection."""
import copy

from .conftest import PROOFS, check_mutant, load

CHSH = PROOFS / "wooltorton-brown-colbeck" / "C004-01.quantum.json"
RANGE = PROOFS / "sengupta-wooltorton" / "C000-10.range.json"
PART2 = PROOFS / "sengupta-wooltorton" / "C000-14.part2.json"
KRAUS = PROOFS / "sainz-hoban-skrzypczyk-aolita" / "C003-04.json"


def _mutant(tmp_path, path, mutate):
    cert = copy.deepcopy(load(path))
    mutate(cert)
    return check_mutant(tmp_path, cert)


def test_point_strategy_claim_verified_when_the_strategy_attains(tmp_path):
    r = _mutant(tmp_path, CHSH, lambda c: c["data"].update(strategy_claim="attains the bound"))
    assert r.verdict == "verified", r.detail
    assert r.statement.endswith("(paper: sqrt(8)) (paper: the strategy attains the bound)")


def test_point_strategy_claim_refuted_when_the_strategy_stays_inside(tmp_path):
    def m(c):  # |00>: A0 = Z, B0 = (Z + X)/sqrt(2), B1 = (Z - X)/sqrt(2) give <CHSH> = sqrt(2) < 2 sqrt(2)
        c["data"]["strategy"]["state"] = ["1", "0", "0", "0"]
        c["data"]["strategy_claim"] = "attains the bound"
    r = _mutant(tmp_path, CHSH, m)
    assert r.verdict == "refuted", r.detail
    assert "<= 2*s (an exact strategy reaches s), where s is the root of s^2 + (-2) in (1, 2)" in r.statement


def test_point_strategy_claim_needs_a_paper_value(tmp_path):
    def m(c):
        c["data"]["strategy_claim"] = "attains the bound"
        del c["data"]["paper"]
    r = _mutant(tmp_path, CHSH, m)
    assert r.verdict == "error" and r.detail.endswith(
        "data.strategy_claim: needs a strategy and the paper's bound (paper)")


def test_parametric_bound_derived_from_the_identity(tmp_path):
    r = _mutant(tmp_path, RANGE, lambda c: c["data"].pop("bound"))
    assert r.verdict == "verified", r.detail
    assert r.statement.endswith("<= 2*sqrt(6*p^2 - 2*p)/(3*p - 1) (the only constant for which the SOS identity "
                                "holds), for all p in (2/5, 1) (paper: sqrt(8*p/(3*p - 1)))")


def test_parametric_wrong_bound_shows_the_residual(tmp_path):
    r = _mutant(tmp_path, RANGE, lambda c: c["data"].update(bound="2*sqrt(6*p^2 - 2*p)/(3*p - 1) + 1"))
    assert r.verdict == "error" and "data.sos: the identity fails: residual (1)*1" in r.detail, r.detail


def test_sos_term_with_an_unknown_key_is_rejected(tmp_path):
    r = _mutant(tmp_path, RANGE, lambda c: c["data"]["sos"]["terms"][0].update(note="x"))
    assert r.verdict == "error" and r.detail.endswith("data.sos.terms[0].note: unknown key (no code reads it)")


def test_empty_sos_is_rejected(tmp_path):
    r = _mutant(tmp_path, CHSH, lambda c: c["data"]["sos"].update(terms=[]))
    assert r.verdict == "error" and r.detail.endswith("data.sos.terms: must list objects {weight, polynomial}")


def test_positivity_term_with_an_unknown_key_is_rejected(tmp_path):
    r = _mutant(tmp_path, PART2, lambda c: c["data"]["positivity"][0].update(note="x"))
    assert r.verdict == "error" and r.detail.endswith("data.positivity[0].note: unknown key (no code reads it)")


def test_positivity_negative_weight_is_rejected(tmp_path):
    r = _mutant(tmp_path, PART2, lambda c: c["data"]["positivity"][0].update(weight="-1"))
    assert r.verdict == "error" and r.detail.endswith("data.positivity[0].weight: is negative")


def test_kraus_term_negative_weight_and_unknown_key_are_rejected(tmp_path):
    r = _mutant(tmp_path, KRAUS, lambda c: c["data"]["realisation"]["channels"][0]["kraus"][0].update(weight="-1"))
    assert r.verdict == "error" and r.detail.endswith("data.realisation.channels[0].kraus[0].weight: is negative")
    r = _mutant(tmp_path, KRAUS, lambda c: c["data"]["realisation"]["channels"][0]["kraus"][0].update(note="x"))
    assert r.verdict == "error" and r.detail.endswith(
        "data.realisation.channels[0].kraus[0].note: unknown key (no code reads it)")
