"""Checkers steering-*: bundled Sainz et al. certificates, bad input, numeric-only fallbacks, mutations."""
import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
from exactbell.kernel.gaussian import parse_gaussian

ROOT = Path(__file__).resolve().parents[1]
DIR = ROOT / "proofs" / "sainz-hoban-skrzypczyk-aolita"


def load(name):
    return json.loads((DIR / f"{name}.json").read_text())


def run(tmp_path, cert, name="c.json"):
    p = tmp_path / name
    p.write_text(json.dumps(cert))
    return check_file(p)


def test_headline_verdicts():
    r = check_file(DIR / "C003-13.json")
    assert r.passed and r.verdict == "refuted" and "-1/4" in r.detail
    r = check_file(DIR / "C003-17.json")
    assert r.passed and r.verdict == "refuted" and "G_I" in r.detail
    r = check_file(DIR / "C003-12c.json")
    assert r.passed and r.verdict == "verified"
    lo, hi = (Fraction(t) for t in r.bracket)
    assert lo == Fraction(1, 3) and Fraction(8165, 10000) < hi < Fraction(8270, 10000)
    r = check_file(DIR / "C003-10.relaxation.json")
    hi = Fraction(r.bracket[1])
    assert r.verdict == "verified" and hi * hi > Fraction(1, 2) and hi < Fraction(70712, 100000)  # >= 1/sqrt 2
    for name in ("C003-07", "C003-08", "C003-09", "C003-10", "C003-12a", "C003-12b", "C003-14", "C003-02.tau"):
        assert check_file(DIR / f"{name}.json").verdict == "verified", name


def test_bad_assemblage_input_names_the_field(tmp_path):
    c = load("C003-08")
    c["data"]["assemblage"]["blocks"][0][0][0] = [["1/2", "i"], ["i", "0"]]
    r = run(tmp_path, c)
    assert r.verdict == "error" and "data.assemblage" in r.detail and "Hermitian" in r.detail
    c = load("C003-08")
    c["data"]["assemblage"]["blocks"][1][1].pop()
    r = run(tmp_path, c)
    assert r.verdict == "error" and "outcomes" in r.detail
    c = load("C003-08")
    c["data"]["assemblage"]["y"] = 3
    assert "one per y" in run(tmp_path, c).detail
    c = load("C003-08")
    c["data"]["formula"] = "sainz-eq7"
    assert "unknown formula" in run(tmp_path, c).detail
    text = (DIR / "C003-08.json").read_text().replace('"1/2"', "0.5", 1)
    p = tmp_path / "f.json"
    p.write_text(text)
    r = check_file(p)
    assert r.verdict == "error" and "float" in r.detail


def test_signalling_or_non_psd_assemblage_is_not_verified(tmp_path):
    c = load("C003-08")
    del c["data"]["formula"]
    c["data"]["assemblage"]["blocks"][0][0][0] = [["-1/2", "0"], ["0", "1"]]
    r = run(tmp_path, c)
    assert not r.passed and r.verdict == "refuted"
    c = load("C003-08")
    del c["data"]["formula"]
    c["data"]["assemblage"]["blocks"][0][1] = [[["1/4", "0"], ["0", "1/4"]], [["1/4", "0"], ["0", "1/4"]]]
    assert run(tmp_path, c).passed  # still no-signalling, same marginals: correctly accepted
    half0 = [["1/2", "0"], ["0", "0"]]
    c["data"]["assemblage"]["blocks"][0][1] = [half0, half0]  # Alice's x now changes Bob's marginal
    r = run(tmp_path, c)
    assert not r.passed and "differs" in r.detail


def test_reference_must_be_a_proven_bound(tmp_path):
    c = load("C003-10")
    c["data"]["not_quantum"]["quantum_bound_certificate"] = "wooltorton-brown-colbeck/C004-01.local.json"
    assert "verified 'sos'" in run(tmp_path, c).detail
    c["data"]["not_quantum"]["quantum_bound_certificate"] = "../../etc/passwd.json"
    assert "relative to the proofs folder" in run(tmp_path, c).detail
    c["data"]["not_quantum"]["quantum_bound_certificate"] = "nowhere/none.json"
    assert "not found" in run(tmp_path, c).detail


