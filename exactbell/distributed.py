"""Dask (``dask.distributed``) for the search side and for checking beyond one machine.

* :func:`dask_client` — a client of the cluster at ``--scheduler ADDRESS``, or of a local cluster
  of ``workers`` single-threaded processes (ports chosen by the OS, no dashboard); closed on exit.
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
import multiprocessing
import signal

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
