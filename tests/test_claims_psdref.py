"""Liu–Chiribella refutations (psd-dual form ``refute``): C001-11 (D_max with max, erratum E2), C001-12.printed
(Lemma 1's printed C does not dominate the canonical Ω, E1), C001-13 (the printed C is not PSD for α < 0, E7).
Exact decided values, an independent float build of the printed C from Eqs. (32)-(33), and mutations."""
from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover

from .conftest import check_mutant, pinned_result

ROOT = Path(__file__).resolve().parents[1] / "proofs" / "liu-chiribella"
NAMES = ("C001-11", "C001-12.printed", "C001-13")


def _load(name):
    return json.loads((ROOT / f"{name}.json").read_text())


def _refuted(name):
    r = pinned_result(ROOT / f"{name}.json")
    assert r.verdict == "refuted", r.detail
    return r.statement


def test_printed_certificate_does_not_dominate_omega():
    s = _refuted("C001-12.printed")
    assert "(label blocks, sha256 of the canonical entries; Tr/4 = 1 + s/2, in the no-signalling span) violates " \
           "W ⪰ Ω(F) (a dual certificate, Eq. 23)" in s
    assert "vᵀ(W − Ω)v = -1 < 0 for v = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0] in label block (0, 3), " \
           "Ω(F) of trigger (0, 3), at a = 1" in s


def test_printed_certificate_not_psd_for_negative_a():
    s = _refuted("C001-13")
    assert "Tr/4 = s/2, in the no-signalling span) violates W ⪰ 0" in s
    assert "vᵀWv = -2 < 0 for v = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] in label block (1, 3)" in s
    assert "; W equals Ω(F) on that block, at a = -1" in s


def test_dmax_with_max_is_infinite():
    s = _refuted("C001-11")
    assert s.startswith("B#") and "Tr/4 = 1, in the no-signalling span) is the Choi operator of a no-signalling" in s
    assert "vᵀΩ(F)v = 1/4 > 0 for v = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] in label block (1, 1)" in s
    assert "D_max(Ω(F)||B) = +inf" in s and "P> on (2,2;2,2) <= 1 (algebraic maximum)" in s


# -- the operator in the file is the paper's C: an independent 7-qubit build of Eqs. (32)-(33) --------------
def _paper_c(a: float, xs: int, bs: int) -> np.ndarray:
    """C = Ω(33) + Σ_kl |Ψ_kl⟩⟨Ψ_kl| on qubits A_in A_copy x1 | B_in B_copy b c (128 x 128, floats)."""
    e = np.eye(2)
    I2 = np.array([1.0, 0, 0, 1])  # |I>> = |00> + |11>

    def ket(*parts):
        out = np.array([1.0])
        for p in parts:
            out = np.kron(out, p)
        return out

    def proj(v):
        return np.outer(v, v)
    C = np.zeros((128, 128))
    C += 0.5 * proj(ket(e[0], e[0], e[xs], I2, e[0], e[0]))
    C += 0.5 * proj(ket(e[1], e[1], e[xs], I2, e[1], e[0]))
    C += a / 2 * proj(ket(I2, e[0], e[0], e[0], e[bs], e[1]))
    C += a / 2 * proj(ket(I2, e[1], e[1], e[1], e[bs], e[1]))
    r = np.sqrt(1 + a * a)
    for k in (0, 1):
        for l in (0, 1):
            psi = sum(r ** 0.5 / 4 * (1 - (-1) ** (i + l) / r - (-1) ** (j + k) * a / r)
                      * ket(e[i], e[i], e[k], e[j], e[j], e[l], e[0]) for i in (0, 1) for j in (0, 1))
            C += proj(psi)
    return C


def _num(entry, gen):
    cs = entry if isinstance(entry, list) else [entry]
    return sum(float(Fraction(c)) * gen ** p for p, c in enumerate(cs))


@pytest.mark.parametrize("name,a", [("C001-12.printed", 1.0), ("C001-13", -1.0)])
def test_file_operator_is_the_printed_c(name, a):
    c = _load(name)
    assert c["data"]["field"]["minpoly"] == "s^2 - 2"
    xs, bs = int(c["parameters"]["x_star"]), int(c["parameters"]["b_star"])
    C = _paper_c(a, xs, bs)
    blocks = c["data"]["refute"]["operator"]
    full = np.zeros((128, 128))
    for n, (x1, x2) in enumerate((x1, x2) for x1 in range(2) for x2 in range(4)):
        idx = [ai * 64 + ac * 32 + x1 * 16 + bi * 8 + bc * 4 + x2
               for ai in (0, 1) for ac in (0, 1) for bi in (0, 1) for bc in (0, 1)]
        full[np.ix_(idx, idx)] = [[_num(v, np.sqrt(2)) for v in row] for row in blocks[n]]
    assert np.abs(full - C).max() < 1e-12  # C is block diagonal in the labels and equals the file's operator
    if a < 0:
        assert abs(np.linalg.eigvalsh(C).min() + 1) < 1e-12  # lambda_min(C) = -1 at a = -1 (catalog, E7)


