"""Sainz–Hoban–Skrzypczyk–Aolita C003-20 (generator exactbell.generators.shsa_postselect): the quantum
post-selection identity tr[N tr_A((M (x) 1) rho)] = tr[(M (x) N) rho] for two qubits, decided as a polynomial
identity; wrong index placements are refuted."""
import copy
import json
from itertools import product

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover
from exactbell.generators.shsa_postselect import CID, postselection_data
from exactbell.kernel.check import check_file

from .conftest import PROOFS, load

PATH = PROOFS / "sainz-hoban-skrzypczyk-aolita" / f"{CID}.json"


def test_passes_pinned_and_regenerates_identically():
    res = check_file(PATH)
    assert (res.passed, res.verdict, res.pin) == (True, "verified", "pinned"), res.detail
    assert dump_certificate(discover()[CID].make()) == PATH.read_text()
    assert res.statement.startswith("for all m00 in [-1, 1], ")
    assert "n00*s00 + n10*s01 + n01*s10 + n11*s11 = k00*r00 + k01*r10 + " in res.statement
    assert "s01 = m00*r01 + m01*r21 + m10*r03 + m11*r23" in res.statement and "k12 = m01*n10" in res.statement


def test_definitions_by_hand():
    # the definitions give tr(N sigma) and tr((M (x) N) rho) at an integer point, computed here independently
    m, n = [[1, 2], [3, 4]], [[5, -1], [2, 7]]
    r = [[(i * 4 + j) % 5 - 2 for j in range(4)] for i in range(4)]
    def mul(x, y):
        return [[sum(x[i][k] * y[k][j] for k in range(len(y))) for j in range(len(y[0]))] for i in range(len(x))]

    def kron2(x, y):  # alice-first: row index 2a + b
        return [[x[i // 2][j // 2] * y[i % 2][j % 2] for j in range(4)] for i in range(4)]

    one = [[1, 0], [0, 1]]
    mr = mul(kron2(m, one), r)
    sigma = [[mr[b][c] + mr[2 + b][2 + c] for c in range(2)] for b in range(2)]  # tr_A: sum of the diagonal blocks
    kron = kron2(m, n)
    tr_n_sigma, tr_k_rho = (sum(mul(x, y)[i][i] for i in range(len(x))) for x, y in ((n, sigma), (kron, r)))
    assert tr_n_sigma == tr_k_rho == -99
    env = {f"m{i}{j}": m[i][j] for i, j in product(range(2), repeat=2)}
    env |= {f"n{i}{j}": n[i][j] for i, j in product(range(2), repeat=2)}
    env |= {f"r{i}{j}": r[i][j] for i, j in product(range(4), repeat=2)}
    data = postselection_data()
    for name, text in data["definitions"]:
        env[name] = eval(text, {}, dict(env))  # integer arithmetic on the generator's own strings
    assert [[env[f"s{b}{c}"] for c in range(2)] for b in range(2)] == sigma
    assert [[env[f"k{i}{j}"] for j in range(4)] for i in range(4)] == kron
    lhs, rhs = data["identities"][0]
    assert eval(lhs, {}, env) == eval(rhs, {}, env) == -99


def _mutant(tmp_path, mutate):
    cert = copy.deepcopy(load(PATH))
    mutate(cert["data"])
    path = tmp_path / "m.json"
    path.write_text(json.dumps(cert))
    return check_file(path)


def test_mutations_are_refuted(tmp_path):
    # tr(K rho^T) in place of tr(K rho): not the Born rule
    res = _mutant(tmp_path, lambda d: d["identities"][0].__setitem__(
        1, " + ".join(f"k{i}{j}*r{i}{j}" for i in range(4) for j in range(4))))
    assert res.verdict == "refuted" and res.statement.count("the identity n00*s00") == 1 and " fails " in res.statement
    # the partial trace over B in place of A (sigma_ac = sum_b M... is a different polynomial)
    res = _mutant(tmp_path, lambda d: d["definitions"].__setitem__(
        1, ["s01", "m00*r02 + m01*r12 + m10*r03 + m11*r13"]))
    assert res.verdict == "refuted"
    # N in place of its transpose in tr(N sigma)
    res = _mutant(tmp_path, lambda d: d["identities"][0].__setitem__(0, "n00*s00 + n01*s01 + n10*s10 + n11*s11"))
    assert res.verdict == "refuted"
