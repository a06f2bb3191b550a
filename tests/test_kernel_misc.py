"""Mop-up migrations: identity mode ``sw-point`` (Sengupta–Wooltorton C000-01), identity mode
``supermap`` (Liu–Chiribella App. E, C001-35.d=2/4/6) and vertex-set image mode (Liu–Chiribella
App. C, C001-07). Decided statements of the bundled certificates, independent cross-checks, and
semantic mutations that must be rejected or change the statement."""
from __future__ import annotations

import functools
import json
from fractions import Fraction as F
from itertools import product
from pathlib import Path

import numpy as np
import pytest

from exactbell.kernel.check import check_file
from exactbell.kernel.kinds.identity import supermap

PROOFS = Path(__file__).resolve().parents[1] / "proofs"
C000_01 = PROOFS / "sengupta-wooltorton" / "C000-01.json"
C001_07 = PROOFS / "liu-chiribella" / "C001-07.json"  # composite of the polygon and the envelope (Eq. (49))
C001_07_POLYGON = PROOFS / "liu-chiribella" / "C001-07.polygon.json"
C001_07_ENVELOPE = PROOFS / "liu-chiribella" / "C001-07.envelope.json"
C001_35 = {d: PROOFS / "liu-chiribella" / f"C001-35.d={d}.json" for d in (2, 4, 6)}


def load(path):
    return json.loads(Path(path).read_text())


def run(tmp_path, cert):
    p = tmp_path / "c.json"
    p.write_text(json.dumps(cert))
    return check_file(p)


@functools.lru_cache(maxsize=None)
def _base(path):
    return check_file(path)


def changed(base, r):
    """A mutant is caught: rejected, or its decided statement/verdict differs from the pinned one."""
    return r.verdict == "error" or not r.passed or r.statement != base.statement or r.verdict != base.verdict


# -- C000-01: the Eq. (9) point of the worked example (Sec. III A) ------------------------------------

def test_c000_01_statement():
    r = check_file(C000_01)
    assert r.passed and r.verdict == "verified", r.detail
    s = r.statement
    assert s.startswith("for all p in [1/2, 1]: under S_(p,p),(1/2,1/2) (Eq. (9)), f_A = [[0, 0], [1, 1]]")
    # the paper's printed behaviour (L154-166), recomputed by the kernel
    assert "give P = [p, -p + 1, -p + 1, p; 0, 0, 0, 0; 0, 0, 0, 0; -p + 1, p, p, -p + 1]" in s
    assert "(2*p - 1, -2*p + 1), eps^(A->B) = 2*p - 1" in s and "(0, 0), eps^(B->A) = 0" in s


def _channel_point(fa, fb, p, q, r, s):
    """Independent simulation of Eq. (9): x~ ~ channel(x), y~ ~ channel(y); a = f_A(x, y~), b = f_B(x~, y)."""
    ch = lambda f0, f1: [[f0, 1 - f0], [1 - f1, f1]]  # noqa: E731  ch[input][output]
    cx, cy = ch(p, q), ch(r, s)
    P = [[F(0)] * 4 for _ in range(4)]
    for x, y, xt, yt in product(range(2), repeat=4):
        a, b = fa[x][yt], fb[xt][y]
        P[2 * x + a][2 * y + b] += cx[x][xt] * cy[y][yt]
    return P


def test_c000_01_matches_an_independent_simulation():
    p = F(3, 4)
    P = _channel_point([[0, 0], [1, 1]], [[0, 1], [1, 0]], p, p, F(1, 2), F(1, 2))
    assert P == [[p, 1 - p, 1 - p, p], [0] * 4, [0] * 4, [1 - p, p, p, 1 - p]]
    assert P[0][0] + P[1][0] - P[2][0] - P[3][0] == 2 * p - 1  # NS^(A->B)_0 = p_B(0|0,0) - p_B(0|1,0)


