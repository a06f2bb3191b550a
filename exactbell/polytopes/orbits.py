"""All facets of a polytope from its facet classes: the union of the class orbits (producer side).

A relabeling π (coordinate permutation, :mod:`.models`) maps the point v to w with w[π[k]] = v[k]
and permutes the vertices by σ; the facet with tight set T and inequality <a, v> <= b goes to the
facet with tight set σ(T) and inequality <a', w> <= b with a'[π[k]] = a[k], i.e. a' = a∘π⁻¹. So an
orbit is expanded breadth-first from one representative under the generators, all facets of one
layer at once (numpy integer arrays), and nothing is recomputed: no rank test, no nullspace.
The group is never enumerated (the orbit is), so this also serves groups too large to list.
"""
from __future__ import annotations

import numpy as np


def orbit_arrays(tight, coefficients, vertex_gens, coord_gens) -> tuple[np.ndarray, np.ndarray]:
    """(tight sets as sorted rows, coefficient rows) of the orbit of one facet, in the order found
    (breadth-first over the generators, representative first). Exact: integer permutations and
    integer coefficients only (the coefficient array has dtype object when an entry exceeds int64)."""
    T = np.array(sorted(tight), dtype=np.int32)[None, :]
    big = any(abs(int(x)) >= (1 << 62) for x in coefficients)
    A = np.array([[int(x) for x in coefficients]], dtype=object if big else np.int64)
    vg = [np.asarray(g, dtype=np.int32) for g in vertex_gens]
    cinv = [np.argsort(np.asarray(p, dtype=np.int64)) for p in coord_gens]
    seen = {T[0].tobytes()}
    tights, coefs = [T], [A]
    while len(T):
        newT, newA = [], []
        for g, ci in zip(vg, cinv):
            imgs = np.sort(g[T], axis=1)
            keys = [r.tobytes() for r in imgs]
            keep = []
            for k, key in enumerate(keys):
                if key not in seen:
                    seen.add(key)
                    keep.append(k)
            if keep:
                newT.append(imgs[keep])
                newA.append(A[keep][:, ci])
        T = np.concatenate(newT) if newT else T[:0]
        A = np.concatenate(newA) if newA else A[:0]
        if len(T):
            tights.append(T)
            coefs.append(A)
    return np.concatenate(tights), np.concatenate(coefs)


def facet_orbits(classes, vertex_gens, coord_gens) -> list[list[tuple[tuple, tuple, int]]]:
    """Per class (in the given order) its orbit: every facet as (sorted tight set, coefficients,
    bound), sorted by tight set. ``classes``: (tight set, coefficients, bound) per class."""
    out = []
    for tight, a, b in classes:
        Ts, As = orbit_arrays(tight, a, vertex_gens, coord_gens)
        order = np.lexsort(Ts.T[::-1])
        Ts, As = Ts[order].tolist(), As[order].tolist()
        b = int(b)
        out.append([(tuple(t), tuple(c), b) for t, c in zip(Ts, As)])  # tolist(): Python ints already
    return out
