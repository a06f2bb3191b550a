"""Fast symmetric adjacency decomposition (polytopes/fastsym.py) vs the older adjacency.py engine
and plain cdd.gmp DD, and 1 vs 2 workers — all measured in the same run.

    nice -n 5 /tmp/tv/bin/python bench/polytopes_fast.py [--big]

--big adds the three-party two-input two-output local polytope (64 vertices, dim 26), where
only the fast engine is run (1 and 2 workers); its class count and orbit total are printed.

--table1 classifies S_(p,p),(p,p) at p = 3/4 (256 vertices, dim 12, group 128) completely, lightest
classes first, once with cdd.gmp for every class and once with the classes of more than 64
points read off the known facets (and proved complete by verify_complete), on one worker.
"""
from __future__ import annotations

import sys
import time
from fractions import Fraction

from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.adjacency import classes_adm, classes_cdd
from exactbell.polytopes.classcert import support_and_group
from exactbell.polytopes.fastsym import classify, orbit_total

CASES = [
    ("local 2222 (CHSH)", lambda: pm.local(Scenario((2, 2), (2, 2)))),
    ("S_(p,p),(1/2,1/2) p=3/4", lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))),
    ("local 3322", lambda: pm.local(Scenario((3, 3), (2, 2)))),
]
BIG = [("local 222/222 (3 parties)", lambda: pm.local(Scenario((2, 2, 2), (2, 2, 2))))]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main():
    print(f"{'polytope':<28}{'classes':>8}{'facets':>8}{'cdd s':>8}{'adm s':>8}{'fast1 s':>9}{'fast2 s':>9}"
          f"{'cdd/fast1':>10}{'adm/fast1':>10}{'fast1/fast2':>12}")
    for name, make in CASES:
        _, ps, _, group = support_and_group(make())
        a, t_cdd = timed(lambda: classes_cdd(ps, group))
        b, t_adm = timed(lambda: classes_adm(ps, group, workers=1))
        f1, t_f1 = timed(lambda: classify(ps, group, workers=1))
        f2, t_f2 = timed(lambda: classify(ps, group, workers=2))
        assert set(a) == set(b) == set(f1["classes"]) == set(f2["classes"])
        facets = orbit_total(f1["fast"], f1["classes"])
        print(f"{name:<28}{len(a):>8}{facets:>8}{t_cdd:>8.2f}{t_adm:>8.2f}{t_f1:>9.2f}{t_f2:>9.2f}"
              f"{t_cdd / t_f1:>10.2f}{t_adm / t_f1:>10.2f}{t_f1 / t_f2:>12.2f}")
    if "--big" in sys.argv:
        for name, make in BIG:
            _, ps, _, group = support_and_group(make())
            f1, t_f1 = timed(lambda: classify(ps, group, workers=1))
            f2, t_f2 = timed(lambda: classify(ps, group, workers=2))
            assert set(f1["classes"]) == set(f2["classes"])
            facets = orbit_total(f1["fast"], f1["classes"])
            print(f"{name:<28}{len(f1['classes']):>8}{facets:>8}{'-':>8}{'-':>8}{t_f1:>9.2f}{t_f2:>9.2f}"
                  f"{'-':>10}{'-':>10}{t_f1 / t_f2:>12.2f}   (group order {group.order})")

    if "--table1" in sys.argv:
        _, ps, _, group = support_and_group(pm.named_signaling("two-way-symmetric", p=Fraction(3, 4)))
        a, t_cdd = timed(lambda: classify(ps, group, lightest_first=True))
        b, t_known = timed(lambda: classify(ps, group, lightest_first=True, heavy=64))
        assert set(a["classes"]) == set(b["classes"])
        facets = orbit_total(a["fast"], a["classes"])
        print(f"S_(p,p),(p,p) p=3/4: {len(a['classes'])} classes, {facets} facets; lightest first, cdd for all "
              f"{t_cdd:.1f}s; heavy=64 ({b['from_known']} classes from the known facets) {t_known:.1f}s; "
              f"ratio {t_cdd / t_known:.2f}")


if __name__ == "__main__":
    main()