def _mutants_c000_01():
    def m(fn):
        c = load(C000_01)
        fn(c)
        return c
    d = lambda c: c["data"]  # noqa: E731
    return {
        "alice table": m(lambda c: d(c).update(alice=[[0, 1], [1, 1]])),
        "bob table": m(lambda c: d(c).update(bob=[[0, 0], [1, 1]])),
        "fidelity r": m(lambda c: d(c)["fidelities"].update(r="p")),
        "fidelity out of [0,1]": m(lambda c: d(c)["fidelities"].update(p="2*p")),
        "paper eps": m(lambda c: d(c)["paper"]["epsilon"].update({"A->B": "1 - 2*p"})),
        "paper matrix entry": m(lambda c: d(c)["paper"]["behaviour"][1].__setitem__(0, "p")),
        "drop paper": m(lambda c: d(c).pop("paper")),
        "narrow domain": m(lambda c: c["parameters"].update(p="[1/2, 3/4]")),
        "open domain": m(lambda c: c["parameters"].update(p="(1/2, 1]")),
        "widen domain": m(lambda c: c["parameters"].update(p="[0, 1]")),
        "fixed parameter": m(lambda c: c["parameters"].update(p="3/4")),
        "rename parameter": m(lambda c: c.update(parameters={"q": "[1/2, 1]"})),
        "extra key": m(lambda c: d(c).update(extra=1)),
        "drop key": m(lambda c: d(c).pop("bob")),
        "bad table": m(lambda c: d(c).update(alice=[[0, 2], [1, 1]])),
        "form": m(lambda c: c["conventions"].update(form="correlator")),
    }


@pytest.mark.parametrize("name", list(_mutants_c000_01()))
def test_c000_01_mutants(tmp_path, name):
    base = _base(C000_01)
    r = run(tmp_path, _mutants_c000_01()[name])
    assert changed(base, r), name
    if name in ("alice table", "paper eps", "paper matrix entry", "widen domain"):
        assert r.verdict == "refuted", (name, r.verdict, r.detail)
    if name in ("fidelity out of [0,1]", "extra key", "drop key", "bad table", "form", "rename parameter"):
        assert r.verdict == "error", (name, r.verdict)


# -- C001-35: Eq. (89) supermaps and Eq. (90) ------------------------------------------------------

def _dense89(d, x, y):
    """Eq. (89) with numpy, on A_O B_O A_I B_I, transposed to A_I A_O B_I B_O."""
    I, P = np.eye(d), lambda v: np.outer(np.eye(d)[v], np.eye(d)[v])  # noqa: E731
    k = lambda *ms: ms[0] if len(ms) == 1 else np.kron(ms[0], k(*ms[1:]))  # noqa: E731
    S = (k(P(x), P(x), I - P(y), P(x)) + k(P(y), P(y), I - P(y), P(x)) + k(P(x), P(y), P(y), I - P(x))
         + k(P(y), P(x), P(y), I - P(x)) + k(I - P(x) - P(y), I - P(x) - P(y), P(y), P(x)))
    return S.reshape([d] * 8).transpose(2, 0, 3, 1, 6, 4, 7, 5).reshape(d ** 4, d ** 4)


@pytest.mark.parametrize("d,x,y", [(2, 0, 1), (4, 0, 1), (4, 2, 3), (6, 4, 5)])
def test_kernel_supermap_matches_dense_eq89(d, x, y):
    cert = load(C001_35[d])["data"]
    S = supermap(cert["products"], cert["order"], d, x, y)
    D = _dense89(d, x, y)
    assert np.count_nonzero(D - np.diag(np.diag(D))) == 0
    dense = {e: int(D[i, i]) for i, e in enumerate(product(range(d), repeat=4)) if D[i, i]}
    assert S == dense


