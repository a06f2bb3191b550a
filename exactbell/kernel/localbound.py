"""Local bound max_{deterministic s} ⟨F, P_s⟩ of a Bell functional, exactly.

Deterministic local strategies are the vertices of the local polytope, so the maximum over
them is the local bound. We enumerate the strategies of parties 1…N−1 only; the last party's
best response is a separate maximum for each of its inputs:

    max_s ⟨F,P_s⟩ = max_{s_1…s_{N-1}} Σ_y max_b Σ_{x'} F(s_1(x_1)…s_{N-1}(x_{N-1}), b | x', y).

Rational coefficients are scaled to integers first (exact, and fast).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from math import lcm, prod

from .functional import BellFunctional

Strategy = tuple  # per party, a tuple of outputs indexed by input


@dataclass
class LocalBound:
    value: object
    strategies: list  # optimal deterministic strategies (at most ``limit`` of them)
    count: int  # total number of optimal deterministic strategies


def strategy_value(F: BellFunctional, strategy: Strategy):
    sc = F.scenario
    return sum((F.coefficient(tuple(strategy[i][x[i]] for i in range(sc.parties)), x) for x in sc.contexts), 0)


def local_bound(F: BellFunctional, limit: int = 4096) -> LocalBound:
    sc = F.scenario
    coeffs, scale = list(F.coefficients), 1
    if all(isinstance(c, (int, Fraction)) for c in coeffs):
        scale = lcm(*[Fraction(c).denominator for c in coeffs])
        coeffs = [int(Fraction(c) * scale) for c in coeffs]
    n, last_in, last_out = sc.parties, sc.inputs[-1], sc.outputs[-1]
    front_ctx = list(product(*[range(m) for m in sc.inputs[:-1]]))
    fo_index = {a: i for i, a in enumerate(product(*[range(o) for o in sc.outputs[:-1]]))}
    # table[y][xf_index][af_index][b]
    table = [[[[coeffs[sc.index(af + (b,), xf + (y,))] for b in range(last_out)] for af in fo_index]
              for xf in front_ctx] for y in range(last_in)]
    best, winners = None, []
    for front in product(*[list(sc.deterministic_strategies(i)) for i in range(n - 1)]):
        af_idx = [fo_index[tuple(front[i][xf[i]] for i in range(n - 1))] for xf in front_ctx]
        total, choices = 0, []
        for y in range(last_in):
            ty = table[y]
            vals = [sum((ty[k][af_idx[k]][b] for k in range(len(front_ctx))), 0) for b in range(last_out)]
            m = max(vals)
            total = total + m
            choices.append([b for b in range(last_out) if vals[b] == m])
        if best is None or total > best:
            best, winners = total, [(front, choices)]
        elif total == best:
            winners.append((front, choices))
    strategies, count = [], 0
    for front, choices in winners:
        count += prod(len(c) for c in choices)
        for last in product(*choices):
            if len(strategies) >= limit:
                break
            strategies.append(tuple(front) + (tuple(last),))
    value = Fraction(best, scale) if scale != 1 or isinstance(best, int) else best
    return LocalBound(value, strategies, count)
