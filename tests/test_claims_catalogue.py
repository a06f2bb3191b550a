"""`exactbell claims` per catalogue id (issue #17): proofs/catalogue.toml, the aggregated verdicts, coverage and
reasons, the per-certificate table (--certificates), and bad input (a claim id not in the catalogue)."""
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from exactbell.cli import main
from exactbell.cli.commands.claims import (
    CatalogueError,
    claim_rows,
    default_catalogue,
    load_catalogue,
    pinned_results,
    verdict_of,
)

from .conftest import PROOFS, ROOT, load

# the read-only catalogue Markdown beside the checkout (../shared/claims, or two levels up for a worktree)
CLAIMS_MD = next((p for p in (ROOT.parent / "shared" / "claims", ROOT.parents[1] / "shared" / "claims") if p.is_dir()),
                 ROOT.parent / "shared" / "claims")
WBC = PROOFS / "wooltorton-brown-colbeck"


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def bundled_rows():
    """Rows of the whole bundled catalogue from the pins (not re-decided; test_kernel_boundary decides them)."""
    return claim_rows(load_catalogue(default_catalogue()), pinned_results([PROOFS]))


def test_catalogue_counts_the_mission_ids(bundled_rows):
    # issue #17: "Of the 123 exact-checkable claims in ../shared/claims/"; 150 ids C000-01 ... C004-26
    assert len(bundled_rows) == 150 and sum(r["exact_checkable"] for r in bundled_rows) == 123
    assert {r["id"][:4] for r in bundled_rows} == {"C000", "C001", "C002", "C003", "C004"}


def test_every_exact_checkable_id_has_a_certificate_or_a_reason(bundled_rows):
    missing = [r["id"] for r in bundled_rows if r["exact_checkable"] and not r["certificates"] and not r["reason"]]
    assert missing == []


def test_every_points_only_id_says_why(bundled_rows):
    assert [r["id"] for r in bundled_rows if r["coverage"] == "points only" and not r["reason"]] == []


def test_every_bundled_certificate_claim_is_in_the_catalogue(bundled_rows):
    # claim_rows raises for an unknown claim; parts (C003-12a/b/c) count under their catalogue id
    row = next(r for r in bundled_rows if r["id"] == "C003-12")
    assert row["certificates"] == 3 and row["certificate_ids"] == ["C003-12a", "C003-12b", "C003-12c"]


@pytest.mark.skipif(not CLAIMS_MD.is_dir(), reason="the claims catalogue Markdown is not beside this checkout")
def test_catalogue_regenerates_byte_identically(tmp_path):
    from exactbell.generators.catalogue import main as generate

    out = tmp_path / "catalogue.toml"
    assert generate([str(CLAIMS_MD), "--out", str(out)]) == 0
    assert out.read_text() == default_catalogue().read_text()


@pytest.mark.parametrize("verdicts,passed,want", [
    ([], [], "—"),
    (["verified", "verified"], [True, True], "verified"),
    (["refuted"], [True], "refuted (erratum)"),
    (["numeric-only"], [True], "numeric-only"),
    (["refuted", "verified", "numeric-only", "verified"], [True] * 4, "mixed: 2 verified, 1 refuted, 1 numeric-only"),
    (["verified", "error"], [True, False], "failed (1 of 2)"),
])
def test_verdict_aggregation(verdicts, passed, want):
    assert verdict_of([SimpleNamespace(verdict=v, passed=p) for v, p in zip(verdicts, passed)]) == want


# -- a tiny synthetic folder, decided by the kernel ---------------------------------------------------------------
CATALOGUE = """
["C900-01"]
paper = "wooltorton-brown-colbeck"
title = "CHSH local bound, printed right and wrong"
label = "exact"

["C900-02"]
paper = "sengupta-wooltorton"
title = "a bound at a point of its range"
label = "exact"
range = "every p in (2/5, 1)"
reason = "one point only"

["C900-03"]
paper = "wooltorton-brown-colbeck"
title = "nothing certified"
label = "out"

["C900-04"]
paper = "wooltorton-brown-colbeck"
title = "a claim in parts"
label = "exact-pieces"
parts = ["C900-04a"]
"""


