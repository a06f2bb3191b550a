"""NPA hierarchy in Gram (SOS) form: ±1 observables for binary outcomes, projectors P_{a|x}
(a < d − 1, Navascués–Pironio–Acín 2008 Sec. 3) for any other number of outcomes.

Levels: ``"1"`` (1, A_x, B_y, …), ``"1+AB"`` (level 1 plus all products of two letters of two
parties), and any integer k (all monomials of total degree ≤ k, one reduced word per party). The
SDP solved is the dual of the moment relaxation::

    minimize η  subject to  η·1 − B = Σ_jk G_jk m_j† m_k  (monomial by monomial),  G ⪰ 0,

so its solution is directly an SOS candidate (basis, G, η). Real symmetric G suffices for
Hermitian B with real coefficients.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

import numpy as np

from ..kernel.ncpoly import NCPoly, monomial_text, projectors, reduce_word
from ..kernel.ncpoly import product as mono_product

MAX_BASIS = 1200  # NPA monomials: the SDP has n(n+1)/2 unknowns and the rounding is exact in them


def letters(n_inputs: int, outputs: int | None) -> list:
    """The letters of one party: inputs x (±1 observables) or (x, a), a < d − 1 (projectors)."""
    return list(range(n_inputs)) if outputs is None else [(x, a) for x in range(n_inputs) for a in range(outputs - 1)]


def _words(alphabet: list, length: int):
    """Reduced words of exactly ``length`` letters (no A_x A_x, no P_{a|x} P_{b|x})."""
    if length == 0:
        return [()]
    return [w + (c,) for w in _words(alphabet, length - 1) for c in alphabet if reduce_word(w + (c,)) == w + (c,)]


def _alphabets(inputs, outputs) -> list:
    proj = outputs is not None and projectors(outputs)
    return [letters(m, outputs[i] if proj else None) for i, m in enumerate(inputs)]


def basis_size(inputs: tuple, level, outputs=None) -> int:
    """The number of monomials of an NPA level, counted without listing them."""
    alph = _alphabets(inputs, outputs)
    level = str(level)
    k = _level_number(level[:-3] if level.endswith("+AB") else level)

    def count(a, m, length):  # reduced words: the first letter free, then letters of another input
        return 1 if length == 0 else len(a) * (len(a) - len(a) // m) ** (length - 1)
    poly = [1]
    for a, m in zip(alph, inputs):
        poly = [sum(poly[t - j] * count(a, m, j) for j in range(t + 1) if t - j < len(poly)) for t in range(k + 1)]
    n = sum(poly)
    if level.endswith("+AB") and k < 2:
        n += sum(len(alph[i]) * len(alph[j]) for i in range(len(alph)) for j in range(i + 1, len(alph)))
    return n


def _level_number(level: str) -> int:
    try:
        k = int(level)
    except ValueError:
        raise ValueError(f"unknown NPA level {level!r} (1, 1+AB, 2, 3, ...)") from None
    if k < 1:
        raise ValueError("NPA level must be >= 1")
    return k


def monomial_basis(inputs: tuple, level, outputs=None) -> list[tuple]:
    """Monomials (tuple of words per party) of an NPA level; projector letters when ``outputs``
    are not all 2."""
    alph = _alphabets(inputs, outputs)
    parties = len(inputs)
    level = str(level)
    if level.endswith("+AB"):
        base = monomial_basis(inputs, level[:-3], outputs)
        extra = []
        for i in range(parties):
            for j in range(i + 1, parties):
                for x in alph[i]:
                    for y in alph[j]:
                        m = [()] * parties
                        m[i], m[j] = (x,), (y,)
                        extra.append(tuple(m))
        seen = set(base)
        return base + [m for m in extra if m not in seen]
    k = _level_number(level)
    out = []
    for total in range(k + 1):
        for lengths in product(range(total + 1), repeat=parties):
            if sum(lengths) != total:
                continue
            for words in product(*[_words(alph[i], lengths[i]) for i in range(parties)]):
                out.append(tuple(words))
    return out


def adjoint_monomial(m: tuple) -> tuple:
    return tuple(w[::-1] for w in m)


def product_monomial(mi: tuple, mj: tuple) -> tuple | None:
    """m_i† m_j reduced (None: zero, for projectors)."""
    return mono_product(adjoint_monomial(mi), mj)


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


def gram_problem(B: NCPoly, inputs: tuple, level, outputs=None) -> GramProblem:
    n = basis_size(tuple(inputs), level, outputs)
    if n > MAX_BASIS:
        raise ValueError(f"NPA level {level} needs a {n}x{n} moment matrix (at most {MAX_BASIS}x{MAX_BASIS} "
                         "fits in memory for exact rounding); lower the level")
    basis = monomial_basis(tuple(inputs), level, outputs)
    parties = len(inputs)
    identity = ((),) * parties
    classes: dict = {}
    for i, mi in enumerate(basis):
        for j, mj in enumerate(basis):
            m = product_monomial(mi, mj)
            if m is not None:  # P_a P_b = 0: G_ij is free
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


def solve(problem: GramProblem, solver: str | None = None, eps: float = 1e-9, margin: float = 0.0) -> NPAResult:
    """Solve the Gram-form NPA SDP numerically (cvxpy + Clarabel, SCS as fallback). ``margin`` > 0
    asks for G ⪰ margin·1 (a strictly feasible Gram matrix, slightly above the optimum), so that an
    exact rounding stays PSD: over projectors m†m is not 1, so a slack in η alone does not lift the
    kernel of a singular optimal G."""
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
    if margin:
        cons.append(G - margin * np.eye(n) >> 0)
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


def npa_upper_bound(B: NCPoly, inputs, level="1+AB", solver=None, outputs=None) -> NPAResult:
    return solve(gram_problem(B, inputs, level, outputs), solver=solver)
