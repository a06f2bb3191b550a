"""Chaves–Kueng–Brask–Gross: causal-relaxation LPs with exact certificates (claims C002-xx).

Untrusted producer: HiGHS solves, exact reconstruction in :mod:`exactbell.lp.solve`, then the
certificate is written and re-checked by the trusted checkers (lp-optimum, lp-parametric, …).
"""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope
from ..core.numbers import format_rational
from ..lp import exact
from ..lp.certificate import lp_certificate, write_sparse
from ..lp.solve import certify
from ..relaxations import functionals as fn
from ..relaxations.lps import build
from . import generator

PAPER = "chaves-kueng-brask-gross"
F = Fraction
CONV = {"order": "inputs-major: index = context*#outcomes + outcome, contexts (x,y) and outcomes (a,b) "
                 "lexicographic (Table I's column order 4(2x+y)+(2a+b))",
        "lambda": "mixed radix over response tables of outputs then latents (first most significant); "
                  "each table lists values per parent configuration, lexicographic",
        "lp": "columns q_lambda then auxiliaries; rows: observation rows, normalisation, measure rows "
              "(exactbell.relaxations.lps)",
        "C": "C_{U->B} = max over (u != u', w, b) of P_lambda[ |d(f_B(u,w),b) - d(f_B(u',w),b)| ] (eq. 4/31)",
        "M": "M = sum_{ctx,lambda} |q(ctx,lambda) - p(ctx) sum_ctx' q(ctx',lambda)| (eq. 5, full l1)"}


def R(x) -> str:
    return format_rational(x)


def rl(vec) -> list:
    return [R(v) for v in vec]


def chsh_problem(model: str, p, measure=None) -> dict:
    src = {"x-to-b": "x", "a-to-b": "a"}.get(model)
    obj = measure or ({"measure": "influence", "source": src, "target": "b"} if src else {"measure": "none"})
    return {"type": "causal", "model": {"named": model}, "constraints": {"kind": "full", "p": rl(p)},
            "objective": obj}


def optimum_cert(id_, claim, location, statement, problem, claimed, t=F(0), refuted_note=None,
                 method="highs-ds") -> dict:
    lp, _ = build(problem)
    res = certify(lp, t, method)
    if res["status"] != "optimal":
        raise RuntimeError(f"{id_}: LP is {res['status']}")
    sign = -1 if problem["objective"].get("sense") == "max" else 1
    value = sign * res["value"]
    data = {"problem": problem}
    if t:
        data["t"] = R(t)
    data.update(lp_certificate(lp, res))
    data["claimed"] = R(claimed)
    expected = {"verdict": "verified" if value == claimed else "refuted"}
    if value != claimed:
        expected["counterexample"] = {"claimed": R(claimed), "optimum": R(value),
                                      "note": refuted_note or "the exact LP optimum differs from the claim"}
    return envelope(id_, claim, PAPER, location, statement, "lp-optimum", expected, CONV, data)


# --------------------------------------------------------------------------------------------
# CHSH scenario: locality relaxations, communication
# --------------------------------------------------------------------------------------------

@generator("C002-04.pr-box", PAPER, "C002-04")
def a_to_b_pr():
    return optimum_cert(
        "C002-04.pr-box", "C002-04", "eq. (38), L1545-1553",
        "Eq. (38): min C_{A->B} = max[0, CHSH] in the CHSH scenario; at the PR box (CHSH = 1/2) this "
        "would give 1/2. The exact A->B LP (definition (4)) gives 1.",
        chsh_problem("a-to-b", fn.pr_box(0, 0, 0)), F(1, 2),
        refuted_note="PR box a+b = xy mod 2: min C_{A->B} = 1 = 2*CHSH (erratum E-01: eq. (38) misses a factor 2)")


@generator("C002-05.pr-box", PAPER, "C002-05")
def a_to_b_feasible():
    lp, _ = build(chsh_problem("a-to-b", fn.pr_box(0, 0, 0), {"measure": "none"}))
    res = certify(lp)
    return envelope(
        "C002-05.pr-box", "C002-05", PAPER, "L1552-1555",
        "The A->B model (Alice's outcome sent to Bob) reproduces the PR box exactly (hence, with the "
        "8 PR boxes and convexity, every NS distribution of the CHSH scenario).", "lp-feasible",
        {"verdict": "verified"}, CONV,
        {"problem": chsh_problem("a-to-b", fn.pr_box(0, 0, 0), {"measure": "none"}), "claim": "feasible",
         "primal": write_sparse(res["primal"])})


@generator("C002-01.pr-not-local", PAPER, "C002-01")
def pr_not_lhv():
    problem = chsh_problem("lhv", fn.pr_box(0, 0, 0))
    lp, _ = build(problem)
    res = certify(lp)
    y = res["farkas"]
    return envelope(
        "C002-01.pr-not-local", "C002-01", PAPER, "eq. (8), L316-329",
        "The PR box (CHSH = 1/2 > 0) has no LHV model: exact Farkas certificate of infeasibility of "
        "T q = p_PR, q >= 0.", "lp-infeasible", {"verdict": "verified"}, CONV,
        {"problem": problem, "claim": "infeasible", "farkas": write_sparse(y),
         "farkas_value": R(exact.dual_value(lp, y)), "tight": exact.tight_columns(lp, y, homogeneous=True)})
