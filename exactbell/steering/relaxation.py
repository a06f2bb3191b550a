"""Numeric layer (untrusted): the outer SDP relaxation of Q_BWI and the exact rounding of its dual.

The relaxation and the dual certificate are described in :mod:`exactbell.steering.dual`. Here we

* solve the *dual* SDP directly with cvxpy (complex Hermitian variables, Clarabel or SCS):
  minimise f(N) over Z^y ⪰ δ𝟙, λ, subject to C^y_w = 0 for all non-data words and f(N) − f(σ) = 1;
  its value is the relaxation's maximal white-noise visibility v* (by SDP duality);
* round Z, λ to Gaussian rationals and repair the equalities C^y_w = 0 *exactly* by correcting one
  representative block per word (the correction is of the size of the rounding error, far below δ,
  so Z stays PSD); the exact certificate is then re-decided by the trusted checker.

Floats enter exact land only through :func:`exactbell.numeric.rationalize`.
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel.gaussian import Gaussian
from ..numeric import rationalize
from . import matrices as mx
from .dual import data_words, pairs_by_word, relaxation_coefficients, relaxation_value, words


def _np(M):
    import numpy as np

    def c(z):
        z = Gaussian.lift(z)
        re = z.re if isinstance(z.re, Fraction) else Fraction(z.re.enclosure()[0])
        im = z.im if isinstance(z.im, Fraction) else Fraction(z.im.enclosure()[0])
        return complex(float(re), float(im))

    return np.array([[c(z) for z in r] for r in M], dtype=complex)


def solve_dual(A, level: int, delta: float = 1e-6, solver: str = "CLARABEL", verbose=False):
    """Numeric dual solution: dict with Z (list of numpy arrays), lam (list of dicts), value (v*)."""
    import cvxpy as cp
    import numpy as np

    if A.type != "bob-with-input" or A.na != 2:
        raise ValueError("the relaxation is implemented for Bob-with-input assemblages with binary outcomes")
    from .assemblage import white_noise

    N = white_noise(A)
    ws = words(A.nx, level)
    d = A.dim
    n = len(ws) * d
    pairs = pairs_by_word(ws)
    Z = [cp.Variable((n, n), hermitian=True) for _ in range(A.ny)]
    lam = [{w: cp.Variable(complex=True) for w in pairs} for _ in range(1, A.ny)]
    eye = np.eye(d)
    C = []
    for y in range(A.ny):
        Cy = {}
        for w, lst in pairs.items():
            Cy[w] = sum(Z[y][t * d:(t + 1) * d, s * d:(s + 1) * d].T for s, t in lst)
        C.append(Cy)
    for y in range(1, A.ny):
        for w in pairs:
            C[0][w] = C[0][w] + lam[y - 1][w] * eye
            C[y][w] = C[y][w] - lam[y - 1][w] * eye
    cons = [Z[y] >> delta * np.eye(n) for y in range(A.ny)]
    data = set(data_words(A.nx))
    for y in range(A.ny):
        for w in pairs:
            if w not in data:
                cons.append(C[y][w] == 0)

    def f(B):
        tot = 0
        for y in range(A.ny):
            tot = tot + cp.real(cp.trace(C[y][()] @ _np(B.bob_marginal(0, y))))
            for x in range(A.nx):
                tot = tot + cp.real(cp.trace(C[y][(x,)] @ _np(B.block(0, x, y))))
        return tot

    fA, fN = f(A), f(N)
    cons.append(fN - fA == 1)
    prob = cp.Problem(cp.Minimize(fN), cons)
    prob.solve(solver=solver, verbose=verbose)
    if prob.status not in ("optimal", "optimal_inaccurate"):
        raise RuntimeError(f"dual SDP status {prob.status}")
    return {"Z": [z.value for z in Z], "lam": [{w: v.value for w, v in L.items()} for L in lam],
            "value": float(prob.value), "words": ws, "status": prob.status}


def _rat(x, den):
    """Nearest m/den (a fixed common denominator keeps the exact LDLᵀ cheap: minors stay small)."""
    return Fraction(round(rationalize(float(x), 10**15) * den), den)


def round_dual(A, sol, den: int = 2**28):
    """Exact Gaussian-rational (Z, λ) with C^y_w = 0 exactly for every non-data word.

    Returns (Zs, lambdas, ws); PSD-ness is *not* guaranteed here (the checker decides it).
    """
    ws = sol["words"]
    d = A.dim
    n = len(ws) * d
    pairs = pairs_by_word(ws)
    Zs = []
    for Zf in sol["Z"]:
        Z = [[None] * n for _ in range(n)]
        for i in range(n):
            Z[i][i] = Gaussian(_rat(Zf[i][i].real, den), 0)
            for j in range(i + 1, n):
                z = Gaussian(_rat(Zf[i][j].real, den), _rat(Zf[i][j].imag, den))
                Z[i][j], Z[j][i] = z, z.conj()
        Zs.append(Z)
    lambdas = []
    for L in sol["lam"]:
        ex = {}
        for w, v in L.items():
            wd = tuple(reversed(w))
            if wd == w:
                ex[w] = Gaussian(_rat(v.real, den), 0)
            elif w < wd:
                ex[w] = Gaussian(_rat(v.real, den), _rat(v.imag, den))
                ex[wd] = ex[w].conj()
        lambdas.append({w: z for w, z in ex.items() if z})
    data = set(data_words(A.nx))
    Cs = relaxation_coefficients(Zs, lambdas, ws, d)
    for y, Z in enumerate(Zs):
        for w in sorted(pairs, key=lambda u: (len(u), u)):
            if w in data:
                continue
            wd = tuple(reversed(w))
            if wd != w and wd < w:
                continue  # repaired together with wd (C_{w†} = C_w†)
            R = Cs[y][w]
            if not any(any(r) for r in R):
                continue
            s, t = pairs[w][0]
            Rt = mx.transpose(R)
            if wd == w and s != t:
                Rt = mx.scale(Fraction(1, 2), Rt)
            for i in range(d):
                for j in range(d):
                    Z[t * d + i][s * d + j] = Z[t * d + i][s * d + j] - Rt[i][j]
                    if s != t:
                        Z[s * d + j][t * d + i] = Z[t * d + i][s * d + j].conj()
            if s == t:  # keep the diagonal block exactly Hermitian
                for i in range(d):
                    for j in range(i + 1, d):
                        Z[s * d + j][s * d + i] = Z[s * d + i][s * d + j].conj()
    Cs = relaxation_coefficients(Zs, lambdas, ws, d)
    for y in range(len(Zs)):
        for w, C in Cs[y].items():
            if w not in data and any(any(r) for r in C):
                raise RuntimeError(f"exact repair failed for word {w} (y={y})")
    return Zs, lambdas, ws


def exact_values(A, Zs, lambdas, ws):
    """(f(σ), f(N), C per y) exactly."""
    Cs = relaxation_coefficients(Zs, lambdas, ws, A.dim)
    return relaxation_value(Cs, A), relaxation_value(Cs, A.mix(0)), Cs
