"""Facets of a face conv(T) up to the face's stabiliser: the adjacency decomposition inside the
face, recursively (producer side, untrusted; exact integer arithmetic only).

Degenerate faces (many more points than their rank, e.g. the positivity facets of local
polytopes) are slow for a double description. As in PANDA's recursive adjacency decomposition
(Lörwald & Reinelt, EURO J. Comput. Optim. 3, 297 (2015)), such a face is decomposed: from one
facet of conv(T), each facet R found (one per orbit under H, a group of vertex permutations
fixing T) is rotated across its own facets S (one per orbit of H_R, the elements of H fixing R)
inside conv(T); the facets of R are computed the same way one level down, or by Normaliz
(:func:`~.cddfacets.facets_with`) when R has few points beyond its rank. The facet graph of conv(T) is connected, so the orbits found
are all of them; the result is their union (the orbits expanded). The facets are processed the
cheapest first, and the run stops once the unprocessed orbits hold fewer than dim conv(T) facets:
by Balinski's theorem (the graph of a d-polytope is d-connected, here the polar of conv(T)) the
processed facets then still reach every facet, so no orbit is missing (the criterion of Bremner,
Sikirić & Schürmann, J. Symb. Comput. 44, 1 (2009)).

Inside T the subsets are boolean rows over T's points; orbit keys (the least image, as big-endian
bit words, under a group) and the rotations of all facets S of one R are computed at once with
numpy integers: the functional of S is Normaliz's exact support hyperplane (or an exact nullspace), and
each rotation's step λ = max(−g_i / f_i) is proposed in floating point and accepted only if the
integer test q·g + p·f ≥ 0 holds on every point (else it is computed with fractions).
"""
from __future__ import annotations

import heapq
import random
from fractions import Fraction

import numpy as np

from .cddfacets import facets_with

EXCESS = 32  # faces with more points than rank + EXCESS are decomposed, the others go to Normaliz (measured)
DEPTH = 1  # nested decompositions (measured with Normaliz on the faces: depth 2 took 48 s instead of 11 s on an 80-point facet of 4,4:2,2)
START = 6  # random first facets tried; the one with the fewest points starts
_SAFE = 1 << 62


def _least_image(H: np.ndarray, R) -> tuple:
    """The least sorted image of R under the rows of H (vertex permutations)."""
    imgs = np.sort(H[:, np.fromiter(R, dtype=np.int32)], axis=1)
    return tuple(int(x) for x in imgs[int(np.lexsort(imgs.T[::-1])[0])])


def orbit_keys(B: np.ndarray, Hinv: np.ndarray, with_element: bool = False):
    """Per boolean row b of B (subsets of range(n)), the least of its images under the group
    whose inverse permutations are the rows of Hinv (image of b under h: b[h⁻¹]), as bytes (big-endian
    bit words: the same key for exactly the subsets in one orbit). With ``with_element``, also the
    least row index of Hinv giving that image (an int array)."""
    keys, elems = _extreme_images(B, Hinv, largest=False)
    return (keys, elems) if with_element else keys


