"""Bell functionals and the signaling behaviour of Sengupta–Wooltorton Sec. V.

Coefficient arrays are ``F[a, b, x, y]`` with ⟨F, P⟩ = Σ F[a,b,x,y] p(ab|xy). T_q is Eq. (12) (the
correlator terms of :data:`exactbell.generators.sengupta_wooltorton.T_P_TERMS` at p = q, so T_{1/2} is
CHSH, Eq. (4)); its non-signaling quantum maximum is 2√2·√(q/(3q−1)) (Prop. 1 item 3), reached by the
strategy (13). Under depolarizing noise μ (Eq. 21) both functionals vanish on the uniform behaviour,
so the observed value is ω_f(μ) = (1 − μ)·max_Q f.

Eq. (19): Bob has four projective measurements N_{b|x̃,y}; the observed behaviour is
p(ab|xy) = p·q(ab|x,(x,y)) + (1 − p)·q(ab|x,(1−x,y)), with q the quantum behaviour of Alice's two and
Bob's four settings, indexed j = 2x̃ + y (:func:`pull_back`).
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from ..behaviours import parse_rational
from ..generators.chsh import CHSH_SCENARIO, CORRELATOR
from ..generators.sengupta_wooltorton import T_P_TERMS
from ..kernel.functional import functional_from_spec


def t_q_exact(q) -> list:
    """T_q (Eq. 12) as exact full-probability coefficients on (2,2;2,2), inputs-major."""
    q = Fraction(q)
    F = functional_from_spec(CHSH_SCENARIO, {"terms": T_P_TERMS}, CORRELATOR,
                             lambda c: parse_rational(c, {"p": q}))
    return list(F.coefficients)


def as_array(coefficients) -> np.ndarray:
    """F[a, b, x, y] from inputs-major coefficients of (2,2;2,2)."""
    F = np.zeros((2, 2, 2, 2))
    for c, ((a, b), (x, y)) in zip(coefficients, CHSH_SCENARIO.entries()):
        F[a, b, x, y] = float(c)
    return F


def t_q(q: float) -> np.ndarray:
    """T_q as F[a,b,x,y] for a float q (correlator terms of Eq. 12)."""
    r = (1 - q) / q
    F = np.zeros((2, 2, 2, 2))
    sign = lambda a, b: (-1) ** (a + b)
    for a in range(2):
        for b in range(2):
            # <B_{01} - B_{00}> + r <B_{10} - B_{11}>
            F[a, b, 0, 1] += (-1) ** b
            F[a, b, 0, 0] -= (-1) ** b
            F[a, b, 1, 0] += r * (-1) ** b
            F[a, b, 1, 1] -= r * (-1) ** b
            # <A0(B0 + B1)> + r <A1(B0 - B1)>
            F[a, b, 0, 0] += sign(a, b)
            F[a, b, 0, 1] += sign(a, b)
            F[a, b, 1, 0] += r * sign(a, b)
            F[a, b, 1, 1] -= r * sign(a, b)
    return F


def chsh() -> np.ndarray:
    """CHSH (Eq. 4) = <A0B0> + <A0B1> + <A1B0> - <A1B1> as F[a,b,x,y]."""
    F = np.zeros((2, 2, 2, 2))
    for a, b, x, y in np.ndindex(2, 2, 2, 2):
        F[a, b, x, y] = (-1) ** (a + b + x * y)
    return F


def quantum_max(q: float) -> float:
    """Non-signaling quantum maximum of T_q, 2√2·√(q/(3q−1)) (Prop. 1 item 3); CHSH is q = 1/2."""
    return 2 * np.sqrt(2) * np.sqrt(q / (3 * q - 1))


def observed_value(q: float, mu: float) -> float:
    """ω_{T_q}(μ) = (1 − μ)·max_Q T_q (strategy (21) with the angles of (13))."""
    return (1 - mu) * quantum_max(q)


def pull_back(F: np.ndarray, p: float) -> np.ndarray:
    """G[a, b, x, j] (j = 2x̃ + y) with ⟨F, P⟩ = ⟨G, q⟩ for the signaling behaviour (19)."""
    G = np.zeros((2, 2, 2, 4))
    for a, b, x, y in np.ndindex(2, 2, 2, 2):
        G[a, b, x, 2 * x + y] += p * F[a, b, x, y]
        G[a, b, x, 2 * (1 - x) + y] += (1 - p) * F[a, b, x, y]
    return G


def strategy_13(q: float):
    """(ψ, A_0, A_1, B_0, B_1) of Eq. (13) at q, numerically: 2θ = atan2(f1, g1), φ = atan2(f2, g2) (the
    branch that attains the bound on both sides of q = 1/2; the printed arctan − π/2 form fails below 1/2,
    C000-11)."""
    sx, sz = np.array([[0, 1], [1, 0]]), np.array([[1, 0], [0, -1]])
    if abs(q - 0.5) < 1e-15:
        theta = phi = -np.pi / 4
    else:
        f1, g1 = np.sqrt(q * (5 * q - 2)) / (1 - 3 * q), (1 - 2 * q) / (3 * q - 1)
        f2, g2 = -np.sqrt((5 * q - 2) / (6 * q - 2)), np.sqrt(q / (6 * q - 2))
        theta, phi = 0.5 * np.arctan2(f1, g1), np.arctan2(f2, g2)
    psi = np.array([np.cos(theta), 0, 0, np.sin(theta)])
    B0, B1 = np.cos(phi) * sz + np.sin(phi) * sx, -np.cos(phi) * sz + np.sin(phi) * sx
    return psi, sx, sz, B0, B1


def behaviour(psi, A, B) -> np.ndarray:
    """p(ab|xy) = ⟨ψ|Π_a^x ⊗ Π_b^y|ψ⟩ for ±1 observables A[x], B[y]."""
    P = np.zeros((2, 2, 2, 2))
    for a, b, x, y in np.ndindex(2, 2, 2, 2):
        Pa = (np.eye(2) + (-1) ** a * A[x]) / 2
        Pb = (np.eye(2) + (-1) ** b * B[y]) / 2
        P[a, b, x, y] = psi @ np.kron(Pa, Pb) @ psi
    return P
