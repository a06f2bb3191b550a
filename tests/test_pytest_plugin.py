"""The pytest plugin collects certificate files as test items."""
import json
import shutil

from .conftest import PROOFS


def test_plugin_collects_a_users_certification_suite(pytester):
    suite = pytester.path / "mysuite"
    suite.mkdir()
    src = PROOFS / "wooltorton-brown-colbeck" / "C004-01.local.json"
    shutil.copy(src, suite / "good.json")
    bad = json.loads(src.read_text())
    bad["data"]["paper"] = "3"
    (suite / "bad.json").write_text(json.dumps(bad))
    result = pytester.runpytest(f"--exactbell-proofs={suite}", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*expected verified, the kernel decides refuted: max over local strategies*= 2, *(paper: 3)*"])


def test_plugin_collects_files_below_a_proofs_folder(pytester):
    proofs = pytester.path / "proofs" / "x"
    proofs.mkdir(parents=True)
    shutil.copy(PROOFS / "wooltorton-brown-colbeck" / "C004-01.quantum.json", proofs / "q.json")
    (pytester.path / "other.json").write_text("{}")  # not below proofs/: ignored
    result = pytester.runpytest("-p", "no:cacheprovider", str(pytester.path))
    result.assert_outcomes(passed=1)