def _cert(src, folder, claim, id_, **data):
    cert = load(src)
    cert.update(id=id_, claim=claim)
    cert["data"].update(data)
    if "paper" in data:
        cert["expected"] = "verified" if data["paper"] == "2" else "refuted"
    (folder / f"{id_}.json").write_text(json.dumps(cert))


@pytest.fixture
def synthetic(tmp_path):
    folder = tmp_path / "certs"
    folder.mkdir()
    local, point = WBC / "C004-01.local.json", PROOFS / "sengupta-wooltorton" / "C000-08.p=3_4.json"
    _cert(local, folder, "C900-01", "C900-01.right", paper="2")
    _cert(local, folder, "C900-01", "C900-01.wrong", paper="5/2")
    _cert(point, folder, "C900-02", "C900-02.p=3_4")
    _cert(local, folder, "C900-04a", "C900-04a.one")
    (tmp_path / "catalogue.toml").write_text(CATALOGUE)
    return folder, tmp_path / "catalogue.toml"


def test_per_id_rows_are_exact_on_a_synthetic_folder(capsys, synthetic, tmp_path):
    folder, catalogue = synthetic
    md = tmp_path / "claims.md"
    code, out, _ = run_cli(capsys, "claims", "--json", "--catalogue", catalogue, "--markdown", md, folder)
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)["claims"]}
    got = {cid: (r["certificates"], r["verdict"], r["coverage"], r["reason"]) for cid, r in rows.items()}
    assert got == {"C900-01": (2, "mixed: 1 verified, 1 refuted", "—", ""),
                   "C900-02": (1, "verified", "points only", "one point only"),
                   "C900-03": (0, "—", "—", ""),
                   "C900-04": (1, "verified", "—", "")}
    summary = json.loads(out)["summary"]
    assert summary["wooltorton-brown-colbeck"] == {
        "ids": 3, "exact_checkable": 2, "covered": 2, "verified": 1, "refuted": 0, "numeric_only": 0, "mixed": 1,
        "failed": 0, "points_only": 0, "uncovered_exact": 0}
    text = md.read_text()
    assert "| C900-02 | a bound at a point of its range | exact | 1 | verified | points only | one point only |" in text
    assert ("| C900-01 | CHSH local bound, printed right and wrong | exact | 2 | mixed: 1 verified, 1 refuted "
            "| — |  |") in text


def test_pinned_and_decided_tables_agree_on_bundled_files(capsys):
    files = sorted(WBC.glob("C004-20.*.json")) + sorted(WBC.glob("C004-01.*.json"))
    code, decided, _ = run_cli(capsys, "claims", "--json", *files)
    code2, pinned, _ = run_cli(capsys, "claims", "--json", "--pinned", *files)
    assert code == code2 == 0
    def key(out):
        return [(r["id"], r["certificates"], r["verdict"], r["coverage"]) for r in json.loads(out)["claims"]]

    assert key(decided) == key(pinned)
    rows = {r["id"]: r for r in json.loads(decided)["claims"]}
    assert len(rows) == 26 and {r["paper"] for r in rows.values()} == {"wooltorton-brown-colbeck"}  # that paper only
    assert (rows["C004-20"]["certificates"], rows["C004-20"]["verdict"], rows["C004-20"]["coverage"]) == \
        (17, "verified", "range")  # 2 points x 8 pieces + landau
    assert (rows["C004-01"]["certificates"], rows["C004-01"]["coverage"]) == (3, "—")


def test_a_failing_certificate_makes_the_id_failed(capsys, synthetic):
    folder, catalogue = synthetic
    cert = load(folder / "C900-04a.one.json")
    cert["expected"] = "refuted"  # the kernel decides verified
    (folder / "C900-04a.one.json").write_text(json.dumps(cert))
    code, out, _ = run_cli(capsys, "claims", "--json", "--catalogue", catalogue, folder)
    assert code == 1
    assert {r["id"]: r["verdict"] for r in json.loads(out)["claims"]}["C900-04"] == "failed (1 of 1)"


