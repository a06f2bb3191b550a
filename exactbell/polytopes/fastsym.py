"""Fast symmetric facet enumeration (producer side, untrusted; numpy allowed here).

* :class:`FastGroup` — a permutation group on point indices stored as an int32 array
  (|G| × n); the canonical form of a point set T (lexicographically least sorted image
  ``sorted(g(T))`` over all g — the same convention as :meth:`PermGroup.canonical`) is computed
  for all group elements at once, by column-wise elimination of candidates.
* :class:`SlackPolytope` — the points as homogenised primitive integer rows; a facet is handled
  as its integer *slack vector* on the points (b − a·v scaled by the row weights, primitive).
  Rotation over a ridge is done in slack space with integers (int64 with an overflow guard,
  Python ints otherwise).
* :func:`classify` — adjacency decomposition: per class representative, its ridges (a simplex
  shortcut, else Normaliz on the facet's own points, or the nested decomposition of
  :mod:`.facesym` for very degenerate facets) are rotated to the neighbouring facets (one per
  orbit of the facet's stabiliser, all at once) and canonicalised (all at once, as bit words), and
  new classes are queued. It starts from a facet with few points (random
  tilts and a short walk), and with several workers each class is submitted to a Dask cluster
  (:mod:`exactbell.distributed`) as soon as it is found, so degenerate classes run beside the
  others; checkpoints (written atomically) make an interrupted run resumable. Optionally the
  lightest classes go first and the heaviest take their ridges from the known facets
  (:class:`KnownFacets`), proved complete before they are used. In one process (no ``heavy``, a
  full run) the classes with many points beyond their rank wait until the others are processed
  and derive their ridges and most neighbours from them (:func:`derived_ridges`). For every
  class the result records each ridge's neighbour as (class index, group element index) with the
  *least* element index giving that neighbour, which is what the scalable completeness
  certificate (kernel kind ``classes``, ``ridges``) lists.
"""
from __future__ import annotations

import contextlib
import heapq
import time
from collections import deque
from fractions import Fraction

import flint
import numpy as np

from ..distributed import checkpoint_error, read_checkpoint, write_checkpoint
from ..kernel.polytope import members
from .cddfacets import facet_incidence, facets_with
from .exact import PermGroup, PointSet
from .facesym import (
    _decomposed,
    _extreme_images,
    _rows,
    face_facets,
    orbit_keys,
    rotate_all,
)
from .wreath import LocalGroup

_LIM = 1 << 62


