"""Causal models as linear maps and relaxation measures (the producers' side of the LP certificates)."""
from __future__ import annotations

from fractions import Fraction as F

import pytest

from exactbell.relaxations import functionals as fn
from exactbell.relaxations.lps import build
from exactbell.relaxations.models import CausalModel, ModelError, local_model, named_model, ns_rows



@pytest.mark.parametrize("name,mx,n", [("lhv", 2, 16), ("x-to-b", 2, 64), ("a-to-b", 2, 64), ("x-to-b", 3, 4096),
                                       ("a-to-b", 3, 512), ("one-way-binary", 2, 1024)])
def test_hidden_variable_counts(name, mx, n):
    # X->B: o_a^{m_x} o_b^{m_x m_y}; A->B: o_a^{m_x} o_b^{o_a m_y}; one-way: 4 * 2^4 * 2^4
    assert named_model(name, mx, mx).n == n


def test_bilocal_counts_and_columns():
    m = CausalModel({"x": 3, "z": 3}, {"a": 2, "b": 4, "c": 2}, {"a": ["x"], "b": [], "c": ["z"]})
    assert m.n == 8 * 4 * 8 and m.size == 9 * 16
    cols = m.columns()
    assert len(cols) == m.n and all(len(c) == 9 for c in cols)
    assert len(set(cols)) == m.n  # deterministic behaviours determine λ


def test_cycle_and_bad_cardinalities():
    with pytest.raises(ModelError, match="cycle"):
        CausalModel({"x": 2}, {"a": 2, "b": 2}, {"a": ["x", "b"], "b": ["a"]})
    with pytest.raises(ModelError, match="cardinality"):
        CausalModel({"x": 2}, {"a": -1}, {"a": ["x"]})
    with pytest.raises(ModelError, match="unknown node|declared"):
        CausalModel({"x": 2}, {"a": 2}, {"a": ["y"]})
    with pytest.raises(ModelError, match="only for outputs and latents"):
        CausalModel({"x": 2}, {"a": 2}, {"x": ["a"]})
    with pytest.raises(ModelError, match="unknown named"):
        named_model("telepathy")






def test_chsh_functionals_local_and_pr():
    lhv = named_model("lhv")
    for var in fn.CHSH_VARIANTS:
        f = fn.chsh_variant(*var)
        vals = []
        for col in lhv.columns():
            p = [0] * 16
            for c, o in enumerate(col):
                p[c * 4 + o] = 1
            vals.append(fn.evaluate(f, p))
        assert max(vals) == 0
        assert fn.evaluate(f, fn.pr_box(*var)) == F(1, 2)
    # eq. (8) literally agrees with variant (0,0,0) at the PR box and at white noise
    assert fn.evaluate(fn.chsh_eq8(), fn.pr_box(0, 0, 0)) == F(1, 2)
    assert fn.evaluate(fn.chsh_eq8(), [F(1, 4)] * 16) == fn.evaluate(fn.chsh_variant(0, 0, 0), [F(1, 4)] * 16)


@pytest.mark.parametrize("d,lo", [(2, -2), (3, -4), (4, F(-10, 3))])
def test_cglmp_local_range(d, lo):
    from exactbell.generators.ckbg import local_range
    assert local_range(fn.cglmp(d), 2, 2, d, d) == (lo, 2)


def test_i3322_values_and_ghz_normalised():
    assert fn.evaluate(fn.i3322(), fn.i3322_pr()) == 1
    assert fn.evaluate(fn.i3322(), fn.white_noise(36, 4)) == -1
    g = fn.ghz()
    assert len(g) == 64 and all(sum(g[8 * c:8 * c + 8]) == 1 for c in range(8))
    assert set(g) == {F(0), F(1, 8), F(1, 4)}


def test_ns_rows_vanish_on_pr_and_not_on_signalling():
    m = named_model("lhv")
    rows = ns_rows(m)
    pr = fn.pr_box(0, 0, 0)
    assert all(sum(v * pr[k] for k, v in r.items()) == 0 for r in rows)
    sig = [F(0)] * 16  # Bob outputs x: b = x
    for x in range(2):
        for y in range(2):
            sig[(2 * x + y) * 4 + x] = F(1)
    assert any(sum(v * sig[k] for k, v in r.items()) != 0 for r in rows)


def test_build_rejects_bad_distribution():
    base = {"type": "causal", "model": {"named": "x-to-b"}, "objective": {"measure": "none"}}
    with pytest.raises(ModelError, match="16"):
        build({**base, "constraints": {"kind": "full", "p": ["1/4"] * 12}})
    with pytest.raises(ModelError, match="unknown functional"):
        build({**base, "constraints": {"kind": "functional", "functional": {"name": "nope"}, "value": "0"}})
    with pytest.raises(Exception, match="float"):
        build({**base, "constraints": {"kind": "full", "p": [0.25] * 16}})


def test_md_lp_layout():
    lp, info = build({"type": "measurement-dependence", "model": {"local": [[2, 2], [2, 2], [2, 2]]},
                      "constraints": {"kind": "full", "p": [str(v) for v in fn.ghz()]},
                      "objective": {"measure": "measurement-dependence"}})
    assert lp.ncols == 2 * 8 * 64 and lp.nrows == 64 + 8 + 2 * 512
    assert local_model([(2, 2)] * 3).n == 64
