"""Reports of checker results: terminal table (rich), Markdown and JSON."""
from __future__ import annotations

import json

from .certificates.format import write_atomic


def summary_line(results) -> str:
    passed = sum(r.passed for r in results)
    return f"{passed} passed, {len(results) - passed} failed"


def _cell(r):
    return f"[{r.bracket[0]}, {r.bracket[1]}]" if r.bracket else ""


def print_table(results, console, title="exactbell check") -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in ("claim", "paper", "kind", "expected", "verdict", "bracket", "time (s)"):
        table.add_column(col, no_wrap=col != "bracket")
    for r in results:
        style = "green" if r.passed else "bold red"
        table.add_row(escape(r.id), r.paper, r.kind, r.expected, f"[{style}]{r.verdict}[/{style}]", escape(_cell(r)),
                      f"{r.seconds:.3f}")
    console.print(table)
    for r in results:
        if not r.passed:
            console.print("FAIL " + r.detail, style="red", soft_wrap=True, markup=False, highlight=False)


def markdown(results) -> str:
    lines = ["# exactbell report", "", f"**{summary_line(results)}**", "",
             "| claim | paper | location | kind | expected | verdict | bracket | time (s) | detail |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        detail = r.detail.replace("|", "\\|")
        mark = "" if r.passed else " ✗"
        lines.append(f"| {r.id} | {r.paper} | {r.location} | {r.kind} | {r.expected} | {r.verdict}{mark} | "
                     f"{_cell(r)} | {r.seconds:.3f} | {detail} |")
    return "\n".join(lines) + "\n"


def write_markdown(results, path) -> None:
    write_atomic(path, markdown(results))


def to_json(results, timing=True) -> str:
    return json.dumps([r.as_json(timing) for r in results], indent=1, ensure_ascii=False)
