"""Class-parallel adjacency decomposition on Dask: 1 vs 2 local workers, measured in one run.

    python bench/adm_dask.py [CASE …]      (one-way, asym, causal by default; two-way, 3party)

Per polytope: the in-process run (no Dask), then local clusters (``threads_per_worker=1``,
processes) of 1 and 2 workers, timed from a running cluster (its start-up is printed apart), and
the speed-up (1-worker time / 2-worker time). The three class lists, with their ridge counts, are
asserted identical. The load average is printed too: on a shared machine it explains a lot.
"""
from __future__ import annotations

import os
import sys
import time
from fractions import Fraction

from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.adjacency import classes_adm
from exactbell.polytopes.classcert import support_and_group

CASES = {
    "one-way": ("S_(p,p),(1/2,1/2) p=3/4", lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))),
    "asym": ("S_(3/4,2/3),(1/2,1/2)", lambda: pm.signaling(Fraction(3, 4), Fraction(2, 3), Fraction(1, 2),
                                                         Fraction(1, 2))),
    "two-way": ("S_(p,p),(p,p) p=3/4", lambda: pm.named_signaling("two-way-symmetric", p=Fraction(3, 4))),
    "3party": ("local 2,2,2:2,2,2", lambda: pm.local(Scenario((2, 2, 2), (2, 2, 2)))),
    "causal": ("causal (default)", lambda: pm.causal()),
}


def main(names):
    import distributed

    print(f"load average at start: {os.getloadavg()}")
    print(f"{'polytope':<26}{'classes':>8}{'serial s':>10}{'start s':>9}{'1 wkr s':>9}{'2 wkr s':>9}{'1/2':>7}")
    for key in names:
        name, make = CASES[key]
        _, ps, _, group = support_and_group(make())
        t = time.perf_counter()
        serial = classes_adm(ps, group)
        t_serial = time.perf_counter() - t
        times = []
        for n in (1, 2):
            t = time.perf_counter()
            with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, scheduler_port=0,
                                          dashboard_address=None) as cluster, \
                    distributed.Client(cluster, set_as_default=False) as client:
                start = time.perf_counter() - t
                t = time.perf_counter()
                reps = classes_adm(ps, group, client=client)
                times.append(time.perf_counter() - t)
            assert reps == serial
        print(f"{name:<26}{len(serial):>8}{t_serial:>10.2f}{start:>9.2f}{times[0]:>9.2f}{times[1]:>9.2f}"
              f"{times[0] / times[1]:>7.2f}", flush=True)
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["one-way", "asym", "causal"])  # two-way and 3party: long (a class takes minutes)
