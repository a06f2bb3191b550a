"""Chaves–Kueng–Brask–Gross claims C002-10, -13, -26, -27, -31 on kernel kinds (strategy-value with a
given behaviour, strategy-value Born rule, inequality, identity).

(1) decided statements of the bundled certificates, with values recomputed here independently;
(2) semantic mutations: each is rejected (error / not passed) or gives a different statement.
"""
import copy
import json
from fractions import Fraction as F
from itertools import product

import pytest

from exactbell.kernel.check import check_file

from .conftest import PROOFS
from .conftest import check_mutant as decide

CKBG = PROOFS / "chaves-kueng-brask-gross"


def load(name):
    return json.loads((CKBG / name).read_text())




def changed(tmp_path, cert, original):
    """A mutant is harmless only if it is rejected or its decided statement differs."""
    r = decide(tmp_path, cert)
    return r.verdict == "error" or not r.passed or (r.statement, r.verdict) != (original.statement, original.verdict)


# -- independent recomputations ------------------------------------------------------------------

def i3322_true_marginals(p):
    """Collins–Gisin I3322 with the true marginals p_A(0|x) (from y = 0), p_B(0|0) (from x = 0)."""
    P = lambda a, b, x, y: p[4 * (3 * x + y) + 2 * a + b]  # noqa: E731
    pos = sum(P(0, 0, x, y) for x, y in ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)))
    neg = P(0, 0, 1, 2) + P(0, 0, 2, 1)
    pa = lambda x: P(0, 0, x, 0) + P(0, 1, x, 0)  # noqa: E731
    pb = P(0, 0, 0, 0) + P(1, 0, 0, 0)
    return pos - neg - 2 * pa(0) - pa(1) - pb


def bilocal_p(v2):
    """Eqs. (54)-(55) at v^2 = v2, (x, z, a, b, c) lexicographic, b = 2 b0 + b1."""
    out = []
    for x, z, a, b, c in product(range(2), range(2), range(2), range(4), range(2)):
        b0, b1 = divmod(b, 2)
        p = F(1, 16) * (1 + F((-1) ** (a + c) * ((-1) ** b0 + (-1) ** (x + z + b1)), 2))
        out.append(v2 * p + (1 - v2) * F(1, 16))
    return out


def bilocal_ij(p):
    I = J = F(0)
    for w, (x, z, a, b, c) in zip(p, product(range(2), range(2), range(2), range(4), range(2))):
        b0, b1 = divmod(b, 2)
        I += w * (-1) ** (a + b0 + c) / 4
        J += w * (-1) ** (x + z + a + b1 + c) / 4
    return I, J


# -- (1) decided statements --------------------------------------------------------------------

def test_i3322_values():
    pr, noise = check_file(CKBG / "C002-10.json"), check_file(CKBG / "C002-10.white-noise.json")
    assert pr.passed and noise.passed and pr.verdict == noise.verdict == "verified"
    p_pr = [F(v) for v in load("C002-10.json")["data"]["strategy"]["behaviour"]]
    assert i3322_true_marginals(p_pr) == 1 and i3322_true_marginals([F(1, 4)] * 36) == -1
    assert pr.statement.startswith("the behaviour P = [1/2, 0, 0, 1/2, ")
    assert pr.statement.endswith(", P> = 1 on (3,3;2,2) (paper: 1)")
    assert noise.statement.endswith(", P> = -1 on (3,3;2,2) (paper: -1)")
    # the kernel's functional is the Collins-Gisin I3322 (its Bell operator, constant -1)
    assert "with Bell operator (-1)*1 + (1/4)*B0 + (1/4)*B1 + (-1/4)*A0 + (1/4)*A0*B0" in pr.statement


def test_a_to_b_closed_form_and_born_rule():
    r = check_file(CKBG / "C002-13.json")
    assert r.passed and r.verdict == "verified"
    assert r.statement == ("3 + (1 - (2*eps*(1 - eps))^2)/(1 + (2*eps*(1 - eps))^2) + 2*sqrt(eps*(1 - eps))*"
                           "(2*(2*eps*(1 - eps)))/(1 + (2*eps*(1 - eps))^2) > 4 for all eps in (0, 1)")
    for name, eps, root, value in (("C002-13.born.eps=1_2.json", F(1, 2), F(1, 2), F(22, 5)),
                                   ("C002-13.born.eps=1_5.json", F(1, 5), F(2, 5), F(2948, 689))):
        t = 2 * eps * (1 - eps)
        cos_, sin_ = (1 - t * t) / (1 + t * t), 2 * t / (1 + t * t)
        assert root * root == eps * (1 - eps) and 3 + cos_ + 2 * root * sin_ == value > 4
        r = check_file(CKBG / name)
        assert r.passed and r.verdict == "verified"
        assert f"B1 = [{cos_}, {sin_}; {sin_}, {-cos_}]" in r.statement
        assert f"P> = {value} on (3,3;2,2), which is > 4 (paper: " in r.statement


