"""Class-parallel adjacency decomposition on Dask: 1 vs 2 local workers, measured in one run.

    python bench/adm_dask.py [--engine fast|adm] [CASE …]
        (adm: one-way, asym, causal by default; fast: one-way, 3party; also two-way)

Per polytope: the in-process run (no Dask), then local clusters (``threads_per_worker=1``,
processes) of 1 and 2 workers, timed from a running cluster (its start-up is printed apart), and
the speed-up (1-worker time / 2-worker time). CPU seconds are this process's plus the workers'
(``time.process_time`` on each, before and after). The three results are asserted identical (adm:
classes and ridge counts; fast: classes in order and ridge lists). The load average is printed
too: on a shared machine it explains a lot.
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
from exactbell.polytopes.fastsym import classify

CASES = {
    "one-way": ("S_(p,p),(1/2,1/2) p=3/4", lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))),
    "asym": ("S_(3/4,2/3),(1/2,1/2)", lambda: pm.signaling(Fraction(3, 4), Fraction(2, 3), Fraction(1, 2),
                                                         Fraction(1, 2))),
    "two-way": ("S_(p,p),(p,p) p=3/4", lambda: pm.named_signaling("two-way-symmetric", p=Fraction(3, 4))),
    "3party": ("local 2,2,2:2,2,2", lambda: pm.local(Scenario((2, 2, 2), (2, 2, 2)))),
    "causal": ("causal (default)", lambda: pm.causal()),
}


def engine(name):
    if name == "adm":
        return lambda ps, group, **kw: classes_adm(ps, group, **kw)

    def fast(ps, group, **kw):
        res = classify(ps, group, **kw)
        return res["classes"], res["ridges"]
    return fast


def measured(run, client=None):
    """(result, wall seconds, CPU seconds of this process and the cluster's workers)."""
    cpu = (lambda: sum(client.run(time.process_time).values())) if client else (lambda: 0.0)
    c0, w0, p0 = cpu(), time.perf_counter(), time.process_time()
    out = run()
    wall, mine = time.perf_counter() - w0, time.process_time() - p0
    return out, wall, mine + cpu() - c0


def main(argv):
    import distributed

    name = "adm"
    if argv[:1] == ["--engine"]:
        name, argv = argv[1], argv[2:]
    run = engine(name)
    names = argv or (["one-way", "3party"] if name == "fast" else ["one-way", "asym", "causal"])
    print(f"engine {name}; load average at start: {os.getloadavg()}")
    print(f"{'polytope':<26}{'classes':>8}{'serial s':>10}{'cpu':>8}{'start s':>9}{'1 wkr s':>9}{'cpu':>8}"
          f"{'2 wkr s':>9}{'cpu':>8}{'1/2':>7}")
    for key in names:
        label, make = CASES[key]
        _, ps, _, group = support_and_group(make())
        serial, t_serial, c_serial = measured(lambda ps=ps, group=group: run(ps, group))
        times = []
        for n in (1, 2):
            t = time.perf_counter()
            with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, scheduler_port=0,
                                          dashboard_address=None) as cluster, \
                    distributed.Client(cluster, set_as_default=False) as client:
                start = time.perf_counter() - t
                out, wall, cpu = measured(lambda ps=ps, group=group, client=client: run(ps, group, client=client), client)
                times.append((wall, cpu))
            assert out == serial
        classes = len(serial) if name == "adm" else len(serial[0])
        print(f"{label:<26}{classes:>8}{t_serial:>10.2f}{c_serial:>8.2f}{start:>9.2f}{times[0][0]:>9.2f}"
              f"{times[0][1]:>8.2f}{times[1][0]:>9.2f}{times[1][1]:>8.2f}{times[0][0] / times[1][0]:>7.2f}",
              flush=True)
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main(sys.argv[1:])  # adm two-way and 3party: long (a class takes minutes)
