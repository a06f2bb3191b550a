"""Kernel kinds ``assemblage`` and ``assemblage-dual`` (Sainz–Hoban–Skrzypczyk–Aolita): decided statements of
the bundled certificates, and semantic mutations, each of which must be rejected or change the statement."""
from __future__ import annotations

import copy
import json
import tomllib
from fractions import Fraction
from pathlib import Path

import pytest

from exactbell.kernel.check import check_file
from exactbell.steering.matrices import parse_gaussian
from .conftest import DELETE, set_at
from .conftest import check_mutant as run

FOLDER = Path(__file__).resolve().parents[1] / "proofs" / "sainz-hoban-skrzypczyk-aolita"
PINS = tomllib.loads((FOLDER / "claims.toml").read_text())


def load(cid):
    return json.loads((FOLDER / f"{cid}.json").read_text())




def accepted(tmp_path, cert):
    """The mutant passes *and* decides the statement pinned for the original: a silent acceptance."""
    r = run(tmp_path, cert)
    pin = PINS[cert["id"]]
    return r.passed and (r.statement, r.verdict) == (pin["statement"], pin["verdict"])


def ids():
    return sorted(p.stem for p in FOLDER.glob("*.json"))


# -- the bundled certificates ---------------------------------------------------------------------------------
def test_all_bundled_pass_and_match_their_pins():
    assert len(ids()) == 22  # C003-01 … C003-18, and C003-20.postselection
    for cid in ids():
        r = check_file(FOLDER / f"{cid}.json")
        assert r.passed and r.pin == "pinned", (cid, r.detail)


def test_literal_eq6_is_not_psd():
    # 1/4(1 + 2X) has the eigenvalue 1/4(1 - 2) = -1/4 at y = 1 (printed Eq. (6), delta_y = 1)
    r = check_file(FOLDER / "C003-13.json")
    assert r.verdict == "refuted"
    assert "is not an assemblage: sigma[a=0|x=0,y=1] is not PSD" in r.statement
    assert r.statement.endswith("(paper: sigma is an assemblage (every block PSD))")


def test_pr_assemblage_gives_the_pr_box_and_chsh_4():
    pr = [Fraction(1, 2) if (a ^ b) == x * y else 0 for x in (0, 1) for y in (0, 1) for a in (0, 1) for b in (0, 1)]
    text = "[" + ", ".join(str(v) for v in pr) + "]"
    r9, r10 = check_file(FOLDER / "C003-09.json"), check_file(FOLDER / "C003-10.json")
    assert f"p(ab|xy) = tr(N[b|y] sigma[a|xy]) = {text} (inputs-major)" in r9.statement
    assert r10.statement.endswith("(correlator), p> = 4")
    assert "is in G_BWI (Def. 2" in r10.statement


def test_instrumental_example_is_quantum_erratum():
    for cid in ("C003-17", "C003-17.y0=1"):
        r = check_file(FOLDER / f"{cid}.json")
        assert r.verdict == "refuted" and r.passed
        assert "is in Q_I (Def. 3): it equals" in r.statement
        assert r.statement.endswith("(paper: sigma is not in Q_I)")
        assert "where s is the root of s^2 + (-6) in (2, 3)" in r.statement


def test_transpose_map_positive_not_cp():
    r = check_file(FOLDER / "C003-14.json")
    assert "E_0 = identity; E_1 = transpose (positive by an exact SOS" in r.statement
    assert "not CP (v = [" in r.statement and "(not every map is CP)" in r.statement
    assert "Q_BWI (Def. 1)" not in r.statement  # a non-CP representation is not a quantum realisation


def test_dual_brackets():
    r = check_file(FOLDER / "C003-10.relaxation.json")
    lo, hi = map(Fraction, r.bracket)
    # Tsirelson: the PR box mixed with noise is quantum up to v = 1/sqrt 2 at best; the outer bound is just above
    assert lo == 0 and hi * hi >= Fraction(1, 2) and hi < Fraction(7072, 10000)
    r = check_file(FOLDER / "C003-12c.json")
    lo, hi = map(Fraction, r.bracket)
    assert lo == Fraction(1, 3) and Fraction(8165, 10000) < hi < Fraction(827, 1000)
    assert "is not in Q_BWI: an exact dual of the level-2 outer moment relaxation of Q_BWI (10 projector words" in r.statement


# -- mutations ------------------------------------------------------------------------------------------------------


