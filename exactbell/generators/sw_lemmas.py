"""Sengupta–Wooltorton Lemmas 1, 2 and 4 as whole-range statements (issue #4, remaining gaps).

* C000-16.region: Lemma 1 refuted symbolically for all p in [0, 1), r in (0, 1) (kind
  ``sw-lemma1-region``); the rational-point certificates C000-16.p=..,r=.. are the fallback.
* C000-17.*: Lemma 2's construction as a polynomial identity for every model with |Λ| ≤ 3
  (verified), and the per-λ dependence bound it loses (refuted by an exact MD model).
* C000-18.lemma4-maxmin / -attained: Lemma 4's max–min as one two-parameter statement.
"""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope
from ..kernel.numbers import format_rational as fr
from ..prover import Statement, prove
from . import generator
from .sw_propositions import SW, _inequality

PAPER = "sengupta-wooltorton"

# ---------------------------------------------------------------------------------------------
# C000-16 on a region: F = α00 - 2α01 - 2α10 + α11 on Alice's marginals α_xy = p_A(0|x,y)
L1_F = [["1", "1", "-2", "-2"], ["0", "0", "0", "0"], ["-2", "-2", "1", "1"], ["0", "0", "0", "0"]]
L1_ALICE = [["r", "0"], ["0", "r"]]
L1_BOB = [["1", "1"], ["1", "1"]]
L1_DOMAIN = {"p": "[0, 1)", "r": "(0, 1)"}


@generator("C000-16.region", PAPER, "C000-16")
def lemma1_region():
    from ..legacy.checkers.sw_lemma1 import CHANNELS, product_point
    from ..legacy.checkers.sw_lemma1_region import channel_dependences, channel_values, pairing, rf
    from ..kernel.functional import from_sw_matrix, to_sw_matrix

    F = [Fraction(x) for x in from_sw_matrix(L1_F)]
    alice = [[rf(t) for t in row] for row in L1_ALICE]
    bob = [[rf(t) for t in row] for row in L1_BOB]
    P = product_point(alice, bob)
    pv = pairing(F, P).to_text()
    vals = [v.to_text() for v in channel_values(F)]
    proofs = []
    for v in vals:
        pr = prove(Statement.make(v, "<", pv, L1_DOMAIN, require_all=False))
        if pr["method"] == "refuted":
            raise RuntimeError(f"value {v} is not below {pv}")
        proofs.append(pr)
    beh = [[x.to_text() for x in row] for row in to_sw_matrix(list(P.values))]
    return envelope(
        "C000-16.region", "C000-16", PAPER, "Lemma 1, Eq. (11), L192-200; proof App. C L646-697",
        "Lemma 1 claims S_(p,1)*,(r,1)* (conv of the four channel polytopes of Eq. (11)) = S_(p,r). Refuted for "
        "ALL p in [0, 1), r in (0, 1): the single-λ point with Bob's b = 0 and Alice's p_A(0|x,y) = (r, 0) at "
        "x = 0, (0, r) at x = 1 lies in S_(p,r) (per-λ dependences 0 <= p and r <= r), and the functional "
        "F = α00 - 2α01 - 2α10 + α11 (α_xy = p_A(0|x,y)) gives <F,P*> = 2r, strictly above its maximum over "
        "every vertex of the four channel polytopes (max(r, 3r - 1) < 2r). The inclusion S_(p,1)*,(r,1)* ⊆ S_(p,r) "
        "does hold on the whole region "
        "(every channel vertex has dependences 0 or p, resp. 0 or r).",
        "sw-lemma1-region",
        {"verdict": "refuted", "counterexample": {"alice": L1_ALICE, "bob": L1_BOB}},
        SW, {"channels": [list(ch) for ch in CHANNELS], "domain": L1_DOMAIN, "functional": {"matrix": L1_F},
             "behaviour": beh, "point_value": pv, "values": vals, "proofs": proofs,
             "inclusion": channel_dependences()},
        parameters={"p": {"range": ["0", "1"]}, "r": {"range": ["0", "1"]}})


# ---------------------------------------------------------------------------------------------
# C000-17: Lemma 2
def _index_sets():
    from ..legacy.checkers.sw_lemma2 import index_sets

    printed, required = index_sets()
    return {"printed": printed, "required": required}


@generator("C000-17.generic", PAPER, "C000-17")
def lemma2_generic():
    from ..legacy.checkers.sw_lemma2 import generic_identity

    return envelope(
        "C000-17.generic", "C000-17", PAPER, "Lemma 2, L210-216; proof App. D L698-726",
        "Lemma 2: every MD+PD model p(ab|xy) = sum_λ q(λ|x,y) p_A(a|x,y,λ) p_B(b|x,y,λ) has a PD-only "
        "representation, via Λ' = (Λ_00, Λ_01, Λ_10, Λ_11), p'(λ') = prod q(λ_x̄ȳ|x̄,ȳ), "
        "p'_A(a|x,y,λ') = p_A(a|x,y,λ_xy). Verified as a polynomial identity in generic weights and responses for "
        "|Λ| = 3 (every 3-valued model; 2- and 1-valued ones are special cases). Erratum: the product in the "
        "proof's third line must run over all (x̄,ȳ) ≠ (x,y) (3 factors), not x̄ ≠ x, ȳ ≠ y (1 factor).",
        "sw-lemma2", {"verdict": "verified"}, SW,
        {"mode": "generic", "hidden": 3, "pd_size": 3**4, "identities": generic_identity(3),
         "index_sets": _index_sets()})


