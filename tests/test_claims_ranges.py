"""Range claims proved on their whole range (issue #17 point 2, exactbell.generators.range_proofs):
the bundled certificates pass with their pins and regenerate byte-identically; a mutated SOS entry,
a widened range or a wrong paper value fails with the reason named."""
import copy
import json
from fractions import Fraction

import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover, file_name
from exactbell.kernel.check import check_file

from .conftest import PROOFS, load

SW = "sengupta-wooltorton"
RANGE = {(SW, "C000-10.range"): "(2/5, 1)", (SW, "C000-11.range.atan2"): "(2/5, 1)",
         (SW, "C000-11.range.printed"): "(1/2, 1)"}


def _path(paper, cid):
    return PROOFS / paper / file_name(cid)


def _mutant(tmp_path, paper, cid, mutate):
    cert = copy.deepcopy(load(_path(paper, cid)))
    mutate(cert)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(cert))
    return check_file(path)


@pytest.mark.parametrize("paper,cid", sorted(RANGE))
def test_bundled_passes_with_pin_on_the_whole_range(paper, cid):
    res = check_file(_path(paper, cid))
    assert res.passed and res.verdict == "verified", res.detail
    tail = " (paper: the strategy attains the bound)" if "printed" in cid else ""
    assert res.statement.endswith(f"for all p in {RANGE[(paper, cid)]} (paper: sqrt(8*p/(3*p - 1))){tail}")
    assert " 2*sqrt(6*p^2 - 2*p)/(3*p - 1)" in res.statement  # = 2*sqrt(2)*sqrt(p/(3p-1)), exactly


@pytest.mark.parametrize("paper,cid", sorted(RANGE))
def test_regeneration_is_byte_identical(paper, cid):
    assert dump_certificate(discover()[cid].make()) == _path(paper, cid).read_text()


def test_c000_10_is_an_upper_bound_and_c000_11_attains_it():
    assert "P> on (2,2;2,2) <= 2*sqrt" in check_file(_path(SW, "C000-10.range")).statement
    st = check_file(_path(SW, "C000-11.range.atan2")).statement
    assert "= 2*sqrt(6*p^2 - 2*p)/(3*p - 1), attained by the quantum strategy psi ~ (p, 0, 0, (-sqrt(5*p^2 - 2*p)))" \
        in st.replace("((p)", "(p")


@pytest.mark.parametrize("cid", ["C000-10.range", "C000-11.range.atan2"])
def test_mutated_weight_fails_the_identity(tmp_path, cid):
    def m(c):
        c["data"]["sos"]["terms"][0]["weight"] = c["data"]["sos"]["terms"][0]["weight"].replace("/(2*p", "/(3*p")
    res = _mutant(tmp_path, SW, cid, m)
    assert res.verdict == "error" and "the identity fails" in res.detail


def test_mutated_square_coefficient_fails_the_identity(tmp_path):
    def m(c):
        c["data"]["sos"]["terms"][1]["polynomial"] = c["data"]["sos"]["terms"][1]["polynomial"].replace("(1 - 2*p)", "(1 - 3*p)")
    res = _mutant(tmp_path, SW, "C000-10.range", m)
    assert res.verdict == "error" and "the identity fails" in res.detail


@pytest.mark.parametrize("domain,reason", [
    ("(2/5, 2)", "a weight is not > 0 on the whole domain (2/5, 2)"),  # 1 - p < 0 beyond 1
    ("(0, 1)", "square root of a negative number on the domain"),  # 6p^2 - 2p < 0 on (0, 1/3)
    ("[1/3, 1)", "the divisor"),  # 3p - 1 = 0 at the closed end 1/3
])
def test_widened_range_fails(tmp_path, domain, reason):
    res = _mutant(tmp_path, SW, "C000-10.range", lambda c: c["parameters"].update(p=domain))
    assert res.verdict == "error" and reason in res.detail, res.detail


