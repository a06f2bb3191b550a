"""Exact LP certificates: verification core, reconstruction, Farkas, checkers and bad input."""
from __future__ import annotations

import copy
import json
from fractions import Fraction as F
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.certificates.format import dump_certificate
from exactbell.legacy.checkers import check_file
from exactbell.lp import exact
from exactbell.lp.exact import LP
from exactbell.lp.solve import certify, reconstruct_dual
from exactbell.relaxations import functionals as fn
from exactbell.relaxations.lps import build
from .conftest import walk_leaves

PROOFS = Path(__file__).resolve().parents[1] / "proofs" / "chaves-kueng-brask-gross"


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


# ---- checker on bundled certificates: pass, and reject mutations -------------------------------

SMALL = ["C002-01.pr-not-local.json", "C002-04.pr-box.json", "C002-05.pr-box.json", "C002-15.d=2.json",
         "C002-15.domain.json"]


@pytest.mark.parametrize("name", SMALL)
def test_bundled_small_certificates_pass(name):
    r = check_file(PROOFS / name)
    assert r.passed, r.detail


def _mutable(cert):
    out = []
    for path, v in walk_leaves(cert["data"], ("data",)):
        if isinstance(v, bool):
            continue
        if isinstance(v, int) or (isinstance(v, str) and v.lstrip("-").replace("/", "").isdigit()):
            out.append(path)
    return out


def _set(obj, path, value):
    for p in path[:-1]:
        obj = obj[p]
    obj[path[-1]] = value


def _get(obj, path):
    for p in path:
        obj = obj[p]
    return obj


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SMALL), st.integers(min_value=0, max_value=10**6), st.sampled_from(["1/7", "-1/3", "1"]))
def test_mutated_leaf_is_rejected(tmp_path_factory, name, k, delta):
    cert = json.loads((PROOFS / name).read_text())
    paths = _mutable(cert)
    path = paths[k % len(paths)]
    v = _get(cert, path)
    if isinstance(v, int):
        new = v + 1
    else:
        new = str(F(v) + F(delta))
    mutated = copy.deepcopy(cert)
    _set(mutated, path, new)
    f = tmp_path_factory.mktemp("mut") / name
    f.write_text(dump_certificate(mutated))
    r = check_file(f)
    assert not r.passed, f"mutation at {path} ({v} -> {new}) was accepted"


def _write(tmp_path, cert, name="c.json"):
    f = tmp_path / name
    f.write_text(dump_certificate(cert))
    return check_file(f)


def test_float_in_primal_is_clear_error(tmp_path):
    cert = json.loads((PROOFS / "C002-04.pr-box.json").read_text())
    text = dump_certificate(cert).replace(f'"{cert["data"]["optimum"]}"', "1.0", 1)
    f = tmp_path / "c.json"
    f.write_text(text)
    r = check_file(f)
    assert not r.passed and "float" in r.detail


def test_cycle_and_cardinality_errors(tmp_path):
    cert = json.loads((PROOFS / "C002-05.pr-box.json").read_text())
    bad = copy.deepcopy(cert)
    bad["data"]["problem"]["model"] = {"inputs": {"x": 2, "y": 2}, "outputs": {"a": 2, "b": 2},
                                       "parents": {"a": ["x", "b"], "b": ["a", "y"]}}
    r = _write(tmp_path, bad)
    assert not r.passed and "cycle" in r.detail and "data.problem" in r.detail
    bad["data"]["problem"]["model"] = {"inputs": {"x": 0, "y": 2}, "outputs": {"a": 2, "b": 2},
                                       "parents": {"a": ["x"], "b": ["y"]}}
    r = _write(tmp_path, bad)
    assert not r.passed and "cardinality" in r.detail


def test_unnormalised_and_wrong_length_distribution(tmp_path):
    cert = json.loads((PROOFS / "C002-05.pr-box.json").read_text())
    bad = copy.deepcopy(cert)
    bad["data"]["problem"]["constraints"]["p"][0] = "1"
    r = _write(tmp_path, bad)
    assert not r.passed and "not normalised" in r.detail
    bad = copy.deepcopy(cert)
    bad["data"]["problem"]["constraints"]["p"] = bad["data"]["problem"]["constraints"]["p"][:15]
    r = _write(tmp_path, bad)
    assert not r.passed and "16" in r.detail


def test_refuted_needs_matching_counterexample(tmp_path):
    cert = json.loads((PROOFS / "C002-04.pr-box.json").read_text())
    bad = copy.deepcopy(cert)
    bad["expected"]["counterexample"]["optimum"] = "1/2"
    r = _write(tmp_path, bad)
    assert not r.passed and "counterexample" in r.detail
    bad = copy.deepcopy(cert)
    bad["expected"] = {"verdict": "verified"}
    r = _write(tmp_path, bad)
    assert not r.passed and r.verdict == "refuted"


def test_farkas_with_nonpositive_value_rejected(tmp_path):
    cert = json.loads((PROOFS / "C002-01.pr-not-local.json").read_text())
    bad = copy.deepcopy(cert)
    bad["data"]["farkas"] = [[k, str(-F(v))] for k, v in bad["data"]["farkas"]]
    r = _write(tmp_path, bad)
    assert not r.passed
