"""Reports of kernel results: terminal table (rich), Markdown and JSON.

Every cell that comes from a certificate is escaped for its medium (rich markup, Markdown table
pipes and line breaks); the kernel has already refused control characters.
"""
from __future__ import annotations

import json

from .certificates.format import write_atomic


def summary_line(results) -> str:
    passed = sum(r.passed for r in results)
    return f"{passed} passed, {len(results) - passed} failed"


def _bracket(r):
    return f"[{r.bracket[0]}, {r.bracket[1]}]" if r.bracket else ""


def print_table(results, console, title="exactbell check") -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in ("id", "kind", "expected", "verdict", "pin", "decided statement", "time (s)"):
        table.add_column(col, overflow="fold", max_width=90 if col == "decided statement" else None)
    for r in results:
        style = "green" if r.passed else "bold red"
        table.add_row(escape(r.id), escape(r.kind), r.expected, f"[{style}]{r.verdict}[/{style}]", r.pin,
                      escape(r.statement or r.summary), f"{r.seconds:.3f}")
    console.print(table)
    for r in results:
        if not r.passed:
            console.print("FAIL " + r.detail, style="red", soft_wrap=True, markup=False, highlight=False)


def _md(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def markdown(results) -> str:
    lines = ["# exactbell report", "", f"**{summary_line(results)}**", "",
             "| id | paper | location | kind | expected | verdict | pin | decided statement | bracket | time (s) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        mark = "" if r.passed else " ✗"
        lines.append(f"| {_md(r.id)} | {_md(r.paper)} | {_md(r.location)} | {_md(r.kind)} | {r.expected} | "
                     f"{r.verdict}{mark} | {r.pin} | {_md(r.statement or r.detail)} | {_md(_bracket(r))} | "
                     f"{r.seconds:.3f} |")
    return "\n".join(lines) + "\n"


def write_markdown(results, path) -> None:
    write_atomic(path, markdown(results))


def to_json(results, timing=True) -> str:
    return json.dumps([r.as_json(timing) for r in results], indent=1, ensure_ascii=False)
