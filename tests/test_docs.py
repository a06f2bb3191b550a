"""The documentation runs: every ``python`` block of ``docs/**/*.md`` and of README.md is executed
(Sybil; the blocks of one page share a namespace, in order), every other fenced block must be in a
language that is shown and not run (bash, json, toml, text), and the site builds with
``mkdocs build --strict``."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "README.md"]
SHOWN_NOT_RUN = {"bash", "json", "toml", "text", ""}
FENCE = re.compile(r"^```(\S*)", re.MULTILINE)


def _ids(paths):
    return [str(p.relative_to(ROOT)) for p in paths]


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_fenced_blocks_are_python_or_shown(page):
    fences = FENCE.findall(page.read_text(encoding="utf-8"))[::2]  # opening fences only
    other = sorted({lang for lang in fences if lang != "python"} - SHOWN_NOT_RUN)
    assert not other, f"{page.name}: fenced blocks in {other} are neither executed nor marked as shown-only"
    if page.name != "README.md" and page.parent.name != "kinds":
        # README's unlabelled blocks are its error-message listings; new pages label every block
        assert "" not in fences, f"{page.name}: label every fenced block (python, bash, json, toml or text)"


@pytest.mark.parametrize("page", [p for p in PAGES if "```python" in p.read_text(encoding="utf-8")],
                         ids=_ids([p for p in PAGES if "```python" in p.read_text(encoding="utf-8")]))
def test_python_blocks_run(page, monkeypatch, capsys):
    sybil = pytest.importorskip("sybil", reason="sybil is not installed (pip install 'exactbell[docs]')")
    from sybil.parsers.markdown import PythonCodeBlockParser

    monkeypatch.chdir(ROOT)  # the pages name bundled certificates relative to the checkout
    document = sybil.Sybil(parsers=[PythonCodeBlockParser()]).parse(page)
    examples = list(document)
    assert examples, f"{page.name}: no python block found"
    for example in examples:
        example.evaluate()


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install 'exactbell[docs]')")
    pytest.importorskip("mkdocstrings", reason="mkdocstrings is not installed (pip install 'exactbell[docs]')")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
           "-d", str(tmp_path / "site")]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8").count("exactbell.api.local_bound")
