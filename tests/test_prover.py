"""The inequality prover on known true and false statements (exact verdicts and rejections)."""
from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as hs

from exactbell.prover import ProverError, Statement, prove, verify


def _run(lhs, rel, rhs, dom):
    st = Statement.make(lhs, rel, rhs, dom)
    proof = prove(st)
    return st, proof, verify(st, proof)[0]


@pytest.mark.parametrize("lhs,rel,rhs,dom", [
    ("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"}),
    ("(p-1/2)^2", ">=", "0", {"p": "[0, 1]"}),                      # tangency at a rational point
    ("(p^2-2)^2", ">=", "0", {"p": "[0, 2]"}),                      # tangency at an irrational point
    ("p^2 - 2", "<", "0", {"p": "[0, 1]"}),
    ("max(p, 1-p)", ">=", "1/2", {"p": "[0, 1]"}),
    ("abs(p-1/3) + abs(p-2/3)", ">=", "1/3", {"p": "[0, 1]"}),
    ("2*sqrt(2)*sqrt(p/(3*p-1))", ">", "2", {"p": "[1/2, 1)"}),
    ("sqrt(p)", ">=", "p", {"p": "[0, 1]"}),
    ("min(p, 1-p)", "<=", "1/2", {"p": "[0, 1]"}),
    ("(1-p)*(1-r)", ">", "0", {"p": "[0, 1)", "r": "[0, 1)"}),
    ("p^2 + r^2 + 1/10", ">=", "2*p*r", {"p": "[0, 1]", "r": "[0, 1]"}),
    ("p*r", ">=", "0", {"p": "[0, 1]", "r": "[0, 1]"}),
    ("(p-1/2)^2 + (r-1/4)^2", ">=", "0", {"p": "[0, 1]", "r": "[0, 1]"}),  # tangency in 2-D (dyadic)
    ("abs(p - r) + 1", ">", "0", {"p": "[0, 1]", "r": "[0, 1]"}),
    ("(p+r)^2", "==", "p^2 + 2*p*r + r^2", {"p": "[0, 1]", "r": "[0, 1]"}),
])
def test_true_statements_are_verified(lhs, rel, rhs, dom):
    st, proof, verdict = _run(lhs, rel, rhs, dom)
    assert verdict == "verified"
    assert proof["method"] != "refuted"


@pytest.mark.parametrize("lhs,rel,rhs,dom,point", [
    ("(p-1/2)^2", ">", "0", {"p": "[0, 1]"}, {"p": "1/2"}),           # strict fails at the tangency
    ("p^2 - 2", "<", "0", {"p": "[0, 2]"}, None),
    ("max(p, 1-p)", ">", "1/2", {"p": "[0, 1]"}, {"p": "1/2"}),
    ("2*sqrt(2)*sqrt(p/(3*p-1))", ">", "2", {"p": "[1/2, 1]"}, {"p": "1"}),  # closed end
    ("p*r", ">=", "1/4", {"p": "[0, 1]", "r": "[0, 1]"}, None),
    ("p", "==", "p^2", {"p": "[0, 1]"}, None),
])
def test_false_statements_are_refuted(lhs, rel, rhs, dom, point):
    st, proof, verdict = _run(lhs, rel, rhs, dom)
    assert verdict == "refuted"
    if point is not None:
        assert proof["point"] == point
    assert st.violated_at(tuple(Fraction(proof["point"][n]) for n in st.names))


def test_cells_are_decided_by_the_kernel():
    st = Statement.make("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"})
    assert prove(st) == {"method": "cells"}
    # critical roots 1/2 (abs switch) and 2/3 (3p-2 from the other branch) inside (2/5, 1): three cells
    assert verify(st, {"method": "cells"}) == ("verified", "2 cell boundaries inside the domain, 3 cells")


@pytest.mark.parametrize("mutate", [
    lambda p: p.__setitem__("cells", [{"sample": "1/2", "sign": 1}]),
    lambda p: p.__setitem__("factors", ["p"]),
    lambda p: p.__setitem__("method", "boxes"),
    lambda p: p.__setitem__("method", "identity"),
])
def test_tampered_cells_rejected(mutate):
    st = Statement.make("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"})
    proof = prove(st)
    mutate(proof)
    with pytest.raises(ProverError):
        verify(st, proof)


