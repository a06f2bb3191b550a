"""Sengupta–Wooltorton Lemmas 1, 2 and 4 as whole-range statements (issue #4, remaining gaps).

* C000-16.region: Lemma 1 refuted symbolically for all p in [0, 1), r in (0, 1) (kind
  ``local-bound`` with a point); the rational-point certificates C000-16.p=..,r=.. are the fallback.
* C000-17.*: Lemma 2's construction as a polynomial identity for every model with |Λ| ≤ 3
  (verified), and the per-λ dependence bound it loses (refuted by an exact MD model).
* C000-18.lemma4-maxmin / -attained: Lemma 4's max–min as one two-parameter statement.
"""
from __future__ import annotations

from fractions import Fraction

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
    """Schema 2, kind local-bound over the four channels of Eq. (11), symbolic in p and r, with the
    single-λ point P*(r); the prover proves max(vertex values) < <F, P*> on the whole box."""
    from ..certificates.format import envelope2
    from ..kernel.kinds.local_bound import _point, distinct_values
    from ..kernel.poly import RationalFunction
    from .sw_propositions import EQ11, _kernel_view

    alice = [[L1_ALICE[x][y]] for x in (0, 1) for y in (0, 1)]
    data = {"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "model": "signaling", "fidelities": EQ11,
            "functional": {"matrix": L1_F}, "sense": "max",
            "point": {"hidden": {"weights": [["1"]] * 4, "alice": alice, "bob": [["1"]] * 4, "within": ["p", "r"]}}}
    cert = envelope2(
        "C000-16.region", "C000-16", PAPER, "Lemma 1, Eq. (11), L192-200; proof App. C L646-697",
        "Lemma 1 claims S_(p,1)*,(r,1)* (conv of the four channel polytopes of Eq. (11)) = S_(p,r). Refuted for "
        "ALL p in [0, 1), r in (0, 1): the single-λ point with Bob's b = 0 and Alice's p_A(0|x,y) = (r, 0) at "
        "x = 0, (0, r) at x = 1 lies in S_(p,r) (per-λ dependences 0 <= p and r <= r), and the functional "
        "F = α00 - 2α01 - 2α10 + α11 (α_xy = p_A(0|x,y)) gives <F,P*> = 2r, strictly above its maximum over "
        "every vertex of the four channel polytopes. (The inclusion S_(p,1)*,(r,1)* ⊆ S_(p,r) is not decided "
        "here.)", "local-bound", "refuted", SW, data, L1_DOMAIN)
    ctx, kdata, sc, F, points = _kernel_view(cert)
    texts = [v.to_text() for v in distinct_values(F, points)]
    pv = RationalFunction.lift(_point(ctx, kdata, sc, F)[1]).to_text()
    data["proof"] = prove(Statement.make(f"max({', '.join(texts)})", "<", pv, L1_DOMAIN, require_all=False))
    return cert


# ---------------------------------------------------------------------------------------------
# C000-17: Lemma 2
def lemma2_identities(n: int) -> list:
    """Lemma 2 (App. D) for every MD model with |Λ| = n, as 16 polynomial identities [lhs, rhs]:
    lhs = Σ_{λ'} Π_{x̄ȳ} q_{x̄ȳ}(λ'_{x̄ȳ}) f(a_{xy}(λ'_{xy}), b_{xy}(λ'_{xy})) (the PD-only model),
    rhs = Σ_λ q_{xy}(λ) f(a_{xy}(λ), b_{xy}(λ)) (the MD model); q_i(n-1) = 1 - Σ_{k<n-1} q_i(k),
    a_i(λ) = p_A(0|xy, λ), b_i(λ) = p_B(0|xy, λ), i = 2x + y."""
    from itertools import product

    q = [[f"q{i}_{k}" for k in range(n - 1)] + ["(1 - " + " - ".join(f"q{i}_{k}" for k in range(n - 1)) + ")"
          if n > 1 else "1"] for i in range(4)]
    out = []
    for x, a, y, b in product(range(2), repeat=4):
        i = 2 * x + y
        f = lambda lam: (f"a{i}_{lam}" if a == 0 else f"(1 - a{i}_{lam})") + "*" + \
            (f"b{i}_{lam}" if b == 0 else f"(1 - b{i}_{lam})")  # noqa: E731
        lhs = " + ".join("*".join(q[j][lp[j]] for j in range(4)) + "*" + f(lp[i])
                         for lp in product(range(n), repeat=4))
        rhs = " + ".join(f"{q[i][lam]}*{f(lam)}" for lam in range(n))
        out.append([lhs, rhs])
    return out