def test_bilocal_i_j_symbolic_in_v():
    for v2 in (F(0), F(1, 3), F(1)):
        assert bilocal_ij(bilocal_p(v2)) == (v2 / 2, v2 / 2)
    for name in ("C002-26.json", "C002-26.J.json"):
        r = check_file(CKBG / name)
        assert r.passed and r.verdict == "verified"
        assert r.statement.endswith("P> = (1/2)*v^2 on (2,1,2;2,4,2), for all v in [0, 1] (paper: v^2/2 = (1/2)*v^2)")
    r = check_file(CKBG / "C002-26.threshold.json")
    assert r.passed and r.statement == "(sqrt(w/2) + sqrt(w/2) - 1)*(w - 1/2) > 0 for all w in [0, 1] \\ {1/2}"


def test_marginal_parametrisations():
    r = check_file(CKBG / "C002-27.json")
    assert r.passed and r.verdict == "verified"
    assert r.statement.startswith("for all q00 in [0, 1], for all q01 in [0, 1], for all q10 in [0, 1], for all q11 in "
                                  "[0, 1]: (q00) + (1/2 - q00) + (1/2 - q00) + (q00) = 1; (q00) + (1/2 - q00) = 1/2; ")
    assert "q11 - (q00) = (1)*(-1 + q00 + q01 + q10 + q11) + (-1)*(-1/2 + q00 + q01) + (-1)*(-1/2 + q00 + q10)" \
        in r.statement
    r = check_file(CKBG / "C002-31.json")
    assert r.passed and r.verdict == "verified" and "8 identities, sha256 of their text" in r.statement
    # eq. (61)-(62) independently: any q with the constraints equals the formulas at its free tables
    ids = load("C002-31.json")["data"]["identities"]
    assert [row[1] for row in ids[:4]] == ["1", "1/2", "1/2", "1/2"]


# -- (2) mutations ---------------------------------------------------------------------------------

def _i3322_mutants():
    base = load("C002-10.json")
    out = []
    m = copy.deepcopy(base)
    m["data"]["strategy"]["behaviour"][0] = "1/3"  # not normalised
    out.append(("unnormalised", m))
    m = copy.deepcopy(base)
    m["data"]["strategy"]["behaviour"][1], m["data"]["strategy"]["behaviour"][2] = "-1/4", "1/4"  # sums kept, p < 0
    out.append(("negative", m))
    m = copy.deepcopy(base)
    m["data"]["paper"] = "2"
    out.append(("paper", m))
    m = copy.deepcopy(base)
    del m["data"]["paper"]
    out.append(("no paper", m))
    m = copy.deepcopy(base)
    m["data"]["functional"]["terms"]["pA(0|0)"] = "-1"
    out.append(("functional", m))
    m = copy.deepcopy(base)
    m["conventions"]["order"] = "outputs-major"
    out.append(("order", m))
    m = copy.deepcopy(base)
    del m["conventions"]["order"]
    out.append(("no order", m))
    m = copy.deepcopy(base)
    m["data"]["strategy"]["extra"] = 1
    out.append(("extra key", m))
    m = copy.deepcopy(base)
    m["data"]["strategy"]["behaviour"] = m["data"]["strategy"]["behaviour"][:-4]
    out.append(("short", m))
    m = copy.deepcopy(base)
    m["data"]["scenario"]["inputs"] = [3, 2]
    out.append(("scenario", m))
    return out


@pytest.mark.parametrize("label,cert", _i3322_mutants(), ids=[n for n, _ in _i3322_mutants()])
def test_i3322_mutants(tmp_path, label, cert):
    assert changed(tmp_path, cert, check_file(CKBG / "C002-10.json")), label


