"""The figures read what the kernel decided (schema-2 certificates) and draw PNGs.

The expected numbers are justified independently of the plotting code: the paper's formulas
(CKBG eq. (36), Fig. 2's breakpoint (5/7, 2/7), M_BL = 2v² − 1 + 16(ν − 1/4)² on ν ∈ [v²/4, (2 − v²)/4]
of Fig. 4 / LPs (57)-(58), Fig. 5's max(2v² − 1, 0); Liu–Chiribella's causal bound max(1 − α, (1 + α)/2))
and the exact values of the schema-1 certificates these were migrated from (e5ecce2).
"""
import json
from fractions import Fraction as F

import matplotlib
import pytest

from exactbell.plots import chaves_kueng_brask_gross as ckbg
from exactbell.plots import decided, discover, liu_chiribella

from .conftest import PROOFS

matplotlib.use("Agg")


def causal_lgyni(a):
    return max(1 - a, (1 + a) / 2)


def test_liu_chiribella_series():
    points, segment = liu_chiribella._certified()
    grid = {F(k, 20) for k in (1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 19)} | {F(1, 3), F(189, 1000)}
    assert [p[0] for p in points] == sorted(grid)  # C001-26.a=* and C001-23.violation
    for a, lo, hi in points:
        assert causal_lgyni(a) <= lo <= hi < lo + F(1, 10**5)  # tight exact brackets
    # a <= 3/20: the bracket starts at the causal bound (the exact processes reach just below it)
    assert all(lo == causal_lgyni(a) for a, lo, hi in points if a <= F(3, 20))
    # a = 1/2: lower (process) and upper (dual) values of the schema-1 certificate C001-26.a=1/2
    assert {a: (lo, hi) for a, lo, hi in points}[F(1, 2)] == (
        F("29792440956288215305353/37778931862957161709568"), F("27096072055/34359738368"))
    # C001-23: no violation on a in [0, 0.18864], the bound there is the causal bound 1 - a (a < 1/3)
    assert segment == (0, F("0.18864"), 1, 1 - F("0.18864"))


def test_ckbg_fig2_series():
    # eq. (36): min C_{X->B} = max[0, (2v - 1)/2] for p = v p_PR + (1 - v) p_W
    assert ckbg._pieces("C002-08") == [(0, F(1, 2), 0, 0), (F(1, 2), 1, F(-1, 2), 1)]
    red = ckbg._pieces("C002-09")  # in the I3322 value t: 0, then 2t/5 up to the printed kink (5/7, 2/7)
    assert red == [(-1, 0, 0, 0), (0, F(5, 7), 0, F(2, 5)), (F(5, 7), 1, F(-1, 4), F(3, 4))]
    a, _, c0, c1 = red[-1]
    assert (a, c0 + c1 * a) == (F(5, 7), F(2, 7))


def test_ckbg_fig4_fig5_series():
    pieces, bound = ckbg._mbl_all_v()
    assert pieces == [(0, F(1, 2), 0, 0), (F(1, 2), 1, -1, 2)]  # max(2v^2 - 1, 0) in t = v^2
    curves = ckbg._curves()
    assert set(curves) == {F(9, 16), F(16, 25), F(289, 400)}
    for t, ((lo, hi), exact) in curves.items():
        assert (lo, hi) == (t / 4, (2 - t) / 4)
        for nu in (lo, F(1, 4), F(3, 10), hi):
            assert exact(nu) == bound(nu, t) == 2 * t - 1 + 16 * (nu - F(1, 4)) ** 2
    for vs in ("3/4", "4/5", "17/20", "1"):  # single LPs at nu = 1/4: 2v^2 - 1
        v = F(vs)
        assert ckbg._optimum(f"C002-30.v={vs}") == (v * v, 2 * v * v - 1)
    assert [ckbg._optimum(f"C002-28.v=4/5.{s}")[1] for s in ("min", "max")] == [F(4, 25), F(17, 50)]


def test_refuses_a_certificate_that_does_not_pass(tmp_path):
    cert = json.loads((PROOFS / "chaves-kueng-brask-gross" / "C002-30.v=4_5.json").read_text())
    cert["expected"] = "refuted"
    path = tmp_path / "C002-30.json"
    path.write_text(json.dumps(cert))
    with pytest.raises(RuntimeError, match="does not pass"):
        decided(path)


@pytest.mark.parametrize("name", ["liu-chiribella-fig2a", "ckbg-fig2", "ckbg-fig4", "ckbg-fig5"])
def test_draws_png(name, tmp_path):
    path = discover()[name](tmp_path)
    assert path.parent == tmp_path and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