@pytest.mark.parametrize("d", [2, 4, 6])
def test_c001_35_statements(d):
    r = check_file(C001_35[d])
    assert r.passed and r.verdict == "verified", r.detail
    for t in range(d // 2):
        assert (f"S_({2 * t},{2 * t + 1}) is admissible (Eq. (12), trace d^2) and gives (t1, z1, t2, z2) = "
                f"(t, x2, t, x1) with certainty for every (x1, x2), t = {t}") in r.statement
    assert r.statement.startswith(f"d = {d}, S_(x,y) = {{x}} (x) {{x}} (x) I-{{y}} (x) {{x}} + ")
    assert "on A_out (x) B_out (x) A_in (x) B_in" in r.statement and r.statement.endswith("for all f1, f2 (Eq. (90))")


def _mutants_c001_35():
    def m(fn):
        c = load(C001_35[4])
        fn(c)
        return c
    d = lambda c: c["data"]  # noqa: E731
    return {
        "usual order (erratum E3)": m(lambda c: d(c).update(order=["A_in", "A_out", "B_in", "B_out"])),
        "drop a term": m(lambda c: d(c)["products"].pop()),
        "change a factor": m(lambda c: d(c)["products"][0].__setitem__(2, "I-{x}")),
        "pair not 2t,2t+1": m(lambda c: d(c).update(pairs=[[1, 2]])),
        "fewer pairs": m(lambda c: d(c).update(pairs=[[0, 1]])),
        "odd d": m(lambda c: d(c).update(d=3)),
        "bad factor": m(lambda c: d(c)["products"][0].__setitem__(0, "{z}")),
        "factor out of range": m(lambda c: d(c)["products"][0].__setitem__(0, "{7}")),
        "extra key": m(lambda c: d(c).update(trace=16)),
        "bad order": m(lambda c: d(c).update(order=["A_in", "A_in", "B_in", "B_out"])),
    }


@pytest.mark.parametrize("name", list(_mutants_c001_35()))
def test_c001_35_mutants(tmp_path, name):
    base = _base(C001_35[4])
    r = run(tmp_path, _mutants_c001_35()[name])
    assert changed(base, r), name
    if name in ("usual order (erratum E3)", "drop a term", "change a factor"):
        assert r.verdict == "refuted" and "not admissible" in r.statement, (name, r.statement)
    if name in ("odd d", "bad factor", "factor out of range", "extra key", "bad order"):
        assert r.verdict == "error", (name, r.verdict)


# -- C001-07: the causal region in the (P11, P^ave) plane --------------------------------------------

def test_c001_07_statement_and_independent_images():
    from exactbell.causal import inequalities as iq
    from exactbell.causal.polytope import causal_vertices

    r = check_file(C001_07)
    assert r.passed and r.verdict == "verified", r.detail
    s = r.statement
    assert "(coefficients in inputs-major order) of the 112 deterministic definite-order behaviours on (2,2;2,2)" in s
    assert "are 5 distinct points, exactly 4 of which are vertices" in s
    assert "vertices (counter-clockwise) (0, 0), (1, 0), (1, 1/2), (0, 1)" in s
    assert "facets -1 X + 0 Y <= 0, 0 X + -1 Y <= 0, 1 X + 0 Y <= 1, 1 X + 2 Y <= 2" in s
    # Eq. (49): max over the causal behaviours of alpha X + (1 - alpha) Y, decided for every alpha
    assert ("[C001-07.envelope: max over causal strategies of <[0, 0, 0, 0, (1 - alpha)/2, 0, (1 - alpha)/2, 0, "
            "(1 - alpha)/2, (1 - alpha)/2, 0, 0, 0, 0, 0, alpha] (probability, inputs-major), P> on (2,2;2,2) is the "
            "max of its 5 distinct values over 112 distinct deterministic definite-order behaviours (A<B or B<A): "
            "max(-alpha + 1, -1/2*alpha + 1/2, 1/2*alpha + 1/2, 0, alpha) == max(1 - alpha, (1 + alpha)/2) for all "
            "alpha in [0, 1]]") in s
    # the producer-side causal package (not the kernel) gives the same images and polygon
    sc, fx = iq.biased_lgyni(F(1))
    _, fy = iq.biased_lgyni(F(0))
    vs = causal_vertices(sc)
    pts = {(sum(fx[(a, x)] * b.p(a, x) for a, x in sc.entries()),
            sum(fy[(a, x)] * b.p(a, x) for a, x in sc.entries())) for b in vs}
    assert len(vs) == 112 and len(pts) == 5
    assert {(0, 0), (1, 0), (1, F(1, 2)), (0, 1)} <= pts
    assert all(X + 2 * Y <= 2 and 0 <= X <= 1 and 0 <= Y <= 1 for X, Y in pts)


@pytest.mark.parametrize("V", [[(0, 0), (1, 0), (1, 1), (0, 1)],
                               [(2, 3), (0, 0), (3, 1), (-1, 1), (2, -1), (0, 2)],
                               [(0, 0), (4, 1), (1, 5)]])
def test_polygon_vertices_in_counter_clockwise_order(V):
    # _polygon orders the decided vertices (convex position) by slope from the least one
    from exactbell.kernel.kinds.vertex_set import _polygon

    class NoPaper:
        def obj(self, key, default=None):
            return default
    V = [tuple(map(F, v)) for v in V]
    text, holds, shown = _polygon(None, NoPaper(), V)
    shown_vs = text.split("vertices (counter-clockwise) ")[1].split(", facets")[0]
    H = [tuple(map(F, v.split(", "))) for v in shown_vs[1:-1].split("), (")]
    cross = lambda o, a, b: (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])  # noqa: E731
    assert sorted(H) == sorted(V) and H[0] == min(V) and holds is None and shown is None
    assert all(cross(H[k - 2], H[k - 1], H[k]) > 0 for k in range(len(H)))  # every turn is a left turn