def test_a_to_b_mutants(tmp_path):
    orig = check_file(CKBG / "C002-13.json")
    base = load("C002-13.json")
    m = copy.deepcopy(base)
    m["data"]["lhs"] = m["data"]["lhs"].replace("2*eps*(1 - eps)", "eps")  # t = eps fails for eps > 4/5
    r = decide(tmp_path, m)
    assert r.verdict != "verified" and not r.passed
    m = copy.deepcopy(base)
    m["parameters"]["eps"] = "(0, 1]"  # at eps = 1 the value is exactly 4
    r = decide(tmp_path, m)
    assert r.verdict != "verified" and not r.passed
    m = copy.deepcopy(base)
    m["data"]["relation"] = ">="
    assert changed(tmp_path, m, orig)
    m = copy.deepcopy(base)
    m["parameters"] = {"e": "(0, 1)"}  # Euler's e is reserved
    assert decide(tmp_path, m).verdict == "error"
    born = load("C002-13.born.eps=1_2.json")
    orig = check_file(CKBG / "C002-13.born.eps=1_2.json")
    m = copy.deepcopy(born)
    m["data"]["strategy"]["state"] = ["1", "0", "0", "0"]  # product state: 3 + 3/5 < 4
    r = decide(tmp_path, m)
    assert r.verdict == "refuted" and not r.passed
    m = copy.deepcopy(born)
    m["data"]["strategy"]["observables"][1][1] = [["3/5", "3/5"], ["3/5", "-3/5"]]  # not a ±1 observable
    assert decide(tmp_path, m).verdict == "error"
    m = copy.deepcopy(born)
    m["data"]["paper"] = "3 + 3/5 + 4/5 + 1/100"
    assert changed(tmp_path, m, orig)
    m = copy.deepcopy(born)
    m["data"]["threshold"] = "5"
    assert changed(tmp_path, m, orig)


def _entry(x, z, a, b, c):
    return 32 * x + 16 * z + 8 * a + 2 * b + c


def test_bilocal_mutants(tmp_path):
    orig = check_file(CKBG / "C002-26.json")
    base = load("C002-26.json")
    beh = base["data"]["strategy"]["behaviour"]
    # move v^3/32 between two entries of context (0, 0) with opposite signs in I: a normalised, non-negative
    # behaviour whose I is not affine in v^2 -- the kernel must see it (it evaluates symbolically)
    i, j = _entry(0, 0, 0, 0, 0), _entry(0, 0, 0, 2, 0)  # b = 0 -> b0 = 0, b = 2 -> b0 = 1
    assert (bilocal_p(F(1))[i], bilocal_p(F(1))[j]) == (F(1, 8), F(1, 16))
    m = copy.deepcopy(base)
    m["data"]["strategy"]["behaviour"][i] = beh[i] + " - v^3/32"
    m["data"]["strategy"]["behaviour"][j] = beh[j] + " + v^3/32"
    r = decide(tmp_path, m)
    assert r.verdict == "refuted" and "v^3" in r.statement
    m = copy.deepcopy(base)
    m["data"]["strategy"]["behaviour"][i] = beh[i] + " + v^3/32"  # not normalised
    assert decide(tmp_path, m).verdict == "error"
    m = copy.deepcopy(base)
    m["parameters"]["v"] = "[0, 2]"  # (1 - v^2)/16 < 0 for v > 1: not a behaviour
    assert decide(tmp_path, m).verdict == "error"
    m = copy.deepcopy(base)
    m["parameters"]["v"] = "[0, 1/2]"
    assert changed(tmp_path, m, orig)
    m = copy.deepcopy(base)
    m["data"]["paper"] = "v/2"
    r = decide(tmp_path, m)
    assert r.verdict == "refuted" and not r.passed
    m = copy.deepcopy(base)
    m["data"]["functional"]["coefficients"][0] = "1/2"
    assert changed(tmp_path, m, orig)
    for bad in ("sqrt", "A0", "q_"):
        m = json.loads(json.dumps(base).replace('"v"', f'"{bad}"').replace("v^2", f"{bad}^2"))
        assert changed(tmp_path, m, orig), bad
    m = copy.deepcopy(base)
    m["data"]["strategy"]["behaviour"][0] = "v^2*w/8 + (1 - v^2)/16"  # an undeclared name
    assert decide(tmp_path, m).verdict == "error"
    thr = load("C002-26.threshold.json")
    m = copy.deepcopy(thr)
    m["parameters"]["w"] = "[0, 1]"  # at w = 1/2, B = 1: the product is 0
    r = decide(tmp_path, m)
    assert r.verdict != "verified" and not r.passed


def test_marginal_mutants(tmp_path):
    orig = check_file(CKBG / "C002-31.json")
    base = load("C002-31.json")
    m = copy.deepcopy(base)
    m["data"]["identities"][7][0] = m["data"]["identities"][7][0].replace("2*q000", "q000")  # a wrong formula
    r = decide(tmp_path, m)
    assert r.verdict == "refuted" and not r.passed
    m = copy.deepcopy(base)
    m["data"]["identities"][0][1] = "3/2"  # normalisation broken
    r = decide(tmp_path, m)
    assert r.verdict == "refuted" and not r.passed
    m = copy.deepcopy(base)
    del m["data"]["identities"][4]  # one completeness identity dropped: a different statement
    assert changed(tmp_path, m, orig)
    m = copy.deepcopy(base)
    m["parameters"]["q000"] = "[0, 1/2]"
    assert changed(tmp_path, m, orig)
    m = copy.deepcopy(base)
    m["data"]["mode"] = "ns"
    assert decide(tmp_path, m).verdict == "error"
    m = copy.deepcopy(base)
    m["data"]["extra"] = []
    assert decide(tmp_path, m).verdict == "error"
    b27 = load("C002-27.json")
    m = json.loads(json.dumps(b27).replace("q11", "pi"))  # a reserved name
    assert decide(tmp_path, m).verdict == "error"


