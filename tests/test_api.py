"""The public API (exactbell.api, re-exported lazily from exactbell): exact values, certificates the
kernel re-checks, exact refusal of inexact input, a light ``import exactbell`` and a base-install
``exactbell check`` that works with numpy, sympy, pycddlib, cvxpy, SciPy and mpmath blocked."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

import exactbell
from exactbell import BellFunctional, Certificate, Polytope, Scenario, latex, local_bound
from exactbell.kernel.models import cglmp
from exactbell.kernel.scenario import Scenario as KernelScenario

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("numpy", "sympy", "cdd", "cvxpy", "scipy", "mpmath", "matplotlib", "clarabel", "scs", "jsonschema")
CHSH_TERMS = {"A0B0": 1, "A0B1": 1, "A1B0": 1, "A1B1": -1}
BLOCKER = """
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {heavy!r}:
            raise ImportError("blocked (base install): " + name)
sys.meta_path.insert(0, _Block())
sys.argv = ["exactbell"] + sys.argv[1:]
from exactbell.cli import main
sys.exit(main())
"""


def test_import_exactbell_is_light():
    code = ("import sys, exactbell; exactbell.check; exactbell.api; exactbell.Certificate; exactbell.local_bound; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert set(exactbell.__all__) <= set(dir(exactbell))
    with pytest.raises(AttributeError):
        exactbell.no_such_name  # noqa: B018


def test_cli_check_with_base_dependencies_only():
    files = ["proofs/wooltorton-brown-colbeck/C004-01.local.json",
             "proofs/wooltorton-brown-colbeck/C004-06.quantum.theta=1_3_phi=1_3_omega=1.max.json",
             "proofs/sengupta-wooltorton/C000-12.chsh.json", "proofs/liu-chiribella/C001-01.json",
             "proofs/sainz-hoban-skrzypczyk-aolita/C003-01.json",
             "proofs/chaves-kueng-brask-gross/C002-01.pr-not-local.json",
             "proofs/chaves-kueng-brask-gross/C002-11.correlator.json"]
    out = subprocess.run([sys.executable, "-c", BLOCKER.format(heavy=set(HEAVY)), "check", "-j", "2", "--json", *files],
                         cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    rows = json.loads(out.stdout)
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert len(rows) == len(files) and all(r["passed"] for r in rows)


def test_exact_verbs_work_with_base_dependencies_only():
    """local_bound and Certificate.check need only the kernel: they run with the search extra blocked."""
    block = BLOCKER.split("sys.argv")[0]
    code = block + (
        "import exactbell\n"
        "F = exactbell.BellFunctional.from_collins_gisin([2, 2], [[0, -1, 0], [-1, 1, 1], [0, 1, -1]])\n"
        "L = exactbell.local_bound(F)\n"
        "assert L.value == 0 and L.certificate().check().passed\n"
        "try:\n    exactbell.ns_bound(F)\nexcept ImportError as e:\n    print('needs search:', e)\n")
    out = subprocess.run([sys.executable, "-c", code.format(heavy=set(HEAVY))], cwd=ROOT, capture_output=True,
                         text=True, check=False, timeout=60)
    assert out.returncode == 0, out.stderr
    assert 'needs search: ns_bound needs the search extra (pip install "exactbell[search]")' in out.stdout


def test_install_tiers():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=\[ ]", d)[0] for d in project["dependencies"]}
    assert names == {"python-flint", "rich"}
    extras = project["optional-dependencies"]
    assert {"search", "docs", "test"} <= set(extras)
    search = {re.split(r"[<>=\[ ]", d)[0] for d in extras["search"]}
    assert {"sympy", "numpy", "pycddlib", "mpmath", "cvxpy", "scipy"} <= search
    assert '.[search,test,docs]' in (ROOT / "run.sh").read_text(encoding="utf-8")


def test_scenario_accepts_lists_and_equals_kernel_scenario():
    sc = Scenario([2, 2], [2, 2])
    assert sc == KernelScenario((2, 2), (2, 2)) and KernelScenario((2, 2), (2, 2)) == sc
    assert hash(sc) == hash(Scenario((2, 2), (2, 2))) and sc.size == 16
    with pytest.raises(ValueError):
        Scenario([2, 2], [2])


def test_local_bound_chsh_and_its_certificates():
    F = BellFunctional.from_correlators([2, 2], CHSH_TERMS)
    L = local_bound(F)
    assert L.value == 2 and L.count == 8 and len(L.strategies) == 8
    assert float(L) == 2.0 and "2" in str(L) and L._repr_latex_().startswith("$") and "<div" in L._repr_html_()
    r = L.certificate().check()
    assert r.passed and r.verdict == "verified" and r.pin == "unpinned" and "= 2, attained by 8 of 16" in r.statement
    m = local_bound(F, sense="min")
    assert m.value == -2 and m.certificate().check().passed
    with pytest.raises(ValueError, match="sense"):
        local_bound(F, sense="sup")


def test_tampered_certificate_is_refused(tmp_path):
    cert = local_bound(BellFunctional.chsh()).certificate()
    cert.obj["data"]["optimal"] = cert.obj["data"]["optimal"][:-1]  # an incomplete list of optimal strategies
    r = cert.check()
    assert not r.passed
    cert.obj["data"]["optimal"] = local_bound(BellFunctional.chsh()).certificate().obj["data"]["optimal"]
    cert.obj["data"]["functional"]["terms"]["A1B1"] = "1"  # a different functional: the bound is 4
    assert not cert.check().passed


def test_save_load_and_check_paths(tmp_path):
    from exactbell.kernel.functional import BellFunctional as KernelFunctional

    F = BellFunctional.from_probabilities(Scenario([2, 2], [3, 3]), cglmp(3))
    assert local_bound(KernelFunctional(KernelScenario((2, 2), (3, 3)), cglmp(3))).value == 2  # kernel objects too
    L = local_bound(F)
    assert L.value == 2 and L.count == 30
    p = L.certificate(id="user.cglmp3").save(tmp_path / "cglmp3.json")
    again = Certificate.load(p)
    assert again.obj == L.certificate(id="user.cglmp3").obj and again.kind == "local-bound"
    rows = exactbell.check([tmp_path, ROOT / "proofs/wooltorton-brown-colbeck/C004-01.local.json",
                            ROOT / "proofs/chaves-kueng-brask-gross/C002-11.probability.json"], jobs=2)
    assert [r.passed for r in rows] == [True, True, True] and rows[1].pin == "pinned"
    assert rows[2].verdict == "refuted"  # an erratum passes: its expected verdict is refuted


def test_collins_gisin_table_and_terms_agree():
    table = [[0, -1, 0], [-1, 1, 1], [0, 1, -1]]  # CHSH in Collins-Gisin form (local bound 0)
    T = BellFunctional.from_collins_gisin([2, 2], table)
    D = BellFunctional.from_collins_gisin([2, 2], {"pA(0|0)": -1, "pB(0|0)": -1, "pAB(00|00)": 1,
                                                   "pAB(00|01)": 1, "pAB(00|10)": 1, "pAB(00|11)": -1})
    assert T.coefficients == D.coefficients
    L = local_bound(T)
    assert L.value == 0 and L.certificate().check().passed
    with pytest.raises(ValueError, match="table: expected shape"):
        BellFunctional.from_collins_gisin([2, 2], [[0, 1], [1, 1]])


def test_numpy_arrays_are_converted_exactly_or_refused():
    np = pytest.importorskip("numpy")
    F = BellFunctional.chsh()
    as_int = BellFunctional.from_probabilities([2, 2], np.array([int(c) for c in F.coefficients]))
    assert as_int.coefficients == F.coefficients
    halves = BellFunctional.from_probabilities([2, 2], np.full((2, 2, 2, 2), 0.5))
    assert set(halves.coefficients) == {Fraction(1, 2)}
    objs = BellFunctional.from_probabilities([2, 2], np.array([Fraction(1, 3)] * 16, dtype=object))
    assert objs.coefficients[0] == Fraction(1, 3)
    with pytest.raises(ValueError, match=r"coefficients\[0\]: float 0.1 is not exact"):
        BellFunctional.from_probabilities([2, 2], np.full(16, 0.1))
    with pytest.raises(ValueError, match="shape"):
        BellFunctional.from_probabilities([2, 2], np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match=r"terms\['A0B0'\]"):
        BellFunctional.from_correlators([2, 2], {"A0B0": np.float64(1 / 3)})
    with pytest.raises(ValueError, match="functional"):
        BellFunctional.from_correlators([2, 2], {"A2B0": 1})  # input 2 out of range


def test_ns_bound_is_an_exact_lp_optimum():
    pytest.importorskip("scipy")
    F = BellFunctional.chsh()
    ns = exactbell.ns_bound(F)
    assert ns.value == 4 and F.value(ns.primal) == 4 and all(p >= 0 for p in ns.primal)
    # dual feasibility and value: the dual covers F on every coordinate, its value is the optimum
    sc = F.scenario
    from types import SimpleNamespace

    from exactbell.kernel.scenario import ns_rows

    n_out = len(sc.outcomes)
    rows = [{k * n_out + i: 1 for i in range(n_out)} for k in range(len(sc.contexts))]
    rows += ns_rows(SimpleNamespace(inputs=[0, 1], contexts=sc.contexts, outcomes=sc.outcomes))
    cover = [sum(ns.dual.get(i, 0) * r.get(j, 0) for i, r in enumerate(rows)) for j in range(sc.size)]
    assert all(c >= f for c, f in zip(cover, F.coefficients))
    assert sum(ns.dual.get(i, 0) for i in range(len(sc.contexts))) == 4


def test_quantum_bound_chsh_is_certified_and_rechecked():
    pytest.importorskip("cvxpy")
    Q = exactbell.quantum_bound(BellFunctional.chsh(), level=1)
    assert Q.lower ** 2 <= 8 <= Q.upper ** 2 and Q.upper - Q.lower < Fraction(1, 10**6)
    cert = Q.certificate()
    assert cert.kind == "sos" and cert.obj["exactbell"] == 2
    r = cert.check()
    assert r.passed and r.verdict == "verified" and "max over quantum strategies" in r.statement
    assert Q.exact and "= 2" in Q._repr_latex_()  # 2√2 exactly: an exact optimal qubit strategy
    mermin = BellFunctional.from_correlators([2, 2, 2], {"A0B0C1": 1, "A0B1C0": 1, "A1B0C0": 1, "A1B1C1": -1})
    with pytest.raises(ValueError, match="level '1': monomial A0\\*B0\\*C1 .* not reached at level 1"):
        exactbell.quantum_bound(mermin, level=1)


def test_local_polytope_facets_and_classes():
    pytest.importorskip("cdd")
    P = exactbell.local_polytope([2, 2])
    assert len(P.vertices()) == 16 and P.dimension == 8
    assert len(P.facets()) == 24
    classes = P.classes()
    assert sorted(c.orbit for c in classes) == [8, 16] and sum(c.orbit for c in classes) == 24
    F = BellFunctional.chsh()
    assert P.is_facet(F.coefficients, 2) and not P.is_facet(F.coefficients, 3)
    square = Polytope([[0, 0], [1, 0], [0, 1], [1, 1], ["1/2", "1/2"]])
    assert len(square.vertices()) == 4 and len(square.facets()) == 4 and len(square.classes()) == 4
    swap = Polytope([[0, 0], [1, 0], [0, 1], [1, 1]], symmetries=[(1, 0)])
    assert sorted(c.orbit for c in swap.classes()) == [2, 2]
    with pytest.raises(ValueError, match=r"symmetries\[0\]: does not map"):
        Polytope([[0, 0], [1, 0], [0, 2]], symmetries=[(1, 0)]).classes()
    with pytest.raises(ValueError, match=r"vertices\[0\]\[0\]"):
        Polytope([[0.1, 0]])


def test_latex_forms():
    assert latex(Fraction(-1, 2)) == "-\\frac{1}{2}" and latex(3) == "3"
    assert BellFunctional.chsh()._repr_latex_() == ("$\\langle A_{0} B_{0} \\rangle + \\langle A_{0} B_{1} \\rangle + "
                                                   "\\langle A_{1} B_{0} \\rangle - \\langle A_{1} B_{1} \\rangle$")
    assert exactbell.exact("3/4") == Fraction(3, 4) and exactbell.exact(0.25) == Fraction(1, 4)
    assert exactbell.exact("1/2 + 1/3") == Fraction(5, 6)
    with pytest.raises(ValueError, match="c: '0.1' is not an exact rational number"):
        exactbell.exact("0.1", "c")
    with pytest.raises(ValueError, match="x: boolean"):
        exactbell.exact(True, "x")


def test_docstring_examples_run():
    import doctest

    import exactbell.api

    failures, tried = doctest.testmod(exactbell.api, optionflags=doctest.ELLIPSIS)
    assert tried >= 2 and failures == 0


def test_check_on_a_dask_scheduler_gives_the_local_rows_in_order():
    distributed = pytest.importorskip("distributed")
    root = Path(__file__).resolve().parents[1] / "proofs" / "wooltorton-brown-colbeck"
    files = [root / "C004-01.local.json", root / "C004-02.json"]
    local = exactbell.check(files, jobs=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, scheduler_port=0,
                                  dashboard_address=None) as cluster:
        remote = exactbell.check(files, scheduler=cluster.scheduler_address)
    assert [(r.id, r.verdict, r.statement) for r in remote] == [(r.id, r.verdict, r.statement) for r in local]
    assert all(r.passed for r in remote)