@pytest.mark.parametrize("lhs,rel,dom", [("(p^2-2)^2", ">", "[0, 2]"),      # fails only at sqrt(2)
                                         ("p^2 - 2", ">=", "[0, 2]"),
                                         ("(p-1/2)^2", ">", "[0, 1]"),       # fails only at 1/2
                                         ("p*(1-p)", ">", "[0, 1)")])        # fails only at the closed end 0
def test_cells_proof_of_a_false_statement_rejected(lhs, rel, dom):
    st = Statement.make(lhs, rel, "0", {"p": dom})
    with pytest.raises(ProverError, match="statement is false"):
        verify(st, {"method": "cells"})


def test_tampered_tree_rejected():
    st = Statement.make("p^2 + r^2 + 1/10", ">=", "2*p*r", {"p": "[0, 1]", "r": "[0, 1]"})
    proof = prove(st)
    assert proof["method"] == "boxes"
    for bad in (proof["tree"][:-1], proof["tree"] + "I", "I", proof["tree"].replace("B", "I", 1)):
        with pytest.raises(ProverError):
            verify(st, dict(proof, tree=bad))


def test_wrong_counterexample_rejected():
    st = Statement.make("p^2 - 2", "<", "0", {"p": "[0, 2]"})
    with pytest.raises(ProverError):
        verify(st, {"method": "refuted", "point": {"p": "1"}})  # holds there
    with pytest.raises(ProverError):
        verify(st, {"method": "refuted", "point": {"p": "3"}})  # outside the domain


@pytest.mark.parametrize("lhs,rel,rhs,dom,msg", [
    ("sin(p)", ">=", "0", {"p": "[0, 1]"}, "outside the supported class"),
    ("p", ">=", "0", {"p": "[0, oo)"}, "unbounded"),
    ("q", ">=", "0", {"p": "[0, 1]"}, "unknown name"),
    ("p", ">=", "0", {"p": "[0, 1]", "r": "[0, 1]"}, "does not occur"),
    ("p", "=>", "0", {"p": "[0, 1]"}, "unknown relation"),
    ("p", ">=", "0", {"p": "[1, 0]"}, "empty domain"),
    ("p", ">=", "0.5", {"p": "[0, 1]"}, "decimal"),
    ("sqrt(p) + sqrt(1-p)", ">=", "0", {"p": "[0, 1]"}, "two distinct square roots"),
    ("(p^2-1/4)/(p-1/2)", "==", "p+1/2", {"p": "[0, 1]"}, "vanishes on the domain"),  # no filling by continuity
])
def test_bad_statements_give_clear_errors(lhs, rel, rhs, dom, msg):
    with pytest.raises(ProverError, match=msg):
        prove(Statement.make(lhs, rel, rhs, dom))


def test_pole_in_domain_is_an_error():
    with pytest.raises(ProverError, match="vanishes on the domain"):
        prove(Statement.make("1/p", ">=", "0", {"p": "[0, 1]"}))
    # an open end at the pole is fine
    st = Statement.make("1/p", ">=", "1", {"p": "(0, 1]"})
    assert verify(st, prove(st))[0] == "verified"


@settings(max_examples=25, deadline=None)
@given(hs.fractions(min_value=-2, max_value=2, max_denominator=12),
       hs.fractions(min_value=-2, max_value=2, max_denominator=12))
def test_quadratic_matches_discriminant(b, c):
    """p^2 + b p + c >= 0 on [-3, 3] iff it has no sign change there (decided exactly)."""
    st = Statement.make(f"p^2 + ({b.numerator}/{b.denominator})*p + ({c.numerator}/{c.denominator})", ">=", "0",
                        {"p": "[-3, 3]"})
    proof = prove(st)
    verdict = verify(st, proof)[0]
    vertex = -b / 2
    minimum = vertex * vertex + b * vertex + c  # vertex lies in [-3, 3]
    assert verdict == ("verified" if minimum >= 0 else "refuted")
