"""The dual of one Brown–Fawzi–Fawzi term at a rational node t, rounded to an exact SOS (search side).

For Eve's letters Z_a (:func:`exactbell.kernel.ncpoly.bff_operator`) and the constraints of Eq. (20):
find λ ≥ 0, ν and the largest c with

    O_t − λ f(P) − Σ_y ν_y NS_y − c·1 = Σ_kl H_kl q_k^† q_l,   H ⪰ 0,

(O_t = Σ_a M_{a|0}(Z_a + Z_a^* + (1 − t) Z_a^*Z_a) + t Z_a Z_a^*), maximizing c + λω. Then for every
feasible behaviour (f ≥ ω, NS = 0) the BFF infimum at t is ≥ c + λω (weak duality). λ, ν are rounded to
rationals, the SDP is solved again for c at fixed multipliers with H ⪰ margin·1, and H is rounded to
rationals and corrected exactly onto the identity (least-norm solution) and decided PSD (Peyrl–Parrilo).

Basis q_k: BFF's small level (:mod:`.moments`) 1, A_x, B_j, A_x B_j, Z_a^*, A_x Z_a^* and M_{a|0} Z_a
= (1 ± A0) Z_a / 2 in place of Z_a, A0 Z_a, A1 Z_a, Z_a^*Z_a, Z_a Z_a^*: the identity forces the others
out of every PSD solution (their diagonal, or a 2x2 minor, is 0), so a strictly feasible H exists only
without them.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..generators.chsh import CORRELATOR
from ..kernel.functional import functional_from_spec
from ..kernel.linalg import psd_decide
from ..kernel.ncpoly import NCPoly, bell_operator, bff_operator, outcome
from ..kernel.scenario import Scenario
from ..sdp import exact
from .guessing import bound_terms

SCENARIO_24 = Scenario((2, 4), (2, 2))
PARTIES = 3  # Alice, Bob, Eve
ONE = ((), (), ())


def _mono(m) -> NCPoly:
    return NCPoly(PARTIES, {m: Fraction(1)})


def basis() -> list:
    """The basis polynomials q_k (±1 observables A_x, B_j; Eve's Z_a, Z_a^*)."""
    A = [((x,), (), ()) for x in range(2)]
    B = [((), (j,), ()) for j in range(4)]
    Zs = [((), (), (f"Z{a}star",)) for a in range(2)]
    mons = [ONE] + A + B + [(a[0], b[1], ()) for a in A for b in B] + Zs + [(a[0], (), z[2]) for a in A for z in Zs]
    return [_mono(m) for m in mons] + [outcome(PARTIES, 0, 0, a, 2, False) * _mono(((), (), (f"Z{a}",)))
                                       for a in range(2)]


def operator(terms: dict) -> NCPoly:
    """The Bell operator of correlator ``terms`` on (2,4;2,2), on Alice, Bob and (idle) Eve."""
    B = bell_operator(functional_from_spec(SCENARIO_24, {"terms": terms}, CORRELATOR, Fraction))
    return NCPoly(PARTIES, {m + ((),): c for m, c in B.terms.items()})


def constraint_terms(q, p, lam, nu) -> dict:
    """Correlator terms of −λ f(P) − Σ_y ν_y <NS_y, P> (f = CHSH for q None, else T_q; Bob's j = 2x̃ + y)."""
    return bound_terms(q, p, -Fraction(lam), tuple(-Fraction(v) for v in nu), None)


class Gram:
    """The linear map H ↦ Σ_kl H_kl q_k^† q_l, by monomial."""

    def __init__(self, polys: list):
        self.polys, n = polys, len(polys)
        self.products = {(k, l): (polys[k].adjoint() * polys[l]).terms for k in range(n) for l in range(n)}
        self.monomials = sorted({m for t in self.products.values() for m in t} | {ONE})
        self.row = {m: i for i, m in enumerate(self.monomials)}

    def vector(self, P: NCPoly) -> np.ndarray:
        v = np.zeros(len(self.monomials))
        for m, c in P.terms.items():
            if m not in self.row:
                raise ValueError(f"monomial {m} is not reached by the basis")
            v[self.row[m]] = float(c)
        return v

    def matrix(self):
        """Sparse map vec(H) (column-major) -> monomial coefficients."""
        import scipy.sparse as sp

        n, rows, cols, vals = len(self.polys), [], [], []
        for (k, l), t in self.products.items():
            for m, c in t.items():
                rows.append(self.row[m])
                cols.append(l * n + k)
                vals.append(float(c))
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(self.monomials), n * n))

    def exact_rows(self) -> list:
        """Rows over the unknowns h_kl, k ≤ l (H_lk = H_kl)."""
        n = len(self.polys)
        pairs = [(k, l) for k in range(n) for l in range(k, n)]
        A = [[Fraction(0)] * len(pairs) for _ in self.monomials]
        for col, (k, l) in enumerate(pairs):
            for kl in {(k, l), (l, k)}:
                for m, c in self.products[kl].items():
                    A[self.row[m]][col] += c
        return pairs, A


