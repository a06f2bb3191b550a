"""Dask (``dask.distributed``) for the search side and for checking beyond one machine.

* :func:`dask_client` — a client of the cluster at ``--scheduler ADDRESS``, or of a local cluster
  of ``workers`` single-threaded processes (ports chosen by the OS, no dashboard); closed on exit.
* :class:`ClassTasks` — one task per facet class for the adjacency decompositions
  (:mod:`exactbell.polytopes.adjacency`, :mod:`exactbell.polytopes.fastsym`): the engine's context
  is scattered to every worker once, results come back as they finish.
* :func:`write_checkpoint` / :func:`read_checkpoint` — their checkpoints: JSON written atomically
  (temporary file and rename), tied to one polytope and group by :func:`fingerprint`.
* :func:`check_on_dask` — ``exactbell check --scheduler``: one task per certificate, and each task
  decides its certificate in a forked child under the kernel's wall-clock and memory limits
  (:func:`exactbell.kernel.run.check_many`), so a hostile file costs one error row, not a worker.
  Results come back in the order of the paths; ``on_result`` is called as each finishes.

Workers read certificates by path: on a real cluster they must see the same files (a shared
folder or the same checkout), and the same version of exactbell must be importable there.
The kernel never imports this module; the default ``exactbell check`` runs without dask.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import signal
from pathlib import Path

MISSING = "needs dask.distributed: pip install 'exactbell[search]'"


def _distributed():
    try:
        import distributed
    except ImportError as e:  # the base install tier has no dask
        raise RuntimeError(MISSING) from e
    return distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None):
    """A ``distributed.Client`` of the scheduler at ``scheduler``, else of a fresh local cluster with
    ``workers`` processes of one thread each; the client (and a local cluster) is closed on exit."""
    distributed = _distributed()
    if scheduler:
        with distributed.Client(scheduler, set_as_default=False) as client:
            yield client
        return
    with distributed.LocalCluster(n_workers=max(1, workers or 1), threads_per_worker=1, processes=True,
                                  scheduler_port=0, dashboard_address=None) as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        yield client


def slots(client) -> int:
    """Worker threads of the cluster (at least 1)."""
    return max(1, sum(client.nthreads().values()))


class ClassTasks:
    """``fn(context, T)`` per class T on the cluster of ``client``; ``context`` is sent to every
    worker once. ``next()`` is the result of a task that has finished (any order)."""

    def __init__(self, client, fn, context):
        distributed = _distributed()
        self.client, self.fn, self.slots = client, fn, 2 * slots(client)
        self.context = client.scatter(context, broadcast=True, hash=False)
        self.done = distributed.as_completed([], loop=client.loop)
        self.futures: list = []

    def submit(self, T):
        fut = self.client.submit(self.fn, self.context, T, pure=False)
        self.futures.append(fut)
        self.done.add(fut)

    def next(self):
        fut = next(self.done)
        self.futures.remove(fut)
        try:
            return fut.result()
        except Exception as e:  # e.g. KilledWorker: the task's workers died too often
            raise RuntimeError(f"a class task failed on the cluster: {type(e).__name__}: {e}") from e

    def __len__(self):
        return len(self.futures)

    def cancel(self):
        self.client.cancel(self.futures + [self.context])


# ---------------------------------------------------------------------------------------------
# checkpoints of the adjacency decompositions

def fingerprint(ps, group) -> str:
    """sha256 of the points and the group's generators: a checkpoint belongs to one polytope."""
    text = json.dumps([[[str(x) for x in v] for v in ps.points], group.n, sorted(map(list, group.generators))])
    return hashlib.sha256(text.encode()).hexdigest()


def write_checkpoint(path, fmt: str, ps, group, body: dict) -> None:
    """``{"format": fmt, "version": 1, "polytope": fingerprint, "points": N, **body}``, atomically."""
    from .certificates.format import write_atomic

    obj = {"format": fmt, "version": 1, "polytope": fingerprint(ps, group), "points": ps.size, **body}
    write_atomic(path, json.dumps(obj, separators=(",", ":")) + "\n")


def read_checkpoint(path, fmt: str, ps, group) -> dict:
    """The JSON object of a version 1 ``fmt`` checkpoint written for this polytope and group;
    ValueError (one line naming the file and the field) otherwise."""
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise checkpoint_error(path, "<file>", f"not a readable JSON checkpoint ({type(e).__name__})") from None
    if not isinstance(obj, dict) or obj.get("format") != fmt or obj.get("version") != 1:
        raise checkpoint_error(path, "format", f"not a version 1 {fmt} file")
    if obj.get("polytope") != fingerprint(ps, group):
        raise checkpoint_error(path, "polytope", "the checkpoint was written for a different polytope or group")
    return obj


def checkpoint_error(path, field: str, problem: str) -> ValueError:
    return ValueError(f"{path}: {field}: {problem}")


@contextlib.contextmanager
def sigterm_as_interrupt():
    """While active, SIGTERM raises KeyboardInterrupt (so ``finally`` blocks write checkpoints)."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@contextlib.contextmanager
def _children_allowed():
    """Dask's nanny starts workers as daemonic processes, which multiprocessing forbids to have
    children; the kernel's checking worker is a forked child that is killed or reaped before the
    task returns, so the flag is lifted for the duration of one task."""
    config = multiprocessing.current_process()._config
    daemon = config.pop("daemon", None)
    try:
        yield
    finally:
        if daemon is not None:
            config["daemon"] = daemon


def _check_task(path: str, limits, check):
    from .kernel.run import check_many

    with _children_allowed():
        return check_many([path], jobs=1, limits=limits, check=check)[0]


def check_on_dask(paths, client, limits, on_result=None, check=None) -> list:
    """Decide ``paths`` on the cluster of ``client``: kernel ``Result`` rows in the order of
    ``paths``; a task the cluster lost (e.g. its worker was killed repeatedly) is an error row."""
    from .kernel.check import check_file
    from .kernel.run import _error

    distributed = _distributed()
    paths = [str(p) for p in paths]
    futures = {client.submit(_check_task, p, limits, check or check_file, pure=False): i
               for i, p in enumerate(paths)}
    results: list = [None] * len(paths)
    try:
        for fut in distributed.as_completed(futures, loop=client.loop):
            i = futures[fut]
            try:
                result = fut.result()
            except Exception as e:  # noqa: BLE001 - every path gets a row
                result = _error(paths[i], 0.0, f"dask task failed: {type(e).__name__}: {e}")
            results[i] = result
            if on_result:
                on_result(i, result)
    finally:
        client.cancel(list(futures))
    return results
