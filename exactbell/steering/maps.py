"""Linear maps on M_d given by their Choi matrix J = Σ_ij |i⟩⟨j| ⊗ Λ(|i⟩⟨j|) (float-free).

Λ(X) = Σ_ij X_ij Λ(E_ij), where Λ(E_ij) is the (i, j) block of J. Facts used by the checkers:
* Λ is completely positive iff J ⪰ 0 (Choi); a vector v with v†Jv < 0 proves "not CP".
* Λ is positive iff the real quartic form B(u, w) = ⟨w|Λ(|u⟩⟨u|)|w⟩ = Σ u_i ū_j w̄_k w_l J[(i,k),(j,l)] is ≥ 0;
  an exact sum of squares B = Σ_k c_k q_k² (c_k ≥ 0) proves it.
* Λ is trace preserving iff tr Λ(E_ij) = δ_ij; then its dual Λ† is unital, and positive when Λ is, so Λ†
  maps POVMs to POVMs and tr(N Λ(X)) = tr(Λ†(N) X).
"""
from __future__ import annotations

from ..kernel.gaussian import Gaussian
from ..kernel.poly import Poly
from . import matrices as mx


def choi_transpose(d):
    """Choi matrix of the transpose: Σ_ij E_ij ⊗ E_ji (the swap)."""
    J = mx.zeros(d * d)
    for i in range(d):
        for j in range(d):
            J[i * d + j][j * d + i] = mx.ONE
    return J


def choi_identity(d):
    """Choi matrix of the identity map: Σ_ij E_ij ⊗ E_ij (d·|Φ+⟩⟨Φ+|)."""
    J = mx.zeros(d * d)
    for i in range(d):
        for j in range(d):
            J[i * d + i][j * d + j] = mx.ONE
    return J


def block(J, d, i, j):
    return [[J[i * d + k][j * d + l] for l in range(d)] for k in range(d)]


def apply(J, d, X):
    out = mx.zeros(d)
    for i in range(d):
        for j in range(d):
            if X[i][j]:
                out = mx.add(out, mx.scale(X[i][j], block(J, d, i, j)))
    return out


def is_trace_preserving(J, d) -> bool:
    return all(mx.trace(block(J, d, i, j)) == (1 if i == j else 0) for i in range(d) for j in range(d))


def variable_names(d):
    return [f"u{i}{p}" for i in range(d) for p in "ri"] + [f"w{i}{p}" for i in range(d) for p in "ri"]


def biquadratic_form(J, d) -> Poly:
    """B(u, w) = ⟨w|Λ(|u⟩⟨u|)|w⟩ as a real polynomial in u_kr, u_ki, w_kr, w_ki (raises if not real)."""
    u = [Gaussian(Poly.var(f"u{i}r"), Poly.var(f"u{i}i")) for i in range(d)]
    w = [Gaussian(Poly.var(f"w{i}r"), Poly.var(f"w{i}i")) for i in range(d)]
    total = Gaussian(Poly(), Poly())
    for i in range(d):
        for j in range(d):
            uij = u[i] * u[j].conj()
            for k in range(d):
                for l in range(d):
                    c = J[i * d + k][j * d + l]
                    if c:
                        total = total + uij * (w[k].conj() * w[l]) * Gaussian(Poly.const(c.re), Poly.const(c.im))
    if not total.im.is_zero():
        raise ValueError("the quartic form is not real (J is not Hermitian-preserving)")
    return total.re