def solve(gram: Gram, parts: list, omega: float, fixed: bool, margin: float = 0.0):
    """max c + λω over H ⪰ margin·1, λ ≥ 0, ν with parts[0] − λ·parts[1] − Σ_y ν_y·parts[2 + y] − c·1 =
    Σ H_kl q_k^† q_l (parts: NCPoly, f then NS_y); with ``fixed`` only c is free (max c for the operator
    parts[0]). Returns (value, c, [λ, ν...], H)."""
    import cvxpy as cp

    n = len(gram.polys)
    H, c = cp.Variable((n, n), symmetric=True), cp.Variable()
    e1 = gram.vector(NCPoly.scalar(PARTIES, Fraction(1)))
    rhs, xs = gram.vector(parts[0]), []
    if not fixed:  # parts[1] = f (λ ≥ 0), parts[2:] = NS_y (ν free)
        xs = [cp.Variable(nonneg=True)] + [cp.Variable() for _ in parts[2:]]
        rhs = rhs - sum(x * gram.vector(P) for x, P in zip(xs, parts[1:]))
    cons = [gram.matrix() @ cp.vec(H, order="F") == rhs - c * e1, H - margin * np.eye(n) >> 0]
    prob = cp.Problem(cp.Maximize(c + (xs[0] * omega if xs else 0)), cons)
    prob.solve(solver="CLARABEL")
    if prob.status not in ("optimal", "optimal_inaccurate"):
        raise RuntimeError(f"BFF dual SDP: {prob.status}")
    return float(prob.value), float(c.value), [float(x.value) for x in xs], (H.value + H.value.T) / 2


def round_exact(gram: Gram, Omega: NCPoly, c: Fraction, H: np.ndarray, denominators=(10**6, 10**8, 10**10)):
    """An exact PSD H with Σ H_kl q_k^† q_l = Ω − c·1, or None."""
    pairs, A = gram.exact_rows()
    b = [Omega.terms.get(m, Fraction(0)) - (c if m == ONE else 0) for m in gram.monomials]
    n = len(gram.polys)
    for D in denominators:
        h0 = [Fraction(round(H[k][l] * D), D) for k, l in pairs]
        r = [bi - sum((a * h for a, h in zip(row, h0) if a), Fraction(0)) for row, bi in zip(A, b)]
        dh = exact.least_norm_solution(A, r)
        if dh is None:
            return None
        Hx = [[Fraction(0)] * n for _ in range(n)]
        for (k, l), h, d in zip(pairs, h0, dh):
            Hx[k][l] = Hx[l][k] = h + d
        if psd_decide(Hx).psd:
            return Hx
    return None


@dataclass
class NodeDual:
    t: Fraction
    lam: Fraction
    nu: tuple
    c: Fraction  # the exact bound: O_t − λ f − ν NS ≥ c
    H: list  # exact PSD matrix over the basis polynomials
    numeric: float  # the numeric c + λω of the joint SDP
    terms: dict  # correlator terms of −λ f − ν NS (texts)


def node_dual(q, p, t: Fraction, omega: float, denominator: int = 10**4, margin: float = 1e-6,
              c_slack: Fraction = Fraction(1, 10**6)) -> NodeDual:
    """The exact dual at node t: rounded λ, ν; c below the fixed-multiplier optimum, H rounded exactly."""
    gram = Gram(basis())
    O = bff_operator(PARTIES, 0, 2, False, t)
    f = operator(constraint_terms(q, p, -1, (0, 0)))
    ns = [operator(constraint_terms(q, p, 0, tuple(-int(y == k) for k in range(2)))) for y in range(2)]
    value, _, (lam, *nu), _ = solve(gram, [O, f] + ([] if Fraction(p) == Fraction(1, 2) else ns), omega, False)
    lam = max(Fraction(0), Fraction(lam).limit_denominator(denominator))
    nu = tuple(Fraction(v).limit_denominator(denominator) for v in nu) or (Fraction(0), Fraction(0))
    terms = constraint_terms(q, p, lam, nu)
    Omega = O + operator(terms)
    _, c, _, H = solve(gram, [Omega], omega, True, margin)
    c = Fraction(c).limit_denominator(10**8) - c_slack
    Hx = round_exact(gram, Omega, c, H)
    if Hx is None:
        raise RuntimeError(f"t = {t}: no exact PSD matrix")
    return NodeDual(t, lam, nu, c, Hx, value, terms)


def monomial_gram(polys: list, H: list) -> tuple[list, list]:
    """(monomials, G) with G = T H Tᵀ, q_k = Σ_i T_ik m_i: the same Σ G_ij m_i^† m_j over distinct monomials (exactly
    PSD when H is: a kernel Gram basis lists monomials)."""
    mons = sorted({m for q in polys for m in q.terms}, key=lambda m: (sum(map(len, m)), m))
    T = [[q.terms.get(m, Fraction(0)) for q in polys] for m in mons]
    TH = [[sum((a * H[k][l] for k, a in enumerate(row) if a), Fraction(0)) for l in range(len(polys))] for row in T]
    return mons, [[sum((x * b for x, b in zip(r1, r2) if b), Fraction(0)) for r2 in T] for r1 in TH]
