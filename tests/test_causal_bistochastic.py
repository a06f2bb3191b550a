"""Bistochastic classical supermaps (Liu–Chiribella Eq. (12), (86), (88)), checked against an
independent dense numpy implementation of the projector conditions."""
import copy
from itertools import product

import numpy as np
import pytest

from exactbell.kernel.check import check_file  # kind psd-dual, lower form "bistochastic"

from .conftest import PROOFS, load
from .test_ico import _np_depolarize

LC = PROOFS / "liu-chiribella"


def _dense_condition(S, n, factors):
    """_[Π f_k] S with f_k ∈ {"1-X", "X"}, expanded over subsets, with numpy."""
    dims = [n] * 4
    out = np.zeros_like(S)
    ks = list(factors)
    for choice in product((0, 1), repeat=len(ks)):
        X = [k for k, c in zip(ks, choice) if c or factors[k] == "X"]
        if any(factors[k] == "X" and not c for k, c in zip(ks, choice)):
            continue
        sign = (-1) ** sum(1 for k, c in zip(ks, choice) if c and factors[k] == "1-X")
        out += sign * _np_depolarize(S, dims, sorted(X))
    return out


def _supermap88(n):
    S = np.zeros((n ** 4, n ** 4))
    for j, l in product(range(n), repeat=2):
        r = np.ravel_multi_index(((j + l) % n, j, (j - l) % n, l), (n,) * 4)
        S[r, r] = 1
    return S


@pytest.mark.parametrize("n,admissible", [(2, True), (3, True), (4, False)])
def test_eq88_admissibility_dense(n, admissible):
    S = _supermap88(n)
    conds = [{0: "1-X", 1: "1-X", 2: "X", 3: "X"}, {2: "1-X", 3: "1-X", 0: "X", 1: "X"},
             {0: "1-X", 1: "1-X", 2: "1-X", 3: "1-X"}]
    ok = all(np.abs(_dense_condition(S, n, c)).max() < 1e-12 for c in conds)
    assert ok == admissible
    assert np.trace(S) == n * n


@pytest.mark.parametrize("name", ["C001-31", "C001-34.n=2", "C001-34.n=3", "C001-34.n=4"])
def test_bundled_bistochastic(name):
    r = check_file(LC / f"{name}.json")
    assert r.passed and r.verdict == "verified"


def test_non_admissible_map_is_stated_and_takes_no_instruments(write_cert):
    cert = load(LC / "C001-34.n=4.json")
    r = check_file(write_cert(cert))
    assert r.verdict == "verified" and "mod 4 in bistochastic theory is not admissible" in r.statement
    bad = copy.deepcopy(cert)
    bad["data"]["lower"]["instruments"] = load(LC / "C001-34.n=3.json")["data"]["lower"]["instruments"]
    assert check_file(write_cert(bad)).verdict == "error"
    bad = copy.deepcopy(load(LC / "C001-34.n=3.json"))
    bad["data"]["lower"]["map"] = [[1, 1], [1, 1]]  # s1 = s2: not admissible for n = 3 either way
    assert check_file(write_cert(bad)).statement != check_file(LC / "C001-34.n=3.json").statement


def test_non_bistochastic_instrument_is_rejected(write_cert):
    cert = load(LC / "C001-31.json")
    bad = copy.deepcopy(cert)
    bad["data"]["lower"]["instruments"][0][0] = [0, 0]  # not a permutation: not identity preserving
    r = check_file(write_cert(bad))
    assert r.verdict == "error" and "permutation" in r.detail
