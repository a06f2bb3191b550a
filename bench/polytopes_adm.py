"""Adjacency decomposition vs plain cdd.gmp double description, measured in one run.

    /tmp/tv/bin/python bench/polytopes_adm.py

Prints, per polytope, the class count and facet count from both methods and the time ratio
(cdd / adm). Both methods give exact, identical class lists (asserted).
The fast symmetric engine (polytopes/fastsym.py), 1 vs 2 workers and the three-party local
polytope are measured in bench/polytopes_fast.py (same-run ratios against cdd and this engine).
"""
from __future__ import annotations

import time
from fractions import Fraction

from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.adjacency import classes_adm, classes_cdd
from exactbell.polytopes.cddfacets import extreme_points
from exactbell.polytopes.exact import PermGroup, PointSet


def setup(M):
    ext = extreme_points(M.pointset)
    ps = PointSet([M.points[i] for i in ext])
    coords, _ = pm.symmetry_group(M)
    where = M.index_of()
    pos = {g: k for k, g in enumerate(ext)}
    gens = [tuple(pos[pm.vertex_permutation(M, g, where)[i]] for i in ext) for g in coords]
    return ps, PermGroup(len(ext), gens)


CASES = [
    ("local 2222 (CHSH)", lambda: pm.local(Scenario((2, 2), (2, 2)))),
    ("S_(p,p),(1/2,1/2) p=3/4", lambda: pm.named_signaling("one-way-symmetric", p=Fraction(3, 4))),
    ("S_(p,p),(1/2,1/2) p=2/3", lambda: pm.named_signaling("one-way-symmetric", p=Fraction(2, 3))),
]


def main():
    print(f"{'polytope':<28}{'classes':>8}{'facets':>8}{'cdd s':>9}{'adm s':>9}{'adm2 s':>9}{'cdd/adm':>9}")
    for name, make in CASES:
        ps, group = setup(make())
        t = time.perf_counter()
        a = classes_cdd(ps, group)
        t_cdd = time.perf_counter() - t
        t = time.perf_counter()
        b = classes_adm(ps, group, workers=1)
        t_adm = time.perf_counter() - t
        t = time.perf_counter()
        c = classes_adm(ps, group, workers=2)
        t_adm2 = time.perf_counter() - t
        assert set(a) == set(b) == set(c)
        facets = sum(len(group.orbit(x)) for x in a)
        print(f"{name:<28}{len(a):>8}{facets:>8}{t_cdd:>9.2f}{t_adm:>9.2f}{t_adm2:>9.2f}{t_cdd / t_adm:>9.2f}")


if __name__ == "__main__":
    main()
