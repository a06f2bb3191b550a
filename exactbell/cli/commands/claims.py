"""``exactbell claims``: the registry of bundled claims with their verdicts, by paper."""
from __future__ import annotations

import re
import sys

from ...report import summary_line, to_json
from .check import run_checks

# kernel-rendered quantifiers (params.Context.quantifier, the trigonometric statements)
_RANGE, _POINT = re.compile(r"\bfor all (real )?[a-z]"), re.compile(r"\bat [a-z][A-Za-z0-9_]* = ")


def row_coverage(r) -> str:
    """"range" when the certificate decides a statement for every value of a domain, "point" when at
    fixed parameter values, "" without parameters."""
    return "range" if r.passed and _RANGE.search(r.statement or "") else "point" if _POINT.search(
        r.statement or "") else ""


def coverage(results) -> dict:
    """Per claim: "range" when one of its certificates is decided on a domain, "points only" when
    every one is decided at fixed parameter values, else ""."""
    out = {}
    for r in results:
        out.setdefault(r.claim, set()).add(row_coverage(r))
    return {c: "range" if "range" in k else "points only" if k == {"point"} else "" for c, k in out.items()}


def run(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    _, results = run_checks(args.paths, show_progress=False)
    if args.json:
        print(to_json(results, timing=False))
        return 0 if all(r.passed for r in results) else 1
    console = Console(width=None if sys.stdout.isatty() else 200)
    cover = coverage(results)
    for paper in sorted({r.paper for r in results}):
        table = Table(title=paper, show_lines=False)
        for col in ("id", "location", "decided statement", "kind", "verdict", "coverage"):
            table.add_column(col, overflow="fold", max_width=60 if col == "decided statement" else None)
        for r in (r for r in results if r.paper == paper):
            mark = "[green]" if r.passed else "[bold red]"
            table.add_row(escape(r.id), escape(r.location), escape(r.statement or r.summary), escape(r.kind),
                          f"{mark}{r.verdict}[/]", cover[r.claim] if cover[r.claim] != "range" else row_coverage(r))
        console.print(table)
    console.print(summary_line(results))
    return 0 if all(r.passed for r in results) else 1


def register(sub) -> None:
    p = sub.add_parser("claims", help="list the claims registry with verdicts")
    p.add_argument("paths", nargs="*", help="certificate files or folders (default: the bundled proofs/)")
    p.add_argument("--json", action="store_true", help="print the registry as JSON")
    p.set_defaults(run=run)
