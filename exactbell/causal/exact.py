"""Producer-side helpers around the kernel's process-matrix model :mod:`exactbell.kernel.process`
(re-exported here for the generators and the numeric layer): decompositions into single-trigger
pieces, found by search (untrusted; the kernel only checks the pieces a certificate lists)."""
from __future__ import annotations

from itertools import product

from ..kernel.process import *  # noqa: F401,F403
from ..kernel.process import dependence, trigger_sets


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




def sparse(rows) -> dict:
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row) if v != 0}
