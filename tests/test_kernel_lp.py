"""Kind ``lp`` and the kernel's relaxation LPs (exactbell.kernel.lp): decided statements, the models
the kernel builds, and semantic mutations that must be rejected or change the decided statement."""
from __future__ import annotations

import json
from fractions import Fraction as F
from itertools import product
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exactbell.kernel import lp as L
from exactbell.kernel.check import check_file
from .conftest import check_mutant as run

PROOFS = Path(__file__).resolve().parents[1] / "proofs" / "chaves-kueng-brask-gross"


def cert(name):
    return json.loads((PROOFS / name).read_text())




def original(name):
    r = check_file(PROOFS / name)
    assert r.passed and r.pin == "pinned", r.detail
    return r


def rejected_or_changed(orig, r):
    return r.verdict == "error" or not r.passed or (r.statement, r.verdict) != (orig.statement, orig.verdict)


# -- decided statements (values with an independent meaning in the paper) ------------------------------
def test_pr_box_a_to_b_is_twice_chsh_erratum():
    # PR box: CHSH (0-bound form, eq. (8)) = 1/2; definition (4) gives min C_{A->B} = 1 = 2 CHSH, not 1/2
    r = original("C002-04.pr-box.json")
    assert r.verdict == "refuted"
    assert r.statement == ("min of C_{a->b} over the causal LP of model a-to-b (2,2;2,2) with p = pr-box = 1 "
                           "(paper: C_{a->b} = 1/2)")


def test_pr_box_has_no_lhv_model_and_a_to_b_reproduces_it():
    assert original("C002-01.pr-not-local.json").statement == \
        "the causal LP of model lhv (2,2;2,2) with p = pr-box is infeasible"
    # feasible: the a-to-b LP has an optimum (min C_{a->b} = 1 = 2 CHSH(PR), as in C002-04)
    assert original("C002-05.pr-box.json").statement == \
        "min of C_{a->b} over the causal LP of model a-to-b (2,2;2,2) with p = pr-box = 1"


def test_cglmp_measurement_dependence_is_eq_11():
    # eq. (11): min M = max[0, (I - 2)/4] between the local minimum and the NS maximum 4
    r = original("C002-15.d=2.json")
    assert r.statement.endswith("= 0 on [-2, 2]; (1/4)*t - 1/2 on [2, 4], for all t in [-2, 4] "
                                "(paper: 0 on [-2, 2]; (1/4)*t - 1/2 on [2, 4])")
    assert "<CGLMP_2 (named: Collins-Gisin-Linden-Massar-Popescu I_d), p> = t, no-signalling, normalised" in r.statement
    r = original("C002-16.d=3.ns-max.json")
    assert r.statement.endswith("is infeasible, for all t in (4, 5] (Farkas: rhs.y = t - 4 > 0 exactly for t > 4)")


def test_universal_factors_and_restriction_is_stated():
    for name, factor, measure in (("C002-02.json", "1", "C_{x->b}"), ("C002-04.corrected.json", "2", "C_{a->b}"),
                                  ("C002-06.json", "1", "p(m=0)")):
        r = original(name)
        assert r.statement.startswith(f"min of {measure} over the causal LP")
        assert f"= {factor} max[0, CHSH_1..8(p)] for p in the local polytope and in each of the 8 simplices" in r.statement
        assert f">= {factor} max[0, CHSH_1..8(p)] for every normalised no-signalling p (paper: factor {factor})" in r.statement


def test_fig4_curves_are_exact():
    # Fig. 4: M_BL(nu) = 2 v^2 - 1 + 16 (nu - 1/4)^2 on the feasible range [v^2/4, (2 - v^2)/4]
    r = original("C002-29.curves.json")
    for v2, lo, hi in ((F(9, 16), F(9, 64), F(23, 64)), (F(16, 25), F(4, 25), F(17, 50))):
        c0 = 2 * v2 - 1 + 1  # 16 (nu - 1/4)^2 = 16 nu^2 - 8 nu + 1
        assert (f"at v2 = {v2}: infeasible for nu outside [{lo}, {hi}] and = 16*nu^2 - 8*nu + {c0} on it"
                in r.statement)


