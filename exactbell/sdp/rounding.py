"""From a numeric Gram (SOS) candidate to an exact one (Peyrl–Parrilo style), with automatic
precision increase; a fallback that only yields a rigorous numeric bracket.

* :func:`round_rational_upper` — a rational bound η' slightly above the numeric optimum: round
  G to rationals with denominator D, project exactly onto the affine space
  {G : Σ_{(i,j)∈class} G_ij = target} (for these constraints the orthogonal projection just
  spreads each class residual evenly over its entries), decide G ⪰ 0 by exact LDLᵀ; raise D,
  then the slack η' − η, until it works.
* :func:`round_exact_face` — the exact optimum η (a field element) when an exact optimal
  strategy is known: complementary slackness forces range(G) ⊆ ker Γ (Γ the strategy's moment
  matrix), so G = U H Uᵀ with U an exact kernel basis; H is rounded and corrected by the exact
  least-norm solution of the linear constraints over the field, then decided PSD.
* :func:`shifted_bound` — when nothing exact works: G rounded, shift t with G + t·1 ⪰ 0 exactly,
  and the rigorous upper bound η + t·n + ‖residual‖₁ (what the checker recomputes).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from ..kernel.linalg import psd_decide
from ..kernel.ncpoly import NCPoly
from ..quantum.strategy import conj, identity, kron, matmul, real_part
from . import exact
from .npa import GramProblem, NPAResult, monomial_text

DENOMINATORS = (10**3, 10**4, 10**6, 10**8, 10**10, 10**12)


@dataclass
class ExactGram:
    problem: GramProblem
    eta: object  # exact bound
    matrix: list  # exact symmetric PSD matrix
    denominator: int
    log: list = field(default_factory=list)

    def basis_text(self) -> list[str]:
        return [monomial_text(m) for m in self.problem.basis]


def _round(x: float, D: int) -> Fraction:
    return Fraction(round(float(x) * D), D)


def project(problem: GramProblem, G: list, eta) -> list:
    """Exact orthogonal projection of the symmetric G onto the Gram constraints at bound η."""
    G = [list(r) for r in G]
    for rep, t in problem.target(eta).items():
        entries = problem.classes[rep]
        s = sum((G[i][j] for i, j in entries), 0 * t)
        d = (s - t) / len(entries)
        if d != 0:
            for i, j in entries:
                G[i][j] = G[i][j] - d
    return G


def _numerically_psd(G, tol: float = 1e-10) -> bool:
    """A float pre-test: the exact LDLᵀ (slow for large rational entries) only runs when the
    smallest eigenvalue is not clearly negative."""
    return float(np.linalg.eigvalsh(np.array([[float(v) for v in row] for row in G])).min()) > -tol


def round_rational_upper(res: NPAResult, slacks=(Fraction(1, 10**8), Fraction(1, 10**7), Fraction(1, 10**6),
                                                 Fraction(1, 10**5), Fraction(1, 10**4), Fraction(1, 10**3)),
                         denominators=DENOMINATORS, max_denominator: int | None = None) -> ExactGram | None:
    """A rational η' ≥ numeric optimum with an exact PSD Gram matrix, or None."""
    log = []
    n = res.problem.size
    for slack in slacks:
        eta = Fraction(-((-Fraction(res.eta) - slack * n) * 10**8 // 1), 10**8)  # ceil at 8 decimals
        for D in denominators:
            if max_denominator and D > max_denominator:
                break
            G0 = [[_round(res.gram[i][j], D) for j in range(n)] for i in range(n)]
            G = project(res.problem, G0, eta)
            ok = _numerically_psd(G) and psd_decide(G).psd
            log.append(f"eta={eta} (slack {slack}), D={D}: {'PSD' if ok else 'not PSD'}")
            if ok:
                return ExactGram(res.problem, eta, G, D, log)
    return None


# ---------------------------------------------------------------------------------------------
# facial reduction by an exact optimal strategy

def moment_vectors(problem: GramProblem, psi, observables) -> list:
    """v_i = m_i |ψ⟩ for the basis monomials (exact, possibly complex entries); ``observables`` are
    ±1 matrices [party][input] or, for projector letters (x, a), projectors [party][input][outcome]."""
    proj = any(isinstance(x, tuple) for mono in problem.basis for w in mono for x in w)
    dims = [len(obs[0][0]) if proj else len(obs[0]) for obs in observables]
    out = []
    for mono in problem.basis:
        op = None
        for party, word in enumerate(mono):
            M = identity(dims[party])
            for x in word:
                M = matmul(M, observables[party][x[0]][x[1]] if proj else observables[party][x])
            op = M if op is None else kron(op, M)
        out.append([sum((op[r][c] * psi[c] for c in range(len(psi)) if op[r][c] != 0), 0) for r in range(len(psi))])
    return out


def moment_matrix(problem: GramProblem, psi, observables) -> list:
    """Γ_ij = Re ⟨ψ| m_i† m_j |ψ⟩ (unnormalized ψ is fine: only the kernel is used)."""
    vs = moment_vectors(problem, psi, observables)
    n = len(vs)
    return [[real_part(sum((conj(a) * b for a, b in zip(vs[i], vs[j])), 0)) for j in range(n)] for i in range(n)]


def rational_below(x) -> Fraction:
    """A rational ≤ x (x rational or a field element)."""
    if hasattr(x, "enclosure"):
        return Fraction(x.enclosure()[0])
    return Fraction(x)


def _to_float(x) -> float:
    if hasattr(x, "enclosure"):
        lo, hi = x.enclosure()
        while hi - lo > Fraction(1, 10**17):
            x.field.refine()
            lo, hi = x.enclosure()
        return float((lo + hi) / 2)
    return float(x)


def _raw_arithmetic(one):
    """(to, back): flint scalars for fast sums of products — fmpq, or an element's fmpq_poly left
    unreduced until ``back`` (the field reduces it modulo the minimal polynomial once)."""
    from flint import fmpq

    field = getattr(one, "field", None)
    if field is not None:
        return (lambda x: (one * x).p), field.element
    return (lambda x: fmpq(Fraction(x).numerator, Fraction(x).denominator)), \
        (lambda q: Fraction(int(q.p), int(q.q)))


def round_exact_face(res: NPAResult, eta, psi, observables, one=Fraction(1),
                     denominators=DENOMINATORS) -> ExactGram | None:
    """Exact Gram matrix at the exact bound ``eta`` on the face cut out by an optimal strategy."""
    problem = res.problem
    n = problem.size
    zero = one - one
    Gamma = [[one * v for v in row] for row in moment_matrix(problem, psi, observables)]
    U = exact.nullspace(Gamma, one)  # vectors u_a with Γ u_a = 0
    k = len(U)
    log = [f"moment matrix rank {n - k}, face dimension {k}"]
    if k == 0:
        return None
    Uf = np.array([[_to_float(u[i]) for u in U] for i in range(n)])  # n x k
    P = np.linalg.pinv(Uf)
    Hnum = P @ res.gram @ P.T
    Hnum = (Hnum + Hnum.T) / 2
    pairs = [(a, b) for a in range(k) for b in range(a, k)]
    # coefficient of h_ab in Σ_{(i,j)∈class} (U H Uᵀ)_ij
    reps = list(problem.classes)
    raw, cook = _raw_arithmetic(one)
    Ur = [[raw(v) for v in u] for u in U]
    L = []
    for rep in reps:
        row = []
        for a, b in pairs:
            c = raw(zero)
            for i, j in problem.classes[rep]:
                c += Ur[a][i] * Ur[b][j]
                if a != b:
                    c += Ur[b][i] * Ur[a][j]
            row.append(c)
        L.append(row)
    targets = problem.target(eta)
    tvec = [targets[rep] for rep in reps]
    Lr, L = L, [[cook(c) for c in row] for row in L]
    for D in denominators:
        h0 = [one * _round(Hnum[a][b], D) for a, b in pairs]
        h0r = [raw(h) for h in h0]
        r = [t - cook(sum((c * h for c, h in zip(row, h0r) if c), raw(zero))) for row, t in zip(Lr, tvec)]
        dh = exact.least_norm_solution(L, r, one)
        if dh is None:
            log.append(f"D={D}: the constraints are inconsistent on this face")
            return None
        h = [x + y for x, y in zip(h0, dh)]
        H = [[zero] * k for _ in range(k)]
        for (a, b), v in zip(pairs, h):
            H[a][b] = H[b][a] = v
        ok = psd_decide(H).psd
        log.append(f"D={D}: H {'PSD' if ok else 'not PSD'}")
        if ok:
            Hr = [[raw(v) for v in row] for row in H]
            UH = [[sum((Ur[a][i] * Hr[a][b] for a in range(k) if Ur[a][i]), raw(zero)) for b in range(k)]
                  for i in range(n)]  # (U H)_ib with U n x k: U[a] is the a-th kernel vector
            G = [[cook(sum((UH[i][b] * Ur[b][j] for b in range(k) if Ur[b][j]), raw(zero))) for j in range(n)]
                 for i in range(n)]
            return ExactGram(problem, eta, G, D, log)
    return None


# ---------------------------------------------------------------------------------------------
# numeric-only fallback

@dataclass
class ShiftedBound:
    problem: GramProblem
    eta: Fraction
    matrix: list
    shift: Fraction
    upper: Fraction
    residual_terms: int


def residual(problem: GramProblem, B: NCPoly, G, eta) -> NCPoly:
    parties = len(problem.inputs)
    total = NCPoly.scalar(parties, eta) - B
    basis = [NCPoly(parties, {m: Fraction(1)}) for m in problem.basis]
    for i in range(len(basis)):
        left = basis[i].adjoint()
        for j in range(len(basis)):
            if G[i][j] != 0:
                total = total - left * basis[j] * G[i][j]
    return total


def shifted_bound(res: NPAResult, B: NCPoly, D: int = 10**6, project_first: bool = True) -> ShiftedBound:
    """Rigorous (numeric-only) upper bound from a rational Gram matrix that need not be PSD."""
    n = res.problem.size
    eta = Fraction(res.eta).limit_denominator(D)
    G = [[_round(res.gram[i][j], D) for j in range(n)] for i in range(n)]
    G = [[G[min(i, j)][max(i, j)] for j in range(n)] for i in range(n)]
    if project_first:
        G = project(res.problem, G, eta)
    lam = float(np.linalg.eigvalsh(np.array([[float(v) for v in row] for row in G])).min())
    t = Fraction(max(0.0, -lam)).limit_denominator(D) + Fraction(1, D)
    while not psd_decide([[G[i][j] + (t if i == j else 0) for j in range(n)] for i in range(n)]).psd:
        t *= 2
    R = residual(res.problem, B, G, eta)
    upper = eta + t * n + sum((abs(c) for c in R.terms.values()), Fraction(0))
    return ShiftedBound(res.problem, eta, G, t, upper, len(R.terms))