class FastGroup:
    """The elements of a :class:`PermGroup` (in its sorted order) as an integer numpy array, for
    canonical forms of point sets over all elements at once (exact: integer permutations only)."""

    def __init__(self, group: PermGroup):
        self.elements = group.elements
        self.P = np.array(group.elements, dtype=np.int32)
        self.order, self.n = self.P.shape
        # inverse permutations, and the index of each element
        inv = np.empty_like(self.P)
        rows = np.arange(self.order)[:, None]
        inv[rows, self.P] = np.arange(self.n, dtype=np.int32)[None, :]
        self.Pinv = inv
        self.index = {g: k for k, g in enumerate(group.elements)}
        self.by_bytes = {row.tobytes(): k for k, row in enumerate(self.P)}

    def images(self, T) -> np.ndarray:
        idx = np.fromiter(T, dtype=np.int32)
        return np.sort(self.P[:, idx], axis=1)

    def canonical_with(self, T):
        """(canonical sorted tuple, index of one element mapping T onto it)."""
        imgs = self.images(T)
        cand = np.arange(self.order)
        for k in range(imgs.shape[1]):
            col = imgs[cand, k]
            m = col.min()
            cand = cand[col == m]
            if len(cand) == 1:
                break
        e = int(cand[0])
        return tuple(int(x) for x in imgs[e]), e

    def canonical(self, T) -> tuple:
        return self.canonical_with(T)[0]

    def canonical_many(self, B: np.ndarray) -> list[tuple[tuple, int]]:
        """:meth:`canonical_with` of every boolean row of B (subsets of equal size), at once: the
        lexicographically least sorted image is the largest image as big-endian bits (at the first
        point where two images differ, the one holding it sorts first), and the least element index
        giving it is the one :meth:`canonical_with` returns."""
        elems = self._largest_word(B) if self.n <= 64 else _extreme_images(B, self.Pinv, largest=True)[1]
        return [(tuple(sorted(int(x) for x in self.P[e][np.nonzero(b)[0]])), int(e)) for b, e in zip(B, elems)]

    _NIB = 4  # bits of a subset looked up at once

    def _largest_word(self, B: np.ndarray) -> np.ndarray:
        """For n ≤ 64: per boolean row b of B, the least element index e whose image P[e](b), as the
        64-bit word with bit 63 − p for each point p, is largest (what :func:`_extreme_images` with
        ``largest`` gives). The image word is an OR of table entries, one per 4-point chunk of b:
        table[g, j, v] = the image under g of the points 4j + k with bit k set in v."""
        if not hasattr(self, "_table"):
            c = self._NIB
            chunks = (self.n + c - 1) // c
            bit = np.zeros((self.order, chunks * c), dtype=np.uint64)
            bit[:, :self.n] = np.left_shift(np.uint64(1), (63 - self.P).astype(np.uint64))
            v = np.arange(1 << c)
            tab = np.zeros((self.order, chunks, 1 << c), dtype=np.uint64)
            for k in range(c):
                on = ((v >> k) & 1).astype(bool)
                tab[:, :, on] |= bit[:, k::c][:, :, None]
            self._table = np.ascontiguousarray(tab.reshape(self.order, -1).T)  # (chunk value column, |G|)
        c = self._NIB
        chunks = (self.n + c - 1) // c
        pad = np.zeros((len(B), chunks * c), dtype=np.int64)
        pad[:, :self.n] = B
        vals = (pad.reshape(len(B), chunks, c) << np.arange(c)).sum(axis=2)  # chunk values
        cols = vals + (np.arange(chunks) << c)[None, :]  # columns of the flattened table
        elems = np.zeros(len(B), dtype=np.int64)
        step = max(1, 2_000_000 // max(1, self.order * chunks))
        for a in range(0, len(B), step):
            words = np.bitwise_or.reduce(self._table[cols[a:a + step]], axis=1)  # (rows, |G|)
            elems[a:a + step] = np.argmax(words == words.max(axis=1)[:, None], axis=1)
        return elems

    def indices(self, U: np.ndarray) -> list[int]:
        """Element indices of the permutations in the rows of U (int32)."""
        return [self.by_bytes[row.tobytes()] for row in np.ascontiguousarray(U, dtype=np.int32)]

    def orbit_size(self, T) -> int:
        return int(np.unique(self.images(T), axis=0).shape[0])

    def stabiliser(self, T) -> np.ndarray:
        """Indices of the elements g with g(T) = T."""
        imgs = self.images(T)
        ref = np.array(sorted(T), dtype=np.int32)
        return np.nonzero((imgs == ref[None, :]).all(axis=1))[0]

    def least_in_coset(self, g: int, stab) -> int:
        """Least element index in the left coset g·Stab (all of them map T_j to the same set)."""
        best = None
        Pg = self.P[g]
        for s in stab:
            k = self.index[tuple(int(x) for x in Pg[self.P[s]])]
            best = k if best is None or k < best else best
        return best


class SlackPolytope:
    """Homogenised integer rows of a :class:`PointSet`, for integer slack computations."""

    def __init__(self, ps: PointSet):
        self.ps = ps
        # the rows on pivot columns only: the same functionals on the points (value vectors), and
        # a nullspace without the hull's equations
        Rf, _, rank = ps.matrix(range(ps.size)).rref()
        piv, r = [], 0
        for j in range(ps.n + 1):
            if r < rank and Rf[r, j] != 0:
                piv.append(j)
                r += 1
        self.rows = [[r[j] for j in piv] for r in ps.rows]
        self.N = ps.size
        self.m = len(piv)
        big = max(abs(x) for r in self.rows for x in r)
        self.small = big < (1 << 20)
        self.H = np.array(self.rows, dtype=np.int64 if self.small else object)
        self.rank = ps.rank(range(self.N))
        self.full_max = max(abs(x) for r in ps.rows for x in r)

    def _mat(self, idx):
        return flint.fmpz_mat(len(idx), self.m, [x for i in idx for x in self.rows[i]])

    def values(self, h, W=None) -> np.ndarray:
        """Values of the functional h on the points (or on the points W, an index array)."""
        h = [int(x) for x in h]
        if self.small and max(abs(x) for x in h) < (1 << 30) and self.m < (1 << 10):
            return (self.H if W is None else self.H[W]) @ np.array(h, dtype=np.int64)
        rows = self.rows if W is None else [self.rows[i] for i in W]
        return np.array([sum(a * b for a, b in zip(r, h)) for r in rows], dtype=object)

    def values_of(self, hs: np.ndarray, W) -> np.ndarray:
        """Values on the points W of functionals given on the full homogenised rows (rows of hs,
        Python ints), one row per functional (int64 when no product can overflow)."""
        full = self.ps.rows
        bound = max((abs(int(x)) for x in hs.ravel()), default=0) * self.full_max * (self.ps.n + 1)
        if bound < _LIM:
            A = np.array([full[i] for i in W], dtype=np.int64)
            return np.array(hs, dtype=np.int64) @ A.T
        return np.array([[sum(a * b for a, b in zip(full[i], h)) for i in W] for h in hs], dtype=object)

    def ridge_functional(self, R, S, W) -> np.ndarray:
        """Values on W of a functional vanishing on S, a facet of conv(R), and > 0 on R \\ S."""
        X, k = self._mat(sorted(S)).nullspace()
        extra = int(np.searchsorted(W, next(i for i in R if i not in set(S))))
        for j in range(k):
            g = self.values([int(X[i, j]) for i in range(self.m)], W)
            if g[extra]:
                return -g if g[extra] < 0 else g
        raise ValueError("S is not a facet of R")

    def slack(self, T, W=None) -> np.ndarray:
        """Primitive integer slack vector (≥ 0, zero exactly on the facet T); with W (an index
        array), of T as a facet of conv(W), on W."""
        X, k = self._mat(sorted(T)).nullspace()
        for j in range(k):
            v = self.values([int(X[i, j]) for i in range(self.m)], W)
            if v.any():
                if v.min() < 0:
                    v = -v
                return _primitive(v)
        raise ValueError("not a facet")

    def ridges_with(self, T, stab=None) -> tuple[list[frozenset], list | None]:
        """(:meth:`ridges`, their functionals as :func:`~.cddfacets.facets_with` gives them when the
        face went to Normaliz/cdd, else None)."""
        T = sorted(T)
        if len(T) == self.rank - 1 or _decomposed(stab, len(T) - self.rank + 1, 0):
            return self.ridges(T, stab), None
        return facets_with(self.ps, T)

    def ridges(self, T, stab=None) -> list[frozenset]:
        """Facets of conv(T): the simplex shortcut, Normaliz on the face's points, or for a face with
        many points beyond its rank the decomposition under ``stab`` (vertex permutations fixing
        T) of :func:`~exactbell.polytopes.facesym.face_facets`."""
        T = sorted(T)
        if len(T) == self.rank - 1:  # a simplex facet
            return [frozenset(T[:k] + T[k + 1:]) for k in range(len(T))]
        return face_facets(self, T, stab)

    def rotate(self, T, f, R, with_slack: bool = False, W=None):
        """Tight set of the facet ≠ T containing the ridge R (f: slack vector of T); with
        ``with_slack``, (tight set, its primitive slack vector). With W (a sorted index array):
        facets of conv(W), f and the slack on W."""
        Tset = frozenset(T)
        X, k = self._mat(sorted(R)).nullspace()
        extra = next(i for i in Tset if i not in R)
        if W is not None:
            extra = int(np.searchsorted(W, extra))
        for j in range(k):
            g = self.values([int(X[i, j]) for i in range(self.m)], W)
            s = g[extra]
            if s:
                if s < 0:
                    g = -g
                break
        else:
            raise ValueError("R is not a ridge of T")
        mask = f != 0
        fo, go = f[mask], g[mask]
        # lambda = max(-g_i / f_i) over points off T
        num = -go
        best = int(np.argmax(num * 1.0 / fo)) if not (f.dtype == object) else None
        if best is None or abs(int(num.max())) >= (1 << 50) or abs(int(fo.max())) >= (1 << 50):
            lam = max(Fraction(int(a), int(b)) for a, b in zip(num, fo))
        else:
            # float argmax only proposes; exact comparison decides
            lam = Fraction(int(num[best]), int(fo[best]))
            cand = num * lam.denominator - fo * lam.numerator  # must be <= 0 everywhere
            if (cand > 0).any():
                lam = max(Fraction(int(a), int(b)) for a, b in zip(num, fo))
        p, q = lam.numerator, lam.denominator
        if self.small and max(abs(p), q) < (1 << 20) and f.dtype != object:
            new = q * g + p * f
        else:
            new = np.array([q * int(a) + p * int(b) for a, b in zip(g, f)], dtype=object)
        zero = np.nonzero(new == 0)[0]
        N = frozenset(int(i) for i in (zero if W is None else W[zero]))
        return (N, _primitive(new)) if with_slack else N


def _primitive(v: np.ndarray) -> np.ndarray:
    from math import gcd

    g = 0
    for x in v:
        g = gcd(g, int(x))
        if g == 1:
            break
    return v // g if g > 1 else v


# ---------------------------------------------------------------------------------------------
# the adjacency decomposition

def _orbit_representatives(sp, T, PS, with_element=False, derived=None, skip=None):
    """The ridges of T (computed, or :func:`derived_ridges`' result ``derived``), for each the index of
    its orbit's representative under the stabiliser (its permutations ``PS``), the representatives, the
    element indices into ``PS`` mapping each ridge onto its orbit key (``with_element``, else None), and
    the ridge functionals of the representatives k with ``skip(k)`` false (all without ``skip``)."""
    if derived is None:
        (ridges, hs), rows, orbits = sp.ridges_with(T, PS), None, None
    else:  # (ridges, their boolean rows over all points, neighbours, orbits when known)
        (ridges, rows, _, orbits), hs = derived, None
    Wa = np.array(sorted(T), dtype=np.int64)
    loc = np.full(sp.N, -1, dtype=np.int64)
    loc[Wa] = np.arange(len(Wa))
    HTinv = np.argsort(loc[PS[:, Wa]], axis=1)  # the stabiliser on T's own indices, inverted
    if orbits is not None:
        rep_of, sidx = orbits
        reps = sorted(set(rep_of.tolist()))
    else:
        rows = _rows(ridges, Wa) if rows is None else rows[:, Wa]
        keys, sidx = orbit_keys(rows, HTinv, with_element=True) if with_element else (orbit_keys(rows, HTinv), None)
        first: dict = {}
        rep_of = np.array([first.setdefault(key, k) for k, key in enumerate(keys)], dtype=np.int64)
        reps = sorted(first.values())
    every = np.arange(sp.N)
    todo = [k for k in reps if skip is None or not skip(k)]
    if hs is None:
        G = np.array([sp.ridge_functional(T, ridges[k], every) for k in todo]).reshape(len(todo), sp.N)
    else:
        G = sp.values_of(np.array([hs[k]() for k in todo], dtype=object), every)
    return ridges, rep_of, reps, sidx, G


def _work(context, T, derived=None):
    """Per class: its ridges (computed, or ``derived`` by :func:`derived_ridges`) and, for each, the
    canonical neighbour and the index of an element mapping the actual neighbour onto the canonical
    one; ``context`` = (SlackPolytope, FastGroup).
    Only one ridge per orbit of the stabiliser of T is rotated (all at once, :func:`rotate_all`) and
    canonicalised (:meth:`FastGroup.canonical_many`); the others follow by symmetry.
    The one place that calls the polytope engine, in-process or on a Dask worker."""
    sp, fg = context
    f = sp.slack(T)
    if isinstance(fg, LocalGroup):
        return T, _work_local(sp, fg, T, f)
    stab = fg.stabiliser(T)
    known = None if derived is None else derived[2]  # neighbours already known from processed classes
    skip = None if known is None else (lambda k: known[k] is not None)
    ridges, rep_of, reps, sidx, G = _orbit_representatives(sp, T, fg.P[stab], with_element=True, derived=derived,
                                                           skip=skip)
    todo = [k for k in reps if skip is None or not skip(k)]
    canon = {k: known[k] for k in reps if skip is not None and skip(k)}
    if todo:
        N = rotate_all(f, (np.zeros((len(todo), 0)), G))
        canon.update(zip(todo, fg.canonical_many(N)))
    # ridge k = sR^-1 s0 (rep), so its neighbour is sR^-1 s0 (N0); P[e] maps N0 onto c, so
    # u = P[e] s0^-1 sR maps the neighbour onto c
    E = np.array([canon[int(r)][1] for r in rep_of], dtype=np.int64)
    SR = stab[sidx]
    S0 = SR[rep_of]
    inner = np.take_along_axis(fg.Pinv[S0], fg.P[SR].astype(np.int64), axis=1)
    U = np.take_along_axis(fg.P[E], inner.astype(np.int64), axis=1)
    return T, [(R, canon[int(r)][0], e, None) for R, r, e in zip(ridges, rep_of, fg.indices(U))]


def _work_local(sp, lg: LocalGroup, T, f) -> list:
    """:func:`_work` under a group too large to list (:class:`LocalGroup`): the same ridges and
    canonical neighbours, without element indices (no certificate data)."""
    ridges, rep_of, reps, _, G = _orbit_representatives(sp, T, lg.stabiliser_perms(T, f))
    N, slacks = rotate_all(f, (np.zeros((len(reps), 0)), G), with_slack=True)
    canon = {r: lg.canonical(frozenset(np.nonzero(row)[0].tolist()), _primitive(g)) for r, row, g in zip(reps, N, slacks)}
    return [(R, canon[int(r)], None, None) for R, r in zip(ridges, rep_of)]


def _canonical(sp, fg, T) -> tuple:
    return fg.canonical(T, sp.slack(T)) if isinstance(fg, LocalGroup) else fg.canonical(T)


# ---------------------------------------------------------------------------------------------
# checkpoints: the known classes (the first is the start) and, per processed class, its ridges'
# (neighbour class index, element index) in ridge order — enough to resume to the identical result

CHECKPOINT_FORMAT = "exactbell-fastsym-checkpoint"


def save_checkpoint(path, ps: PointSet, group: PermGroup, found: list, raw: dict) -> None:
    """Write the known classes ``found`` and the processed ones' neighbours ``raw`` atomically."""
    index = {c: k for k, c in enumerate(found)}
    write_checkpoint(path, CHECKPOINT_FORMAT, ps, group, {
        "complete": all(c in raw for c in found), "classes": [list(c) for c in found],
        "processed": [[index[T], [[index[c], e] for _, c, e, _ in out]] for T, out in raw.items()]})


def load_checkpoint(path, ps: PointSet, group: PermGroup, fg: FastGroup | None = None) -> tuple[list, dict]:
    """(known classes, {processed class: [(None, neighbour, element index, None), ...]}) of a
    checkpoint written for this polytope and group; ValueError (one line: file, field) otherwise."""
    fg = fg or (group if isinstance(group, LocalGroup) else FastGroup(group))
    obj = read_checkpoint(path, CHECKPOINT_FORMAT, ps, group)
    sp = SlackPolytope(ps) if isinstance(fg, LocalGroup) else None

    def bad(field, problem):
        return checkpoint_error(path, field, problem)

    def is_index(x, bound):
        if bound == "unlisted":  # a group too large to list: no element indices
            return x is None
        return type(x) is int and 0 <= x < bound

    found = obj.get("classes")
    if not isinstance(found, list) or not found:
        raise bad("classes", "needs a non-empty list of tight sets")
    for k, T in enumerate(found):
        if not isinstance(T, list) or not T or not all(is_index(i, ps.size) for i in T):
            raise bad(f"classes[{k}]", "needs a list of point indices")
        found[k] = T = tuple(T)
        if _canonical(sp, fg, T) != T:
            raise bad(f"classes[{k}]", "not the canonical form of its class")
    if len(set(found)) != len(found):
        raise bad("classes", "a class is listed twice")
    raw: dict = {}
    processed = obj.get("processed")
    if not isinstance(processed, list):
        raise bad("processed", "needs a list")
    for k, row in enumerate(processed):
        ok = isinstance(row, list) and len(row) == 2 and is_index(row[0], len(found)) and isinstance(row[1], list) \
            and all(isinstance(x, list) and len(x) == 2 and is_index(x[0], len(found)) and is_index(x[1], "unlisted" if isinstance(fg, LocalGroup) else fg.order)
                    for x in row[1])
        if not ok or found[row[0]] in raw:
            raise bad(f"processed[{k}]", "needs [class index, [[neighbour class index, element index], ...]], once per class")
        raw[found[row[0]]] = [(None, found[j], e, None) for j, e in row[1]]
    return found, raw


def _lighter_start(ps: PointSet, sp: SlackPolytope, T, rnd, steps: int = 12) -> frozenset:
    """Random walk from facet T across single ridges (one ridge = some facet of conv(T), found by
    tilting; no full ridge list needed); the facet with the fewest points seen is returned: the
    degenerate classes are then found early and run in parallel with the others."""
    best = T
    for _ in range(steps):
        R = ps.first_facet(T, [rnd.randint(-50, 50) for _ in range(ps.n)], rnd)
        T = sp.rotate(T, sp.slack(T), R)
        best = min(best, T, key=len)
    return best


def classify(ps: PointSet, group: PermGroup | LocalGroup, workers: int = 1, start=None, log=None, max_classes=None,
             seed: int = 20260, certificate: bool = True, progress=None, lightest_first: bool = False,
             heavy: int | None = None, scheduler: str | None = None, client=None, checkpoint=None, resume=None,
             checkpoint_seconds: float = 30.0) -> dict:
    """Adjacency decomposition. Returns {"classes": [canonical tight sets, numbered breadth-first
    from the start over the recorded neighbours], "ridges": {class index: [(neighbour class index,
    group element index), ...]} (complete runs), "complete": bool, "seconds": t}. ``progress(done,
    known)`` is called after every class.

    ``group``: a :class:`PermGroup` (listed), or a :class:`~exactbell.polytopes.wreath.LocalGroup`
    for relabeling groups too large to list (canonical forms by sorting; then no ``ridges`` and no
    ``heavy``).

    One worker and no ``scheduler``/``client``: in this process (no dask import), the classes
    first-in first-out, or with ``lightest_first`` the known class with the fewest points first
    (ties by canonical form), so degenerate facets wait; either way a run cut at ``max_classes`` is
    reproducible. Else on Dask (``client``, the cluster at ``scheduler``, or a local cluster of
    ``workers`` processes; :class:`exactbell.distributed.ClassTasks`): every class is submitted as
    soon as it is found, so one slow degenerate facet does not hold back the others.

    ``checkpoint``: a file rewritten atomically every ``checkpoint_seconds`` and when the run ends or
    is interrupted (Ctrl-C, SIGTERM under :func:`~exactbell.distributed.sigterm_as_interrupt`);
    ``resume``: a checkpoint to continue from (and to keep writing, unless ``checkpoint`` is given);
    the result equals the uninterrupted run's (classes, their order and the ridges).

    In this process, without ``heavy`` or ``max_classes``: classes with more than rank − 1 +
    :data:`HEAVY_EXCESS` points wait until the queue holds no other class, and then (fewest points
    first) take their ridges from the processed classes (:func:`derived_ridges`, exact and complete);
    the processing order changes nothing in the result.

    ``heavy``: classes with more points wait until every lighter class is processed; then their
    ridges are read off the known facets (:class:`KnownFacets`, no cdd call) and kept if
    :func:`ridges_complete` proves them all the facets of the class (``res["from_known"]`` counts
    these); otherwise cdd computes them, and any new classes are processed in another round."""
    sp = SlackPolytope(ps)
    fg = group if isinstance(group, LocalGroup) else FastGroup(group)
    if heavy is not None and isinstance(fg, LocalGroup):
        raise ValueError("--heavy needs a relabeling group small enough to list")
    context = (sp, fg)
    raw: dict = {}
    if resume is not None:
        found, raw = load_checkpoint(resume, ps, group, fg)
        checkpoint = resume if checkpoint is None else checkpoint
    else:
        if start is None:
            import random

            rnd = random.Random(seed)
            tries = [ps.first_facet(range(ps.size), [rnd.randint(-50, 50) for _ in range(ps.n)], rnd)
                     for _ in range(8)]
            start = _lighter_start(ps, sp, min(tries, key=lambda F: (len(F), sorted(F))), rnd)
        found = [_canonical(sp, fg, start)]
    c0 = found[0]
    known = set(found)
    t0 = time.time()
    last = time.monotonic()
    cut = False
    deferred: list = []

    def light(c) -> bool:
        if heavy is not None and len(c) > heavy:
            deferred.append(c)
            return False
        return True

    def take(T, out):
        nonlocal last
        raw[T] = out
        new = []
        for _, c, _, _ in out:
            if c not in known:
                known.add(c)
                found.append(c)
                new.append(c)
        if checkpoint is not None and time.monotonic() - last >= checkpoint_seconds:
            save_checkpoint(checkpoint, ps, group, found, raw)
            last = time.monotonic()
        if log:
            log(f"{len(raw)} processed, {len(found)} classes known after {time.time() - t0:.1f}s")
        if progress:
            progress(len(raw), len(found))
        return new

    def run(pending, tasks) -> bool:
        """Process the pending classes and all they lead to, heavy ones deferred; True if cut."""
        if tasks is None:
            todo = _Queue(lightest_first, pending)
            wait: list = []  # heavy classes: after all others, ridges derived from them
            while todo or wait:
                if todo:
                    c = todo.pop()
                    if derive and len(c) > sp.rank - 1 + HEAVY_EXCESS:
                        heapq.heappush(wait, (len(c), c))
                        continue
                    derived = None
                else:
                    c = heapq.heappop(wait)[1]
                    derived = derived_ridges(sp, fg, c, raw)
                if light(c):
                    todo.extend(take(*(_work(context, c) if derived is None else _work(context, c, derived))))
                if max_classes is not None and len(found) >= max_classes and todo:
                    return True
            return False
        for c in pending:
            if light(c):
                tasks.submit(c)
        while len(tasks):
            for c in take(*tasks.next()):
                if light(c):
                    tasks.submit(c)
            if max_classes is not None and len(found) >= max_classes and len(tasks):
                return True
        return False

    # heavy classes wait and derive their ridges from processed neighbours (in this process, listed
    # group, full runs only: the processing order then changes nothing in the result)
    derive = heavy is None and max_classes is None and isinstance(fg, FastGroup)
    from_known = 0
    pending = [c for c in found if c not in raw]
    with contextlib.ExitStack() as stack:
        tasks = None
        if client is None and (scheduler or workers > 1):
            from ..distributed import dask_client

            client = stack.enter_context(dask_client(scheduler, workers))
        if client is not None:
            from ..distributed import ClassTasks

            tasks = ClassTasks(client, _work, context)
            stack.callback(tasks.cancel)
        try:
            while pending and not cut:
                cut = run(pending, tasks)
                pending = []
                if deferred and not cut:
                    # ridges of the heavy classes from the known facets, kept only if ridges_complete
                    # proves them all facets of the class; else cdd
                    kf = KnownFacets(sp, fg, sorted(found))  # sorted: the same certificate on any run
                    for c in sorted(deferred, key=lambda t: (len(t), t)):
                        out = kf.neighbours(c)
                        if ridges_complete(sp, fg, c, [R for R, *_ in out]):
                            from_known += 1
                        else:
                            _, out = _work(context, c)  # exact ridges by cdd
                        pending += take(c, out)
                    deferred.clear()
        finally:
            if checkpoint is not None:
                save_checkpoint(checkpoint, ps, group, found, raw)
    complete = not cut and all(c in raw for c in found)
    classes = _breadth_first(c0, raw) if complete else found
    index = {c: k for k, c in enumerate(classes)}
    res = {"classes": classes, "complete": complete, "seconds": time.time() - t0, "fast": fg, "slack": sp,
           "from_known": from_known}
    if complete and certificate and isinstance(fg, FastGroup):
        stabs = {}
        ridges = {}
        for T, out in raw.items():
            lst = []
            for R, c, e, N in out:
                j = index[c]
                # N = g(T_j) with g = P[e]^-1; make g the least index in g·Stab(T_j)
                ginv = tuple(int(x) for x in fg.Pinv[e])
                g = fg.index[ginv]
                if j not in stabs:
                    stabs[j] = fg.stabiliser(classes[j])
                g = fg.least_in_coset(g, stabs[j])
                lst.append((j, g))
            ridges[index[T]] = sorted(set(lst))
        res["ridges"] = ridges
    return res


def ridges_complete(sp: SlackPolytope, fg: FastGroup, T, ridges) -> bool:
    """True iff ``ridges`` (facets of the facet conv(T), each verified exactly by its caller) are all
    of them: every facet S of a listed ridge lies in exactly two listed ridges. (Each ridge of a
    polytope lies in exactly two facets and the facets are connected across ridges, so a missing
    facet next to a listed one leaves some S in only one.) The list must be closed under the
    stabiliser of T (true for intersections of T with a union of orbits): then one ridge per
    stabiliser orbit is tested. The facets of a ridge: drop one point of a simplex, else Normaliz."""
    if not ridges:
        return False
    W = (sp.N + 63) // 64
    L = _bit_rows(_pad(ridges), W)
    stab = fg.P[fg.stabiliser(T)]
    need = sp.rank - 3  # homogeneous rank of a facet of a ridge
    covered: set = set()
    for R in ridges:
        if R in covered:
            continue
        idx = np.fromiter(sorted(R), dtype=np.int32)
        covered.update(frozenset(int(x) for x in row) for row in stab[:, idx])
        subs = [R - {p} for p in R] if len(R) == need + 1 else facets_with(sp.ps, R)[0]
        for S in subs:
            sb = _bit_rows(np.array([sorted(S)], dtype=np.int32), W)[0]
            if int(((L & sb) == sb).all(axis=1).sum()) != 2:
                return False
    return True


def _pad(sets) -> np.ndarray:
    """Index sets as rows of equal length (repeating the first member: bits are unchanged)."""
    k = max(len(s) for s in sets)
    return np.array([sorted(s) + [min(s)] * (k - len(s)) for s in sets], dtype=np.int32)


class KnownFacets:
    """Every facet in the orbits of the known classes, as rows of 64-bit words (bit i: point i),
    with its class and the group element giving it."""

    def __init__(self, sp: SlackPolytope, fg: FastGroup, classes):
        self.sp, self.fg = sp, fg
        self.W = (sp.N + 63) // 64
        rows, cls, elem = [], [], []
        for j, c in enumerate(classes):
            imgs = fg.images(c)
            B = _bit_rows(imgs, self.W)
            B, first = np.unique(B, axis=0, return_index=True)
            rows.append(B)
            cls.append(np.full(len(B), j))
            elem.append(first)
        self.B = np.concatenate(rows)
        self.cls, self.elem, self.classes = np.concatenate(cls), np.concatenate(elem), list(classes)

    def neighbours(self, T) -> list:
        """Per ridge R of the facet T, as :func:`_work` gives it: (R, canonical neighbour, index of
        an element mapping the neighbour onto it, None). A face T ∩ G of T (G another facet) with
        homogeneous rank rank − 2 is a ridge: a proper face of T of the dimension of its facets."""
        need = self.sp.rank - 2
        I = self.B & _bit_rows(np.array([sorted(T)]), self.W)[0]
        cnt = np.bitwise_count(I).sum(axis=1)
        out, seen = [], set()
        for k in np.nonzero((cnt >= need) & (cnt < len(T)))[0]:
            R = frozenset(_members(I[k]))
            if R in seen:
                continue
            seen.add(R)
            if self.sp.ps.rank(sorted(R)) == need:
                g = int(self.elem[k])  # the neighbour is P[g](c); P[e] with e = g^-1 maps it onto c
                e = self.fg.index[tuple(int(x) for x in self.fg.Pinv[g])]
                out.append((R, self.classes[int(self.cls[k])], e, None))
        return out


def _bit_rows(idx: np.ndarray, W: int) -> np.ndarray:
    """Rows of point indices → rows of W 64-bit words."""
    out = np.zeros((len(idx), W), dtype=np.uint64)
    rows = np.repeat(np.arange(len(idx)), idx.shape[1])
    bitv = np.left_shift(np.uint64(1), (idx & 63).astype(np.uint64)).ravel()
    np.bitwise_or.at(out, (rows, (idx >> 6).ravel()), bitv)
    return out


def _members(words) -> list:
    return members(int.from_bytes(words.astype("<u8").tobytes(), "little"))


class _Queue:
    """First-in first-out, or a heap keyed by (number of points, canonical form)."""

    def __init__(self, lightest_first: bool, cs):
        self.heap = lightest_first
        self.items = [] if lightest_first else deque()
        self.extend(cs)

    def __bool__(self):
        return bool(self.items)

    def pop(self):
        return heapq.heappop(self.items)[1] if self.heap else self.items.popleft()

    def extend(self, cs):
        for c in cs:
            if self.heap:
                heapq.heappush(self.items, (len(c), c))
            else:
                self.items.append(c)


def _breadth_first(c0, raw) -> list:
    """Classes in breadth-first order from c0 over each class's ridge list (independent of the
    order in which workers finished)."""
    order, seen, q = [c0], {c0}, deque([c0])
    while q:
        for _, c, _, _ in raw[q.popleft()]:
            if c not in seen:
                seen.add(c)
                order.append(c)
                q.append(c)
    return order


def orbit_total(fg: FastGroup, classes) -> int:
    return sum(fg.orbit_size(c) for c in classes)


# ---------------------------------------------------------------------------------------------
# ridges of a heavy class from its processed neighbours

HEAVY_EXCESS = 24  # more points than rank + this: wait and derive the ridges (measured: 16 or 24 cost the same on 2,2,2:2,2,2)


def derived_ridges(sp: SlackPolytope, fg: FastGroup, T, raw: dict) -> tuple[list[frozenset], np.ndarray, list, tuple]:
    """All facets of conv(T) (sorted as :func:`~.cddfacets.facets_with` sorts them), as boolean rows
    over all points, per facet its known neighbour (class, element mapping the neighbour onto it) or
    None, and their stabiliser orbits (representative index, element index into the stabiliser
    mapping the ridge onto a fixed ridge of its orbit; None if not derived); T a class whose
    neighbours' classes are mostly processed (``raw``: class → [(ridge, neighbour class, element e,
    _), ...], every ridge of the class listed). A processed ridge R0 of T_j whose neighbour lies in
    T's class gives the ridge g(R0) = g(T_j) ∩ T of T (g = P[e], mapping that neighbour onto T), and
    its facets: g(the inclusion-maximal sets R0 ∩ R', R' another ridge of T_j) — every face of
    codimension two in conv(T_j) lies in exactly two of its facets — so no Normaliz call. The list
    is closed under the stabiliser of T. A facet S of a listed ridge that lies in no other listed
    ridge is rotated across (:meth:`SlackPolytope.rotate` inside conv(T)) to the missing ridge; those
    are *expanded* (facets from Normaliz, fewest points first) only until the unexpanded ones are
    fewer than dim conv(T): every facet of an expanded ridge lies in exactly two listed ridges, and
    by Balinski's theorem (the facet graph of a d-polytope is d-connected; Bremner, Sikirić &
    Schürmann, J. Symb. Comput. 44, 1 (2009)) fewer than d unexpanded ridges cannot cut an
    unlisted one off the expanded ones, so the list is complete. One ridge per stabiliser orbit is
    expanded."""
    N, W = sp.N, (sp.N + 63) // 64
    SP = fg.P[fg.stabiliser(T)]
    SPinv = SP.argsort(axis=1)
    where = {row.tobytes(): r for r, row in enumerate(SP)}
    back = np.array([where[row.astype(SP.dtype).tobytes()] for row in SPinv], dtype=np.int64)  # s -> s^-1
    orbit_of: list = []  # per listed ridge: (its orbit's number, index into SP mapping it onto the orbit's first ridge)
    Wa = np.array(sorted(T), dtype=np.int64)
    need = sp.rank - 3  # homogeneous rank of a facet of a ridge
    keys: set = set()  # listed ridges (bytes of their bit rows)
    rows: list = []
    nbr: list = []  # per listed ridge: (neighbour's class, element mapping the neighbour onto it) or None
    work: list = []  # (ridge as a boolean row, its facets as bit rows or None)
    cache: dict = {}

    def add(b: np.ndarray, facets=None, wait=False, src=None) -> int:
        """List the orbit of the ridge b (boolean row) unless listed; the number of ridges added.
        ``src`` = (Tj, g⁻¹) when the neighbour across b is g(Tj): across s(b) it is s g(Tj), mapped
        onto Tj by g⁻¹ s⁻¹."""
        if _pack(b[None, :])[0].tobytes() in keys:
            return 0
        orbit, first = np.unique(_pack(b[SPinv]), axis=0, return_index=True)  # image of b under s: b[s^-1]
        for row in orbit:
            keys.add(row.tobytes())
        rows.extend(orbit)
        number = orbit_of[-1][0] + 1 if orbit_of else 0
        orbit_of.extend((number, int(back[s])) for s in first)
        if src is None:
            nbr.extend([None] * len(orbit))
        else:
            nbr.extend((src[0], e) for e in fg.indices(src[1][SPinv[first]]))
        if not wait:
            work.append((b, facets))
        return len(orbit)

    for Tj, out in raw.items():
        hits = [k for k, (R0, c, _, _) in enumerate(out) if c == T and R0 is not None]
        if not hits:
            continue
        if Tj not in cache:
            cache[Tj] = _bit_rows(_pad([R for R, *_ in out]), W)
        B = cache[Tj]
        E = np.array([out[k][2] for k in hits], dtype=np.int64)
        imgs = np.take_along_axis(_unpack(B[hits], N), fg.Pinv[E].astype(np.int64), axis=1)  # g(R0), g = P[e]
        for k, b, w in zip(hits, imgs, _pack(imgs)):
            if w.tobytes() in keys:
                continue
            R0 = out[k][0]
            src = (Tj, fg.Pinv[out[k][2]])
            if len(R0) == need + 1:
                add(b, src=src)  # a simplex: its facets drop one point
                continue
            I = B & B[k]
            cnt = np.bitwise_count(I).sum(axis=1)
            I = np.unique(I[(cnt >= need) & (cnt < len(R0))], axis=0)
            inside = ((I[:, None, :] & I[None, :, :]) == I[:, None, :]).all(axis=2).sum(axis=1)
            add(b, _pack(_unpack(I[inside == 1], N)[:, src[1]]), src=src)  # maximal: inside itself only
    if not work:
        ridges = sp.ridges_with(T, SP)[0]
        return ridges, _rows(ridges, np.arange(N)), [None] * len(ridges), None
    dim = sp.rank - 2  # of conv(T)
    wrapped: list = []  # unexpanded missing ridges: (-orbit size, points, order, ridge)
    done = 0
    L = np.array(rows)
    while True:
        if done < len(work):
            b, faces = work[done]
            done += 1
        elif -sum(x[0] for x in wrapped) >= dim:
            b, faces = heapq.heappop(wrapped)[3], None  # the largest orbit first
        else:
            break  # Balinski: fewer than dim unexpanded ridges
        R = [int(x) for x in np.nonzero(b)[0]]
        if len(R) == need + 1:
            drop = np.repeat(b[None, :], len(R), axis=0)
            drop[np.arange(len(R)), R] = False
            faces = _pack(drop)
        elif faces is None:
            inc = facet_incidence(sp.ps, R)
            full = np.zeros((len(inc), N), dtype=bool)
            full[:, R] = inc
            faces = _pack(full)
        if len(L) != len(rows):
            L = np.array(rows)
        # a listed R' ≠ R contains the facet S of R iff R ∩ R' = S (a proper face of R containing S)
        meet = L & _pack(b[None, :])[0]
        meet = np.sort(_void(meet[np.bitwise_count(meet).sum(axis=1) >= need]))
        fv = _void(faces)
        cnt = 1 + np.searchsorted(meet, fv, side="right") - np.searchsorted(meet, fv, side="left")
        if (cnt > 2).any():
            raise ArithmeticError("a face of a facet lies in more than two ridges")
        fR = None
        for S in faces[cnt == 1]:  # the other facet of conv(T) through S is missing: rotate across S
            fR = sp.slack(R, Wa) if fR is None else fR
            M = sp.rotate(R, fR, frozenset(_members(S)), W=Wa)
            m = np.zeros(N, dtype=bool)
            m[sorted(M)] = True
            if len(M) == need + 1:
                add(m)
            else:
                size = add(m, wait=True)
                if size:
                    heapq.heappush(wrapped, (-size, len(M), len(rows), m))
    U = _unpack(np.array(rows), N)
    # sorted(key=sorted) order: facets are never nested, so the set holding the least point where
    # two differ comes first
    order = np.lexsort([~U[:, j] for j in range(N - 1, -1, -1)])
    U = U[order]
    number = np.array([orbit_of[k][0] for k in order])
    firsts = {}
    rep_of = np.array([firsts.setdefault(x, k) for k, x in enumerate(number.tolist())], dtype=np.int64)
    sidx = np.array([orbit_of[k][1] for k in order], dtype=np.int64)
    return [frozenset(np.nonzero(u)[0].tolist()) for u in U], U, [nbr[k] for k in order], (rep_of, sidx)


def _void(words: np.ndarray) -> np.ndarray:
    """Rows of 64-bit words as single items (equal iff the rows are equal), to sort and search: the
    word itself for one word, else opaque bytes (slower to sort)."""
    if words.shape[1] == 1:
        return words[:, 0]
    return np.ascontiguousarray(words).view(f"V{8 * words.shape[1]}").ravel()


def _pack(B: np.ndarray) -> np.ndarray:
    """Boolean rows over range(N) → rows of 64-bit words as :func:`_bit_rows` writes them."""
    W = (B.shape[1] + 63) // 64
    by = np.packbits(B, axis=1, bitorder="little")
    out = np.zeros((len(B), W * 8), dtype=np.uint8)
    out[:, :by.shape[1]] = by
    return out.view("<u8").astype(np.uint64)


def _unpack(words: np.ndarray, N: int) -> np.ndarray:
    """Rows of 64-bit words → boolean rows over range(N)."""
    by = np.ascontiguousarray(words.astype("<u8")).view(np.uint8)
    return np.unpackbits(by, axis=1, bitorder="little")[:, :N].astype(bool)