# an MD model with per-λ dependence 0 whose behaviour signals: q(λ|x,y) = [λ = xy]
L2_MODEL = {"weights": [["1", "0"], ["1", "0"], ["1", "0"], ["0", "1"]],
            "alice": [["1", "0"], ["1", "0"], ["1", "0"], ["1", "0"]],
            "bob": [["1", "0"], ["1", "0"], ["1", "0"], ["1", "0"]]}


def _lemma2_data(model, mode):
    from ..legacy.checkers.sw_lemma2 import dependence, md_behaviour, pd_model
    from ..legacy.checkers.sw_lemma1 import matrix_text

    m = {k: [[Fraction(v) for v in row] for row in rows] for k, rows in model.items()}
    n = len(m["weights"][0])
    P = md_behaviour(m)
    pdm = pd_model(m, n)
    md = [max(dependence([m["alice"][i][lam] for i in range(4)], [m["bob"][i][lam] for i in range(4)])[k]
              for lam in range(n)) for k in (0, 1)]
    pd = [max(dependence(al, bo)[k] for w, al, bo in pdm if w) for k in (0, 1)]
    obs = [max(abs(P.marginal((1,), (0,), (0, y)) - P.marginal((1,), (0,), (1, y))) for y in (0, 1)),
           max(abs(P.marginal((0,), (0,), (x, 0)) - P.marginal((0,), (0,), (x, 1))) for x in (0, 1))]
    return {"mode": mode, "behaviour": matrix_text(P.values), "pd_size": len(pdm),
            "dependence": {"md": [fr(x) for x in md], "pd": [fr(x) for x in pd], "observed": [fr(x) for x in obs]},
            "index_sets": _index_sets()}


@generator("C000-17.bound-lost", PAPER, "C000-17")
def lemma2_bound_lost():
    return envelope(
        "C000-17.bound-lost", "C000-17", PAPER, "Lemma 2, L210-216; proof App. D L698-726; use in Lemma 3",
        "Reading of Lemma 2 needed downstream: the PD-only model keeps the per-λ parameter-dependence bound of the "
        "MD+PD model. Refuted: the MD model λ ∈ {0,1}, q(λ|x,y) = [λ = xy], a = b = λ (responses independent of "
        "the inputs: per-λ dependence 0) gives a behaviour whose marginals flip (Alice's at x = 1 with y, Bob's "
        "at y = 1 with x); Lemma 2's PD-only model has per-λ' dependence 1 both ways, and so must every PD-only "
        "model of it (observed signaling 1). The lemma is true but vacuous: it carries no dependence bound.",
        "sw-lemma2", {"verdict": "refuted", "counterexample": L2_MODEL}, SW, _lemma2_data(L2_MODEL, "bound-preserved"))


# ---------------------------------------------------------------------------------------------
# C000-18: Lemma 4's max-min as one statement
L4_F1 = "(1 - 4*l)/l * w"
L4_F2 = "(1 - 4*l)/(1 - 3*l) * (1 - w)"
L4_BOUND = "(1 - 4*l)/(1 - 2*l)"


@generator("C000-18.lemma4-maxmin", PAPER, "C000-18")
def lemma4_maxmin():
    return _inequality(
        "C000-18.lemma4-maxmin", "C000-18", "Lemma 4 proof, L756-768",
        "Lemma 4's worst case: for all w in [0, 1] and l in (0, 1/4], min{(1-4l)/l * w, (1-4l)/(1-3l) * (1-w)} "
        "<= (1-4l)/(1-2l). Proved without the crossing-point case split: the max of the two slacks is >= their "
        "convex combination with weights l/(1-2l), (1-3l)/(1-2l) (both >= 0, sum 1), which is identically 0.",
        f"min({L4_F1}, {L4_F2})", "<=", L4_BOUND, {"w": "[0, 1]", "l": "(0, 1/4]"})


@generator("C000-18.lemma4-attained", PAPER, "C000-18")
def lemma4_attained():
    w = "(l/(1 - 2*l))"
    return _inequality(
        "C000-18.lemma4-attained", "C000-18", "Lemma 4 proof, L764-768",
        "The bound of Lemma 4 is attained: at w = l/(1-2l) (which lies in [0, 1/2] for l in (0, 1/4]), "
        "min{(1-4l)/l * w, (1-4l)/(1-3l) * (1-w)} = (1-4l)/(1-2l) for every l in (0, 1/4].",
        f"min({L4_F1.replace('w', w)}, {L4_F2.replace('w', w)})", "==", L4_BOUND, {"l": "(0, 1/4]"})


@generator("C000-18.lemma4-w-range", PAPER, "C000-18")
def lemma4_w_range():
    return _inequality(
        "C000-18.lemma4-w-range", "C000-18", "Lemma 4 proof, L764-766",
        "The maximising w = l/(1-2l) is admissible: 0 <= l/(1-2l) <= 1/2 for l in [0, 1/4] (so w ∈ [0, 1]).",
        "abs(l/(1 - 2*l) - 1/4)", "<=", "1/4", {"l": "[0, 1/4]"})
