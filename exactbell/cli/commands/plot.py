"""``exactbell plot [NAME…] [--out DIR]``: draw figures from certified data as PNG."""
from __future__ import annotations

import sys
from pathlib import Path


def run(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from ... import plots

    available = plots.discover()
    if args.list or not available:
        for name in sorted(available):
            print(name)
        return 0 if available else 2
    names = args.names or sorted(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        print(f"exactbell plot: unknown plot {unknown[0]!r} (known: {', '.join(sorted(available))})", file=sys.stderr)
        return 2
    for n in names:
        print(available[n](Path(args.out)))
    return 0


def register(sub) -> None:
    p = sub.add_parser("plot", help="draw figures from certified data (PNG)")
    p.add_argument("names", nargs="*", help="plot names (default: all)")
    p.add_argument("--out", default="figures", help="output folder (default: figures/)")
    p.add_argument("--list", action="store_true", help="list the available plots")
    p.set_defaults(run=run)
