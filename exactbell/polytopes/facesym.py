"""Facets of a face conv(T) up to the face's stabiliser: the adjacency decomposition inside the
face, recursively (producer side, untrusted; exact integer arithmetic only).

Degenerate faces (many more points than their rank, e.g. the positivity facets of local
polytopes) are slow for a double description. As in PANDA's recursive adjacency decomposition
(Lörwald & Reinelt, EURO J. Comput. Optim. 3, 297 (2015)), such a face is decomposed: from one
facet of conv(T), each facet R found (one per orbit under H, a group of vertex permutations
fixing T) is rotated across its own facets S (one per orbit of H_R, the elements of H fixing R)
inside conv(T); the facets of R are computed the same way one level down, or by cdd.gmp when R
has few points beyond its rank. The facet graph of conv(T) is connected, so the orbits found
are all of them; the result is their union (the orbits expanded).
"""
from __future__ import annotations

import random

import numpy as np

from .cddfacets import facets_cdd

EXCESS = 24  # faces with more points than rank + EXCESS are decomposed, the others go to cdd (measured)
DEPTH = 1  # nested decompositions: deeper faces have small stabilisers, and cdd is faster there


def _least_image(H: np.ndarray, R) -> tuple:
    """The least sorted image of R under the rows of H (vertex permutations)."""
    imgs = np.sort(H[:, np.fromiter(R, dtype=np.int32)], axis=1)
    return tuple(int(x) for x in imgs[int(np.lexsort(imgs.T[::-1])[0])])


def _fixing(H: np.ndarray, R) -> np.ndarray:
    """Rows of H mapping R onto itself."""
    idx = np.array(sorted(R), dtype=np.int32)
    return H[(np.sort(H[:, idx], axis=1) == idx[None, :]).all(axis=1)]


def face_facets(sp, T, H: np.ndarray | None = None, depth: int = 0) -> list[frozenset]:
    """All facets of conv(T) as index sets (sorted); ``sp``: a SlackPolytope, ``H``: vertex
    permutations (rows) fixing T, e.g. its stabiliser (the identity is enough, but slower)."""
    T = sorted(T)
    r = sp.ps.rank(T)
    if len(T) == r:  # a simplex
        return [frozenset(T[:k] + T[k + 1:]) for k in range(len(T))]
    if H is None or len(H) <= 1 or len(T) - r <= EXCESS or depth >= DEPTH:
        return facets_cdd(sp.ps, T)
    W = np.array(T, dtype=np.int64)
    rnd = random.Random(len(T) * 1000 + r)  # deterministic
    start = sp.ps.first_facet(T, [rnd.randint(-50, 50) for _ in range(sp.ps.n)], rnd)
    reps = {_least_image(H, start): start}
    queue = [start]
    while queue:
        R = queue.pop()
        fR = sp.slack(R, W)
        HR = _fixing(H, R)
        done = set()
        for S in face_facets(sp, R, HR, depth + 1):
            key = _least_image(HR, S)
            if key in done:
                continue
            done.add(key)
            N = sp.rotate(R, fR, S, W=W)
            c = _least_image(H, N)
            if c not in reps:
                reps[c] = N
                queue.append(N)
    out = set()
    for R in reps.values():
        imgs = np.unique(np.sort(H[:, np.fromiter(R, dtype=np.int32)], axis=1), axis=0)
        out.update(frozenset(int(x) for x in row) for row in imgs)
    return sorted(out, key=sorted)
