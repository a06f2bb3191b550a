"""The producer-side exact LP core (exactbell.lp.exact, exactbell.lp.solve); the kernel kind ``lp`` is tested
in test_kernel_lp.py."""
from __future__ import annotations

from fractions import Fraction as F

import pytest

from exactbell.lp import exact
from exactbell.lp.exact import LP
from exactbell.lp.solve import certify, reconstruct_dual
from exactbell.relaxations import functionals as fn
from exactbell.relaxations.lps import build

def small_lp():
    """min x0 + 2 x1  s.t. x0 + x1 = 1, x0 - x1 >= -1/2 ... optimum 1 at (1, 0)."""
    lp = LP(2, [True, True], {0: F(1), 1: F(2)})
    lp.add_row({0: 1, 1: 1}, "=", 1)
    lp.add_row({0: 1, 1: -1}, ">=", F(-1, 2))
    return lp


def test_exact_weak_duality_small():
    lp = small_lp()
    assert exact.primal_violation(lp, {0: F(1)}) is None
    assert exact.objective_value(lp, {0: F(1)}) == 1
    assert exact.dual_violation(lp, {0: F(1)}) is None
    assert exact.dual_value(lp, {0: F(1)}) == 1
    # y0 = 3/2 violates column 0 (3/2 > 1)
    assert "column" in exact.dual_violation(lp, {0: F(3, 2)})
    # negative dual on a '>=' row is rejected
    assert "must be >= 0" in exact.dual_violation(lp, {1: F(-1)})
    assert exact.tight_columns(lp, {0: F(1)}) == [0]


def test_certify_small_lp_exact():
    res = certify(small_lp())
    assert res["value"] == 1 and res["primal"] == {0: F(1)}
    assert exact.dual_value(small_lp(), res["dual"]) == 1


def test_parametric_rhs_affine():
    lp = LP(1, [True], {0: F(1)})
    lp.add_row({0: 1}, ">=", F(1, 3), 2)  # x >= 1/3 + 2 t
    assert exact.dual_value_affine(lp, {0: F(1)}) == (F(1, 3), F(2))
    assert exact.primal_violation(lp, {0: F(1)}, F(1, 3)) is None
    assert exact.primal_violation(lp, {0: F(1)}, F(1, 2)) is not None


def test_infeasible_gives_exact_farkas():
    lp = LP(1, [True], {})
    lp.add_row({0: 1}, "=", -1)  # x = -1, x >= 0: infeasible
    res = certify(lp)
    assert res["status"] == "infeasible"
    y = res["farkas"]
    assert exact.dual_violation(lp, y, homogeneous=True) is None
    assert exact.dual_value(lp, y) > 0


def test_pr_box_lhv_farkas_and_a_to_b_value():
    p = [str(v) for v in fn.pr_box(0, 0, 0)]
    lp, _ = build({"type": "causal", "model": {"named": "lhv"}, "constraints": {"kind": "full", "p": p},
                   "objective": {"measure": "none"}})
    res = certify(lp)
    assert res["status"] == "infeasible" and exact.dual_value(lp, res["farkas"]) > 0
    lp, _ = build({"type": "causal", "model": {"named": "a-to-b"}, "constraints": {"kind": "full", "p": p},
                   "objective": {"measure": "influence", "source": "a", "target": "b"}})
    assert certify(lp)["value"] == 1
    lp, _ = build({"type": "causal", "model": {"named": "x-to-b"}, "constraints": {"kind": "full", "p": p},
                   "objective": {"measure": "influence", "source": "x", "target": "b"}})
    assert certify(lp)["value"] == F(1, 2)


def test_reconstruct_dual_rejects_wrong_target():
    lp = small_lp()
    from exactbell.lp.solve import ReconstructionError
    with pytest.raises(ReconstructionError):
        reconstruct_dual(lp, [1.0, 0.0], target=F(2))


def test_sparse_vector_rejects_bad_entries():
    with pytest.raises(exact.LPError, match="duplicate"):
        exact.sparse_vector([(0, F(1)), (0, F(2))], 3, "v")
    with pytest.raises(exact.LPError, match="outside"):
        exact.sparse_vector([(5, F(1))], 3, "v")
    with pytest.raises(exact.LPError, match="zero"):
        exact.sparse_vector([(1, F(0))], 3, "v")