def test_bilocal_min_over_nu_is_max_2v2_minus_1():
    r = original("C002-30.all-v.json")
    assert r.statement.startswith("min over nu in [0, 1/2] of min of M_BL with Alice-table weights (nu, -nu + 1/2, -nu + 1/2, nu)")
    assert r.statement.endswith("= 0 on [0, 1/2]; 2*v2 - 1 on [1/2, 1], for all v2 in [0, 1]; for every nu in [0, 1/2] "
                                "and v2 in [0, 1] the LP is >= (16*nu^2 - 8*nu) + 2*v2 "
                                "(paper: 0 on [0, 1/2]; 2*v2 - 1 on [1/2, 1])")
    # at v2 = 4/5^2 the value 2 v2 - 1 = 7/25 agrees with the single-point certificate
    assert original("C002-30.v=4_5.json").statement.endswith("= 7/25, at v2 = 16/25 (paper: M_BL with Alice-table "
                                                              "weights (1/4, 1/4, 1/4, 1/4) imposed = 7/25)")


# -- the models the kernel builds -----------------------------------------------------------------------
@pytest.mark.parametrize("name,m,n", [("lhv", 2, 16), ("x-to-b", 2, 64), ("a-to-b", 2, 64), ("x-to-b", 3, 4096),
                                      ("a-to-b", 3, 512), ("one-way-binary", 2, 1024)])
def test_response_function_counts(name, m, n):
    # x->b: o_a^{m_x} o_b^{m_x m_y}; a->b: o_a^{m_x} o_b^{o_a m_y}; one-way: 4 * 2^4 * 2^4
    assert L.named_model(name, m, m).n == n