def _mutants_c001_07():
    def m(fn, path=C001_07_POLYGON):
        c = load(path)
        fn(c)
        return c
    d = lambda c: c["data"]  # noqa: E731
    pap = lambda c: d(c)["paper"]  # noqa: E731
    return {
        "redundant facet P^ave <= 1": m(lambda c: pap(c)["facets"].append(["0", "1", "1"])),
        "envelope one branch": m(lambda c: d(c).update(paper="1 - alpha"), C001_07_ENVELOPE),
        "envelope alpha range": m(lambda c: c.update(parameters={"alpha": "[0, 2]"}), C001_07_ENVELOPE),
        "envelope over local": m(lambda c: d(c).update(model="local"), C001_07_ENVELOPE),
        "paper vertex": m(lambda c: pap(c)["vertices"].__setitem__(2, ["1", "1"])),
        "drop paper": m(lambda c: d(c).pop("paper")),
        "coordinate Y": m(lambda c: d(c)["model"]["coordinates"]["Y"]["coefficients"].__setitem__(4, "1")),
        "coordinate X": m(lambda c: d(c)["model"]["coordinates"]["X"]["coefficients"].__setitem__(15, "2")),
        "drop an extreme point": m(lambda c: d(c)["extreme"].pop()),
        "weak functional": m(lambda c: d(c)["extreme"][0].update(functional=[0, 0])),
        "bad weight": m(lambda c: d(c)["redundant"][0]["combination"][0].__setitem__(1, "1")),
        "redundant as extreme": m(lambda c: d(c)["extreme"].append(
            {"label": d(c)["redundant"][0]["label"], "functional": [1, 1]})),
        "base local": m(lambda c: d(c)["model"].update(base="local")),
        "extra key": m(lambda c: d(c)["model"].update(extra=1)),
        "order": m(lambda c: c["conventions"].update(order="outputs-major")),
        "parameter": m(lambda c: c.update(parameters={"a": "(0, 1)"})),
    }


@pytest.mark.parametrize("name", list(_mutants_c001_07()))
def test_c001_07_mutants(tmp_path, name):
    base = _base(C001_07_ENVELOPE if name.startswith("envelope") else C001_07_POLYGON)
    r = run(tmp_path, _mutants_c001_07()[name])
    assert changed(base, r), name
    if name.startswith(("redundant facet", "paper vertex")):
        assert r.verdict == "refuted", (name, r.verdict, r.detail)
    if name == "envelope one branch":  # false on (1/3, 1]: rejected unless a refuting point is given
        assert r.verdict == "error" and "statement is false" in r.detail, (name, r.detail)
    if name in ("drop an extreme point", "weak functional", "bad weight", "redundant as extreme", "base local",
                "extra key", "parameter"):
        assert r.verdict == "error", (name, r.verdict)


