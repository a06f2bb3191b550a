"""``exactbell prove [CLAIM-ID|PAPER-KEY…]``: regenerate certificates, then check them."""
from __future__ import annotations

import sys
from pathlib import Path

from ... import generators
from ...kernel.check import check_file
from ...report import print_table, summary_line
from .. import default_proofs_dir


def run(args) -> int:
    from rich.console import Console
    from rich.progress import Progress

    console = Console(width=None if sys.stdout.isatty() else 200)
    gens = generators.select(args.targets, include_slow=args.all)
    if not gens:
        known = sorted({g.paper for g in generators.discover().values()})
        print(f"exactbell prove: nothing matches {args.targets} (papers: {', '.join(known)})", file=sys.stderr)
        return 2
    root = Path(args.out) if args.out else default_proofs_dir()
    results = []
    with Progress(transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("proving", total=len(gens))
        for g in gens:
            progress.update(task, description=f"proving {g.id}")
            path = generators.write(g, root)
            results.append(check_file(path))
            progress.advance(task)
    print_table(results, console, title="exactbell prove")
    console.print(summary_line(results))
    return 0 if all(r.passed for r in results) else 1


def register(sub) -> None:
    p = sub.add_parser("prove", help="regenerate certificates (runs solvers/enumerations) and check them")
    p.add_argument("targets", nargs="*", help="certificate ids, claim ids or paper keys (default: all fast ones)")
    p.add_argument("--out", help="root folder for proofs (default: the bundled proofs/)")
    p.add_argument("--all", action="store_true", help="include slow generators when selecting by paper")
    p.set_defaults(run=run)
