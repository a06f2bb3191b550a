"""Bad input gets one clear line (file, field, problem), a non-zero exit, and nothing written."""
import json
import os
from pathlib import Path

import pytest

from exactbell.certificates.format import write_atomic
from exactbell.kernel.check import check_file
from exactbell.cli import main

from .conftest import PROOFS, bundled_certificates, load


def run_cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_float_literal_is_rejected(write_cert, chsh_local):
    text = json.dumps(chsh_local).replace('"paper": "2"', '"paper": 2.0')
    r = check_file(write_cert(text))
    assert not r.passed and r.verdict == "error"
    assert "cert.json: <number>: float literal 2.0" in r.detail


@pytest.mark.parametrize("mutate, field, words", [
    (lambda c: c.update(exactbell=3), "exactbell", "unknown schema version"),
    (lambda c: c.update(exactbell=True), "exactbell", "expected integer, got boolean"),
    (lambda c: c.pop("claim"), "claim", "missing"),
    (lambda c: c.update(paper="nobody-2099"), "paper", "unknown paper key"),
    (lambda c: c.update(kind="astrology"), "kind", "unknown kind"),
    (lambda c: c.update(colour="red"), "colour", "unknown top-level field"),
    (lambda c: c["conventions"].update(form="braket"), "conventions.form", "is not one of"),
    (lambda c: c["conventions"].pop("form"), "conventions.form", "required field is missing"),
    (lambda c: c["data"]["scenario"].update(inputs=[2, 2, 2]), "data.scenario", "same"),
    (lambda c: c["data"]["functional"]["terms"].update(A2B0="1"), "data.functional", "input 2 is not in the scenario"),
    (lambda c: c["data"].update(paper="1/2 + "), "data.paper", "unexpected end"),
    (lambda c: c["data"].update(paper="__import__('os')"), "data.paper", "unexpected character"),
    (lambda c: c["data"]["optimal"][0][0].append(0), "data.optimal[0]", "one output per input"),
    (lambda c: c["data"].update(relation="upper"), "data.relation", "unknown key"),
    (lambda c: c.update(expected="probably"), "expected", "is not one of"),
    (lambda c: c.update(id="C004\u0007"), "id", "control or invisible character"),
])
def test_bad_certificates_get_one_clear_line(write_cert, chsh_local, mutate, field, words):
    mutate(chsh_local)
    path = write_cert(json.dumps(chsh_local).replace("\\\\u0007", "\\u0007"))
    r = check_file(path)
    assert not r.passed and r.verdict == "error"
    assert r.detail.startswith(f"{path}: {field}: "), r.detail
    assert words in r.detail and "\n" not in r.detail


def test_wrong_paper_value_is_a_refuted_statement(write_cert, chsh_local):
    chsh_local["data"]["paper"] = "3"
    r = check_file(write_cert(chsh_local))
    assert not r.passed and r.verdict == "refuted"
    assert r.statement.endswith("= 2, attained by 8 of 16 deterministic strategies (paper: 3)")
    chsh_local["expected"] = "refuted"
    r = check_file(write_cert(chsh_local))
    assert r.passed and r.pin == "unpinned" and r.verdict == "refuted"


def test_malformed_json_and_missing_file(write_cert, tmp_path):
    r = check_file(write_cert('{"exactbell": 2,'))
    assert r.verdict == "error" and "malformed JSON" in r.detail
    r = check_file(tmp_path / "nope.json")
    assert r.verdict == "error" and "cannot open" in r.detail


def test_nan_is_rejected(write_cert, chsh_local):
    text = json.dumps(chsh_local).replace('"paper": "2"', '"paper": NaN')
    assert "<number>: float literal NaN" in check_file(write_cert(text)).detail


def test_check_cli_exit_codes_summary_and_reports(capsys, tmp_path, write_cert, chsh_local):
    good = PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"
    code, out, _ = run_cli(capsys, "check", str(good))
    assert code == 0 and out.strip().endswith("1 passed, 0 failed")
    chsh_local["data"]["paper"] = "5/2"
    bad = write_cert(chsh_local, "bad.json")
    report = tmp_path / "r.md"
    code, out, err = run_cli(capsys, "check", str(good), str(bad), "--json", "--report", str(report))
    assert code == 1 and err.strip().endswith("1 passed, 1 failed")
    rows = json.loads(out)
    assert {"id", "paper", "kind", "expected", "verdict", "passed", "seconds", "statement", "pin"} <= set(rows[0])
    assert rows[0]["pin"] == "pinned" and rows[0]["statement"].startswith("max over local strategies of")
    assert [r["passed"] for r in rows] == [True, False]
    assert "| C004-01.local |" in report.read_text()


@pytest.mark.parametrize("flag", [["-j", "0"], ["--timeout", "0"], ["--timeout", "nan"], ["--memory", "10"]])
def test_check_rejects_bad_run_limits(capsys, flag):
    code, out, err = run_cli(capsys, "check", *flag, str(PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"))
    assert code == 2 and not out and err.count("\n") == 1 and "-j must be at least 1" in err


def test_claims_json_lists_the_registry(capsys):
    folder = PROOFS / "sengupta-wooltorton"
    code, out, _ = run_cli(capsys, "claims", "--certificates", "--json", str(folder / "C000-01.json"),
                           str(folder / "C000-08.p=3_4.json"))
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == ["C000-01", "C000-08.p=3/4"]
    assert all({"id", "paper", "kind", "expected", "verdict", "passed"} <= set(r) and "seconds" not in r for r in rows)


def test_prove_regenerates_bundled_certificates_identically(capsys, tmp_path):
    ids = ["C004-01.local", "C004-01.quantum", "C000-01", "C000-08.p=3/4", "C000-08.p=41/100"]
    code, out, _ = run_cli(capsys, "prove", *ids, "--out", str(tmp_path))
    assert code == 0
    written = sorted(tmp_path.rglob("*.json"))
    assert len(written) == len(ids)
    for path in written:
        assert load(path) == load(PROOFS / path.relative_to(tmp_path))


def test_prove_unknown_target_writes_nothing(capsys, tmp_path):
    code, _, err = run_cli(capsys, "prove", "C999-99", "--out", str(tmp_path))
    assert code == 2 and "nothing matches" in err
    assert not any(tmp_path.iterdir())


def test_atomic_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    target = tmp_path / "c.json"
    write_atomic(target, "old\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]


def test_kernel_certificates_match_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parents[1] / "exactbell/certificates/schema.json").read_text())
    kernel = [p for p in bundled_certificates() if load(p)["exactbell"] == 2]
    assert kernel
    for path in kernel:
        jsonschema.validate(load(path), schema)