def test_chsh_and_pr_boxes():
    lhv = L.named_model("lhv")
    verts = [[F(int(o == col[c])) for c in range(4) for o in range(4)] for col in lhv.columns()]
    for v in product(range(2), repeat=3):
        f = L.chsh(*v)
        assert L.evaluate(f, L.pr_box(*v)) == F(1, 2)
        assert max(L.evaluate(f, p) for p in verts) == 0
    for r in L.ns_rows(lhv):  # PR boxes are no-signalling, a signalling box is not
        assert sum(v * L.pr_box()[k] for k, v in r.items()) == 0
    sig = [F(int(o == c // 2)) for c in range(4) for o in range(4)]  # a = 0, b = x: Bob's marginal depends on x
    assert any(sum(v * sig[k] for k, v in r.items()) for r in L.ns_rows(lhv))


def test_model_errors():
    with pytest.raises(L.LPError, match="cycle"):
        L.CausalModel({"x": 2}, {"a": 2, "b": 2}, {"a": ["x", "b"], "b": ["a"]})
    with pytest.raises(L.LPError, match="cardinality"):
        L.CausalModel({"x": 2}, {"a": -1}, {"a": ["x"]})
    with pytest.raises(L.LPError, match="declared"):
        L.CausalModel({"x": 2}, {"a": 2}, {"a": ["y"]})
    with pytest.raises(L.LPError, match="limit"):
        L.named_model("x-to-b", 4, 4)


def test_weak_duality_checks_reject_bad_points():
    lp = L.build(L.named_model("lhv"), False, ("full", L.pr_box(), [F(0)] * 16), {"measure": "none"}, 1)
    with pytest.raises(L.LPError, match="negative"):
        L.primal(lp, {0: F(-1)}, F(0))
    with pytest.raises(L.LPError, match="fails"):
        L.primal(lp, {0: F(1)}, F(0))
    with pytest.raises(L.LPError, match="column"):
        L.dual(lp, {0: F(1)}, farkas=True)


def test_zero_farkas_vector_proves_nothing(tmp_path):
    # y = 0 gives rhs.y = 0 at both open ends of (-3, 5); the LP is feasible for t in [-2, 4] (C002-15.d=2 decides
    # its minimum there), so "infeasible for all t in (-3, 5)" is false and must be rejected
    c = cert("C002-16.d=2.ns-max.json")
    c["parameters"]["t"], c["data"]["farkas"] = "(-3, 5)", []
    assert run(tmp_path, c).verdict == "error"


@pytest.mark.parametrize("edit, problem", [
    (lambda c: c["data"]["observed"]["functional"].update(name="i3322"), "I3322 lives on the scenario (3,3;2,2)"),
    (lambda c: c["data"]["model"].update(local=[[2, 2], [2, 2], [2, 2]]), "CGLMP_2 lives on the scenario"),
    (lambda c: c["conventions"].update(form="probability"), "coefficients"),
])
def test_observed_functional_is_read_on_the_model_scenario(tmp_path, edit, problem):
    c = cert("C002-15.domain.json")
    edit(c)
    r = run(tmp_path, c)
    assert r.verdict == "error" and problem in r.detail, r.detail


def test_observed_functional_needs_one_output_per_input(tmp_path):
    c = cert("C002-15.domain.json")
    c["data"]["model"] = {"inputs": {"x": 2, "y": 2}, "outputs": {"a": 2}, "parents": {"a": ["x", "y"]}}
    c["data"]["objective"] = {"measure": "influence", "source": "x", "target": "a"}
    r = run(tmp_path, c)
    assert r.verdict == "error" and "needs one output per input" in r.detail, r.detail


@pytest.mark.parametrize("edit, problem", [
    (lambda ps: ps[1].update(dual={"denominator": ["1"], "entries": []}), "the dual bound is below the primal value"),
    (lambda ps: ps[0].pop("dual"), "dual: required field is missing"),
])
def test_nu_family_zero_dual_bounds_by_0_only(tmp_path, edit, problem):
    # the zero dual (no entries) proves LP >= 0: enough on [0, 1/2], not where the minimum is 2 v2 - 1 > 0
    c = cert("C002-30.all-v.json")
    edit(c["data"]["pieces"])
    r = run(tmp_path, c)
    assert r.verdict == "error" and problem in r.detail, r.detail


# -- semantic mutations -----------------------------------------------------------------------------------
def mutate(name, fn):
    c = cert(name)
    fn(c)
    return c


MUTATIONS = [
    ("C002-04.pr-box.json", lambda c: c["data"].update(sense="max")),
    ("C002-04.pr-box.json", lambda c: c["data"].pop("paper")),
    ("C002-04.pr-box.json", lambda c: c["data"].update(extra=1)),
    ("C002-04.pr-box.json", lambda c: c["data"].pop("dual")),
    ("C002-04.pr-box.json", lambda c: c["data"]["observed"].update(p="white-noise")),
    ("C002-04.pr-box.json", lambda c: c["data"]["model"].update(named="x-to-b")),
    ("C002-04.pr-box.json", lambda c: c["data"]["objective"].update(source="y")),
    ("C002-04.pr-box.json", lambda c: c["data"]["paper"].update(value="1")),
    ("C002-04.pr-box.json", lambda c: c["data"]["primal"][0].__setitem__(1, "1/3")),
    ("C002-04.pr-box.json", lambda c: c["data"]["dual"].pop()),
    ("C002-04.pr-box.json", lambda c: c.update(parameters={"t": "1/2"})),
    ("C002-05.pr-box.json", lambda c: c["data"].update(claim="infeasible")),
    ("C002-01.pr-not-local.json", lambda c: c["data"]["farkas"].__setitem__(0, [0, "1"])),
    ("C002-01.pr-not-local.json", lambda c: c["data"]["observed"].update(p=["1/4"] * 16)),
    ("C002-15.d=2.json", lambda c: c["parameters"].update(t="[-2, 3]")),
    ("C002-15.d=2.json", lambda c: c["parameters"].update(t="(-2, 4]")),
    ("C002-15.d=2.json", lambda c: c.update(parameters={"sqrt": "[-2, 4]"})),
    ("C002-15.d=2.json", lambda c: c.update(parameters={"A0": "[-2, 4]"})),
    ("C002-15.d=2.json", lambda c: c.update(parameters={"s": "[-2, 4]"})),
    ("C002-15.d=2.json", lambda c: c["data"]["points"].pop()),
    ("C002-15.d=2.json", lambda c: c["data"]["pieces"][0].update(to="3/2")),
    ("C002-15.d=2.json", lambda c: c["data"]["paper"].__setitem__(0, ["2", "0", "1/4"])),
    ("C002-15.d=2.json", lambda c: c["data"]["observed"].update(d=3)),
    ("C002-15.d=2.json", lambda c: c["data"].update(objective={"measure": "none"})),
    ("C002-16.d=2.ns-max.json", lambda c: c["parameters"].update(t="[4, 5]")),
    ("C002-16.d=2.ns-max.json", lambda c: c["parameters"].update(t="(7/2, 5]")),
    ("C002-16.d=2.ns-max.json", lambda c: c["parameters"].update(t="(4, 6]")),
    ("C002-16.d=2.ns-max.json", lambda c: c["data"]["farkas"].pop()),
    ("C002-02.json", lambda c: c["data"].update(factor="2")),
    ("C002-02.json", lambda c: c["data"]["duals"].reverse()),
    ("C002-02.json", lambda c: c["data"]["primals"].pop()),
    ("C002-02.json", lambda c: c["data"].update(paper="2")),
    ("C002-30.all-v.json", lambda c: c["data"]["pieces"][1].pop("dual")),
    ("C002-30.all-v.json", lambda c: c["data"]["pieces"][1].update(nu="3/4")),
    ("C002-30.all-v.json", lambda c: c["data"]["objective"]["profile"].__setitem__(0, ["1/100", "1"])),
    ("C002-30.all-v.json", lambda c: c["data"]["pieces"][1]["dual"]["denominator"].append("1")),
    ("C002-30.all-v.json", lambda c: c["parameters"].update(v2="[0, 2]")),
    ("C002-28.v=1.max.json", lambda c: c["data"].update(sense="min")),
    ("C002-28.v=1.max.json", lambda c: c["parameters"].update(v2="(0, 1)")),
    ("C002-28.v=1.max.json", lambda c: c["data"]["objective"].update(node="c")),
    ("C002-01.pr-not-local.json", lambda c: c["data"].update(sense="max")),
    ("C002-01.pr-not-local.json", lambda c: c["data"].update(objective={"measure": "influence", "source": "x",
                                                                         "target": "b"})),
    ("C002-02.json", lambda c: c.update(parameters={"t": "1/2"})),
    ("C002-02.json", lambda c: c["data"]["model"].update(named="lhv")),
    ("C002-22.json", lambda c: c["data"].update(model={"named": "lhv", "inputs": [2, 2], "outputs": [2, 2]})),
    ("C002-29.curves.json", lambda c: c["data"]["curves"][0].update(at="1/3")),
    ("C002-29.curves.json", lambda c: c["data"]["curves"][1]["primal"].pop()),
    ("C002-29.curves.json", lambda c: c["data"]["curves"][2]["range"].reverse()),
    ("C002-29.curves.json", lambda c: c["data"]["curves"][2]["range"][0].pop()),
    ("C002-29.curves.json", lambda c: c["data"]["curves"][0]["primal"][0][1].append("1")),
    ("C002-29.curves.json", lambda c: c["data"]["objective"]["profile"].insert(0, c["data"]["objective"]["profile"].pop())),
]


@pytest.mark.parametrize("k", range(len(MUTATIONS)))
def test_semantic_mutation_rejected_or_changes_statement(tmp_path, k):
    name, fn = MUTATIONS[k]
    orig = original(name)
    r = run(tmp_path, mutate(name, fn))
    assert rejected_or_changed(orig, r), f"{name} mutation {k} kept {r.verdict}: {r.statement}"


WITNESS = ("primal", "dual", "farkas", "pieces", "points", "duals", "primals")
SMALL = ["C002-01.pr-not-local.json", "C002-04.pr-box.json", "C002-05.pr-box.json", "C002-15.d=2.json",
         "C002-15.domain.json", "C002-16.d=2.ns-max.json", "C002-28.v=4_5.max.json", "C002-30.v=3_4.json"]


def _leaves(o, path=()):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from _leaves(v, path + (i,))
    elif isinstance(o, (int, str)) and not isinstance(o, bool):
        yield path, o


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(SMALL), st.integers(min_value=0, max_value=10**6), st.sampled_from(["1/7", "-1/3", "2"]))
def test_any_numeric_leaf_mutation(tmp_path_factory, name, k, delta):
    c = cert(name)
    # spec, parameters and paper leaves; witnesses are not unique (a mutated witness may still prove the
    # same statement, which is sound), so they are attacked by the targeted list above
    leaves = [(p, v) for p, v in _leaves({"data": c["data"], "parameters": c.get("parameters", {})})
              if (isinstance(v, int) or v.lstrip("-").replace("/", "", 1).isdigit()) and p[1] not in WITNESS]
    path, v = leaves[k % len(leaves)]
    obj = c
    for p in path[:-1]:
        obj = obj[p]
    obj[path[-1]] = v + 1 if isinstance(v, int) else str(F(v) + F(delta))
    r = run(tmp_path_factory.mktemp("m"), c)
    assert rejected_or_changed(original(name), r), f"{name}: mutation at {path} kept {r.statement}"


# -- Table I: vertices of the dual region (claim dual-vertices) ----------------------------------------
def test_table_one_zero_row_is_the_midpoint_of_two_ns_rows():
    r = original("C002-03.json")
    assert r.verdict == "refuted"
    z9, z12 = "[0, -1, 0, -1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0]", "[0, 1, 0, 1, 0, 0, 0, 0, 0, -1, 0, -1, 0, 0, 0, 0]"
    assert "with gauge z_g = 0 for g in [0, 2, 4, 8, 10]" in r.statement
    assert "all 13 listed rows are dual feasible, 12 are proven vertices" in r.statement
    assert f"row 0 (z = [{', '.join(['0'] * 16)}]) is not extremal: the midpoint of rows 9 (z = {z9}) and 12 (z = {z12})" \
        in r.statement


def _table(fn):
    c = cert("C002-03.json")
    fn(c["data"])
    return c


TABLE_MUTATIONS = [
    lambda d: d["rows"][3].__setitem__(0, [1, "5"]),  # row 3 made dual infeasible
    lambda d: d["rows"][10].append([17, "1/2"]),  # w-weights sum above 1
    lambda d: d["vertices"].append({"row": 0, "mu": d["vertices"][0]["mu"]}),  # the zero row claimed a vertex
    lambda d: d["vertices"][0].update(row=0),
    lambda d: d["vertices"][4]["mu"].pop(),
    lambda d: d["vertices"][4]["mu"][0].__setitem__(1, "-1"),
    lambda d: d.update(gauge=[]),  # without the gauge the region has lines: no vertex
    lambda d: d.update(gauge=[0, 2, 4, 8]),
    lambda d: d.update(midpoints=[]),  # the zero row has no vertex proof
    lambda d: d.update(midpoints=[[0, 9, 9]]),
    lambda d: d.update(midpoints=[[0, 9, 11]]),
    lambda d: d.update(midpoints=[[0, 9, 13]]),
    lambda d: d.update(sense="max"),
    lambda d: d["objective"].update(target="a", source="x"),
    lambda d: d["model"].update(named="a-to-b"),
]


@pytest.mark.parametrize("k", range(len(TABLE_MUTATIONS)))
def test_table_one_mutation_rejected_or_changes_statement(tmp_path, k):
    orig = original("C002-03.json")
    r = run(tmp_path, _table(TABLE_MUTATIONS[k]))
    assert rejected_or_changed(orig, r), f"mutation {k} kept {r.verdict}: {r.statement}"


def test_table_one_vertices_alone_verify(tmp_path):
    # without the zero row (and its midpoint refutation) the 12 proven rows verify the claim
    c = cert("C002-03.json")
    d = c["data"]
    d["rows"].pop(0)
    d["midpoints"] = []
    for v in d["vertices"]:
        v["row"] -= 1
    c["expected"] = "verified"
    r = run(tmp_path, c)
    assert r.verdict == "verified" and "all 12 listed rows are dual feasible, 12 are proven vertices" in r.statement


# -- hostile referee (redteam): dual-vertices and the custom model's names -----------------------------------
X_TO_B = {"inputs": {"x": 2, "y": 2}, "outputs": {"a": 2, "b": 2}, "parents": {"a": ["x"], "b": ["x", "y"]}}


def test_custom_node_names_cannot_forge_the_statement(tmp_path):
    # a node name is shown in the statement: free text there reads as decided ("... so C002-03 is verified")
    forged = "x (the paper's model, so C002-03 is verified: 1 = 1) and y"
    model = json.loads(json.dumps(X_TO_B).replace('"x"', json.dumps(forged)))
    r = run(tmp_path, _table(lambda d: (d.update(model=model), d["objective"].update(source=forged))))
    assert r.verdict == "error" and "data.model: node name" in r.detail and "is not a name" in r.detail, r.detail
    r = run(tmp_path, _table(lambda d: d.update(model=X_TO_B)))  # the same model with plain names: decided
    assert r.passed and "model a<-(x); b<-(x,y) with |x| = 2" in r.statement, r.detail


def _full_gauge_same_point(d):
    d.update(gauge=list(range(16)), rows=[d["rows"][0]] * 3, vertices=[{"row": k, "mu": []} for k in range(3)],
             midpoints=[])


def test_a_point_listed_twice_is_an_error(tmp_path):
    # full gauge: D = {0}; three copies of the zero row are each a vertex, but not "3 extremal points"
    r = run(tmp_path, _table(_full_gauge_same_point))
    assert r.verdict == "error" and "data.rows[1]: repeats the point z of row 0" in r.detail, r.detail


BIG = {"inputs": {"x": 16, "y": 16}, "outputs": {"a": 16, "b": 16}, "parents": {}}  # 65536 observation rows


@pytest.mark.parametrize("update,text", [
    ({"gauge": list(range(2000)), "rows": [[]], "vertices": [{"row": 0, "mu": []}], "midpoints": []},
     "data.vertices[0].mu: too many constraints for the rank test"),
    ({"gauge": [], "rows": [[]] * 100000, "vertices": [], "midpoints": [[0, 0, 0]]},
     "data.rows: too many rows for the dual checks of this LP"),
])
def test_dense_work_is_bounded(tmp_path, update, text):
    # before: about 70 s, then "memory limit exceeded" (dense z lists and a dense gauge block of 65536 columns)
    from exactbell.kernel.limits import RunLimits
    from exactbell.kernel.run import check_many

    def big(d):
        d.update(model=BIG, objective={"measure": "table-weight", "node": "a", "table": [0]}, **update)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_table(big)))
    r, = check_many([path], jobs=1, limits=RunLimits(seconds=60, memory_mb=2048))  # a worker, capped
    assert r.verdict == "error" and text in r.detail and r.seconds < 20, (r.seconds, r.detail)


