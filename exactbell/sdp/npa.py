"""NPA hierarchy for scenarios with ±1 observables (binary outcomes), in Gram (SOS) form.

Levels: ``"1"`` (1, A_x, B_y, …), ``"1+AB"`` (level 1 plus all A_x B_y), and any integer k
(all monomials of total degree ≤ k, one reduced word per party). The SDP solved is the dual of
the moment relaxation::

    minimize η  subject to  η·1 − B = Σ_jk G_jk m_j† m_k  (monomial by monomial),  G ⪰ 0,

so its solution is directly an SOS candidate (basis, G, η). Real symmetric G suffices for
Hermitian B with real coefficients.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

import numpy as np

from ..kernel.scenario import PARTY_LETTERS
from ..kernel.ncpoly import NCPoly, reduce_word


def _words(n_inputs: int, length: int):
    """Reduced words of exactly ``length`` letters over range(n_inputs)."""
    if length == 0:
        return [()]
    out = []
    for w in _words(n_inputs, length - 1):
        for x in range(n_inputs):
            if not w or w[-1] != x:
                out.append(w + (x,))
    return out


def monomial_basis(inputs: tuple, level) -> list[tuple]:
    """Monomials (tuple of words per party) of an NPA level."""
    parties = len(inputs)
    level = str(level)
    if level.endswith("+AB"):
        base = monomial_basis(inputs, level[:-3])
        extra = []
        for i in range(parties):
            for j in range(i + 1, parties):
                for x in range(inputs[i]):
                    for y in range(inputs[j]):
                        m = [()] * parties
                        m[i], m[j] = (x,), (y,)
                        extra.append(tuple(m))
        return base + [m for m in extra if m not in base]
    try:
        k = int(level)
    except ValueError:
        raise ValueError(f"unknown NPA level {level!r} (1, 1+AB, 2, 3, ...)") from None
    if k < 1:
        raise ValueError("NPA level must be >= 1")
    out = []
    for total in range(k + 1):
        for lengths in product(range(total + 1), repeat=parties):
            if sum(lengths) != total:
                continue
            for words in product(*[_words(inputs[i], lengths[i]) for i in range(parties)]):
                out.append(tuple(words))
    return out


def monomial_text(m: tuple) -> str:
    s = "*".join(f"{PARTY_LETTERS[i]}{x}" for i, w in enumerate(m) for x in w)
    return s or "1"


def adjoint_monomial(m: tuple) -> tuple:
    return tuple(w[::-1] for w in m)


def product_monomial(mi: tuple, mj: tuple) -> tuple:
    """m_i† m_j reduced."""
    return tuple(reduce_word(u[::-1] + v) for u, v in zip(mi, mj))


@dataclass
class GramProblem:
    """The linear structure of η·1 − B = Σ G_jk m_j† m_k."""

    inputs: tuple
    basis: list  # monomials
    classes: dict  # representative monomial -> list of (i, j) with m_i† m_j = representative
    bell: dict  # representative -> coefficient of B (exact)
    identity: tuple = field(default=None)

    @property
    def size(self) -> int:
        return len(self.basis)

    def target(self, eta) -> dict:
        """Required value of Σ_{(i,j) in class} G_ij for each class."""
        zero = eta - eta
        out = {}
        for rep in self.classes:
            out[rep] = (eta if rep == self.identity else zero) - self.bell.get(rep, zero)
        return out


def gram_problem(B: NCPoly, inputs: tuple, level) -> GramProblem:
    basis = monomial_basis(tuple(inputs), level)
    parties = len(inputs)
    identity = ((),) * parties
    classes: dict = {}
    for i, mi in enumerate(basis):
        for j, mj in enumerate(basis):
            m = product_monomial(mi, mj)
            classes.setdefault(m, []).append((i, j))
    bell = {}
    for m, c in B.terms.items():
        if m not in classes:
            raise ValueError(f"monomial {monomial_text(m)} of the Bell operator is not reached at level {level}; "
                             "raise the level")
        bell[m] = c
    for m, c in bell.items():
        adj = adjoint_monomial(m)
        if bell.get(adj, 0) != c:
            raise ValueError("the Bell operator is not Hermitian")
    return GramProblem(tuple(inputs), basis, classes, bell, identity)


def _to_float(x) -> float:
    if hasattr(x, "enclosure"):
        lo, hi = x.enclosure()
        while hi - lo > Fraction(1, 10**18):
            x.field.refine()
            lo, hi = x.enclosure()
        return float((lo + hi) / 2)
    return float(x)


@dataclass
class NPAResult:
    problem: GramProblem
    eta: float
    gram: np.ndarray
    status: str
    solver: str
    seconds: float


def solve(problem: GramProblem, solver: str | None = None, eps: float = 1e-9) -> NPAResult:
    """Solve the Gram-form NPA SDP numerically (cvxpy + Clarabel, SCS as fallback)."""
    import time

    import cvxpy as cp
    import scipy.sparse as sp

    n = problem.size
    reps = list(problem.classes)
    rows, cols = [], []
    for r, rep in enumerate(reps):
        for i, j in problem.classes[rep]:
            rows.append(r)
            cols.append(j * n + i)  # cvxpy vec is column-major
    A = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(reps), n * n))
    bvec = np.array([_to_float(problem.bell.get(rep, 0)) for rep in reps])
    e1 = np.array([1.0 if rep == problem.identity else 0.0 for rep in reps])
    G = cp.Variable((n, n), PSD=True)
    eta = cp.Variable()
    cons = [A @ cp.vec(G, order="F") == eta * e1 - bvec]
    prob = cp.Problem(cp.Minimize(eta), cons)
    t0 = time.perf_counter()
    tried = [solver] if solver else ["CLARABEL", "SCS"]
    status, used = "not solved", None
    for s in tried:
        try:
            if s == "SCS":
                prob.solve(solver=s, eps=eps)
            else:
                prob.solve(solver=s)
            status, used = prob.status, s
            if status in ("optimal", "optimal_inaccurate"):
                break
        except cp.error.SolverError as e:
            status = f"solver error: {e}"
    if G.value is None:
        raise RuntimeError(f"NPA SDP failed: {status}")
    Gv = (G.value + G.value.T) / 2
    return NPAResult(problem, float(eta.value), Gv, status, used, time.perf_counter() - t0)


def npa_upper_bound(B: NCPoly, inputs, level="1+AB", solver=None) -> NPAResult:
    return solve(gram_problem(B, inputs, level), solver=solver)