def test_strategy_needs_p_at_least_two_fifths(tmp_path):
    # the SOS bound alone holds on (1/3, 1); attaining it needs sqrt(p(5p - 2)), real only for p >= 2/5
    ok = _mutant(tmp_path, SW, "C000-10.range", lambda c: c["parameters"].update(p="(1/3, 1)"))
    assert ok.verdict == "verified" and "for all p in (1/3, 1)" in ok.statement
    res = _mutant(tmp_path, SW, "C000-11.range.atan2", lambda c: c["parameters"].update(p="(1/3, 1)"))
    assert res.verdict == "error" and "radicand 5*p^2 - 2*p" in res.detail


def test_mutated_strategy_does_not_attain(tmp_path):
    def m(c):
        c["data"]["strategy"]["state"][0] = "2*p"
    res = _mutant(tmp_path, SW, "C000-11.range.atan2", m)  # another state: strictly below the bound
    assert "attained by" not in res.statement and "< the bound, for all p in (2/5, 1)" in res.statement
    res = _mutant(tmp_path, SW, "C000-11.range.atan2", lambda c: c["data"]["strategy"]["observables"][1][0][0]
                  .__setitem__(0, "p"))
    assert res.verdict == "error" and "Hermitian" in res.detail or "observable" in res.detail, res.detail


def test_wrong_paper_value_is_an_error_not_a_refutation(tmp_path):
    res = _mutant(tmp_path, SW, "C000-10.range", lambda c: c["data"].update(paper={"sqrt": "9*p/(3*p - 1)"}))
    assert res.verdict == "error" and "data.paper" in res.detail