MUTATIONS = [
    ("C003-08", ("data", "assemblage", "blocks", 0, 0, 0, 0, 0), "1/3"),  # breaks a block
    ("C003-08", ("data", "assemblage", "type"), "traditional"),
    ("C003-08", ("data", "paper"), DELETE),
    ("C003-08", ("data", "paper"), "quantum"),  # not decidable from this data
    ("C003-08", ("data", "extra"), 1),
    ("C003-08", ("conventions", "tensor"), "bob-first"),
    ("C003-08", ("conventions", "tensor"), DELETE),
    ("C003-01", ("data", "realisation", "state", 0, 0), "1/5"),
    ("C003-01", ("data", "realisation", "povms", 1, 0, 0, 1), "1/3"),
    ("C003-01", ("data", "realisation", "dims"), [1, 4]),
    ("C003-01", ("data", "realisation", "channels"), []),
    ("C003-01", ("data", "assemblage", "type"), "instrumental"),
    ("C003-02.pauli", ("data", "realisation", "ghjw"), DELETE),
    ("C003-02.pauli", ("data", "realisation", "ghjw", 1, 1), "1/2"),
    ("C003-02.tau", ("data", "field", "generator"), "i"),
    ("C003-02.tau", ("data", "field", "generator"), "A0"),
    ("C003-02.tau", ("data", "field", "interval"), ["-3", "-2"]),
    ("C003-04", ("data", "realisation", "order_independent"), False),
    ("C003-04", ("data", "realisation", "order_independent"), DELETE),
    ("C003-06", ("data", "realisation", "channels", 1, "kraus", 1, "weight"), "1"),
    ("C003-06", ("data", "realisation", "channels", 1, "kraus", 1, "weight"), "-3/4"),
    ("C003-06", ("data", "realisation", "channels", 1, "extra"), 0),
    ("C003-09", ("data", "measurement", "povms", 1, 0, 0, 0), "1/2"),
    ("C003-10", ("data", "measurement", "functional", "terms", "A1B1"), "1"),
    ("C003-10", ("conventions", "form"), "probability"),
    ("C003-10", ("conventions", "order"), "outputs-major"),
    ("C003-11", ("data", "measurement", "povms", 1, 0, 0, 1), "1/4"),
    ("C003-14", ("data", "realisation", "channels", 1, "sos", 0, "weight"), "-1"),
    ("C003-14", ("data", "realisation", "channels", 1, "sos", 1, "polynomial"), "w0r*u0i"),
    ("C003-14", ("data", "realisation", "channels", 1, "sos"), []),
    ("C003-14", ("data", "realisation", "channels", 1, "choi"),
     [["1", "0", "0", "1"], ["0", "0", "0", "0"], ["0", "0", "0", "0"], ["1", "0", "0", "1"]]),
    ("C003-14", ("conventions", "choi"), DELETE),
    ("C003-14", ("data", "paper"), "quantum"),  # a non-CP representation decides nothing about Q_BWI
    ("C003-14", ("data", "paper"), "post-quantum"),
    ("C003-16", ("data", "realisation", "channels"), DELETE),
    ("C003-17", ("data", "paper"), "quantum"),
    ("C003-17", ("data", "realisation", "channels", 1, "kraus", 0, "weight"), "1/2"),
    ("C003-17", ("data", "realisation", "ghjw", 0, 0), "1"),
    ("C003-17", ("expected",), "verified"),
    ("C003-17.in-G_I", ("data", "extension", "blocks", 1, 1, 0), [["1/4", "0"], ["0", "1/4"]]),
    ("C003-17.in-G_I", ("data", "extension"), DELETE),
    ("C003-17.in-G_I", ("data", "assemblage", "blocks", 0, 0), [["1/2", "0"], ["0", "0"]]),
    ("C003-18", ("data", "realisation", "povms", 1), [[["1", "0"], ["0", "0"]], [["0", "0"], ["0", "1"]]]),
    ("C003-10.relaxation", ("data", "level"), 2),
    ("C003-10.relaxation", ("data", "level"), 0),
    ("C003-10.relaxation", ("data", "paper"), DELETE),
    ("C003-10.relaxation", ("data", "lambda", 0, 0, 0), "0,0"),
    ("C003-10.relaxation", ("data", "lambda", 0, 0, 0), "7"),
    ("C003-10.relaxation", ("data", "assemblage", "a"), 3),
    ("C003-12c", ("data", "lower", "visibility"), "1/2"),
    ("C003-12c", ("data", "lower", "realisation", "channels", 0, "kraus", 0, "weight"), "1/3"),
    ("C003-12c", ("data", "lower"), DELETE),
]


