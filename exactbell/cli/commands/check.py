"""``exactbell check [PATH…]``: re-decide certificates with the trusted checker."""
from __future__ import annotations

import sys

from ...checkers import certificate_files, check_file
from ...report import print_table, summary_line, to_json, write_markdown
from .. import default_proofs_dir


def run_checks(paths, show_progress: bool):
    from rich.progress import Progress

    files = certificate_files(paths or [default_proofs_dir()])
    results = []
    with Progress(transient=True, disable=not show_progress) as progress:
        task = progress.add_task("checking certificates", total=len(files))
        for f in files:
            progress.update(task, description=f"checking {f.name}")
            results.append(check_file(f))
            progress.advance(task)
    return files, results


def run(args) -> int:
    from rich.console import Console

    console = Console(stderr=args.json, width=None if sys.stdout.isatty() else 200)
    files, results = run_checks(args.paths, show_progress=console.is_terminal and not args.json)
    if not files:
        print("exactbell: no certificate files found", file=sys.stderr)
        return 2
    if args.report:
        write_markdown(results, args.report)
    if args.json:
        print(to_json(results))
    else:
        print_table(results, console)
    print(summary_line(results), file=sys.stderr if args.json else sys.stdout)
    return 0 if all(r.passed for r in results) else 1


def register(sub) -> None:
    p = sub.add_parser("check", help="check certificates (default: every bundled one)")
    p.add_argument("paths", nargs="*", help="certificate files or folders (default: the bundled proofs/)")
    p.add_argument("--json", action="store_true", help="print results as JSON")
    p.add_argument("--report", metavar="FILE.md", help="also write a Markdown report")
    p.set_defaults(run=run)