def _negate(text):
    return (-parse_gaussian(text)).to_text()


def test_non_psd_dual_is_numeric_only_never_verified(tmp_path):
    """-Z, -λ satisfies every equality, flips the functional's sign, and is not PSD: no proof."""
    c = load("C003-10.relaxation")
    d = c["data"]
    d["Z"] = [[[_negate(z) for z in row] for row in Z] for Z in d["Z"]]
    d["lambda"] = [[[w, _negate(v)] for w, v in L] for L in d["lambda"]]
    d["functional"] = [{"identity": [[_negate(z) for z in r] for r in F["identity"]],
                        "projectors": [[[_negate(z) for z in r] for r in P] for P in F["projectors"]]}
                       for F in d["functional"]]
    for k in ("value_target", "value_noise"):
        d[k] = str(-Fraction(d[k]))
    r = run(tmp_path, c)
    assert r.verdict == "numeric-only" and not r.passed
    c["expected"] = {"verdict": "numeric-only", "tolerance": "1/1000000"}
    assert run(tmp_path, c).passed


def test_failed_rounding_gives_numeric_only(tmp_path):
    pytest.importorskip("cvxpy")
    from exactbell.certificates.format import envelope
    from exactbell.generators.shsa_sdp import dual_certificate_data
    from exactbell.steering.assemblage import pr_assemblage

    import exactbell.steering.relaxation as rel

    orig = rel.round_dual
    try:
        rel.round_dual = lambda A, sol, den=2**28: orig(A, sol, 2**3)  # far too coarse
        data, ok, numeric, vb = dual_certificate_data(pr_assemblage(), "sainz-eq5", 1)
    finally:
        rel.round_dual = orig
    assert not ok and abs(numeric - 0.70710678) < 1e-4
    cert = envelope("t", "C003-10", "sainz-hoban-skrzypczyk-aolita", "test", "test", "steering-dual",
                    {"verdict": "numeric-only", "tolerance": "1/1000000"}, {}, data)
    r = run(tmp_path, cert)
    assert r.passed and r.verdict == "numeric-only"


SITES = [("Z", y, i, j) for y in (0, 1) for i in range(6) for j in range(i, 6)] + [("lambda", 0, k) for k in range(3)]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SITES), st.sampled_from(["1/7", "-1/1000003", "i/5"]))
def test_dual_mutations_rejected(tmp_path_factory, site, delta):
    c = load("C003-10.relaxation")
    d = c["data"]
    if site[0] == "Z":
        _, y, i, j = site  # Hermitian-consistent change, so it is the proof (not the shape) that breaks
        if i == j and "i" in delta:
            return
        d["Z"][y][i][j] = f"({d['Z'][y][i][j]}) + {delta}"
        if i != j:
            d["Z"][y][j][i] = f"({d['Z'][y][j][i]}) + ({delta.replace('i', '(-i)')})"
    else:
        _, y, k = site
        if k >= len(d["lambda"][y]):
            return
        d["lambda"][y][k][1] = f"({d['lambda'][y][k][1]}) + {delta}"
    p = tmp_path_factory.mktemp("m") / "c.json"
    p.write_text(json.dumps(c))
    r = check_file(p)
    assert not r.passed and r.verdict != "verified"


def test_realisation_counterexample_is_checked(tmp_path):
    c = load("C003-17")
    R = c["expected"]["counterexample"]["realisation"]
    R["channels"][1]["kraus"][0]["weight"] = "1/2"
    r = run(tmp_path, c)
    assert r.verdict == "error" and "trace preserving" in r.detail
    c = load("C003-17")
    c["expected"]["counterexample"]["realisation"]["povms"][0].reverse()
    r = run(tmp_path, c)
    assert r.verdict == "error" and ("reproduce" in r.detail or "GHJW" in r.detail)
