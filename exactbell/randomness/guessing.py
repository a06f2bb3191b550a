"""Guessing probability of Alice's X = 0 output under the constraints of Eq. (20), and its dual.

P_g = max Σ_e <Π_{e|0}>_e over subnormalized moment matrices Γ_e ⪰ 0 (Eve's classical guess e) with
Σ_e Γ_e(1) = 1, f(Σ_e P_e) ≥ ω and <NS_y, Σ_e P_e> = 0 (:mod:`.bff`, signaling behaviour (19)).
Weak duality: if for every e and every quantum behaviour q of Alice's two and Bob's four settings

    <Π_{e|0}> + λ f(P(q)) + Σ_y ν_y <NS_y, P(q)> ≤ η          (λ ≥ 0)

then P_g ≤ η − λω, hence r_{S,p}(f, ω) ≥ H_min(A|X=0,E) = −log2 P_g ≥ −log2(η − λω). The generator
rounds (λ, ν) to rationals and proves each η by an exact SOS (kernel kind ``sos``).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from . import behaviour, bff, moments


@dataclass
class Guessing:
    value: float  # the numeric P_g
    lam: float  # multiplier of f(P) ≥ ω
    nu: tuple  # multipliers of <NS_y, P> = 0 (sign: the bound functional has + ν_y <NS_y, P>)


def _ns_vector(mm, p: float, y: int) -> np.ndarray:
    return (2 * p - 1) * (mm.linear({((), (y,), ()): 1.0}) - mm.linear({((), (2 + y,), ()): 1.0}))


def guessing_probability(F: np.ndarray, omega: float, p: float, solver: str = "CLARABEL") -> Guessing:
    import cvxpy as cp

    mm = moments.MomentMatrix.build(moments.monomials(2, 4, eve=False, level="2"))
    n, K = mm.size, len(mm.keys)
    f = mm.linear(moments.functional_terms(behaviour.pull_back(F, p)))
    ns = np.array([_ns_vector(mm, p, y) for y in range(2)])
    one = mm.index[moments.ONE]
    guess = [mm.linear({((0,), (), ()): 1.0}), mm.linear({moments.ONE: 1.0, ((0,), (), ()): -1.0})]
    ys, cons = [], []
    for e in range(2):
        G = cp.Variable((n, n), PSD=True)
        y = cp.Variable(K)
        rows = np.array([i for i, j, k in mm.entries])
        cols = np.array([j for i, j, k in mm.entries])
        ks = np.array([k for i, j, k in mm.entries])
        cons.append(G[rows, cols] == y[ks])
        ys.append(y)
    norm = ys[0][one] + ys[1][one] == 1
    fcon = f @ (ys[0] + ys[1]) >= omega
    nscon = ns @ (ys[0] + ys[1]) == 0
    prob = cp.Problem(cp.Maximize(guess[0] @ ys[0] + guess[1] @ ys[1]), cons + [norm, fcon, nscon])
    value, status = bff.solve(prob, solver)
    if fcon.dual_value is None:
        raise RuntimeError(f"guessing probability SDP: {status}")
    lam = float(fcon.dual_value)
    nu = tuple(-float(v) for v in np.atleast_1d(nscon.dual_value))
    return Guessing(value, lam, nu)


def bound_terms(q, p, lam, nu, e: int | None) -> dict:
    """Correlator terms (exact texts) on (2,4;2,2) of <Π_{e|0}> + λ T_q(P) + Σ_y ν_y <NS_y, P> (e = None: without
    <Π_{e|0}>, the constraint terms of the BFF dual, :mod:`.bff_dual`), Bob's
    input j = 2x̃ + y; q = None is CHSH. Marginal terms are uniform averages over the other party's inputs
    (equal to the marginal on quantum behaviours)."""
    q, p, lam = (None if q is None else Fraction(q)), Fraction(p), Fraction(lam)
    r = Fraction(1, 2) if q is None else (1 - q) / q
    out: dict = {}

    def add(term, c):
        out[term] = out.get(term, 0) + c

    if e is not None:
        add("1", Fraction(1, 2))
        add("A0", Fraction(1, 2) if e == 0 else Fraction(-1, 2))
    # f on the signaling behaviour: each context (x, y) is p·(x, j = 2x + y) + (1 − p)·(x, j = 2(1 − x) + y)
    if q is None:
        corr = {(0, 0): 1, (0, 1): 1, (1, 0): 1, (1, 1): -1}
        bob = {}
    else:
        corr = {(0, 0): 1, (0, 1): 1, (1, 0): r, (1, 1): -r}
        bob = {(0, 1): 1, (0, 0): -1, (1, 0): r, (1, 1): -r}
    for (x, y), c in corr.items():
        for xt, w in ((x, p), (1 - x, 1 - p)):
            add(f"A{x}B{2 * xt + y}", lam * c * w)
    for (x, y), c in bob.items():
        for xt, w in ((x, p), (1 - x, 1 - p)):
            add(f"B@{x}{2 * xt + y}", lam * c * w)
    # <NS_y, P> = (2p − 1)(q(b=0|j=y) − q(b=0|j=2+y)) = (2p − 1)/2 (<B_y> − <B_{2+y}>)
    for y, v in enumerate(nu):
        add(f"B{y}", Fraction(v) * (2 * p - 1) / 2)
        add(f"B{2 + y}", -Fraction(v) * (2 * p - 1) / 2)
    return {k: str(v) for k, v in out.items() if v != 0}
