"""The LaTeX certificate summary (``exactbell check --latex FILE.tex``): rows, escaping, atomic write."""
from __future__ import annotations

import re

from exactbell.cli import main
from exactbell.report import latex, latex_escape

from .conftest import PROOFS


def test_latex_escape_exact():
    assert latex_escape("a_b & 50% #1 {x} $y$ ~ ^ \\end{longtable} <F, P> |c|") == (
        r"a\_b \& 50\% \#1 \{x\} \$y\$ \textasciitilde{} \textasciicircum{} \textbackslash{}end\{longtable\} "
        r"\textless{}F, P\textgreater{} \textbar{}c\textbar{}")
    assert latex_escape("W ⪰ Ω(F), λ ≤ 1\nnext") == r"W $\succeq$ $\Omega$(F), $\lambda$ $\le$ 1 next"


def test_check_cli_writes_a_latex_table(capsys, tmp_path, write_cert, chsh_local):
    good = PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"
    chsh_local["data"]["paper"] = "5/2"
    chsh_local["id"] = "C004-01.bad_copy"
    bad = write_cert(chsh_local, "bad.json")
    out = tmp_path / "appendix" / "table.tex"
    code = main(["check", str(good), str(bad), "-j", "1", "--latex", str(out)])
    capsys.readouterr()
    assert code == 1
    text = out.read_text()
    rows = [line for line in text.splitlines() if line.endswith(r"\\") and line.startswith(r"\texttt")]
    assert len(rows) == 2
    assert rows[0].startswith(r"\texttt{C004-01.local} & C004-01 (L75 (and Sengupta-Wooltorton Eq. (4))) & "
                              r"local-bound & verified & max over local strategies of \textless{}(1)*A0B0")
    assert r"\texttt{C004-01.bad\_copy}" in rows[1] and "refuted (expected verified)" in rows[1]
    assert text.startswith("% exactbell 0.1.0 certificate summary: 1 passed, 1 failed\n")
    assert text.count(r"\begin{longtable}") == text.count(r"\end{longtable}") == 1
    assert not [p for p in out.parent.iterdir() if p.name != "table.tex"]  # no temporary file left


def test_latex_of_no_results_is_an_empty_table():
    text = latex([], caption="C & D")
    assert r"\caption{C \& D}\label{tab:exactbell}\\" in text
    assert not re.search(r"^\\texttt", text, re.MULTILINE)
