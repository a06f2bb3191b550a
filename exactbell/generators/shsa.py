"""Certificates for Sainz–Hoban–Skrzypczyk–Aolita, "Bipartite post-quantum steering in generalised
scenarios" (claims C003-xx). Exact constructions only (the SDP generator is in shsa_sdp.py)."""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope
from ..core.numbers import format_rational
from ..steering import matrices as mx
from ..steering.assemblage import eq6_intended, eq6_literal, pr_assemblage
from . import generator

PAPER = "sainz-hoban-skrzypczyk-aolita"
CONV = {
    "indices": "labels from 0; BWI blocks[y][x][a], traditional/instrumental blocks[x][a]",
    "matrices": "M[row][col] = <row|M|col> in the computational basis; complex entries as text in i",
    "tensor": "Alice first: |a>|b> has index a*d_B + b; sigma[a|x] = tr_A[(M[a|x] (x) 1) rho]",
    "paulis": "x = 0,1,2 <-> X,Y,Z (the paper's sigma_1, sigma_2, sigma_3)",
}


def ns_data(A, formula=None) -> dict:
    d = {"assemblage": A.to_spec()}
    if formula:
        d["formula"] = formula
    d["bob_marginals"] = [mx.matrix_text(A.bob_marginal(0, y)) for y in range(A.ny)]
    d["alice_probabilities"] = [[format_rational(A.alice_probability(a, x)) for a in range(A.na)] for x in range(A.nx)]
    return d


@generator("C003-08", PAPER, "C003-08")
def c003_08():
    A = pr_assemblage()
    return envelope(
        "C003-08", "C003-08", PAPER, "Eq. (5), L84-L86 (proof of Theorem 1)",
        "Assemblage (5), sigma*[a|xy] = 1/2(|a><a| [xy=0] + |a+1><a+1| [xy=1]), is a no-signalling Bob-with-input "
        "assemblage: every block PSD, sum_a sigma* = 1/2 for all x,y, tr sigma* = 1/2 independent of y, normalised.",
        "steering-assemblage", {"verdict": "verified"}, CONV, ns_data(A, "sainz-eq5"))


@generator("C003-12a", PAPER, "C003-12")
def c003_12a():
    A = eq6_intended(0)
    conv = dict(CONV, reading="Eq. (6) intended: sigma[a|xy] = 1/4(1 + (-1)^(a + [x=Y][y=0]) sigma_x); "
                              "the printed formula is garbled (see C003-13)")
    return envelope(
        "C003-12a", "C003-12", PAPER, "Eq. (6), L106 (Theorem 2), intended reading",
        "Eq. (6) (intended reading) is a no-signalling Bob-with-input assemblage: blocks PSD, sum_a = 1/2 for all "
        "x,y, tr = 1/2 independent of y.",
        "steering-assemblage", {"verdict": "verified"}, conv, ns_data(A, "sainz-eq6-intended"))


@generator("C003-13", PAPER, "C003-13")
def c003_13():
    A = eq6_literal()
    key = (1, 0, 0)  # y=1, x=X, a=0: 1/4(1 + 2X), eigenvector (1,-1) with eigenvalue -1/4
    B = A.blocks[key]
    v = [mx.ONE, -mx.ONE]
    lam = Fraction(-1, 4)
    assert mx.matvec(B, v) == [lam * c for c in v]
    conv = dict(CONV, reading="Eq. (6) as printed: 1/4(1 + (-1)^(a + delta_x) 2^(delta_y) sigma_x) with "
                              "delta_y = [y=1] and the undefined delta_x read as 0 (any value only flips a sign)")
    data = ns_data_literal(A)
    return envelope(
        "C003-13", "C003-13", PAPER, "Eq. (6), L106",
        "Eq. (6) as printed defines an assemblage (every sigma[a|xy] >= 0).",
        "steering-assemblage",
        {"verdict": "refuted", "counterexample": {"block": list(key), "eigenvalue": "-1/4",
                                                  "eigenvector": [z.to_text() for z in v]}},
        conv, data)


def ns_data_literal(A):
    return {"assemblage": A.to_spec(), "formula": "sainz-eq6-literal"}