def test_a_claim_id_not_in_the_catalogue_is_one_line_error(capsys, synthetic):
    folder, catalogue = synthetic
    _cert(WBC / "C004-01.local.json", folder, "C999-01", "C999-01.x")
    code, out, err = run_cli(capsys, "claims", "--catalogue", catalogue, folder)
    assert code == 2 and not out and err.count("\n") == 1
    assert err.strip() == f"{folder / 'C999-01.x.json'}: claim: 'C999-01' is not in the catalogue"


def test_a_certificate_of_another_paper_is_one_line_error(capsys, synthetic):
    folder, catalogue = synthetic
    _cert(PROOFS / "sengupta-wooltorton" / "C000-08.p=3_4.json", folder, "C900-01", "C900-01.sw")
    code, _, err = run_cli(capsys, "claims", "--catalogue", catalogue, folder)
    assert code == 2 and err.count("\n") == 1
    assert "C900-01.sw.json: paper: 'sengupta-wooltorton', but the catalogue puts C900-01 in " in err


@pytest.mark.parametrize("text,message", [
    ('["C900-01"]\npaper = "x"\ntitle = "t"\nlabel = "exact"\nfoo = "1"\n', "[\'C900-01\'].foo: unknown key"),
    ('["C900-01"]\npaper = "x"\ntitle = "t"\nlabel = "sure"\n', "[\'C900-01\'].label: unknown label 'sure'"),
    ('["C900-01"]\npaper = "x"\nlabel = "exact"\n', "[\'C900-01\'].title: missing or not a string"),
    ('["not-an-id"]\npaper = "x"\ntitle = "t"\nlabel = "exact"\n', "not a claim id table"),
    ('["C900-01"]\npaper = "x"\ntitle = "t"\nlabel = "exact"\nparts = ["C900-01"]\n', "is already an id or a part"),
    ("[broken", "<file>"),
])
def test_bad_catalogue_is_rejected(tmp_path, capsys, text, message):
    path = tmp_path / "catalogue.toml"
    path.write_text(text)
    with pytest.raises(CatalogueError, match=None) as e:
        load_catalogue(path)
    assert str(e.value).startswith(f"{path}: ") and message in str(e.value) and "\n" not in str(e.value)
    code, out, err = run_cli(capsys, "claims", "--catalogue", path, WBC / "C004-01.local.json")
    assert code == 2 and not out and err.strip() == str(e.value)


def test_certificates_flag_keeps_the_per_certificate_table(capsys):
    code, out, _ = run_cli(capsys, "claims", "--certificates", WBC / "C004-01.local.json")
    assert code == 0 and "C004-01.local" in out and out.strip().endswith("1 passed, 0 failed")
    assert "catalogue ids" not in out


def test_default_catalogue_is_the_bundled_file():
    assert default_catalogue() == PROOFS / "catalogue.toml" and Path(default_catalogue()).is_file()


def test_user_certificates_are_listed_by_their_claim_without_the_catalogue(capsys, synthetic):
    folder, catalogue = synthetic
    cert = load(WBC / "C004-01.local.json")
    cert.update(id="mine", claim="user", paper="user")
    (folder / "mine.json").write_text(json.dumps(cert))
    code, out, _ = run_cli(capsys, "claims", "--json", "--catalogue", catalogue, folder)
    rows = {r["id"]: r for r in json.loads(out)["claims"]}
    assert code == 0 and (rows["user"]["paper"], rows["user"]["certificates"], rows["user"]["verdict"]) == \
        ("user", 1, "verified")
    assert not rows["user"]["exact_checkable"] and "C900-01" in rows


def test_without_a_bundled_catalogue_user_certificates_still_list(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("EXACTBELL_PROOFS", str(tmp_path / "nowhere"))  # no proofs/catalogue.toml
    cert = load(WBC / "C004-01.local.json")
    cert.update(id="mine", claim="user", paper="user")
    (tmp_path / "mine.json").write_text(json.dumps(cert))
    code, out, _ = run_cli(capsys, "claims", "--json", tmp_path / "mine.json")
    assert code == 0 and [r["id"] for r in json.loads(out)["claims"]] == ["user"]
    code, _, err = run_cli(capsys, "claims", WBC / "C004-01.local.json")  # a catalogue claim: one-line error
    assert code == 2 and "C004-01.local.json: claim: 'C004-01' is not in the catalogue" in err