@generator("C000-17.generic", PAPER, "C000-17")
def lemma2_generic():
    from ..certificates.format import envelope2

    n = 3
    params = {f"{t}{i}_{k}": "[0, 1]" for t in "abq" for i in range(4) for k in range(n if t != "q" else n - 1)}
    return envelope2(
        "C000-17.generic", "C000-17", PAPER, "Lemma 2, L210-216; proof App. D L698-726",
        "Lemma 2: every MD+PD model p(ab|xy) = sum_λ q(λ|x,y) p_A(a|x,y,λ) p_B(b|x,y,λ) has a PD-only "
        "representation, via Λ' = (Λ_00, Λ_01, Λ_10, Λ_11), p'(λ') = prod q(λ_x̄ȳ|x̄,ȳ), "
        "p'_A(a|x,y,λ') = p_A(a|x,y,λ_xy). Decided as 16 polynomial identities (one per p(ab|xy), "
        "lemma2_identities(3) in exactbell/generators/sw_lemmas.py) in generic weights q{2x+y}_λ and "
        "responses a{2x+y}_λ = p_A(0|x,y,λ), b{2x+y}_λ = p_B(0|x,y,λ) for |Λ| = 3 (2- and 1-valued models "
        "are special cases). Erratum (not decided by the kernel): the product in the proof's third line must "
        "run over all (x̄,ȳ) ≠ (x,y) (3 factors), not x̄ ≠ x, ȳ ≠ y (1 factor).",
        "identity", "verified", {}, {"mode": "polynomial", "identities": lemma2_identities(n)}, parameters=params)


# an MD model with per-λ dependence 0 whose behaviour signals: q(λ|x,y) = [λ = xy]
L2_MODEL = {"weights": [["1", "0"], ["1", "0"], ["1", "0"], ["0", "1"]],
            "alice": [["1", "0"], ["1", "0"], ["1", "0"], ["1", "0"]],
            "bob": [["1", "0"], ["1", "0"], ["1", "0"], ["1", "0"]]}


# a signalling witness: p_A(0|1,0) - p_A(0|1,1) + p_B(0|0,1) - p_B(0|1,1) (0 on local points)
L2_WITNESS = [["0", "0", "1", "0"], ["0", "0", "1", "0"], ["1", "1", "-2", "-1"], ["0", "0", "-1", "0"]]


@generator("C000-17.bound-lost", PAPER, "C000-17")
def lemma2_bound_lost():
    """Schema 2, kind local-bound: a measurement-dependent model with per-λ dependence 0 whose
    behaviour is outside the local polytope (= the PD-only models with per-λ dependence 0)."""
    from ..certificates.format import envelope2
    from ..kernel.models import local_bound
    from ..kernel.functional import SW_SCENARIO, functional_from_spec
    from .sw_propositions import SW as SWCONV

    F = functional_from_spec(SW_SCENARIO, {"matrix": L2_WITNESS}, SWCONV, Fraction)
    opt = [[list(t) for t in st] for st in local_bound(F).strategies]
    return envelope2(
        "C000-17.bound-lost", "C000-17", PAPER, "Lemma 2, L210-216; proof App. D L698-726; use in Lemma 3",
        "Reading of Lemma 2 needed downstream: the PD-only model keeps the per-λ parameter-dependence bound of the "
        "MD+PD model. Refuted: the MD model λ ∈ {0,1}, q(λ|x,y) = [λ = xy], a = b = λ (responses independent of "
        "the inputs: per-λ dependence 0) gives a signalling behaviour; a PD-only (measurement-independent) model "
        "with per-λ dependence 0 is a local hidden-variable model, so its behaviour lies in the local polytope, and "
        "the signalling witness below separates the MD behaviour from it. The lemma is true but carries no "
        "dependence bound.", "local-bound", "refuted", SWCONV,
        {"scenario": SW_SCENARIO.to_spec(), "functional": {"matrix": L2_WITNESS}, "sense": "max", "optimal": opt,
         "point": {"hidden": {**L2_MODEL, "within": ["0", "0"]}}})


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
