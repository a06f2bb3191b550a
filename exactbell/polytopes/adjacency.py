"""Facet classes up to symmetry: adjacency decomposition (producer side, untrusted).

From one facet per class, the ridges (facets of the facet, by cdd.gmp on the facet's points) are
computed and rotated exactly (:meth:`PointSet.rotate`) to the neighbouring facets; a neighbour whose
canonical form (lexicographically least image of its tight set under the group) is new becomes a
new class. When no new class appears, the class list is complete. Per-class work can run on
several processes.
"""
from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor

from .cddfacets import facets_cdd, inequality_of
from .exact import PermGroup, PointSet

_STATE: dict = {}


def ridges(ps: PointSet, T) -> list[frozenset]:
    """Facets of conv(T) as index sets of ps (cdd.gmp on the facet's own points)."""
    T = sorted(T)
    sub = PointSet([ps.points[i] for i in T])
    return [frozenset(T[j] for j in R) for R in facets_cdd(sub)]


def _neighbours(T):
    ps, group = _STATE["ps"], _STATE["group"]
    allidx = frozenset(range(ps.size))
    f = ps.supporting(allidx, T)
    rs = ridges(ps, T)
    out = set()
    for R in rs:
        N = ps.rotate(allidx, T, R, f)
        out.add(group.canonical(N))
    return T, len(rs), out


def _init(ps, group):
    _STATE["ps"], _STATE["group"] = ps, group


def classes_adm(ps: PointSet, group: PermGroup, start=None, workers: int = 1, progress=None, log=None,
                max_classes: int | None = None) -> dict:
    """{canonical tight set: ridge count} for every facet class of conv(points).

    With ``max_classes``, stop once that many classes are known (a lower bound; unprocessed
    classes have ridge count None)."""
    if start is None:
        import random

        rnd = random.Random(20260)
        start = ps.first_facet(range(ps.size), [rnd.randint(-50, 50) for _ in range(ps.n)])
    reps = {group.canonical(start): None}
    frontier = [group.canonical(start)]
    pending: list = []
    _init(ps, group)
    pool = ProcessPoolExecutor(workers, initializer=_init, initargs=(ps, group)) if workers > 1 else None
    t0 = time.time()
    try:
        while frontier:
            results = pool.map(_neighbours, frontier) if pool else map(_neighbours, frontier)
            nxt = []
            for T, nr, nbrs in results:
                reps[T] = nr
                for c in nbrs:
                    if c not in reps:
                        reps[c] = None
                        nxt.append(c)
                if max_classes is not None and len(reps) >= max_classes:
                    break
                if progress:
                    progress(len([v for v in reps.values() if v is not None]), len(reps))
            if log:
                log(f"{len(reps)} classes after {time.time() - t0:.1f}s")
            if max_classes is not None:  # lower-bound mode: smallest facets first
                pending = sorted(pending + nxt, key=len)
                frontier, pending = pending[:max(workers, 1)], pending[max(workers, 1):]
            else:
                frontier = nxt
            if max_classes is not None and len(reps) >= max_classes:
                break
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return reps


def classes_cdd(ps: PointSet, group: PermGroup) -> dict:
    """{canonical tight set: None} from a plain cdd.gmp enumeration of all facets."""
    reps = {}
    for F in facets_cdd(ps):
        reps.setdefault(group.canonical(F), None)
    return reps


def class_table(ps: PointSet, group: PermGroup, reps: dict) -> list[dict]:
    """Per class: tight set, primitive integer inequality, orbit size, tight count."""
    out = []
    for T in sorted(reps, key=lambda t: (len(group.orbit(t)), len(t), t)):
        a, b = inequality_of(ps, T)
        out.append({"tight": list(T), "coefficients": list(a), "bound": b, "orbit": len(group.orbit(T)),
                    "tight_count": len(T), "ridges": reps[T]})
    return out
