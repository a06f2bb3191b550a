"""Checking many certificates, each in its own forked worker under an address-space cap (``RLIMIT_AS``) and a
wall-clock limit: a certificate that times out, exhausts memory or kills its worker is an ``error`` row and the
run goes on. Results come back in the order of ``paths``; the largest files start first.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from multiprocessing.connection import wait
from pathlib import Path

from .check import Result, check_file
from .limits import RunLimits


def _worker(check, path: str, memory_mb: int, conn) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = check(path)
    except MemoryError:
        result = _error(path, 0.0, f"memory limit exceeded (limit {memory_mb} MB)")
    except BaseException as e:  # noqa: BLE001 - the parent must get a row, whatever happened
        result = _error(path, 0.0, f"worker failed: {type(e).__name__}: {e}")
    conn.send(result)  # the connection closes as the worker exits


def _error(path: str, seconds: float, problem: str) -> Result:
    return Result(id=Path(path).stem, claim="", paper="", kind="", expected="", verdict="error", passed=False,
                  seconds=seconds, detail=f"{path}: <worker>: {problem}", path=path)


def check_many(paths, jobs: int | None = None, limits: RunLimits = RunLimits(), on_result=None,
               check=check_file) -> list[Result]:
    """Decide ``paths`` with ``check`` in at most ``jobs`` workers; ``on_result(i, result)`` as each finishes."""
    ctx, jobs, paths = mp.get_context("fork"), max(1, jobs or os.cpu_count() or 1), [str(p) for p in paths]
    results: list = [None] * len(paths)
    # largest files first (a scheduling guess only: the longest checks should not start last)
    pending = sorted(range(len(paths)), key=lambda i: (os.path.isfile(paths[i]) and os.stat(paths[i]).st_size, -i))
    running = {}  # connection -> (index, process, start)
    while pending or running:
        while pending and len(running) < jobs:
            i = pending.pop()
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, args=(check, paths[i], limits.memory_mb, send), daemon=True)
            proc.start()
            send.close()
            running[recv] = (i, proc, time.monotonic())
        deadline = min(start + limits.seconds for _, _, start in running.values())
        ready = wait(list(running), timeout=max(0.0, deadline - time.monotonic()))
        for conn, (i, proc, start) in list(running.items()):
            spent = time.monotonic() - start
            if conn in ready:
                try:
                    result = conn.recv()
                except (EOFError, OSError):
                    proc.join()
                    result = _error(paths[i], spent, f"worker died (exit code {proc.exitcode}; "
                                    f"memory limit {limits.memory_mb} MB)")
            elif spent >= limits.seconds:
                proc.kill()
                result = _error(paths[i], spent, f"wall-clock limit of {limits.seconds:g} s exceeded")
            else:
                continue
            proc.join()
            conn.close()
            del running[conn]
            results[i] = result
            if on_result:
                on_result(i, result)
    return results
