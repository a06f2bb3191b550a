"""The producer-side polynomial-dual core (exactbell.lp.parametric) and the Fig. 4 curves (C002-29.curves);
C002-29.curves and C002-30.all-v are decided by the kernel kind ``lp`` (test_kernel_lp.py)."""
from __future__ import annotations

import json
from fractions import Fraction as F
from pathlib import Path

import pytest

from exactbell.kernel.check import check_file
from exactbell.lp import parametric as par
from exactbell.lp.exact import LP
from exactbell.relaxations import functionals as fn

CERT = Path(__file__).resolve().parents[1] / "proofs" / "chaves-kueng-brask-gross" / "C002-30.all-v.json"


def tiny(nu):
    """min x  s.t. (1 + nu) x >= 1 + t, x >= 0: optimum (1 + t)/(1 + nu)."""
    lp = LP(1, [True], {0: F(1)})
    lp.add_row({0: 1 + nu}, ">=", 1, 1)
    return lp


def test_affine_family_and_rational_dual():
    alp = par.AffineLP(tiny(F(0)), tiny(F(1)), tiny(F(2)))
    assert alp.coeff == [{0: [F(1), F(1)]}] and alp.rhs0 == [[F(1)]] and alp.rhs1 == [F(1)]
    # y(nu) = 1/(1 + nu): reduced cost (1+nu) - (1+nu)*1 = 0, objective (1 + t)/(1 + nu)
    P0, P1 = par.check_dual(alp, [F(1), F(1)], {0: [F(1)]}, [0], F(0), F(3))
    assert (P0, P1) == ([F(1)], [F(1)])
    # y = 2/(1+nu) is infeasible (reduced cost -(1+nu) < 0)
    with pytest.raises(par.ParametricError) as e:
        par.check_dual(alp, [F(1), F(1)], {0: [F(2)]}, [], F(0), F(3))
    assert e.value.field == "entries"
    # a denominator with a root in the range is rejected
    with pytest.raises(par.ParametricError) as e:
        par.check_dual(alp, [F(-1), F(1)], {0: [F(-1), F(1)]}, [0], F(0), F(3))
    assert e.value.field == "denominator"
    # wrong tight list
    with pytest.raises(par.ParametricError) as e:
        par.check_dual(alp, [F(1), F(1)], {0: [F(1)]}, [], F(0), F(3))
    assert e.value.field == "tight"


def test_non_affine_family_rejected():
    def sq(nu):
        lp = LP(1, [True], {0: F(1)})
        lp.add_row({0: 1 + nu * nu}, ">=", 1)
        return lp

    with pytest.raises(par.ParametricError, match="not affine"):
        par.AffineLP(sq(F(0)), sq(F(1)), sq(F(2)))


def test_bilocal_value_formula_independently():
    """The certified bound 2v^2 - 1 + 16(nu - 1/4)^2 against exact LP optima at sample points."""
    from exactbell.generators.ckbg import _bilocal_problem, nu_profile, rl
    from exactbell.lp.solve import certify
    from exactbell.relaxations.lps import build

    for v2, nu in ((F(16, 25), F(1, 5)), (F(9, 16), F(1, 4)), (F(289, 400), F(3, 10))):
        pr = _bilocal_problem(v2, {"measure": "non-bilocality", "nu_profile": rl(nu_profile(nu)), "fix_marginal": True})
        lp, _ = build(pr)
        assert certify(lp)["value"] == 2 * v2 - 1 + 16 * (nu - F(1, 4)) ** 2
    assert fn.bilocal_binary(F(1, 2)) != fn.bilocal_binary(F(1))


CURVES = CERT.parent / "C002-29.curves.json"


def test_curves_certificate_exact_fig4():
    r = check_file(CURVES)
    assert r.passed and r.verdict == "verified"
    # the range of nu at v = 4/5 is [v^2/4, (2 - v^2)/4] = [4/25, 17/50] (C002-28's closed form)
    assert "[4/25, 17/50]" in r.statement and "[9/64, 23/64]" in r.statement


def test_curve_primal_evaluates_to_formula():
    """Independent evaluation: the stored primal at a rational nu solves the LP there with value 2t-1+16(nu-1/4)^2."""
    from exactbell.generators.ckbg import _bilocal_problem, nu_profile, rl
    from exactbell.lp import exact
    from exactbell.relaxations.lps import build

    c = json.loads(CURVES.read_text())
    cv = next(x for x in c["data"]["curves"] if x["at"] == "16/25")
    nu, t = F(1, 5), F(16, 25)
    q = {j: sum(F(a) * nu ** k for k, a in enumerate(p)) for j, p in cv["primal"]}
    q = {j: v for j, v in q.items() if v}
    lp, _ = build(_bilocal_problem(t, {"measure": "non-bilocality", "nu_profile": rl(nu_profile(nu)),
                                       "fix_marginal": True}))
    assert exact.primal_violation(lp, q) is None
    assert exact.objective_value(lp, q) == 2 * t - 1 + 16 * (nu - F(1, 4)) ** 2