@pytest.mark.parametrize("change,reason", [
    (lambda c: c["parameters"].update(q="(0, 1)"), "exactly one domain parameter"),
    (lambda c: c["data"].update(field={"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]}),
     "exactly one domain parameter and no field"),
    (lambda c: c["data"].update(bound="2*sqrt(sqrt(6*p^2 - 2*p))/(3*p - 1)"), "outside the supported class"),
    (lambda c: c["data"]["sos"]["terms"][0].update(polynomial="A1 - abs(p)*(B0 - B1)"), "not allowed"),
])
def test_bad_parametric_input_is_one_line_error(tmp_path, change, reason):
    res = _mutant(tmp_path, SW, "C000-10.range", change)
    assert res.verdict == "error" and reason in res.detail and "\n" not in res.detail, res.detail


def _gram_cert(domain, entry="p/2"):
    """p - p*<A0B0> = Gram [[p/2, -p/2], [-p/2, p/2]] over (A0, B0): PSD iff p >= 0."""
    return {"exactbell": 2, "id": "gram", "claim": "X", "paper": "user", "kind": "sos", "location": "test",
            "summary": "a parametric Gram matrix", "expected": "verified",
            "conventions": {"form": "correlator", "marginals": "uniform-average", "observables": "A_x = M_0 - M_1"},
            "parameters": {"p": domain},
            "data": {"scenario": {"inputs": [1, 1], "outputs": [2, 2]}, "functional": {"terms": {"A0B0": "p"}},
                     "sense": "max", "bound": "p",
                     "sos": {"gram": {"basis": ["A0", "B0"], "matrix": [[entry, "-p/2"], ["-p/2", "p/2"]]}}}}


def test_parametric_gram_matrix_pivots(tmp_path):
    (tmp_path / "g.json").write_text(json.dumps(_gram_cert("(0, 1)")))
    res = check_file(tmp_path / "g.json")
    assert res.verdict == "verified" and res.statement.endswith("<= p, for all p in (0, 1)"), res.detail
    (tmp_path / "h.json").write_text(json.dumps(_gram_cert("(-1, 1)")))
    res = check_file(tmp_path / "h.json")
    assert res.verdict == "error" and "not positive semidefinite (exact LDL^T) on the whole domain (-1, 1)" in res.detail
    (tmp_path / "k.json").write_text(json.dumps(_gram_cert("(0, 1)", "p/2 + 1")))
    assert "the identity fails" in check_file(tmp_path / "k.json").detail


# -- C004-05: Prop. 1(i) on the whole torus, as an identity in the four cosines -----------------
WBC = "wooltorton-brown-colbeck"


@pytest.mark.parametrize("sense", ["max", "min"])
def test_c004_05_local_bounds_on_the_whole_box(sense):
    cid = f"C004-05.range.{sense}"
    res = check_file(_path(WBC, cid))
    assert res.passed and res.verdict == "verified", res.detail
    assert f"is the {sense} of its 8 distinct values over 16 deterministic strategies" in res.statement
    assert res.statement.endswith("for all cp in [-1, 1], for all ctp in [-1, 1], for all ctw in [-1, 1], "
                                  "for all cw in [-1, 1]")
    assert dump_certificate(discover()[cid].make()) == _path(WBC, cid).read_text()


@pytest.mark.parametrize("mutate", [
    lambda c: c["data"].update(paper=c["data"]["paper"].replace("(ctw + cw)", "(ctw + 2*cw)")),
    lambda c: c["data"].update(paper=c["data"]["paper"].replace("abs(ctw*cw*(ctp - cp))", "abs(ctw*(ctp - cp))")),
    lambda c: c["data"]["functional"]["terms"].update(A1B1="-cp*cw*ctp"),
    lambda c: c["data"].update(paper="2*" + c["data"]["paper"]),  # products of a max: outside the class
])
def test_c004_05_mutations_fail(tmp_path, mutate):
    res = _mutant(tmp_path, WBC, "C004-05.range.max", mutate)
    assert res.verdict == "error" and ("identity" in res.detail or "outside the max-plus class" in res.detail), res.detail


def test_c004_05_min_is_not_the_max(tmp_path):
    res = _mutant(tmp_path, WBC, "C004-05.range.min", lambda c: c["data"].update(paper=c["data"]["paper"][1:]))
    assert res.verdict == "error" and "not the max (min) of the same values" in res.detail


# -- C001-16: the biased OCB value for every real a, by a = ±(1 - t^2)/(2t), t in (0, 1), and a = 0 -------
LC = "liu-chiribella"


@pytest.mark.parametrize("side,value", [("positive", "(t + 1)/(2*t)"), ("negative", "(t + 1)/2")])
def test_c001_16_on_each_half_line(side, value):
    cid = f"C001-16.range.{side}"
    res = check_file(_path(LC, cid))
    assert res.passed and res.verdict == "verified", res.detail
    assert f"P> on (2,4;2,2) = {value} (upper bound by the dual" in res.statement
    assert res.statement.endswith(f"for all t in (0, 1) (paper: = (1 + ({'' if side == 'positive' else '-'}(1 - t^2)/"
                                  f"(2*t)) + sqrt(1 + ({'' if side == 'positive' else '-'}(1 - t^2)/(2*t))^2))/2 = {value})")
    assert dump_certificate(discover()[cid].make()) == _path(LC, cid).read_text()


def test_c001_16_at_zero():
    res = check_file(_path(LC, "C001-16.a=0"))
    assert res.passed and "P> on (2,4;2,2) = 1; causal bound 1" in res.statement and res.statement.endswith("(paper: = 1)")


def test_c001_16_wrong_paper_value_is_refuted_on_the_whole_range(tmp_path):
    def m(c):
        c["data"]["paper"]["value"] = c["data"]["paper"]["value"].replace(")/2", ")/3")
    res = _mutant(tmp_path, LC, "C001-16.range.positive", m)
    assert res.verdict == "refuted" and "(paper: = " in res.statement and "= (t + 1)/(3*t))" in res.statement


@pytest.mark.parametrize("mutate,reason", [
    (lambda c: c.update(parameters={"t": "(0, 1]"}), "not positive semidefinite"),  # a slack pivot vanishes at t = 1
    (lambda c: c.update(parameters={"t": "(-1, 1)"}), "vanishes on the domain"),  # 1/t
    (lambda c: c["data"]["pieces"][0]["slack"][0][0].__setitem__(0, "1/(2*t)"), "not in the no-signalling span"),
    (lambda c: c["data"]["lower"]["process"][0].__setitem__(0, "1/3"), "data.lower.process: not positive semidefinite"),
])
def test_c001_16_mutations_fail(tmp_path, mutate, reason):
    res = _mutant(tmp_path, LC, "C001-16.range.positive", mutate)
    assert res.verdict == "error" and reason in res.detail, res.detail


def test_claims_table_coverage():
    from exactbell.cli.commands.claims import coverage

    point = check_file(_path(SW, "C000-10.p=18/29"))
    assert coverage([point]) == {"C000-10": "points only"}
    assert coverage([point, check_file(_path(SW, "C000-10.range"))]) == {"C000-10": "range"}
    assert coverage([check_file(_path(WBC, "C004-05.range.min"))]) == {"C004-05": "range"}
    assert coverage([check_file(PROOFS / WBC / "C004-01.local.json")]) == {"C004-01": ""}  # no parameters


@pytest.mark.parametrize("cid", ["C001-16.a=0", "C001-16.all-real-a"])
def test_c001_16_point_and_composite_regenerate_and_pass(cid):
    res = check_file(_path(LC, cid))
    assert res.passed and res.verdict == "verified", res.detail
    assert dump_certificate(discover()[cid].make()) == _path(LC, cid).read_text()
    if cid.endswith("all-real-a"):
        assert res.statement.startswith("C001-16 holds: [C001-16.range.positive: ")
        assert "[C001-16.a=0: " in res.statement and "(stated, not decided: " in res.statement


# -- C000-04 (one-way): at least 13 classes on the whole range; completeness at points only ------------
def test_c000_04_one_way_13_facet_families_for_all_p():
    cid = "C000-04.one-way.families"
    res = check_file(_path(SW, cid))
    assert res.passed and res.verdict == "verified", res.detail
    assert res.statement.startswith("on S_(p,p),(1/2,1/2) (Eq. (9)), for all p in (1/2, 1): class 1 [")
    assert res.statement.count(": facet;") == 13 and "13 among 13 facets" in res.statement
    assert "points only" in load(_path(SW, cid))["summary"]
    assert dump_certificate(discover()[cid].make()) == _path(SW, cid).read_text()


def test_c000_04_family_mutations_fail(tmp_path):
    def bound(c):
        c["data"]["inequalities"][2]["bound"] = "2"  # class 3: valid, no longer tight
    res = _mutant(tmp_path, SW, "C000-04.one-way.families", bound)
    assert not res.passed and "class 3 [<=" in res.statement and "not a facet" in res.statement
    res = _mutant(tmp_path, SW, "C000-04.one-way.families", lambda c: c.update(parameters={"p": "(1/3, 1)"}))
    assert not res.passed  # (2p - 1) in the denominators vanishes at p = 1/2


def test_claims_table_row_coverage():
    from exactbell.cli.commands.claims import row_coverage

    assert row_coverage(check_file(_path(SW, "C000-04.one-way.families"))) == "range"
    assert row_coverage(check_file(_path(SW, "C000-04.one-way.p=3/5"))) == "point"


def test_c000_11_printed_theta_fails_on_the_whole_lower_range(tmp_path):
    cid = "C000-11.range.printed-below-half"
    res = check_file(_path(SW, cid))
    assert res.passed and res.verdict == "refuted", res.detail
    assert "gives (-4*p + 2)*sqrt(6*p^2 - 2*p)/(3*p^2 - p) < the bound, for all p in (2/5, 1/2)" in res.statement
    assert res.statement.endswith("(paper: the strategy attains the bound)")
    assert dump_certificate(discover()[cid].make()) == _path(SW, cid).read_text()
    res = _mutant(tmp_path, SW, cid, lambda c: c["parameters"].update(p="(1/3, 1/2)"))
    assert res.verdict == "error" and "radicand 5*p^2 - 2*p" in res.detail
    # a strategy that reaches the bound somewhere but not identically: neither case
    res = _mutant(tmp_path, SW, "C000-11.range.atan2", lambda c: c["data"]["strategy"].update(
        state=["3*p - 1", "0", "0", "-sqrt(5*p^2 - 2*p)"]))  # equal to the atan2 state at p = 1/2 only
    assert res.verdict == "error" and "neither attains the bound identically nor stays strictly inside" in res.detail
    res = _mutant(tmp_path, SW, "C000-10.range", lambda c: c["data"].update(strategy_claim="attains the bound"))
    assert res.verdict == "error" and "needs a strategy" in res.detail


# -- the ring Q(x)[sqrt(u_1), ...] itself (kernel, prove_check.Radicals) --------------------------------
def _ring(domain="(2/5, 1)"):
    from exactbell.kernel.params import Domain
    from exactbell.kernel.prove_check import Radicals

    R = Radicals("p", Domain.parse(domain))
    return R, R.var()


def test_radicals_formal_arithmetic_and_signs():
    from fractions import Fraction

    R, p = _ring()
    r, t = R.sqrt(2 * p * (3 * p - 1)), R.sqrt(p * (5 * p - 2))
    assert r * r == 6 * p * p - 2 * p and (r * t) * (r * t) == (6 * p * p - 2 * p) * (5 * p * p - 2 * p)
    assert (1 / (3 + r)) * (3 + r) == 1 and (2 * r / (3 * p - 1)).to_text() == "2*sqrt(6*p^2 - 2*p)/(3*p - 1)"
    assert R.sqrt(Fraction(9, 4) * p * p).to_text() == "3*p/2"  # a square with one sign: no generator
    assert R.sqrt(1 + ((1 - p * p) / (2 * p)) ** 2).to_text() == "(p^2 + 1)/(2*p)"
    assert R.sign(r - p) == 1 and R.sign(p - r) == -1 and R.sign(r - r) == 0
    assert R.sign(r - Fraction(7, 10)) == -1  # changes sign inside (2/5, 1): not positive on the domain
    assert R.sign(r * t) == -1  # two square roots: undecided, never "positive"


@pytest.mark.parametrize("expr,reason", [
    (lambda R, p: R.sqrt(p - Fraction(1, 2)), "square root of a negative number on the domain"),
    (lambda R, p: R.sqrt(R.sqrt(p)), "nested square roots"),
    (lambda R, p: 1 / (p - Fraction(1, 2)), "vanishes on the domain"),
    (lambda R, p: 1 / (1 - R.sqrt(6 * p * p - 2 * p)), "vanishes on the domain"),  # 1 - r = 0 at p = 0.607...
    (lambda R, p: [R.sqrt(p + k) for k in range(5)], "more than 4 distinct radicands"),
])
def test_radicals_refuse(expr, reason):
    from exactbell.kernel.prove_check import ProofError

    R, p = _ring()
    with pytest.raises(ProofError, match=reason):
        expr(R, p)


def test_radicals_excluded_point_does_not_hide_a_sign_change():
    from exactbell.kernel.prove_check import ProofError

    R, p = _ring("(0, 1) \\ {1/2}")
    assert (1 / (2 * p - 1)).to_text() == "1/(2*p - 1)"  # defined on the domain
    with pytest.raises(ProofError, match="vanishes"):  # but |2p - 1| is not +-(2p - 1) across 1/2
        R.sqrt(1 / (2 * p - 1) ** 2)


def test_radicals_products_of_several_generators():
    R, p = _ring()
    r, t, w = R.sqrt(p), R.sqrt(p + 1), R.sqrt(p + 2)
    assert (r * t * w) * (r * t * w) == p * (p + 1) * (p + 2)  # every generator squared away
    assert ((r * t) * (t * w)).to_text() == "(p + 1)*sqrt(p)*sqrt(p + 2)"
    assert (r * t - t * r).to_text() == "0" and (2 - r * w).to_text() == "2 - sqrt(p)*sqrt(p + 2)"


def test_c000_04_is_points_only_though_its_families_hold_on_the_range(tmp_path):
    """The reviewed coverage of C000-04: the class counts (its headline) are decided at points, a part (the
    13 one-way families) on the range; a catalogue can review coverage down, never up."""
    from exactbell.cli.commands.claims import CatalogueError, default_catalogue, id_coverage, load_catalogue

    entry = load_catalogue(default_catalogue())["C000-04"]
    results = [check_file(_path(SW, "C000-04.one-way.families")), check_file(_path(SW, "C000-04.one-way.p=3/5"))]
    assert id_coverage(entry, results) == "points only"
    assert id_coverage({k: v for k, v in entry.items() if k != "coverage"}, results) == "range"
    bad = tmp_path / "catalogue.toml"
    bad.write_text('["C900-01"]\npaper = "x"\ntitle = "t"\nlabel = "exact"\ncoverage = "range"\n')
    with pytest.raises(CatalogueError, match=r"\.coverage: only 'points only' can be reviewed, not 'range'"):
        load_catalogue(bad)
