"""Checking many certificates in worker processes, each under a wall-clock and memory limit.

Every certificate is decided in its own forked worker (``-j`` of them at a time) whose address
space is capped with ``RLIMIT_AS``; a worker over its wall-clock limit is killed. A certificate
that times out, exhausts memory or kills its worker is an ``error`` row; the run goes on.
Results come back in the order of ``paths``; the largest files are started first.
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
    try:
        conn.send(result)
    finally:
        conn.close()


def _error(path: str, seconds: float, problem: str) -> Result:
    return Result(id=Path(path).stem, claim="", paper="", kind="", expected="", verdict="error", passed=False,
                  seconds=seconds, detail=f"{path}: <worker>: {problem}", path=path)


def check_many(paths, jobs: int | None = None, limits: RunLimits = RunLimits(), on_result=None,
               check=check_file) -> list[Result]:
    """Decide ``paths`` with ``check`` in at most ``jobs`` workers; ``on_result(i, result)`` as
    each finishes."""
    ctx = mp.get_context("fork")
    jobs = max(1, jobs or os.cpu_count() or 1)
    paths = [str(p) for p in paths]
    results: list = [None] * len(paths)
    # largest files first (a scheduling guess only: the longest checks should not start last)
    pending = sorted(range(len(paths)), key=lambda i: (os.stat(paths[i]).st_size if os.path.isfile(paths[i]) else 0, -i))
    running = {}  # connection -> (index, process, start)

    def finish(i, result):
        results[i] = result
        if on_result:
            on_result(i, result)

    while pending or running:
        while pending and len(running) < jobs:
            i = pending.pop()
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, args=(check, paths[i], limits.memory_mb, send), daemon=True)
            proc.start()
            send.close()
            running[recv] = (i, proc, time.monotonic())
        now = time.monotonic()
        deadline = min(start + limits.seconds for _, _, start in running.values())
        for conn in wait(list(running), timeout=max(0.0, deadline - now)):
            i, proc, start = running.pop(conn)
            try:
                result = conn.recv()
            except (EOFError, OSError):
                proc.join()
                result = _error(paths[i], time.monotonic() - start, f"worker died (exit code {proc.exitcode}; "
                                f"memory limit {limits.memory_mb} MB)")
            conn.close()
            proc.join()
            finish(i, result)
        now = time.monotonic()
        for conn, (i, proc, start) in list(running.items()):
            if now - start >= limits.seconds:
                proc.kill()
                proc.join()
                conn.close()
                del running[conn]
                finish(i, _error(paths[i], now - start, f"wall-clock limit of {limits.seconds:g} s exceeded"))
    return results
