"""``exactbell check [PATH…]``: decide certificates with the kernel, in parallel workers with limits."""
from __future__ import annotations

import os
import sys

from ...kernel.check import certificate_files
from ...kernel.limits import RunLimits
from ...report import print_table, summary_line, to_json, write_latex, write_markdown
from .. import default_proofs_dir


def run_checks(paths, jobs=None, limits=RunLimits(), show_progress=False, scheduler=None):
    """Decide the certificate files under ``paths``: in ``jobs`` local workers, or with ``scheduler``
    on that Dask cluster (:func:`exactbell.distributed.check_on_dask`, same limits per certificate)."""
    from rich.progress import Progress

    from ...api import check

    files = certificate_files(paths or [default_proofs_dir()])
    with Progress(transient=True, disable=not show_progress) as progress:
        task = progress.add_task("checking certificates", total=len(files))

        def advance(i, r):
            progress.advance(task)

        results = check(files, jobs, limits.seconds, limits.memory_mb, advance, scheduler)
    return files, results


def run(args) -> int:
    from rich.console import Console

    if args.jobs < 1 or not args.timeout > 0 or args.memory < 64:
        print("exactbell check: -j must be at least 1, --timeout positive and --memory at least 64 MB",
              file=sys.stderr)
        return 2

    console = Console(stderr=args.json, width=None if sys.stdout.isatty() else 200)
    limits = RunLimits(seconds=args.timeout, memory_mb=args.memory)
    try:
        files, results = run_checks(args.paths, args.jobs, limits, show_progress=console.is_terminal and not args.json,
                                    scheduler=args.scheduler)
    except (RuntimeError, OSError) as e:  # no dask, or the scheduler cannot be reached
        if not args.scheduler:
            raise
        print(f"exactbell check: --scheduler {args.scheduler}: {e}", file=sys.stderr)
        return 2
    if not files:
        print("exactbell: no certificate files found", file=sys.stderr)
        return 2
    if args.report:
        write_markdown(results, args.report)
    if args.latex:
        write_latex(results, args.latex)
    if args.json:
        print(to_json(results))
    else:
        print_table(results, console)
    print(summary_line(results), file=sys.stderr if args.json else sys.stdout)
    return 0 if all(r.passed for r in results) else 1


def register(sub) -> None:
    d = RunLimits()
    p = sub.add_parser("check", help="decide certificates with the kernel (default: every bundled one)")
    p.add_argument("paths", nargs="*", help="certificate files or folders (default: the bundled proofs/)")
    p.add_argument("--json", action="store_true", help="print results as JSON")
    p.add_argument("--report", metavar="FILE.md", help="also write a Markdown report")
    p.add_argument("--latex", metavar="FILE.tex", help="also write the summary as a LaTeX table (longtable, booktabs)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: the core count, %(default)s)")
    p.add_argument("--timeout", type=float, default=d.seconds, metavar="SECONDS",
                   help="wall-clock limit per certificate (default: %(default)s s)")
    p.add_argument("--memory", type=int, default=d.memory_mb, metavar="MB",
                   help="memory limit per certificate (default: %(default)s MB)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="check on this Dask cluster (tcp://host:port; its workers must see the same files); "
                        "-j is then the cluster's")
    p.set_defaults(run=run)
