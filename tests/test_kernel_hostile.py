"""Hostile input: each attack gives one line naming the file and the field, and the run goes on."""
import json
import os

import pytest

from exactbell.cli import main
from exactbell.kernel import limits
from exactbell.kernel.check import check_file
from exactbell.kernel.limits import RunLimits
from exactbell.kernel.run import check_many

from .conftest import PROOFS, load

GOOD = PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"


def one_line_error(r, field, words):
    assert r.verdict == "error" and not r.passed, r.detail
    assert f": {field}: " in r.detail and words in r.detail and "\n" not in r.detail, r.detail


def text_of(cert):
    return json.dumps(load(GOOD) if cert is None else cert)


def with_paper(raw: str) -> str:
    """The good certificate with ``data.paper`` replaced by the JSON text ``raw``."""
    cert = load(GOOD)
    cert["data"]["paper"] = "@@"
    return json.dumps(cert).replace('"@@"', raw)


@pytest.mark.parametrize("text, field, words", [
    ('{"exactbell": 2, "exactbell": 2}', "exactbell", "duplicate key"),
    (text_of(None).replace('"sense": "max"', '"sense": "max", "sense": "min"'), "sense", "duplicate key"),
    (with_paper('true'), "data.paper", "bool where an exact number"),
    (text_of(None).replace('"exactbell": 2', '"exactbell": true'), "exactbell", "got boolean"),
    (with_paper('"2\\u202e"'), "data.paper", "invisible character U+202E"),
    (with_paper('"\\u09ea/10"'), "data.paper", "non-ASCII digit U+09EA"),
    (text_of({**load(GOOD), "parameters": {"q": "(0, 1)" + " " * 100000 + "x"}}), "parameters.q", "is not a domain"),
    (text_of(None).replace('"summary": "', '"summary": "\\u001b[31m'), "summary", "control or invisible"),
    ("[" * 100 + "]" * 100, "<file>", "nested deeper than 64"),
    (with_paper("9" * 3000), "<number>", "more than 2000 digits"),
    (with_paper('"1/' + "7" * 2500 + '"'), "data.paper", "more than 2000 digits"),
    (with_paper('"((2^256)^256)^256"'), "data.paper", "would exceed"),
    (with_paper('"(3^256)^256*(3^256)^256"'), "data.paper", "bits"),
    (with_paper('"' + "1+" * 110000 + '1"'), "data.paper", "longer than"),
    (text_of(None).replace('"inputs": [2, 2], "outputs": [2, 2]', '"inputs": [20, 20], "outputs": [20, 20]'),
     "data.scenario", "more deterministic strategies than the limit"),
    ('{"exactbell": 2.5}', "<number>", "float literal"),
    ('{"exactbell": Infinity}', "<number>", "float literal"),
])
def test_attack_gets_one_line(tmp_path, text, field, words):
    path = tmp_path / "attack.json"
    path.write_text(text)
    one_line_error(check_file(path), field, words)


def test_special_files_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # opening it for reading would block forever
    one_line_error(check_file(fifo), "<file>", "not a regular file")
    one_line_error(check_file("/dev/zero"), "<file>", "not a regular file")
    one_line_error(check_file(tmp_path), "<file>", "not a regular file")


def test_file_size_is_counted_not_trusted(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text(text_of(None))
    monkeypatch.setattr(limits, "FILE_BYTES", 100)
    one_line_error(check_file(path), "<file>", "larger than the limit of 100 bytes")


def test_long_lists_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "LIST_LENGTH", 3)
    path = tmp_path / "long.json"
    path.write_text(text_of(None))
    one_line_error(check_file(path), "data.optimal", "list longer than 3")


def _slow_certificate(tmp_path):
    cert = load(GOOD)
    cert["data"]["scenario"] = {"inputs": [4] * 5, "outputs": [2] * 5}  # 2^16 front strategies: many seconds
    path = tmp_path / "slow.json"
    path.write_text(json.dumps(cert))
    return path


def _hog(path):
    bytearray(1 << 31)  # 2 GiB: over the worker's memory limit


def test_timeouts_and_memory_bombs_are_error_rows_and_the_run_goes_on(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    bad = tmp_path / "dup.json"
    bad.write_text('{"id": 1, "id": 2}')
    paths = [GOOD, _slow_certificate(tmp_path), fifo, bad, GOOD]
    rows = check_many(paths, jobs=2, limits=RunLimits(seconds=2, memory_mb=1024))
    assert [r.passed for r in rows] == [True, False, False, False, True]
    assert "wall-clock limit of 2 s exceeded" in rows[1].detail
    assert "not a regular file" in rows[2].detail and "duplicate key" in rows[3].detail
    hog = check_many([GOOD], jobs=1, limits=RunLimits(seconds=30, memory_mb=512), check=_hog)
    assert hog[0].verdict == "error" and "memory limit exceeded (limit 512 MB)" in hog[0].detail


def test_cli_reports_errors_with_a_nonzero_exit_and_escaped_cells(tmp_path, capsys):
    cert = load(GOOD)
    cert["id"] = "x | y *z* <b>"
    path = tmp_path / "pipe.json"
    path.write_text(json.dumps(cert))
    dup = tmp_path / "dup.json"
    dup.write_text('{"id": 1, "id": 2}')
    report = tmp_path / "r.md"
    code = main(["check", str(path), str(dup), "--report", str(report), "-j", "1"])
    out = capsys.readouterr().out
    assert code == 1 and out.strip().endswith("1 passed, 1 failed")
    assert f"FAIL {dup}: id: duplicate key" in out
    assert "| x \\| y *z* &lt;b> |" in report.read_text()


def test_help_prints_the_default_limits(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "default: 900.0 s" in out and "default: 4096 MB" in out


def test_review_attack_local_bound_of_p_chsh_at_p_3_is_not_2(tmp_path):
    """A reviewer's certificate claimed 'the local bound of p·CHSH at p = 3 is 2': the kernel
    computes the bound at the stated p and states it, so the claim is refuted, not verified."""
    cert = load(GOOD)
    cert["parameters"] = {"p": "3"}
    cert["data"]["functional"]["terms"] = {k: f"({v})*p" for k, v in cert["data"]["functional"]["terms"].items()}
    path = tmp_path / "pchsh.json"
    path.write_text(json.dumps(cert))
    r = check_file(path)
    assert r.verdict == "refuted" and not r.passed
    assert " = 6, attained by 8 of 16 deterministic strategies, at p = 3 (paper: 2)" in r.statement
    cert["parameters"] = {"p": "(0, 4)"}  # 'for all p' cannot be claimed by evaluating at one point
    path.write_text(json.dumps(cert))
    assert check_file(path).verdict == "error"


# Before: 2^(10^6) strategies were counted, then printing the count raised ValueError (an internal
# error row); inputs of 2,000 digits made o^m itself a memory bomb. Now the count stops at the limit.
@pytest.mark.parametrize("inputs", [[10**6, 2], [2, 10**1999], [27, 1]])
def test_scenario_beyond_the_strategy_limit_is_one_line(tmp_path, inputs):
    cert = load(GOOD)
    cert["data"]["scenario"]["inputs"] = inputs
    path = tmp_path / "big.json"
    path.write_text(json.dumps(cert))
    one_line_error(check_file(path), "data.scenario", f"more deterministic strategies than the limit {limits.STRATEGIES}")