@pytest.mark.parametrize("mutate,text", [  # cheap regressions: each already rejected, with this error
    (lambda d: d["vertices"][0]["mu"].append([2, "1"]), "data.vertices[0]: needs a new row and mu > 0"),
    (lambda d: d["vertices"][0]["mu"].append([65, "1"]), "data.vertices[0]: needs a new row and mu > 0"),
    (lambda d: d["vertices"].append(dict(d["vertices"][0])), "data.vertices[12]: needs a new row"),
    (lambda d: d["vertices"][0].update(row=13), "data.vertices[0].row: 13 is not an integer in [0, 12]"),
    (lambda d: d.update(midpoints=[[0, 9, 9]]), "data.midpoints[0]: must be [row, row i, row j] with z = (z_i"),
    (lambda d: d.update(midpoints=[[0, 9]]), "data.midpoints[0]: must be [row, row i, row j]"),
    (lambda d: d.update(midpoints=[[0, 9, 12.0]]), "float literal"),
    (lambda d: d.update(gauge=[0, 0]), "data.gauge: distinct observation rows in 0..15"),
    (lambda d: d.update(gauge=[16]), "data.gauge: distinct observation rows in 0..15"),
    (lambda d: d.update(gauge=[True]), "data.gauge: distinct observation rows in 0..15"),
    (lambda d: d.update(sense="max"), "data: dual constraint of column 64 fails"),
    (lambda d: d.update(paper="x"), "data.paper: unknown key (no code reads it)"),
    (lambda d: d.update(observed={"p": "pr-box"}), "data.observed: unknown key (no code reads it)"),
    (lambda d: d["rows"][1][9].__setitem__(1, "1" * 2000), "data: dual constraint of column"),
    (lambda d: d["vertices"][0]["mu"][-1].__setitem__(1, "1" * 2000), "data.vertices[0].mu: the combination is not"),
])
def test_table_one_attacks_rejected(tmp_path, mutate, text):
    r = run(tmp_path, _table(mutate))
    assert r.verdict == "error" and text in r.detail and "\n" not in r.detail, r.detail


def test_named_i3322_has_local_bound_0_and_pr_value_1():
    from exactbell.kernel.functional import BellFunctional
    from exactbell.kernel.models import i3322, local_bound
    from exactbell.kernel.scenario import Scenario
    f = BellFunctional(Scenario((3, 3), (2, 2)), i3322())
    assert local_bound(f).value == 0
    assert sum(c * p for c, p in zip(f.coefficients, L.distribution("i3322-pr", L.local_model([(3, 2)] * 2)))) == 1
