"""``exactbell pin PATH…``: write the kernel's decided statements into the pin files.

For every certificate decided without error, its entry in ``claims.toml`` beside it is set to
the decided statement and verdict (other entries are kept). Review the diff of the pin file:
that review is what makes a pin a reviewed claim.
"""
from __future__ import annotations

import fcntl
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from ...certificates.format import write_atomic
from ...kernel.check import certificate_files, check_file
from ...kernel.pins import PIN_FILE


def run(args) -> int:
    by_folder, bad = defaultdict(dict), 0
    for f in certificate_files(args.paths):
        r = check_file(f)
        if r.verdict == "error" or r.verdict != r.expected:
            print(f"not pinned: {r.detail}", file=sys.stderr)
            bad += 1
            continue
        by_folder[Path(f).resolve().parent][r.id] = (r.statement, r.verdict)
    for folder, entries in sorted(by_folder.items()):
        pin_file = folder / PIN_FILE
        with open(folder / ".claims.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            old = tomllib.loads(pin_file.read_text()) if pin_file.exists() else {}
            merged = {k: (v["statement"], v["verdict"]) for k, v in old.items()}
            merged.update(entries)
            write_atomic(pin_file, render(merged))
        print(f"{pin_file}: {len(entries)} pinned")
    return 1 if bad else 0


def render(entries: dict) -> str:
    """A pin file's text for {id: (statement, verdict)}, sorted by id."""
    out = []
    for cid in sorted(entries):
        statement, verdict = entries[cid]
        out += [f"[{_quote(cid)}]", f"verdict = {_quote(verdict)}", f"statement = {_quote(statement)}", ""]
    return "\n".join(out)


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def register(sub) -> None:
    p = sub.add_parser("pin", help="pin the decided statements of certificates in claims.toml")
    p.add_argument("paths", nargs="+", help="certificate files or folders")
    p.set_defaults(run=run)
