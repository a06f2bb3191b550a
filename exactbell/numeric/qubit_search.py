"""Numeric search (untrusted): maximise a Bell-type functional over two-qubit quantum behaviours.

Behaviours use the Eq. (5) coordinates of Sengupta–Wooltorton: coordinate 4i + j = p(ab|xy) with
i = 2x + a, j = 2y + b. The state is cos χ|00⟩ + sin χ|11⟩ (every pure two-qubit state up to local
unitaries, which are absorbed into the measurement directions); Alice's and Bob's ±1 observables are
n·σ with unit Bloch vectors n (projective qubit measurements; outcome a has projector (1 + (−1)^a n·σ)/2).

For a state in this Schmidt form, with c = cos 2χ and s = sin 2χ,

    p(ab|xy) = ¼ [1 + (−1)^a c α_z + (−1)^b c β_z + (−1)^{a+b} (s (α_x β_x − α_y β_y) + α_z β_z)]

for Alice's vector α = α_x and Bob's β = β_y. :func:`rational_strategy` then rounds an optimum to an
*exact* strategy: rational (c, s) on the unit circle (tangent half-angle) and rational unit Bloch
vectors (inverse stereographic projection), so ρ and the observables have entries in Q(i) and the
behaviour is exactly rational. Nothing here is trusted: the checker recomputes everything.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from scipy.optimize import minimize

from . import rationalize


def bloch(theta, phi):
    return np.array([np.sin(theta) * np.cos(phi), np.sin(theta) * np.sin(phi), np.cos(theta)])


def behaviour_from_params(x) -> np.ndarray:
    """x = (χ, θ_A0, φ_A0, θ_A1, φ_A1, θ_B0, φ_B0, θ_B1, φ_B1) -> the 16 Eq. (5) coordinates."""
    chi = x[0]
    A = [bloch(x[1], x[2]), bloch(x[3], x[4])]
    B = [bloch(x[5], x[6]), bloch(x[7], x[8])]
    return behaviour_from_vectors(np.cos(2 * chi), np.sin(2 * chi), A, B)


def behaviour_from_vectors(c, s, A, B) -> np.ndarray:
    P = np.zeros(16)
    for x in (0, 1):
        for a in (0, 1):
            for y in (0, 1):
                for b in (0, 1):
                    al, be = A[x], B[y]
                    corr = s * (al[0] * be[0] - al[1] * be[1]) + al[2] * be[2]
                    sa, sb = (-1) ** a, (-1) ** b
                    P[4 * (2 * x + a) + 2 * y + b] = 0.25 * (1 + sa * c * al[2] + sb * c * be[2] + sa * sb * corr)
    return P


@dataclass
class SearchResult:
    value: float  # max of <F, P>
    params: np.ndarray


def maximise(coefficients, restarts: int = 40, seed: int = 0) -> SearchResult:
    """Multi-start BFGS for max <F, P(x)> over the parametrised two-qubit behaviours."""
    F = np.array([float(Fraction(c)) for c in coefficients])
    rng = np.random.default_rng(seed)
    best = None
    f = lambda x: -float(F @ behaviour_from_params(x))  # noqa: E731
    for _ in range(restarts):
        x0 = rng.uniform(0, 2 * np.pi, 9)
        res = minimize(f, x0, method="BFGS")
        if best is None or -res.fun > best.value:
            best = SearchResult(-res.fun, res.x)
    return best


# ---------------------------------------------------------------------------------------------
# rounding to an exact strategy

def rational_circle(angle: float, max_den: int) -> tuple[Fraction, Fraction]:
    """(cos, sin) of a rational point on the unit circle near angle (tangent half-angle)."""
    t = np.tan(angle / 2)
    if abs(t) > 1e6:  # angle near pi
        return Fraction(-1), Fraction(0)
    t = rationalize(t, max_den)
    d = 1 + t * t
    return (1 - t * t) / d, 2 * t / d


def rational_sphere(v, max_den: int) -> tuple[Fraction, Fraction, Fraction]:
    """A rational unit vector near the unit vector v (inverse stereographic projection from the
    pole opposite to v's z-sign, so the projected point stays bounded)."""
    v = np.asarray(v, dtype=float)
    v = v / np.linalg.norm(v)
    sgn = 1 if v[2] >= 0 else -1
    # project from (0, 0, -sgn): u = x/(1 + sgn z), w = y/(1 + sgn z)
    u = rationalize(v[0] / (1 + sgn * v[2]), max_den)
    w = rationalize(v[1] / (1 + sgn * v[2]), max_den)
    d = 1 + u * u + w * w
    return 2 * u / d, 2 * w / d, sgn * (1 - u * u - w * w) / d


@dataclass
class ExactStrategy:
    c: Fraction  # cos 2χ
    s: Fraction  # sin 2χ
    alice: list  # two rational unit vectors
    bob: list

    def behaviour(self) -> list:
        """Exact Eq. (5) coordinates (closed form; the checker recomputes with the Born rule)."""
        out = [Fraction(0)] * 16
        for x in (0, 1):
            for a in (0, 1):
                for y in (0, 1):
                    for b in (0, 1):
                        al, be = self.alice[x], self.bob[y]
                        corr = self.s * (al[0] * be[0] - al[1] * be[1]) + al[2] * be[2]
                        sa, sb = (-1) ** a, (-1) ** b
                        out[4 * (2 * x + a) + 2 * y + b] = Fraction(1, 4) * (
                            1 + sa * self.c * al[2] + sb * self.c * be[2] + sa * sb * corr)
        return out

    def value(self, coefficients) -> Fraction:
        return sum((Fraction(f) * v for f, v in zip(coefficients, self.behaviour())), Fraction(0))


def rational_strategy(params, max_den: int) -> ExactStrategy:
    c, s = rational_circle(2 * params[0], max_den)
    A = [rational_sphere(bloch(params[1], params[2]), max_den), rational_sphere(bloch(params[3], params[4]), max_den)]
    B = [rational_sphere(bloch(params[5], params[6]), max_den), rational_sphere(bloch(params[7], params[8]), max_den)]
    return ExactStrategy(c, s, A, B)


def exact_violation(coefficients, bound, params, dens=(10, 20, 50, 100, 300, 1000, 3000, 10**4, 10**5)):
    """The first rounding (smallest denominators first) whose exact value exceeds bound, or None."""
    bound = Fraction(bound)
    for d in dens:
        st = rational_strategy(params, d)
        v = st.value(coefficients)
        if v > bound:
            return st, v
    return None


__all__ = ["maximise", "behaviour_from_params", "rational_strategy", "exact_violation", "ExactStrategy", "SearchResult"]


# ---------------------------------------------------------------------------------------------
# facets separating random qubit behaviours from a polytope (for models without a class list)

def separating_facets(points, free, param_vectors, tol: float = 1e-7):
    """For each parameter vector (see behaviour_from_params) whose behaviour Q lies outside conv(points),
    solve the polar LP max <F, Q - c> s.t. <F, v - c> <= 1 (F on the ``free`` coordinates, c the
    centroid) by dual simplex, whose optimal vertex is a facet. Yields the indices of the (numerically)
    tight points, to be made exact by the caller."""
    from scipy.optimize import linprog

    V = np.array([[float(x) for x in v] for v in points])
    c = V.mean(axis=0)
    D = V[:, free] - c[free]
    for x in param_vectors:
        Q = behaviour_from_params(x)
        res = linprog(-(Q[free] - c[free]), A_ub=D, b_ub=np.ones(len(D)), bounds=[(None, None)] * len(free),
                      method="highs-ds")
        if res.status == 0 and -res.fun > 1 + tol:
            slack = 1 - D @ res.x
            yield [k for k in range(len(D)) if abs(slack[k]) < tol]


def random_params(n: int, rng):
    for _ in range(n):
        yield rng.uniform(0, 2 * np.pi, 9)


def perturbed_params(centres, n: int, sigma: float, rng):
    for x0 in centres:
        for _ in range(n):
            yield np.asarray(x0) + rng.normal(0, sigma, 9)
