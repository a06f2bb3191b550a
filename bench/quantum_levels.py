"""Benchmark: the largest NPA level and scenario whose quantum bound is certified within a minute.

For each scenario the level is raised (1+AB, 2, 3, …) until ``quantum_bound`` (numeric NPA, exact
rounding, exact lower strategy, kernel re-check) takes more than BUDGET seconds, fails, or the
moment matrix exceeds the memory guard. Each run is a forked process killed at the budget. Prints
per run the moment-matrix size, wall time (and its ratio to CHSH at level 1+AB, the baseline
measured first in the same run), the bracket and its width; then the largest certified run.
Run: python bench/quantum_levels.py [BUDGET_SECONDS]
"""
from __future__ import annotations

import multiprocessing as mp
import sys
import time

BUDGET = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
LEVELS = ("1+AB", "2", "3", "4", "5")


def functionals():
    from exactbell import BellFunctional, Scenario
    from exactbell.kernel.models import cglmp

    i3322 = {"pA(0|0)": -1, "pB(0|0)": -2, "pB(0|1)": -1, "pAB(00|00)": 1, "pAB(00|01)": 1, "pAB(00|02)": 1,
             "pAB(00|10)": 1, "pAB(00|11)": 1, "pAB(00|12)": -1, "pAB(00|20)": 1, "pAB(00|21)": -1}  # I3322 <= 0
    return [
        ("CHSH (2,2;2,2)", BellFunctional.chsh()),
        ("Mermin (2,2,2;2,2,2)", BellFunctional.from_correlators([2, 2, 2], {"A0B0C1": 1, "A0B1C0": 1,
                                                                             "A1B0C0": 1, "A1B1C1": -1})),
        ("I3322 (3,3;2,2)", BellFunctional.from_collins_gisin([3, 3], i3322)),
        ("CGLMP I_3 (2,2;3,3)", BellFunctional.from_probabilities(Scenario([2, 2], [3, 3]), cglmp(3))),
        ("CGLMP I_4 (2,2;4,4)", BellFunctional.from_probabilities(Scenario([2, 2], [4, 4]), cglmp(4))),
    ]


def _run(index: int, level: str, out) -> None:
    from exactbell import quantum_bound
    from exactbell.api import _float
    from exactbell.sdp.npa import basis_size

    _, F = functionals()[index]
    n = basis_size(tuple(F.scenario.inputs), level, tuple(F.scenario.outputs))
    t = time.perf_counter()
    try:
        Q = quantum_bound(F, level=level)
    except ValueError as e:
        out.put((n, time.perf_counter() - t, None, str(e)))
        return
    seconds = time.perf_counter() - t
    if not Q.certified:
        out.put((n, seconds, None, "no exact SOS (numeric-only)"))
        return
    out.put((n, seconds, (str(Q), Q.exact, _float(Q.upper) - _float(Q.lower)), ""))


def run(index: int, level: str):
    q = mp.Queue()
    p = mp.Process(target=_run, args=(index, level, q))
    t = time.perf_counter()
    p.start()
    p.join(BUDGET)
    if p.is_alive():
        p.terminate()
        p.join()
        return None, time.perf_counter() - t, None, f"over {BUDGET:.0f} s"
    return q.get() if not q.empty() else (None, time.perf_counter() - t, None, f"exit code {p.exitcode}")


def main():
    names = [label for label, _ in functionals()]
    base = None
    best = None
    for i, name in enumerate(names):
        for level in LEVELS:
            n, seconds, result, why = run(i, level)
            if base is None:
                base = seconds
            size = f"{n}x{n}" if n else "?"
            if result is None:
                print(f"{name:24s} level {level:5s} {size:>9s}  {seconds:7.1f} s  stop: {why[:90]}")
                break
            text, exact, width = result
            print(f"{name:24s} level {level:5s} {size:>9s}  {seconds:7.1f} s ({seconds / base:5.1f}x CHSH 1+AB)  "
                  f"{'exact' if exact else f'width {width:.1e}'}: {text[:70]}")
            if best is None or n > best[2]:
                best = (name, level, n, seconds)
    if best:
        print(f"largest certified within {BUDGET:.0f} s: {best[0]} at NPA level {best[1]} "
              f"({best[2]}x{best[2]} moment matrix, {best[3]:.1f} s)")


if __name__ == "__main__":
    main()
