"""The ``exactbell`` command line. Sub-commands live in :mod:`exactbell.cli.commands`, one
module each with ``register(subparsers)``; they are discovered automatically."""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from . import commands


def default_proofs_dir() -> Path:
    """``$EXACTBELL_PROOFS`` or the ``proofs/`` folder of the source checkout."""
    env = os.environ.get("EXACTBELL_PROOFS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "proofs"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="exactbell", description="Exact certificates for Bell-nonlocality claims.")
    sub = parser.add_subparsers(dest="command", required=True)
    for mod in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{mod.name}").register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted; nothing half-written was left behind", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