# -- C002-11: I_A->B <= 4 on the A->B polytope, kind facet (correlator and probability space) ---------

def a_to_b_points(space):
    """The A->B deterministic behaviours recomputed here: a = f(x), b = g(a, y), 3 inputs, binary outputs."""
    pts = set()
    for f in product((0, 1), repeat=3):
        for g in product((0, 1), repeat=6):  # g[3a + y]
            p = [F(int((a, b) == (f[x], g[3 * f[x] + y]))) for x, y, a, b in product(range(3), range(3), (0, 1), (0, 1))]
            pts.add(tuple(p) if space == "probability" else
                    tuple(p[4 * c] - p[4 * c + 1] - p[4 * c + 2] + p[4 * c + 3] for c in range(9)))
    return sorted(pts)


def affine_rank(pts):
    """Affine rank by exact Gaussian elimination on differences (independent of the kernel)."""
    rows = [[a - b for a, b in zip(p, pts[0])] for p in pts[1:]]
    rank = 0
    for col in range(len(pts[0])):
        piv = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if piv is None:
            continue
        rows[rank], rows[piv] = rows[piv], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                c = rows[r][col] / rows[rank][col]
                rows[r] = [x - c * y for x, y in zip(rows[r], rows[rank])]
        rank += 1
    return rank


def test_c002_11_face_ranks_recomputed():
    t = {0: 1, 2: -1, 4: -1, 5: 1, 6: -1, 7: 1}  # eq. (10) on E_xy, index 3x + y
    for space, (n, dim, tight, fdim) in {"correlator": (176, 9, 12, 8), "probability": (400, 21, 24, 17)}.items():
        pts = a_to_b_points(space)
        E = pts if space == "correlator" else [[p[4 * c] - p[4 * c + 1] - p[4 * c + 2] + p[4 * c + 3] for c in range(9)]
                                               for p in pts]
        vals = [sum(w * e[k] for k, w in t.items()) for e in E]
        T = [p for p, v in zip(pts, vals) if v == 4]
        assert (len(pts), affine_rank(pts), max(vals), len(T), affine_rank(T)) == (n, dim, 4, tight, fdim)
        s = check_file(CKBG / f"C002-11.{space}.json").statement
        assert f"({n} distinct points, dimension {dim})" in s
        if space == "correlator":
            assert "I_A->B [<= #3fc6f0d960]: facet;" in s and s.endswith("1 among 1 facets (paper: facets)")
        else:
            assert f"valid, not a facet (its tight points have affine rank {fdim} < {dim - 1})" in s


@pytest.mark.parametrize("space,mutate", [
    ("correlator", lambda d: d.update(space="probability")),
    ("probability", lambda d: d.update(space="correlator")),
    ("correlator", lambda d: d["inequalities"][0].update(bound="7/2")),  # invalid
    ("correlator", lambda d: d["inequalities"][0].update(bound="5")),  # valid, not tight
    ("correlator", lambda d: d["inequalities"][0].update(sense=">=")),
    ("correlator", lambda d: d["inequalities"][0]["functional"]["terms"].update(A0B1="1")),
    ("correlator", lambda d: d["inequalities"][0]["functional"]["terms"].update(A0="1")),  # a marginal: no E_xy form
    ("probability", lambda d: d["inequalities"][0]["functional"]["terms"].update(A0="1")),
    ("correlator", lambda d: d["model"].update(inputs=[3, 2])),
    ("correlator", lambda d: d.pop("space")),
    ("correlator", lambda d: d.update(paper="facets, one class", extra=1)),
    ("correlator", lambda d: d["inequalities"][0].update(matrix=[[0] * 4] * 4)),
])
def test_c002_11_mutants(tmp_path, space, mutate):
    cert = load(f"C002-11.{space}.json")
    original = check_file(CKBG / f"C002-11.{space}.json")
    mutate(cert["data"])
    assert changed(tmp_path, cert, original)


def test_c002_11_form_must_be_correlator(tmp_path):
    cert = load("C002-11.correlator.json")
    cert["conventions"]["form"] = "sw-4x4"
    assert decide(tmp_path, cert).verdict == "error"
