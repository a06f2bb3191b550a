"""Exact side of the outer SDP relaxation of quantum Bob-with-input assemblages (float-free).

Relaxation (claims catalogue 003-004 §B.3, T1/T2). By T1, σ ∈ Q_BWI iff σ_{a|xy} = tr_A[(M_{a|x}⊗𝟙)ρ_y] for
POVMs M and states ρ_0, ρ_1, … with equal A-marginals (ρ_y = (id⊗E_y)ρ). By Naimark, take M projective with
binary outcomes, P_x := M_{0|x}, M_{1|x} = 𝟙 − P_x. For words S, T (products of the P_x) put
Γ^y_{S,T} := tr_A[(S†T ⊗ 𝟙) ρ_y] ∈ M_d(C). Then

  (i)   H^y with H^y[(S,i),(T,j)] := Γ^y_{S,T}[j][i] (the *transposed* blocks) is PSD: it is the Gram matrix
        of the vectors (S ⊗ |0⟩⟨i|)|Ψ_y⟩ for a purification Ψ_y of ρ_y;
  (ii)  Γ^y_{S,T} depends only on the reduced word red(S†T) (P_x² = P_x);
  (iii) Γ^y_∅ = ρ_B^y = Σ_a σ_{a|xy} and Γ^y_{P_x} = σ_{0|xy};
  (iv)  tr Γ^0_w = tr Γ^y_w for every word w (the common A-marginal).

Dual certificate: Hermitian Z^y ⪰ 0 (one per y, indexed like H^y) and multipliers λ^y_w (y ≥ 1). Define
C^y_w := Σ_{S,T: red(S†T)=w} (Z^y[T-block, S-block])ᵀ, then add λ^y_w·𝟙 to C^0_w and −λ^y_w·𝟙 to C^y_w,
so that identically in the Γ's

  Σ_y tr(Z^y H^y) + Σ_{y≥1,w} λ^y_w (tr Γ^0_w − tr Γ^y_w) = Σ_{y,w} tr(C^y_w Γ^y_w).

If C^y_w = 0 for every w other than ∅ and the single letters, the right side is the steering functional
f(σ) = Σ_y [tr(C^y_∅ ρ_B^y) + Σ_x tr(C^y_x σ_{0|xy})], and f ≥ 0 on Q_BWI (left side ≥ 0 there).
f(σ) < 0 proves σ ∉ Q_BWI; with white noise N (f(N) > 0) every quantum v·σ + (1−v)·N has
v ≤ f(N)/(f(N) − f(σ)).
"""
from __future__ import annotations

from itertools import product

from . import matrices as mx


def words(nx: int, level: int) -> list[tuple]:
    """Products of projectors P_x of length ≤ level without equal neighbours, shortest first."""
    out = [()]
    frontier = [()]
    for _ in range(level):
        nxt = []
        for w in frontier:
            for x in range(nx):
                if not w or w[-1] != x:
                    nxt.append(w + (x,))
        out += nxt
        frontier = nxt
    return out


def reduce_word(w) -> tuple:
    out = []
    for x in w:
        if not out or out[-1] != x:
            out.append(x)
    return tuple(out)


def product_word(S, T) -> tuple:
    """red(S† T): S† is S reversed (projectors are Hermitian)."""
    return reduce_word(tuple(reversed(S)) + tuple(T))


def pairs_by_word(ws) -> dict:
    """reduced word -> list of (s, t) index pairs with red(ws[s]† ws[t]) = word."""
    out: dict = {}
    for s, t in product(range(len(ws)), repeat=2):
        out.setdefault(product_word(ws[s], ws[t]), []).append((s, t))
    return out


def coefficient_matrices(Z, ws, d, pairs=None) -> dict:
    """C_w = Σ_{(S,T)} (Z[T-block, S-block])ᵀ for every reduced word w."""
    pairs = pairs or pairs_by_word(ws)
    out = {}
    for w, lst in pairs.items():
        C = mx.zeros(d)
        for s, t in lst:
            for i in range(d):
                for j in range(d):
                    z = Z[t * d + j][s * d + i]
                    if z:
                        C[i][j] = C[i][j] + z
        out[w] = C
    return out


def data_words(nx) -> list[tuple]:
    return [()] + [(x,) for x in range(nx)]


def functional_value(C_by_y, A) -> object:
    """f(A) = Σ_y [tr(C^y_∅ ρ_B^y) + Σ_x tr(C^y_x σ_{0|xy})] (exact complex)."""
    total = mx.ZERO
    for y, C in enumerate(C_by_y):
        total = total + mx.trace(mx.matmul(C[()], A.bob_marginal(0, y)))
        for x in range(A.nx):
            total = total + mx.trace(mx.matmul(C[(x,)], A.block(0, x, y)))
    return total


def word_text(w) -> str:
    return ",".join(map(str, w))


def parse_word(text, nx) -> tuple:
    if not isinstance(text, str):
        raise ValueError("a word is a string of comma-separated input labels ('' = identity)")
    if text == "":
        return ()
    parts = text.split(",")
    if any(not p.isdigit() for p in parts):
        raise ValueError(f"word {text!r} is not a comma-separated list of labels")
    w = tuple(int(p) for p in parts)
    if any(x >= nx for x in w):
        raise ValueError(f"word {text!r} uses a label >= {nx}")
    return w


def full_coefficients(Zs, lambdas, ws, d, pairs=None):
    """Per y: C^y_w including the trace-equality multipliers λ^y_w (y ≥ 1) for all words w."""
    pairs = pairs or pairs_by_word(ws)
    Cs = [coefficient_matrices(Z, ws, d, pairs) for Z in Zs]
    for y in range(1, len(Zs)):
        for w, lam in lambdas[y - 1].items():
            for C, sgn in ((Cs[0], 1), (Cs[y], -1)):
                M = C.setdefault(w, mx.zeros(d))
                for i in range(d):
                    M[i][i] = M[i][i] + sgn * lam
    return Cs
