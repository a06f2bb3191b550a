"""Facet classes up to symmetry: adjacency decomposition (producer side, untrusted).

From one facet per class, the ridges (facets of the facet, by cdd.gmp on the facet's points) are
computed and rotated exactly (:meth:`PointSet.rotate`) to the neighbouring facets; a neighbour whose
canonical form (lexicographically least image of its tight set under the group) is new becomes a
new class. When every known class has been processed, the class list is closed under adjacency,
hence complete (the facet–ridge graph is connected).

Classes are processed in this process (one worker) or as tasks on a Dask cluster
(:mod:`exactbell.distributed`: a local cluster of ``workers`` processes, or ``scheduler``), each
class submitted as soon as it is found. A checkpoint file (JSON, written atomically: temporary file
and rename) holds the known classes and which of them are processed; ``resume`` continues from one,
so an interrupted run (Ctrl-C, SIGTERM, a lost worker) loses at most the classes in flight.
"""
from __future__ import annotations

import time
from collections import deque

from ..distributed import (
    ClassTasks,
    checkpoint_error,
    dask_client,
    read_checkpoint,
    write_checkpoint,
)
from .cddfacets import facets_cdd, inequality_of
from .exact import PermGroup, PointSet

CHECKPOINT_FORMAT = "exactbell-adjacency-checkpoint"


def ridges(ps: PointSet, T) -> list[frozenset]:
    """Facets of conv(T) as index sets of ps (cdd.gmp on the facet's own points)."""
    T = sorted(T)
    sub = PointSet([ps.points[i] for i in T])
    return [frozenset(T[j] for j in R) for R in facets_cdd(sub)]


def neighbours(context, T) -> tuple:
    """(T, ridge count, canonical forms of the facets adjacent to T); ``context`` = (ps, group).
    The one place that calls the polytope engine, in-process or on a Dask worker."""
    ps, group = context
    allidx = frozenset(range(ps.size))
    f = ps.supporting(allidx, T)
    rs = ridges(ps, T)
    return T, len(rs), {group.canonical(ps.rotate(allidx, T, R, f)) for R in rs}


# ---------------------------------------------------------------------------------------------
# checkpoints

def save_checkpoint(path, ps: PointSet, group: PermGroup, reps: dict) -> None:
    """Write {canonical tight set: ridge count or None (unprocessed)} atomically."""
    done = all(v is not None for v in reps.values())
    write_checkpoint(path, CHECKPOINT_FORMAT, ps, group,
                     {"complete": done, "classes": [{"tight": list(T), "ridges": v} for T, v in reps.items()]})


def load_checkpoint(path, ps: PointSet, group: PermGroup) -> dict:
    """The classes of a checkpoint written for this polytope and group; ValueError (one line naming
    the file and the field) otherwise."""
    def bad(field, problem):
        return checkpoint_error(path, field, problem)

    obj = read_checkpoint(path, CHECKPOINT_FORMAT, ps, group)
    reps: dict = {}
    for k, c in enumerate(obj.get("classes") or []):
        T, nr = c.get("tight") if isinstance(c, dict) else None, c.get("ridges") if isinstance(c, dict) else 0
        if not isinstance(T, list) or not all(type(i) is int and 0 <= i < ps.size for i in T) \
                or (nr is not None and type(nr) is not int):
            raise bad(f"classes[{k}]", "needs tight (point indices) and ridges (an integer or null)")
        T = tuple(T)
        if group.canonical(T) != T:
            raise bad(f"classes[{k}].tight", "not the canonical form of its class")
        reps[T] = nr
    if not reps:
        raise bad("classes", "no classes")
    return reps


# ---------------------------------------------------------------------------------------------
# the decomposition

class _Serial:
    """Classes processed one at a time in this process."""

    slots = 1

    def __init__(self, context):
        self.context, self.queue = context, deque()

    def submit(self, T):
        self.queue.append(T)

    def next(self):
        return neighbours(self.context, self.queue.popleft())

    def cancel(self):
        self.queue.clear()


def classes_adm(ps: PointSet, group: PermGroup, start=None, workers: int = 1, progress=None, log=None,
                max_classes: int | None = None, scheduler: str | None = None, client=None,
                checkpoint=None, resume=None, checkpoint_seconds: float = 30.0) -> dict:
    """{canonical tight set: ridge count} for every facet class of conv(points).

    One worker and no ``scheduler``/``client``: in this process; else on Dask (``client``, the
    cluster at ``scheduler``, or a local cluster of ``workers`` processes). ``checkpoint``: a file
    rewritten atomically every ``checkpoint_seconds`` and when the run ends or is interrupted;
    ``resume``: a checkpoint to continue from (and to keep writing, unless ``checkpoint`` is given).
    ``progress(processed, known)`` is called after each class. With ``max_classes``, stop once that
    many classes are known (a lower bound; unprocessed classes have ridge count None)."""
    if resume is not None:
        reps = load_checkpoint(resume, ps, group)
        checkpoint = resume if checkpoint is None else checkpoint
    else:
        if start is None:
            import random

            rnd = random.Random(20260)
            start = ps.first_facet(range(ps.size), [rnd.randint(-50, 50) for _ in range(ps.n)])
        reps = {group.canonical(start): None}
    if client is None and (scheduler or workers > 1):
        with dask_client(scheduler, workers) as own:
            return _decompose(ps, group, reps, ClassTasks(own, neighbours, (ps, group)), progress, log,
                              max_classes, checkpoint, checkpoint_seconds)
    runner = ClassTasks(client, neighbours, (ps, group)) if client is not None else _Serial((ps, group))
    return _decompose(ps, group, reps, runner, progress, log, max_classes, checkpoint, checkpoint_seconds)


def _decompose(ps, group, reps, runner, progress, log, max_classes, checkpoint, checkpoint_seconds) -> dict:
    todo = [T for T, v in reps.items() if v is None]
    inflight = 0
    t0 = last = time.monotonic()
    processed = len(reps) - len(todo)
    try:
        while todo or inflight:
            if max_classes is not None and len(reps) >= max_classes:
                break
            if max_classes is not None:  # lower-bound mode: smallest facets first
                todo.sort(key=len, reverse=True)
            while todo and inflight < runner.slots:
                runner.submit(todo.pop() if max_classes is not None else todo.pop(0))
                inflight += 1
            T, nr, nbrs = runner.next()
            inflight -= 1
            for c in sorted(nbrs):  # the neighbours first: a processed class's are always known
                if c not in reps:
                    reps[c] = None
                    todo.append(c)
            reps[T] = nr
            processed += 1
            if progress:
                progress(processed, len(reps))
            if time.monotonic() - last >= checkpoint_seconds:
                last = time.monotonic()
                if checkpoint is not None:
                    save_checkpoint(checkpoint, ps, group, reps)
                if log:
                    log(f"{processed} of {len(reps)} classes processed after {last - t0:.1f}s")
    finally:
        runner.cancel()
        if checkpoint is not None:
            save_checkpoint(checkpoint, ps, group, reps)
    if log:
        log(f"{len(reps)} classes after {time.monotonic() - t0:.1f}s")
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
