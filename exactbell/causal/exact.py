"""Producer-side helpers around the kernel's process-matrix model :mod:`exactbell.kernel.process`
(re-exported here for the generators and the numeric layer, with operators as sparse dicts
``{(row, col): value}``, converted to the kernel's dense matrices and back): decompositions into
single-trigger pieces, found by search (untrusted; the kernel only checks the pieces a certificate lists)."""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..kernel import process as _kernel
from ..kernel.process import (CONDITIONS, Space, block_space, canonical_layout, dependence,  # noqa: F401
                              single_trigger_problem)


class CausalError(ValueError):
    """Wrong shape, not single-trigger, or otherwise unusable correlation data."""


def correlation_table(scenario, coefficients) -> dict:
    """{(a, x): α} from a flat list in canonical (inputs-major) order."""
    if len(coefficients) != scenario.size:
        raise CausalError(f"a correlation of scenario {scenario.to_spec()} has {scenario.size} coefficients, "
                          f"got {len(coefficients)}")
    return dict(zip(scenario.entries(), coefficients))


def dense(M: dict, n: int, zero=Fraction(0)) -> list:
    return [[M.get((r, c), zero) for c in range(n)] for r in range(n)]


def sparse(rows) -> dict:
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row) if v != 0}


def combine(terms) -> dict:
    """Σ sign·M over (sign, M) pairs, dropping zeros."""
    out: dict = {}
    for s, M in terms:
        for k, v in M.items():
            out[k] = out[k] + s * v if k in out else s * v
    return {k: v for k, v in out.items() if v != 0}


def equal(A: dict, B: dict) -> bool:
    return all(A.get(k, 0) == B.get(k, 0) for k in set(A) | set(B))


def trace(M: dict, space=None):
    return sum((v for (r, c), v in M.items() if r == c), Fraction(0))


def _zero(M: dict):
    return next(iter(M.values())) * 0 if M else Fraction(0)


def depolarize(M: dict, space, X) -> dict:
    return sparse(_kernel.depolarize(dense(M, space.size, _zero(M)), space, X))


def lv_projection(S: dict, space, layout) -> dict:
    return sparse(_kernel.lv_projection(dense(S, space.size, _zero(S)), space, layout))


def ns_span_violation(W: dict, space, layout):
    return _kernel.ns_span_violation(dense(W, space.size, _zero(W)), space, layout)


def process_violation(S: dict, space, layout):
    return _kernel.process_violation(dense(S, space.size, _zero(S)), space, layout)


def party_factor(m, a, x, xi, one=Fraction(1)) -> dict:
    return sparse(_kernel.party_factor(m, a, x, xi, one))


def omega_blocks(scenario, alpha: dict, trigger, one=Fraction(1)) -> dict:
    return {x: sparse(B) for x, B in _kernel.omega_blocks(scenario, alpha, trigger, one).items()}


def assemble(scenario, blocks: dict):
    n = block_space(scenario).size
    zero = next((_zero(B) for B in blocks.values() if B), Fraction(0))
    full, space, layout = _kernel.assemble(scenario, {x: dense(B, n, zero) for x, B in blocks.items()})
    return sparse(full), space, layout


def diagonal(S: dict, space) -> dict:
    """{digits: value} of a diagonal operator given as a sparse dict."""
    if any(r != c for r, c in S):
        raise CausalError("the operator is not diagonal")
    return {space.digits[r]: v for (r, _), v in S.items()}


def bistochastic_violation(S: dict, n: int):
    return _kernel.bistochastic_violation(diagonal(S, Space([n] * 4)), n)


def projector_term(S: dict, space, cond) -> dict:
    """The Eq. (12) projector term of a diagonal operator, as a sparse dict."""
    out = _kernel.projector_term(diagonal(S, space), space.dims[0], cond)
    return {(space.index(t), space.index(t)): v for t, v in out.items() if v != 0}


def trigger_sets(scenario, alpha: dict) -> list[set]:
    """For each party the set of settings at which α depends on that party's outcome."""
    deps = {x: dependence(scenario, alpha, x) for x in scenario.contexts}
    return [{x[i] for x in scenario.contexts if i in deps[x]} for i in range(scenario.parties)]


def single_triggers(scenario, alpha: dict) -> list[tuple]:
    """All trigger tuples for which α is single-trigger (empty if it is not single-trigger)."""
    sets = trigger_sets(scenario, alpha)
    if any(len(s) > 1 for s in sets):
        return []
    choices = [sorted(s) if s else list(range(scenario.inputs[i])) for i, s in enumerate(sets)]
    return list(product(*choices))


def canonical_decomposition(scenario, alpha: dict) -> dict:
    """The paper's construction (Sec. II): α^ξ_{a,x} = δ_{x,ξ} α_{a,ξ}, one piece per nonzero context."""
    zero = alpha[next(iter(alpha))] * 0
    out = {}
    for xi in scenario.contexts:
        piece = {(a, x): (alpha[(a, x)] if x == xi else zero) for a, x in scenario.entries()}
        if any(piece[(a, xi)] != 0 for a in scenario.outcomes):
            out[xi] = piece
    return out


def minimal_decomposition(scenario, alpha: dict, limit: int = 1 << 16) -> dict:
    """A decomposition into the fewest single-trigger pieces that assign whole contexts to triggers.

    Context x can go to trigger ξ iff every party on which α_{·,x} depends has x_i = ξ_i. The
    smallest cover is found by exhaustive search over trigger subsets of increasing size (at most
    ``limit`` subsets); falls back to :func:`canonical_decomposition` beyond that.
    """
    from itertools import combinations

    ctxs = [x for x in scenario.contexts if any(alpha[(a, x)] != 0 for a in scenario.outcomes)]
    deps = {x: dependence(scenario, alpha, x) for x in ctxs}
    triggers = scenario.contexts

    def fits(x, xi):
        return all(x[i] == xi[i] for i in deps[x])

    tried = 0
    for k in range(1, len(triggers) + 1):
        for combo in combinations(triggers, k):
            tried += 1
            if tried > limit:
                return canonical_decomposition(scenario, alpha)
            if all(any(fits(x, xi) for xi in combo) for x in ctxs):
                zero = alpha[next(iter(alpha))] * 0
                assign = {x: next(xi for xi in combo if fits(x, xi)) for x in ctxs}
                return {xi: {(a, x): (alpha[(a, x)] if assign.get(x) == xi else zero) for a, x in scenario.entries()}
                        for xi in combo}
    return canonical_decomposition(scenario, alpha)
