"""Benchmark: exact local bound (enumerate all parties but the last) against the naive baseline
(enumerate every deterministic strategy of every party), measured in the same run.

    .venv/bin/python bench/localbound_bench.py
"""
from __future__ import annotations

import random
import time
from fractions import Fraction
from itertools import product

from exactbell.kernel.functional import BellFunctional
from exactbell.kernel.models import local_bound
from exactbell.kernel.scenario import Behaviour, Scenario


def naive(F):
    sc = F.scenario
    per = [list(sc.deterministic_strategies(i)) for i in range(sc.parties)]
    return max(F.value(Behaviour.deterministic(sc, s)) for s in product(*per))


def timed(fn, *args, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return out, best


def main():
    rng = random.Random(2026)
    cases = [("(3,3,2,2) bipartite", Scenario((3, 3), (2, 2))),
             ("(4,4,2,2) bipartite", Scenario((4, 4), (2, 2))),
             ("3-party 2 in/2 out", Scenario((2, 2, 2), (2, 2, 2))),
             ("3-party 3 in/2 out", Scenario((3, 3, 3), (2, 2, 2))),
             ("(3,3,3,3) bipartite", Scenario((3, 3), (3, 3)))]
    print(f"{'scenario':24} {'exact bound':>12} {'ours (s)':>10} {'naive (s)':>10} {'speed-up':>9}")
    for name, sc in cases:
        F = BellFunctional(sc, tuple(Fraction(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(sc.size)))
        lb, t_ours = timed(local_bound, F)
        value, t_naive = timed(naive, F, repeat=1)
        assert lb.value == value
        print(f"{name:24} {str(lb.value):>12} {t_ours:10.4f} {t_naive:10.4f} {t_naive / t_ours:8.1f}x")


if __name__ == "__main__":
    main()
