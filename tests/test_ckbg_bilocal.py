"""Kind lp-parametric-dual (min over nu of M_BL, C002-30 for every visibility) and its polynomial-dual core."""
from __future__ import annotations

import json
from fractions import Fraction as F
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.legacy.checkers import check_file
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


def load():
    return json.loads(CERT.read_text())


def run(tmp_path, cert):
    p = tmp_path / "c.json"
    p.write_text(json.dumps(cert))
    return check_file(p)


def test_bundled_certificate_verified():
    r = check_file(CERT)
    assert r.passed and r.verdict == "verified"
    assert "16)*nu^2" in r.detail


def test_wrong_claim_is_refuted_with_counterexample(tmp_path):
    c = load()
    c["data"]["claimed"][1]["value"] = ["-1", "1"]  # the printed-looking but wrong slope
    c["expected"] = {"verdict": "refuted", "counterexample": {"t": "1", "claimed": "0", "optimum": "1"}}
    r = run(tmp_path, c)
    assert r.passed and r.verdict == "refuted"
    c["expected"]["counterexample"]["optimum"] = "1/2"
    assert not run(tmp_path, c).passed


@pytest.mark.parametrize("edit, field", [
    (lambda d: d["problem"]["objective"].update(fix_marginal=False), "data.problem"),
    (lambda d: d.update(nu_range=["0", "1/3"]), "data.nu_range"),
    (lambda d: d.update(t_range=["0", "1/2"]), "data.t_range"),
    (lambda d: d["pieces"][1].update(nu_star="3/4"), "nu_star"),
    (lambda d: d["pieces"][1]["dual"].update(tight=d["pieces"][1]["dual"]["tight"][1:]), "tight"),
    (lambda d: d["pieces"][1]["dual"]["objective"].update(t=["3"]), "objective.t"),
    (lambda d: d["pieces"][0].update(value=["0", "1"]), "data.pieces.0"),
    (lambda d: d["problem"]["constraints"].update(p=d["problem"]["constraints"]["p"][:-1]), "data.problem"),
])
def test_bad_input_names_field(tmp_path, edit, field):
    c = load()
    edit(c["data"])
    r = run(tmp_path, c)
    assert not r.passed and r.verdict == "error"
    assert field in r.detail


def test_dual_above_bound_rejected(tmp_path):
    """Claim a larger lower bound on the upper piece: the primal at t = 1 no longer matches."""
    c = load()
    c["data"]["pieces"][1]["value"] = ["-1", "5/2"]
    r = run(tmp_path, c)
    assert not r.passed


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.integers(0, 10**6), st.sampled_from(["1/7", "-1/3", "2"]))
def test_mutated_dual_entry_rejected(tmp_path_factory, k, delta):
    c = load()
    ents = c["data"]["pieces"][1]["dual"]["entries"]
    e = ents[k % len(ents)]
    e[1][0] = f"({e[1][0]}) + {delta}"
    p = tmp_path_factory.mktemp("m") / "c.json"
    p.write_text(json.dumps(c))
    assert not check_file(p).passed


CURVES = CERT.parent / "C002-29.curves.json"


def test_curves_certificate_exact_fig4():
    r = check_file(CURVES)
    assert r.passed and r.verdict == "verified"
    # the range of nu at v = 4/5 is [v^2/4, (2 - v^2)/4] = [4/25, 17/50] (C002-28's closed form)
    assert "[4/25, 17/50]" in r.detail and "[9/64, 23/64]" in r.detail


def test_curve_primal_evaluates_to_formula():
    """Independent evaluation: the stored primal at a rational nu solves the LP there with value 2t-1+16(nu-1/4)^2."""
    from exactbell.generators.ckbg import _bilocal_problem, nu_profile, rl
    from exactbell.lp import exact
    from exactbell.relaxations.lps import build

    c = json.loads(CURVES.read_text())
    cv = next(x for x in c["data"]["curves"] if x["t"] == "16/25")
    nu, t = F(1, 5), F(16, 25)
    q = {j: sum(F(a) * nu ** k for k, a in enumerate(p)) for j, p in cv["primal"]}
    q = {j: v for j, v in q.items() if v}
    lp, _ = build(_bilocal_problem(t, {"measure": "non-bilocality", "nu_profile": rl(nu_profile(nu)),
                                       "fix_marginal": True}))
    assert exact.primal_violation(lp, q) is None
    assert exact.objective_value(lp, q) == 2 * t - 1 + 16 * (nu - F(1, 4)) ** 2


@pytest.mark.parametrize("edit, field", [
    (lambda d: d["curves"][0].update(t="1/3"), "data.curves.0"),
    (lambda d: d["curves"][1]["primal"].pop(), "data.curves.1.primal"),
    (lambda d: d["curves"][2]["range_min"].update(tight=[]), "data.curves.2.range_min"),
    (lambda d: d["curves"][0]["primal"][0].__setitem__(1, d["curves"][0]["primal"][0][1] + ["1"]), "data.curves.0.primal"),
])
def test_curve_bad_input(tmp_path, edit, field):
    c = json.loads(CURVES.read_text())
    edit(c["data"])
    r = run(tmp_path, c)
    assert not r.passed and r.verdict == "error" and field in r.detail