# -- C001-33: the 256 extreme qubit supermaps and their classes (App. D) ----------------------------
C001_33 = PROOFS / "liu-chiribella" / "C001-33.json"


def _extreme_points():
    cls = {}
    for p in product(range(2), repeat=4):
        cls.setdefault((p[0] ^ p[1], p[2] ^ p[3]), []).append(p)
    return [frozenset(T) for T in product(*cls.values())]


def _flipped(t, fa, fb):
    i, j, k, l = t  # noqa: E741
    if fa:
        i, j = j, i
    if fb:
        k, l = l, k  # noqa: E741
    return (i, j, k, l)


def test_no_signalling_points_are_the_products():
    from exactbell.kernel.kinds.vertex_set import supermap_class
    ns = set()
    for fa, fb, ca, cb in product(range(2), repeat=4):
        ns.add(frozenset(_flipped((ca, j, cb, l), fa, fb) for j in range(2) for l in range(2)))
    assert len(ns) == 16
    assert {T for T in _extreme_points() if supermap_class(tuple(T)) == "no-signalling"} == ns


def test_ico_points_are_the_xor_form_of_the_paper():
    from exactbell.kernel.kinds.vertex_set import supermap_class
    xor = set()
    for fa, fb, al, be in product(range(2), repeat=4):
        xor.add(frozenset(_flipped((j ^ l ^ al, j, j ^ l ^ be, l), fa, fb) for j in range(2) for l in range(2)))
    assert len(xor) == 16
    assert {T for T in _extreme_points() if supermap_class(tuple(T)) == "ico-xor"} == xor
    assert supermap_class(((0, 0, 0, 0), (1, 1, 1, 0), (1, 0, 1, 1), (0, 1, 0, 1))) == "ico-xor"  # GYNI, Eq. (86)


def test_c001_33_statement():
    r = check_file(C001_33)
    assert r.passed and r.verdict == "verified", r.detail
    s = r.statement
    assert "have the same solution set (affine dimension 12)" in s and "256 extreme points" in s
    # the paper's 2^4, 2^5, 2^6, 2^4, 2^7 (App. D after Eq. (85))
    assert s.endswith("no-signalling 16, one-way-fixed 32, one-way-dynamic 64, ico-xor 16, non-functional 128, "
                      "other 0 (paper: no-signalling 16, one-way-fixed 32, one-way-dynamic 64, ico-xor 16, "
                      "non-functional 128)")


def _mutants_c001_33():
    def m(fn):
        c = load(C001_33)
        fn(c)
        return c
    d = lambda c: c["data"]  # noqa: E731
    return {
        "paper count": m(lambda c: d(c)["paper"].update({"ico-xor": 17})),
        "paper swap": m(lambda c: d(c)["paper"].update({"one-way-fixed": 64, "one-way-dynamic": 32})),
        "drop paper": m(lambda c: d(c).pop("paper")),
        "paper missing class": m(lambda c: d(c)["paper"].pop("ico-xor")),
        "paper extra class": m(lambda c: d(c)["paper"].update(other=0)),
        "wrong partition": m(lambda c: d(c)["model"].update(partition=[[1, 0, 1, 0], [0, 1, 0, 1]])),
        "coarser partition": m(lambda c: d(c)["model"].update(partition=[[1, 1, 0, 0]])),
        "bad partition": m(lambda c: d(c)["model"].update(partition=[[1, 2, 0, 0]])),
        "parameter": m(lambda c: c.update(parameters={"a": "1/2"})),
        "extra key": m(lambda c: d(c)["model"].update(d=2)),
    }


@pytest.mark.parametrize("name", list(_mutants_c001_33()))
def test_c001_33_mutants(tmp_path, name):
    base = _base(C001_33)
    r = run(tmp_path, _mutants_c001_33()[name])
    assert changed(base, r), name
    if name in ("paper count", "paper swap", "wrong partition", "coarser partition"):
        assert r.verdict == "refuted", (name, r.verdict, r.detail)
    if name in ("paper missing class", "paper extra class", "bad partition", "parameter", "extra key"):
        assert r.verdict == "error", (name, r.verdict)
