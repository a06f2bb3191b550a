"""Brown–Fawzi–Fawzi lower bound on H(A|X=0, E) for the rate r_{S,p}(f, ω) of Eq. (20).

BFF Thm 2.3 (Quantum 8, 1445 (2024), arXiv:2106.13692) with the Gauss–Radau rule t_1 < … < t_m = 1:

    H(A|X=0,E) ≥ c_m + Σ_{i<m} w_i/(t_i ln 2) · inf Σ_a <M_{a|0}(Z_a + Z_a^* + (1−t_i) Z_a^*Z_a) + t_i Z_a Z_a^*>,

c_m = Σ_{i<m} w_i/(t_i ln 2); each infimum is relaxed to an NPA moment matrix (:mod:`.moments`) under
the constraints of Eq. (20): f(P) ≥ ω and <NS_y^{A→B}, P> = (2p−1)(<N_{0|0,y}> − <N_{0|1,y}>) = 0
for the signaling behaviour (19). The operator bounds Z^*Z ≤ α of BFF are dropped: a relaxation only
lowers the infimum, so the bound stays valid. Each term is solved separately (BFF Remark 2.6).
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from . import behaviour, moments, radau


@dataclass
class RateResult:
    rate: float  # lower bound on H(A|X=0,E) in bits (may be negative: then nothing is certified)
    terms: list  # the m − 1 infima
    seconds: float
    status: list


def solve(problem, solver: str = "CLARABEL") -> tuple[float, str]:
    """(value, status): ``solver``, then SCS when it fails; (nan, reason) when both fail."""
    import cvxpy as cp

    for s, kw in ((solver, {}), ("SCS", {"eps": 1e-8, "max_iters": 20000})):
        try:
            problem.solve(solver=s, **kw)
        except cp.error.SolverError:
            continue
        if problem.status in ("optimal", "optimal_inaccurate"):
            return float(problem.value), f"{problem.status} ({s})"
    return float("nan"), f"failed: {problem.status}"


class BFFProblem:
    """One cvxpy problem per scenario structure; f, ω, p and the node t are parameters (DPP), so a
    curve re-solves without re-compiling."""

    def __init__(self, level: str = "small", solver: str = "CLARABEL"):
        import cvxpy as cp

        self.mm = mm = moments.MomentMatrix.build(moments.monomials(2, 4, eve=True, level=level))
        n, K = mm.size, len(mm.keys)
        self.solver = solver
        self.G = G = cp.Variable((n, n), PSD=True)
        # y_k = Γ at the first entry of class k; the other entries of the class equal it
        first: dict = {}
        rows, cols, vals = [], [], []
        pick_r, pick_c = [], []
        r = 0
        for i, j, k in mm.entries:
            if k not in first:
                first[k] = (i, j)
                pick_r.append(k)
                pick_c.append(j * n + i)
            else:
                i0, j0 = first[k]
                rows += [r, r]
                cols += [j * n + i, j0 * n + i0]
                vals += [1.0, -1.0]
                r += 1
        vecG = cp.vec(G, order="F")
        S = sp.csr_matrix((np.ones(K), (pick_r, pick_c)), shape=(K, n * n))
        E = sp.csr_matrix((vals, (rows, cols)), shape=(r, n * n))
        self.y = y = S @ vecG
        self.f = cp.Parameter(K)
        self.ns = cp.Parameter((2, K))
        self.omega = cp.Parameter()
        self.objective = cp.Parameter(K)
        cons = [E @ vecG == 0, y[mm.index[moments.ONE]] == 1, self.f @ y >= self.omega, self.ns @ y == 0]
        self.problem = cp.Problem(cp.Minimize(self.objective @ y), cons)
        self.obj_fixed = mm.linear(self._objective_terms(0.0))
        self.obj_t = mm.linear(self._objective_terms(1.0)) - self.obj_fixed

    @staticmethod
    def _objective_terms(t: float) -> dict:
        """Σ_a <M_{a|0}(Z_a + Z_a^* + (1−t) Z_a^*Z_a) + t Z_a Z_a^*>, M_{1|0} = 1 − M_{0|0}."""
        out: dict = {}

        def add(w, c):
            out[w] = out.get(w, 0) + c

        for a in range(2):
            z, zs = 2 * a, 2 * a + 1
            for alice, sign in ((((0,), 1.0),) if a == 0 else (((), 1.0), ((0,), -1.0))):
                add((alice, (), (z,)), sign)
                add((alice, (), (zs,)), sign)
                add((alice, (), (zs, z)), sign * (1 - t))
            add(((), (), (z, zs)), t)
        return out

    def set_constraints(self, F: np.ndarray, omega: float, p: float) -> None:
        mm = self.mm
        self.f.value = mm.linear(moments.functional_terms(behaviour.pull_back(F, p)))
        ns = np.zeros((2, len(mm.keys)))
        for y in range(2):  # (2p − 1)(<N_{0|(0,y)}> − <N_{0|(1,y)}>)
            ns[y] = (2 * p - 1) * (mm.linear({((), (y,), ()): 1.0}) - mm.linear({((), (2 + y,), ()): 1.0}))
        self.ns.value = ns
        self.omega.value = omega

    def infimum(self, t: float) -> tuple[float, str]:
        self.objective.value = self.obj_fixed + t * self.obj_t
        return solve(self.problem, self.solver)

    def rate(self, F: np.ndarray, omega: float, p: float, m: int = 4) -> RateResult:
        """BFF lower bound on r_{S,p}(f, ω) with an m-node Gauss–Radau rule."""
        t0 = time.perf_counter()
        self.set_constraints(F, omega, p)
        t, w = radau.gauss_radau(m)
        total, terms, status = radau.bff_constant(t, w), [], []
        for ti, wi in zip(t[:-1], w[:-1]):
            v, s = self.infimum(ti)
            terms.append(v)
            status.append(s)
            total += wi / (ti * np.log(2)) * v
        return RateResult(total, terms, time.perf_counter() - t0, status)
