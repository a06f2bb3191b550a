"""Numeric search for good projective strategies (any number of outcomes), returned exact.

Each party measures, for input x, the basis U_x|a⟩ of C^D (rank-one projectors for a < D,
zero for outcomes beyond D; D = the party's number of outcomes), U_x = exp(iH_x) with H_x
Hermitian; the state is the top eigenvector of the Bell operator. BFGS over the H_x with restarts.
Exact form: the columns of U_x are rounded to Gaussian rationals and orthogonalized exactly
(Gram–Schmidt over Q(i)), P_a = w_a w_a†/(w_a†w_a) for a < d − 1 and P_{d−1} = 1 − Σ P_a; the
rounded top eigenvector is the (unnormalized) state. The exact Born-rule value of that strategy
is a rigorous lower bound on the quantum maximum.
"""
from __future__ import annotations

from fractions import Fraction
from functools import reduce

import numpy as np

from ..kernel.gaussian import Gaussian
from ..kernel.ncpoly import behaviour


def _unitary(h: np.ndarray, D: int) -> np.ndarray:
    """exp(iH) by the spectral decomposition of H (scipy's expm is far slower at this size)."""
    H = np.zeros((D, D), dtype=complex)
    iu = np.triu_indices(D, 1)
    k = len(iu[0])
    H[iu] = h[:k] + 1j * h[k:2 * k]
    H = H + H.conj().T + np.diag(h[2 * k:2 * k + D])
    w, V = np.linalg.eigh(H)
    return (V * np.exp(1j * w)) @ V.conj().T


def _projectors(U: np.ndarray, d: int) -> list:
    D = U.shape[0]
    out = [np.outer(U[:, a], U[:, a].conj()) if a < D else np.zeros((D, D)) for a in range(d)]
    out[d - 1] = np.eye(D) - sum(out[:d - 1])
    return out


def coefficient_array(F) -> np.ndarray:
    """F as a float array indexed [a_1, …, a_N, x_1, …, x_N]."""
    sc = F.scenario
    C = np.zeros(tuple(sc.outputs) + tuple(sc.inputs))
    for (a, x), c in zip(sc.entries(), F.coefficients):
        C[tuple(a) + tuple(x)] = float(c)
    return C


def bell_matrix(F, meas, C=None) -> np.ndarray:
    """Σ_{a,x} F(a|x) ⊗_i P^{(i)}_{a_i|x_i} (numeric, one einsum)."""
    n = F.scenario.parties
    C = coefficient_array(F) if C is None else C
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    a, x, r, c = (letters[k * n:(k + 1) * n] for k in range(4))
    ops = [np.array([[np.asarray(P, dtype=complex) for P in m] for m in meas[i]]) for i in range(n)]
    spec = f"{a}{x}," + ",".join(f"{x[i]}{a[i]}{r[i]}{c[i]}" for i in range(n)) + f"->{r}{c}"
    T = np.einsum(spec, C, *ops)
    D = int(np.prod([o.shape[-1] for o in ops]))
    return T.reshape(D, D)


def search(F, restarts: int = 4, seed: int = 0):
    """Best numeric unitaries U[party][input] (dimension = outcomes) and value."""
    from scipy.optimize import minimize

    sc = F.scenario
    rng = np.random.default_rng(seed)
    shapes = [(i, x, sc.outputs[i]) for i in range(sc.parties) for x in range(sc.inputs[i])]
    sizes = [D * D for _, _, D in shapes]

    def unpack(v):
        us, k = [[None] * m for m in sc.inputs], 0
        for (i, x, D), n in zip(shapes, sizes):
            us[i][x] = _unitary(v[k:k + n], D)
            k += n
        return us

    def meas_of(us):
        return [[_projectors(U, sc.outputs[i]) for U in us[i]] for i in range(sc.parties)]

    C = coefficient_array(F)

    def f(v):
        return -np.linalg.eigvalsh(bell_matrix(F, meas_of(unpack(v)), C))[-1]

    best = None
    for _ in range(restarts):
        r = minimize(f, rng.normal(size=sum(sizes)), method="BFGS")
        if best is None or r.fun < best.fun:
            best = r
    return unpack(best.x), -best.fun


def _gaussian(z: complex, D: int) -> Gaussian:
    return Gaussian(Fraction(z.real).limit_denominator(D), Fraction(z.imag).limit_denominator(D))


def _dot(u, v):
    """u†v."""
    return reduce(lambda s, t: s + t, (a.conj() * b for a, b in zip(u, v)))


def exact_measurement(U: np.ndarray, d: int, D: int) -> list:
    """Exact projectors near U's columns (Gram–Schmidt over Q(i))."""
    n = U.shape[0]
    ws = []
    for a in range(min(d - 1, n)):
        u = [_gaussian(z, D) for z in U[:, a]]
        for w in ws:
            c = _dot(w, u) / _dot(w, w)
            u = [x - c * y for x, y in zip(u, w)]
        ws.append(u)
    zero, one = Gaussian(Fraction(0), Fraction(0)), Gaussian(Fraction(1), Fraction(0))
    P = []
    for w in ws:
        nrm = _dot(w, w)
        P.append([[wi * wj.conj() / nrm for wj in w] for wi in w])
    P += [[[zero] * n for _ in range(n)] for _ in range(d - 1 - len(P))]
    P.append([[(one if r == c else zero) - sum((Pa[r][c] for Pa in P), zero) for c in range(n)] for r in range(n)])
    return P


def exact_strategy(F, us, D: int):
    """(ψ, P[party][input][outcome], exact value) of the rounded strategy."""
    sc = F.scenario
    meas = [[exact_measurement(U, sc.outputs[i], D) for U in us[i]] for i in range(sc.parties)]
    num = [[[np.array([[complex(float(z.re), float(z.im)) for z in r] for r in Pa]) for Pa in m] for m in p]
           for p in meas]
    _, V = np.linalg.eigh(bell_matrix(F, num))
    v = V[:, -1]
    v = v / v[np.argmax(np.abs(v))]
    psi = [_gaussian(z, D) for z in v]
    p = behaviour(psi, meas, sc)
    value = sum((c * q for c, q in zip(F.coefficients, p) if c != 0), Fraction(0))
    return psi, meas, value


def lower_bound(F, restarts: int = 4):
    """A rigorous exact lower bound: the first rounding 10^k (k = 3, 5, 7) whose exact value is
    within 1e-9 of the numeric optimum (rounding errors enter the value quadratically)."""
    us, best = search(F, restarts)
    for k in (3, 5):
        cand = exact_strategy(F, us, 10**k)
        if best - float(cand[2]) <= 1e-9:
            return cand
    return exact_strategy(F, us, 10**7)