def test_regeneration_is_byte_identical():
    gens = discover()
    for name in NAMES:
        assert dump_certificate(gens[name].make()) == (ROOT / f"{name}.json").read_text()


# -- mutations ---------------------------------------------------------------------------------------------
def _vec(c):
    return c["data"]["refute"]["witness"]["vector"]


def _set_sym(c, block, r, col, v):
    op = c["data"]["refute"]["operator"][block]
    op[r][col] = op[col][r] = v


NOT_A_WITNESS = [  # each is rejected: the quadratic form is not negative, or B v != 0, or v^T Omega v = 0
    ("C001-12.printed", lambda c: _vec(c).__setitem__(12, "0")),  # e_0: W - Omega vanishes there
    ("C001-12.printed", lambda c: _vec(c).__setitem__(12, "1")),  # |00> + |11>: +1
    ("C001-12.printed", lambda c: c["data"]["refute"]["witness"].update({"context": [1, 3]})),
    ("C001-13", lambda c: _vec(c).__setitem__(15, "-1")),  # (|00> - |11>)|11>: 0
    ("C001-13", lambda c: c["data"]["refute"]["witness"].update({"context": [1, 0]})),
    ("C001-11", lambda c: c["data"]["refute"]["witness"].update({"vector": ["1"] + ["0"] * 15})),  # Omega: 0
    ("C001-11", lambda c: c["data"]["refute"]["witness"].update({"context": [0, 0], "vector": ["1"] + ["0"] * 15})),
]


@pytest.mark.parametrize("name,mutate", NOT_A_WITNESS, ids=[f"{n}:{i}" for i, (n, _) in enumerate(NOT_A_WITNESS)])
def test_non_witness_is_rejected(tmp_path, name, mutate):
    c = _load(name)
    mutate(c)
    assert check_mutant(tmp_path, c).verdict == "error"


CHANGED = [  # each is rejected or decides another statement
    ("C001-12.printed", lambda c: _set_sym(c, 0, 0, 5, "1/7")),
    ("C001-12.printed", lambda c: c["data"]["refute"]["operator"][3][0].__setitem__(1, "1")),  # not symmetric
    ("C001-12.printed", lambda c: c["data"]["functional"]["coefficients"].__setitem__(12, "1/3")),
    ("C001-12.printed", lambda c: c["data"]["refute"].update({"trigger": [1, 3]})),  # not single-trigger
    ("C001-12.printed", lambda c: c["data"]["refute"].update({"claim": "W >= 0"})),  # C is PSD for a = 1
    ("C001-12.printed", lambda c: c["data"].update({"paper": {"relation": "=", "value": "1"}})),  # unread key
    ("C001-13", lambda c: _set_sym(c, 7, 3, 15, "0")),
    ("C001-13", lambda c: c.update({"parameters": {"a": "-2", "x_star": "0", "b_star": "1"}})),
    ("C001-11", lambda c: _set_sym(c, 0, 0, 0, "2")),  # trace 5: not a channel
    ("C001-11", lambda c: _set_sym(c, 0, 0, 15, "1")),  # not PSD
    ("C001-11", lambda c: c["data"]["refute"].update({"trigger": [0, 0]})),  # LGYNI is not single-trigger (0, 0)
    ("C001-11", lambda c: c["data"]["functional"]["coefficients"].__setitem__(15, "1/2")),
]


@pytest.mark.parametrize("name,mutate", CHANGED, ids=[f"{n}:{i}" for i, (n, _) in enumerate(CHANGED)])
def test_changed_spec(tmp_path, name, mutate):
    orig = check_mutant(tmp_path, _load(name), "orig.json")
    assert orig.verdict == "refuted", orig.detail
    c = copy.deepcopy(_load(name))
    mutate(c)
    r = check_mutant(tmp_path, c)
    assert r.verdict == "error" or r.statement != orig.statement, (r.verdict, r.statement)


def test_repaired_certificate_is_not_refuted(tmp_path):
    """The twirled C' = twirl(Σ Ψ Ψᵀ) + Ω (the verified C001-12.x=0,b=1) dominates Ω: the printed witness fails."""
    from exactbell.causal import inequalities as iq
    from exactbell.generators.liu_chiribella import _field_for, _t, ocb_lemma1_slack
    from exactbell.kernel.process import omega_blocks

    c = _load("C001-12.printed")
    _, r, one = _field_for(Fraction(1))
    sc, alpha = iq.ocb_piece(one, 0, 1)
    Z, om = ocb_lemma1_slack(Fraction(1), 0, 1, r, one), omega_blocks(sc, alpha, (0, 3), one)
    c["data"]["refute"]["operator"] = [[[_t(om[x][p][q] + Z[x].get((p, q), 0 * one)) for q in range(16)]
                                        for p in range(16)] for x in sc.contexts]
    r2 = check_mutant(tmp_path, c)
    assert r2.verdict == "error" and "is not negative" in r2.detail
