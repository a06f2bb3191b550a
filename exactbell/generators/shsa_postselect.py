"""Sainz–Hoban–Skrzypczyk–Aolita C003-20 (L126, after Ref. [25]): the quantum post-selection identity of the
instrumental scenario, for two qubits.

A quantum Bell behaviour p(ab|xy) = tr[(M_{a|x} ⊗ N_{b|y})ρ] kept at y = a is the instrumental behaviour of the
assemblage σ_{a|x} = tr_A[(M_{a|x} ⊗ 𝟙)ρ] with Bob measuring N_{b|a}:

    tr[N_{b|a} σ_{a|x}] = tr[(M_{a|x} ⊗ N_{b|a})ρ].

The kernel decides tr[N tr_A((M ⊗ 𝟙)ρ)] = tr[(M ⊗ N)ρ] as a polynomial identity in the 24 entries of M, N
(2×2) and ρ (4×4, alice-first: |a>|b> has index 2a + b), with σ = tr_A[(M ⊗ 𝟙)ρ] and K = M ⊗ N written
entrywise as definitions. Equal as polynomials with integer coefficients, so equal for complex entries too;
M := M_{a|x}, N := N_{b|a} for every a, b, x is the substitution (stated).
"""
from __future__ import annotations

from ..certificates.format import envelope2
from . import generator
from .shsa import PAPER

CID, CLAIM, LOCATION = "C003-20.postselection", "C003-20", "L126 (instrumental = Bell post-selected at y = a, Ref. [25])"
D = 2  # d_A = d_B


def _sum(terms) -> str:
    return " + ".join(terms)


def postselection_data() -> dict:
    """σ_{bc} = Σ_{a,a'} M_{aa'} ρ_{(a'b),(ac)}; K_{(ab),(a'b')} = M_{aa'} N_{bb'}; tr(Nσ) = Σ_{b,c} N_{cb} σ_{bc}
    and tr(Kρ) = Σ_{i,j} K_{ij} ρ_{ji}."""
    rng = range(D)
    sigma = [[f"s{b}{c}", _sum(f"m{a}{a2}*r{D * a2 + b}{D * a + c}" for a in rng for a2 in rng)]
             for b in rng for c in rng]
    kron = [[f"k{D * a + b}{D * a2 + b2}", f"m{a}{a2}*n{b}{b2}"] for a in rng for b in rng for a2 in rng for b2 in rng]
    lhs = _sum(f"n{c}{b}*s{b}{c}" for b in rng for c in rng)
    rhs = _sum(f"k{i}{j}*r{j}{i}" for i in range(D * D) for j in range(D * D))
    return {"mode": "polynomial", "definitions": sigma + kron, "identities": [[lhs, rhs]]}


def parameters() -> dict:
    names = [f"{m}{i}{j}" for m in "mn" for i in range(D) for j in range(D)]
    names += [f"r{i}{j}" for i in range(D * D) for j in range(D * D)]
    return {n: "[-1, 1]" for n in names}


@generator(CID, PAPER, CLAIM)
def postselection():
    return envelope2(
        CID, CLAIM, PAPER, LOCATION,
        "Quantum instrumental correlations are Bell correlations post-selected at y = a (two qubits): for every "
        "2x2 M, N and 4x4 rho, tr[N sigma] = tr[(M (x) N) rho] with sigma = tr_A[(M (x) 1) rho], so with M = M_a|x, "
        "N = N_b|a: p(ab|x) = tr[N_b|a sigma_a|x] = tr[(M_a|x (x) N_b|a) rho] = p_Bell(ab|x, y = a). A polynomial "
        "identity in the entries (integer coefficients), hence also for complex entries; the substitution is stated.",
        "identity", "verified", {"tensor": "alice-first", "matrices": "M[row][col]; rho index 2a + b for |a>|b>"},
        postselection_data(), parameters=parameters())
