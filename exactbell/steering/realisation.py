"""Exact quantum realisations of assemblages (state, Alice's POVMs, Bob's channels) and GHJW.

Float-free (used by the trusted checkers). A realisation is

* ``state``  ρ on C^{d_A} ⊗ C^{d_B} (Alice first), Hermitian, PSD, tr ρ = 1;
* ``povms[x][a]``  M_{a|x} on C^{d_A}: PSD, Σ_a M_{a|x} = 𝟙;
* ``channels[y]``  weighted Kraus families E_y(X) = Σ_k w_k K_k X K_k† with w_k ≥ 0 rational and
  Σ_k w_k K_k† K_k = 𝟙 (CPTP); absent for a traditional assemblage.

It produces σ_{a|xy} = E_y(tr_A[(M_{a|x}⊗𝟙)ρ]) (BWI), σ_{a|x} = E_a(tr_A[(M_{a|x}⊗𝟙)ρ]) (instrumental),
or σ_{a|x} = tr_A[(M_{a|x}⊗𝟙)ρ] (traditional).

GHJW: for a traditional no-signalling assemblage with full-rank ρ_B = Σ_a σ_{a|x} and any K with
K K† = ρ_B, the state |ψ⟩ = Σ_j |j⟩ ⊗ K|j⟩ and M_{a|x} = (K⁻¹ σ_{a|x} K⁻†)ᵀ realise it:
tr_A[(M⊗𝟙)ψψ†] = K Mᵀ K† = σ. K comes from the LDL† factorisation ρ_B = L D L†, K = L·√D, so only the
square roots of the pivots are needed (a quadratic field for d = 2).
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..kernel.gaussian import Gaussian
from ..kernel.steering import kraus_apply, kraus_failure
from . import matrices as mx
from .assemblage import Assemblage


class RealisationError(ValueError):
    pass


class Channel:
    """E(X) = Σ_k w_k K_k X K_k†."""

    def __init__(self, terms):
        self.terms = terms  # list of (weight, matrix)

    def check(self, dim, what="channel"):
        if not self.terms:
            raise RealisationError(f"{what} has no Kraus operators")
        if any(len(K[0]) != dim for _, K in self.terms):
            raise RealisationError(f"{what}: a Kraus operator does not act on C^{dim}")
        bad = kraus_failure(self.terms, dim)
        if bad:
            raise RealisationError(f"{what}: {bad}")
        return len(self.terms[0][1])

    def apply(self, X):
        return kraus_apply(self.terms, X)

    def adjoint_apply(self, X):
        """E†(X) = Σ_k w_k K_k† X K_k (Heisenberg picture)."""
        return kraus_apply(self.terms, X, dual=True)


class Realisation:
    def __init__(self, dA, dB, state, povms, channels=None, field=None):
        self.dA, self.dB, self.state, self.povms, self.channels, self.field = dA, dB, state, povms, channels, field

    def validate(self):
        n = self.dA * self.dB
        if not mx.is_square(self.state, n):
            raise RealisationError(f"state must be a {n}x{n} matrix")
        if not mx.is_hermitian(self.state):
            raise RealisationError("state is not Hermitian")
        if mx.trace(self.state) != 1:
            raise RealisationError("state does not have trace 1")
        if not mx.psd(self.state, self.field).psd:
            raise RealisationError("state is not positive semidefinite (exact LDL^T)")
        for x, P in enumerate(self.povms):
            total = mx.zeros(self.dA)
            for a, M in enumerate(P):
                if not mx.is_square(M, self.dA) or not mx.is_hermitian(M):
                    raise RealisationError(f"POVM element M[a={a}|x={x}] is not a Hermitian {self.dA}x{self.dA} matrix")
                if not mx.psd(M, self.field).psd:
                    raise RealisationError(f"POVM element M[a={a}|x={x}] is not positive semidefinite")
                total = mx.add(total, M)
            if total != mx.identity(self.dA):
                raise RealisationError(f"POVM x={x} does not sum to the identity")
        out_dims = set()
        for y, ch in enumerate(self.channels or []):
            out_dims.add(ch.check(self.dB, f"channel y={y}"))
        if len(out_dims) > 1:
            raise RealisationError("channels have different output dimensions")

    def steered(self, a, x):
        return mx.steer(self.state, self.povms[x][a], self.dA, self.dB)

    def assemblage(self, type_: str) -> Assemblage:
        nx, na = len(self.povms), len(self.povms[0])
        if any(len(P) != na for P in self.povms):
            raise RealisationError("POVMs have different numbers of outcomes")
        tr = {(x, a): self.steered(a, x) for x in range(nx) for a in range(na)}
        if type_ == "traditional":
            if self.channels:
                raise RealisationError("a traditional realisation has no channels")
            blocks = {(0, x, a): tr[(x, a)] for x, a in tr}
            ny, dim = 1, self.dB
        elif type_ == "bob-with-input":
            if not self.channels:
                raise RealisationError("a Bob-with-input realisation needs one channel per y")
            ny = len(self.channels)
            blocks = {(y, x, a): self.channels[y].apply(tr[(x, a)]) for y in range(ny) for x, a in tr}
            dim = len(blocks[(0, 0, 0)])
        elif type_ == "instrumental":
            if not self.channels or len(self.channels) != na:
                raise RealisationError(f"an instrumental realisation needs one channel per outcome a ({na})")
            blocks = {(0, x, a): self.channels[a].apply(tr[(x, a)]) for x, a in tr}
            ny, dim = 1, len(blocks[(0, 0, 0)])
        else:
            raise RealisationError(f"unknown assemblage type {type_!r}")
        return Assemblage(type_, dim, nx, na, ny, blocks, self.field)

    def local_channel_state(self, ch: Channel):
        """(id_A ⊗ E)(ρ) = Σ_k w_k (𝟙⊗K_k) ρ (𝟙⊗K_k)†."""
        out = None
        for w, K in ch.terms:
            big = mx.kron(mx.identity(self.dA), K)
            Y = mx.scale(w, mx.matmul(mx.matmul(big, self.state), mx.adjoint(big)))
            out = Y if out is None else mx.add(out, Y)
        return out

    def to_spec(self) -> dict:
        spec = {"dims": [self.dA, self.dB], "state": mx.matrix_text(self.state),
                "povms": [[mx.matrix_text(M) for M in P] for P in self.povms]}
        if self.channels:
            spec["channels"] = [{"kraus": [{"weight": _wtext(w), "matrix": mx.matrix_text(K)} for w, K in ch.terms]}
                                for ch in self.channels]
        return spec


def _wtext(w):
    return Gaussian.lift(w).to_text()


def _dims(spec):
    d = spec.get("dims")
    if not (isinstance(d, list) and len(d) == 2 and all(isinstance(v, int) and not isinstance(v, bool) and v >= 1
                                                        for v in d)):
        raise RealisationError("dims must be [d_A, d_B] (positive integers)")
    return d


def realisation_from_spec(spec, field=None) -> Realisation:
    if not isinstance(spec, dict):
        raise RealisationError("realisation must be an object {dims, state, povms, [channels]}")
    dA, dB = _dims(spec)
    state = mx.parse_matrix(spec.get("state"), field, dA * dB, dA * dB, "state")
    raw = spec.get("povms")
    if not isinstance(raw, list) or not raw:
        raise RealisationError("povms must be a non-empty list [x][a] of matrices")
    povms = []
    for x, P in enumerate(raw):
        if not isinstance(P, list) or not P:
            raise RealisationError(f"povms[{x}] must be a non-empty list of matrices")
        povms.append([mx.parse_matrix(M, field, dA, dA, f"povms[{x}][{a}]") for a, M in enumerate(P)])
    channels = None
    if "channels" in spec:
        channels = []
        for y, ch in enumerate(spec["channels"] if isinstance(spec["channels"], list) else [None]):
            if not isinstance(ch, dict) or not isinstance(ch.get("kraus"), list):
                raise RealisationError(f"channels[{y}] must be {{\"kraus\": [{{weight, matrix}}, ...]}}")
            terms = []
            for k, t in enumerate(ch["kraus"]):
                if not isinstance(t, dict) or "weight" not in t or "matrix" not in t:
                    raise RealisationError(f"channels[{y}].kraus[{k}] must be {{weight, matrix}}")
                from .matrices import parse_gaussian

                w = parse_gaussian(t["weight"], field)
                if w.im != 0:
                    raise RealisationError(f"channels[{y}].kraus[{k}].weight must be real")
                K = mx.parse_matrix(t["matrix"], field, None, dB, f"channels[{y}].kraus[{k}].matrix")
                terms.append((w.re, K))
            channels.append(Channel(terms))
    return Realisation(dA, dB, state, povms, channels, field)


# -- GHJW ---------------------------------------------------------------------------------------
def field_sqrt(d, field=None):
    """√d for a rational d ≥ 0 in Q or in a quadratic field Q(√m) (generator s, s² = m)."""
    d = Fraction(d)
    if d < 0:
        raise RealisationError("square root of a negative pivot")
    r = _rational_sqrt(d)
    if r is not None:
        return r if field is None else field.element([r])
    if field is None or field.degree != 2 or field.minpoly[1] != 0:
        raise RealisationError(f"sqrt({d}) is irrational: declare a quadratic field Q(sqrt(m))")
    m = -field.minpoly[0]
    q = _rational_sqrt(d / m)
    if q is None:
        raise RealisationError(f"sqrt({d}) is not in Q(sqrt({m}))")
    s = field.gen()
    return q * s if s.sign() > 0 else -q * s


def _rational_sqrt(q: Fraction):
    from math import isqrt

    n, m = q.numerator, q.denominator
    a, b = isqrt(n), isqrt(m)
    return Fraction(a, b) if a * a == n and b * b == m else None


def ldl_factor(rho, field=None):
    """K with K K† = ρ (full rank), K = L·√D from the exact LDL† of a symmetric permutation PρPᵀ
    (the first pivot order whose pivots have square roots in the field; K = Pᵀ K_P)."""
    from itertools import permutations

    n = len(rho)
    last = None
    for perm in permutations(range(n)):
        rp = [[rho[perm[i]][perm[j]] for j in range(n)] for i in range(n)]
        try:
            Kp = _ldl_factor(rp, field)
        except RealisationError as e:
            last = e
            continue
        K = [None] * n
        for i in range(n):
            K[perm[i]] = Kp[i]
        return K
    raise last


def _ldl_factor(rho, field=None):
    from ..kernel.gaussian import herm_psd

    n = len(rho)
    res = herm_psd(rho, field)
    if not res.psd or any(d == 0 for _, d in res.pivots) or len(res.pivots) != n:
        raise RealisationError("rho_B must be positive definite for this GHJW construction")
    # L from elimination: recompute directly (small n): rho = L D L†
    L = mx.identity(n)
    D = []
    for j in range(n):
        dj = rho[j][j] - sum((L[j][k] * D[k] * L[j][k].conj() for k in range(j)), mx.ZERO)
        D.append(dj)
        for i in range(j + 1, n):
            L[i][j] = (rho[i][j] - sum((L[i][k] * D[k] * L[j][k].conj() for k in range(j)), mx.ZERO)) / dj
    roots = []
    for dj in D:
        if dj.im != 0:
            raise RealisationError("complex pivot")
        v = dj.re
        if hasattr(v, "is_rational"):
            if not v.is_rational():
                raise RealisationError("irrational pivot: not supported")
            v = v.c[0] if v.c else Fraction(0)
        roots.append(Gaussian(field_sqrt(v, field), field.element([]) if field is not None else 0))
    return [[L[i][j] * roots[j] for j in range(n)] for i in range(n)]


def inverse(M):
    """Exact inverse by Gauss–Jordan."""
    n = len(M)
    A = [list(r) + [mx.ONE if i == j else mx.ZERO for j in range(n)] for i, r in enumerate(M)]
    for c in range(n):
        p = next((r for r in range(c, n) if A[r][c]), None)
        if p is None:
            raise RealisationError("singular matrix")
        A[c], A[p] = A[p], A[c]
        inv = mx.ONE / A[c][c]
        A[c] = [v * inv for v in A[c]]
        for r in range(n):
            if r != c and A[r][c]:
                f = A[r][c]
                A[r] = [u - f * v for u, v in zip(A[r], A[c])]
    return [r[n:] for r in A]


def ghjw_state(K):
    """|ψ⟩⟨ψ| for |ψ⟩ = Σ_j |j⟩_A ⊗ K|j⟩_B (d_A = number of columns of K)."""
    dB, dA = len(K), len(K[0])
    psi = [K[b][a] for a, b in product(range(dA), range(dB))]  # index a·d_B + b
    return [[p * q.conj() for q in psi] for p in psi]


def ghjw_povms(A: Assemblage, K):
    Kinv = inverse(K)
    Kinv_dag = mx.adjoint(Kinv)
    return [[mx.transpose(mx.matmul(mx.matmul(Kinv, A.block(a, x)), Kinv_dag)) for a in range(A.na)]
            for x in range(A.nx)]


def ghjw(A: Assemblage, field=None, K=None) -> tuple[Realisation, list]:
    """GHJW realisation of a traditional NS assemblage with full-rank ρ_B; returns (realisation, K)."""
    if A.type != "traditional":
        raise RealisationError("GHJW applies to traditional assemblages")
    if not A.is_no_signalling():
        raise RealisationError("GHJW needs a no-signalling assemblage")
    rho = A.bob_marginal(0)
    if K is None:
        K = ldl_factor(rho, field)
    if mx.matmul(K, mx.adjoint(K)) != rho:
        raise RealisationError("K K^dagger != rho_B")
    return Realisation(len(K[0]), len(K), ghjw_state(K), ghjw_povms(A, K), None, field), K