def _extreme_images(B: np.ndarray, Hinv: np.ndarray, largest: bool) -> tuple[list[bytes], np.ndarray]:
    """Per row of B, its least (or largest) image under the rows of Hinv as big-endian bit words
    (bytes), and the least row index giving it."""
    k, n = B.shape
    out: list[bytes] = []
    elems = np.zeros(k, dtype=np.int64)
    step = max(1, 4_000_000 // max(1, len(Hinv) * n))
    for a in range(0, k, step):
        imgs = np.packbits(B[a:a + step][:, Hinv], axis=2)  # (rows, |H|, bytes)
        pad = (-imgs.shape[2]) % 8
        if pad:
            imgs = np.concatenate([imgs, np.zeros(imgs.shape[:2] + (pad,), dtype=np.uint8)], axis=2)
        words = np.ascontiguousarray(imgs).view(">u8")  # (rows, |H|, words), lexicographic = numeric word by word
        cand = np.ones(words.shape[:2], dtype=bool)
        for w in range(words.shape[2]):
            if largest:
                col = np.where(cand, words[:, :, w], np.uint64(0))
                cand &= col == col.max(axis=1)[:, None]
            else:
                col = np.where(cand, words[:, :, w], np.uint64(np.iinfo(np.uint64).max))
                cand &= col == col.min(axis=1)[:, None]
        first = cand.argmax(axis=1)
        elems[a:a + step] = first
        out.extend(row.tobytes() for row in words[np.arange(words.shape[0]), first])
    return out, elems


def face_facets(sp, T, H: np.ndarray | None = None, depth: int = 0) -> list[frozenset]:
    """All facets of conv(T) as index sets (sorted); ``sp``: a SlackPolytope, ``H``: vertex
    permutations (rows) fixing T, e.g. its stabiliser (the identity is enough, but slower)."""
    T = sorted(T)
    r = sp.ps.rank(T)
    if len(T) == r:  # a simplex
        return [frozenset(T[:k] + T[k + 1:]) for k in range(len(T))]
    if not _decomposed(H, len(T) - r, depth):
        return facets_with(sp.ps, T)[0]
    Wa = np.array(T, dtype=np.int64)
    loc = np.full(sp.N, -1, dtype=np.int64)
    loc[Wa] = np.arange(len(T))
    HT = loc[H[:, Wa]]  # H acting on T's own indices
    HTinv = np.argsort(HT, axis=1)
    rnd = random.Random(len(T) * 1000 + r)  # deterministic
    start = min((sp.ps.first_facet(T, [rnd.randint(-50, 50) for _ in range(sp.ps.n)], rnd) for _ in range(START)),
                key=lambda F: (len(F), sorted(F)))  # a light one: its facets are cheap
    b0 = np.isin(Wa, sorted(start))
    reps = {orbit_keys(b0[None, :], HTinv)[0]: b0}
    heap: list = []
    _push(heap, b0, HTinv, r)
    processed = 0
    while heap:
        if processed and sum(size for _, size, _, _ in heap) < r - 1:
            break  # Balinski: the unprocessed orbits cannot cut the processed facets off any facet
        b = heapq.heappop(heap)[3]
        processed += 1
        R = [int(x) for x in Wa[b]]
        fR = sp.slack(R, Wa)
        fix = (b[HTinv] == b[None, :]).all(axis=1)
        subs, G = _facets_with_functionals(sp, R, H[fix], depth + 1, Wa)
        keys = orbit_keys(subs, HTinv[fix])
        first: dict = {}
        for k, key in enumerate(keys):
            first.setdefault(key, k)
        sel = np.array(sorted(first.values()), dtype=np.int64)
        N = rotate_all(fR, _functionals(sp, R, subs[sel], None if G is None else [G[k] for k in sel], Wa, b))
        for key, row in zip(orbit_keys(N, HTinv), N):
            if key not in reps:
                reps[key] = row
                _push(heap, row, HTinv, r)
    out = set()
    for row in reps.values():
        imgs = np.unique(row[HTinv], axis=0)
        out.update(frozenset(int(x) for x in Wa[img]) for img in imgs)
    return sorted(out, key=sorted)


def _decomposed(H, excess: int, depth: int) -> bool:
    """Decompose a face with ``excess`` points beyond its rank (else Normaliz): beyond EXCESS with a
    symmetry, beyond 2·EXCESS without (Normaliz's cost grows too fast there), at most DEPTH levels."""
    return depth < DEPTH and (excess > 2 * EXCESS or (H is not None and len(H) > 1 and excess > EXCESS))


def _push(heap, row, HTinv, r) -> None:
    """Queue a facet of conv(T) (boolean row) with its orbit size, cheapest per orbit element first
    (the face's cost grows about exponentially with the points beyond the rank: 2**excess / orbit)."""
    size = len(np.unique(row[HTinv], axis=0))
    points = int(row.sum())
    heapq.heappush(heap, ((1 << max(0, points - r + 1)) / size, size, row.tobytes(), row))


def _facets_with_functionals(sp, R, HR, depth, Wa):
    """(facets of conv(R) as boolean rows over Wa, their functionals (see cddfacets.facets_with) or None)."""
    r = sp.ps.rank(R)
    if len(R) > r and not _decomposed(HR, len(R) - r, depth):
        facets, hs = facets_with(sp.ps, R)
        return _rows(facets, Wa), hs
    return _rows(face_facets(sp, R, HR, depth), Wa), None


def _rows(sets, Wa) -> np.ndarray:
    """Subsets of the sorted index array Wa as boolean rows over it."""
    out = np.zeros((len(sets), len(Wa)), dtype=bool)
    for k, S in enumerate(sets):
        out[k, np.searchsorted(Wa, np.fromiter(S, dtype=np.int64, count=len(S)))] = True
    return out


def _functionals(sp, R, S: np.ndarray, G, Wa, b) -> tuple[np.ndarray, np.ndarray]:
    """(S, values on Wa of a functional per row S_k vanishing on S_k and > 0 on R \\ S_k; from
    the support hyperplanes G when given, else from exact nullspaces)."""
    if G is None:
        return S, np.array([sp.ridge_functional(R, [int(x) for x in Wa[s]], Wa) for s in S])
    return S, sp.values_of(np.array([h() for h in G], dtype=object), Wa)


def rotate_all(f: np.ndarray, SG, with_slack: bool = False):
    """Tight sets (boolean rows) of the facets N_k ≠ R of conv(W) through the facets S_k of R:
    ``f`` ≥ 0 is R's slack on W (zero exactly on R), ``SG`` = (S rows, G) with G[k] ≥ 0 on R,
    zero exactly on S_k among R's points. N_k is the zero set of g + λf, λ = max_{f_i > 0} −g_i/f_i.
    With ``with_slack``: (the rows, and per row the slack q·g + p·f of N_k: ≥ 0, zero exactly on N_k)."""
    S, G = SG
    if not len(S):
        return (S, S) if with_slack else S
    pos = f != 0
    F = f[pos]
    small = f.dtype != object and G.dtype != object and int(np.abs(G).max()) * int(F.max()) < (_SAFE >> 2)
    if not small:
        G, F, f = G.astype(object), F.astype(object), f.astype(object)
    Gp = G[:, pos]
    # float proposal of the maximiser, then the exact test q·g + p·f >= 0 (λ = p/q, q = f_a > 0)
    a = np.argmax(-Gp.astype(float) / F.astype(float)[None, :], axis=1)
    rows = np.arange(len(S))
    p, q = -Gp[rows, a], F[a]
    ok = ((Gp * q[:, None] + F[None, :] * p[:, None]) >= 0).all(axis=1)
    for k in np.nonzero(~ok)[0]:
        lam = max(Fraction(-int(x), int(y)) for x, y in zip(Gp[k], F))
        p[k], q[k] = lam.numerator, lam.denominator
    new = G * q[:, None] + f[None, :] * p[:, None]
    return (new == 0, new) if with_slack else new == 0
