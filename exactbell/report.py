"""Reports of kernel results: terminal table (rich), Markdown, JSON and a LaTeX table.

Every cell that comes from a certificate is escaped for its medium (rich markup, Markdown table
pipes and line breaks); the kernel has already refused control characters.
"""
from __future__ import annotations

import json
from dataclasses import asdict

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


_SUMMARY_COLUMNS = (("ids", "ids"), ("exact_checkable", "exact-checkable"), ("covered", "with certificates"),
                    ("verified", "verified"), ("refuted", "refuted (erratum)"), ("numeric_only", "numeric-only"),
                    ("mixed", "mixed"), ("failed", "failed"), ("points_only", "points only"),
                    ("uncovered_exact", "exact-checkable without certificate"))


def claims_markdown(rows, summary, catalogue_line, results_line) -> str:
    """``exactbell claims --markdown``: per paper, the counts and one row per catalogue id (label,
    certificates, aggregated verdict, coverage, reason), as the terminal table shows them."""
    lines = ["# exactbell claims", "", f"**{catalogue_line}; certificates: {results_line}**", "",
             "| paper | " + " | ".join(name for _, name in _SUMMARY_COLUMNS) + " |",
             "|---|" + "---|" * len(_SUMMARY_COLUMNS)]
    for paper in sorted(summary):
        lines.append(f"| {_md(paper)} | " + " | ".join(str(summary[paper][k]) for k, _ in _SUMMARY_COLUMNS) + " |")
    for paper in sorted(summary):
        lines += ["", f"## {_md(paper)}", "", "| id | claim | label | certificates | verdict | coverage | reason |",
                  "|---|---|---|---|---|---|---|"]
        for r in (r for r in rows if r["paper"] == paper):
            lines.append(f"| {_md(r['id'])} | {_md(r['title'])} | {r['label']} | {r['certificates']} | "
                         f"{_md(r['verdict'])} | {r['coverage']} | {_md(r['reason'])} |")
    return "\n".join(lines) + "\n"


def write_markdown(results, path) -> None:
    write_atomic(path, markdown(results))


def as_json(r, timing: bool = True) -> dict:
    """One result row as JSON (seconds rounded, or dropped without ``timing``)."""
    d = asdict(r)
    d["bracket"] = list(r.bracket) if r.bracket else None
    if timing:
        d["seconds"] = round(r.seconds, 4)
    else:
        del d["seconds"]
    return d


def to_json(results, timing=True) -> str:
    return json.dumps([as_json(r, timing) for r in results], indent=1, ensure_ascii=False)


_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                  "%": r"\%", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
                  "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", "−": "-",
                  "≤": r"$\le$", "≥": r"$\ge$", "≰": r"$\not\le$", "⪰": r"$\succeq$", "√": r"$\surd$",
                  "⊗": r"$\otimes$", "ᵀ": r"$^{T}$", "·": r"$\cdot$", "…": r"\ldots{}"}
_GREEK = "αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΦΨΩ"
_GREEK_NAMES = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon "
                "phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega").split()
_LATEX_SPECIAL.update({g: f"$\\{n}$" for g, n in zip(_GREEK, _GREEK_NAMES)})


def latex_escape(text) -> str:
    """Text safe in LaTeX's text mode: the ten special characters and < > | spelled out, Greek letters and the
    relations the kernel writes (≤ ≥ ⪰ √ ⊗ …) as math, line breaks as spaces (certificate text never reaches
    LaTeX as markup); any other non-ASCII character is kept (a UTF-8 engine prints it)."""
    return "".join(_LATEX_SPECIAL.get(ch, " " if ch in "\r\n\t" else ch) for ch in str(text))


def latex(results, caption: str | None = None, label: str = "tab:exactbell") -> str:
    """A certificate summary as a LaTeX ``longtable`` for a paper's appendix (needs the ``longtable`` and
    ``booktabs`` packages): certificate, claim and location, kind, verdict and the decided statement."""
    from . import __version__

    caption = caption or (f"Claims checked with exactbell {__version__}: {summary_line(results)}. Each "
                          f"statement is the one the trusted kernel decided from the certificate.")
    lines = [f"% exactbell {__version__} certificate summary: {summary_line(results)}",
             r"% needs \usepackage{longtable,booktabs}",
             (r"\begin{longtable}{@{}p{0.2\linewidth}p{0.14\linewidth}p{0.1\linewidth}p{0.08\linewidth}"
              r"p{0.4\linewidth}@{}}"),
             rf"\caption{{{latex_escape(caption)}}}\label{{{latex_escape(label)}}}\\",
             r"\toprule", r"Certificate & Claim (location) & Kind & Verdict & Decided statement \\", r"\midrule",
             r"\endfirsthead", r"\toprule", r"Certificate & Claim (location) & Kind & Verdict & Decided statement \\",
             r"\midrule", r"\endhead"]
    for r in results:
        verdict = r.verdict if r.passed else f"{r.verdict} (expected {r.expected})"
        where = f"{r.claim} ({r.location})" if r.location else r.claim
        lines.append(rf"\texttt{{{latex_escape(r.id)}}} & {latex_escape(where)} & {latex_escape(r.kind)} & "
                     rf"{latex_escape(verdict)} & {latex_escape(r.statement or r.detail)} \\")
    lines += [r"\bottomrule", r"\end{longtable}", ""]
    return "\n".join(lines)


def write_latex(results, path, caption: str | None = None) -> None:
    write_atomic(path, latex(results, caption))