@pytest.mark.parametrize("cid,path,value", MUTATIONS, ids=[f"{m[0]}:{'.'.join(map(str, m[1]))}" for m in MUTATIONS])
def test_mutation_rejected_or_restated(tmp_path, cid, path, value):
    c = load(cid)
    set_at(c, path, value)
    assert not accepted(tmp_path, c)


def test_unmutated_copy_is_accepted(tmp_path):
    # the harness itself: an untouched copy must pass with its pinned statement
    for cid in ("C003-08", "C003-17", "C003-10.relaxation"):
        assert accepted(tmp_path, load(cid)), cid


@pytest.mark.parametrize("site", [(y, i, j) for y in (0, 1) for i in range(6) for j in range(i, 6)][::3])
@pytest.mark.parametrize("delta", ["1/7", "-1/1000003"])
def test_dual_point_mutations_are_not_proofs(tmp_path, site, delta):
    c = load("C003-10.relaxation")
    y, i, j = site
    Z = c["data"]["Z"][y]
    Z[i][j] = f"({Z[i][j]}) + {delta}"
    if i != j:
        Z[j][i] = f"({Z[j][i]}) + {delta}"
    r = run(tmp_path, c)
    if {i // 2, j // 2} == {1, 2}:  # the P_0 / P_1 cross block: the coefficient of P_0 P_1 no longer vanishes
        assert r.verdict != "verified" and not r.passed
    elif r.verdict == "verified":  # only data-word coefficients moved: a proof iff Z is still PSD (numpy, independent)
        np = pytest.importorskip("numpy")
        M = np.array([[complex(float(g.re), float(g.im)) for g in map(parse_gaussian, row)] for row in Z])
        assert np.linalg.eigvalsh(M).min() > -1e-12


def test_failed_dual_is_numeric_only(tmp_path):
    c = load("C003-10.relaxation")
    c["data"]["Z"][0][0][0] = "-1"
    c["expected"] = "numeric-only"
    r = run(tmp_path, c)
    assert r.passed and r.verdict == "numeric-only" and "proves nothing (Z[0] is not PSD)" in r.statement


def test_non_hermitian_block_is_an_error(tmp_path):
    c = load("C003-08")
    c["data"]["assemblage"]["blocks"][0][0][0][0][1] = "i"
    r = run(tmp_path, c)
    assert r.verdict == "error" and "Hermitian" in r.detail


def test_signalling_assemblage_is_decided(tmp_path):
    c = copy.deepcopy(load("C003-08"))
    b = c["data"]["assemblage"]["blocks"]
    b[1][0][0], b[1][0][1] = b[1][0][1], b[1][0][0]  # y = 1, x = 0: swap a: marginals unchanged, traces too
    b[1][1][0] = [["1/2", "0"], ["0", "0"]]
    b[1][1][1] = [["0", "0"], ["0", "0"]]  # tr sigma[0|1,1] = 1/2 = tr sigma[0|1,0], but sum_a differs from x = 0
    r = run(tmp_path, c)
    assert r.verdict == "refuted" and "Alice signals to Bob" in r.statement


def test_long_assemblage_is_shown_by_the_sha256_of_its_canonical_blocks():
    """Blocks whose text exceeds 400 characters appear as sigma#<12 hex digits of sha256(text)>; one changed
    entry changes the digest."""
    import hashlib

    from exactbell.kernel.gaussian import matrix_text
    from exactbell.kernel.kinds.assemblage import assemblage_text
    from exactbell.kernel.steering import Assemblage

    def sigma(corner):
        blocks = {(0, x, a): [[Fraction(corner if (x, a, i, j) == (0, 0, 0, 0) else i == j, 3 * (x + 1))
                               for j in range(3)] for i in range(3)] for x in range(8) for a in range(2)}
        return Assemblage("traditional", 3, 8, 2, 1, blocks)

    A = sigma(1)
    body = "[" + ", ".join("[" + ", ".join(matrix_text(A.blocks[(0, x, a)]) for a in range(2)) + "]"
                           for x in range(8)) + "]"  # one y: the blocks per x, per a
    assert len(body) > 400
    assert assemblage_text(A) == f"sigma#{hashlib.sha256(body.encode()).hexdigest()[:12]} (sha256 of the canonical blocks)"
    assert assemblage_text(sigma(2)) != assemblage_text(A)
