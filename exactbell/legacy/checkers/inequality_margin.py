"""Kind ``inequality-margin``: a refutation of "lhs REL rhs for all parameters in a box" by an exact
point, with the exact violation margin stated redundantly (so every leaf is load-bearing).

data: lhs, relation, rhs, domain    as for kind ``inequality`` (same parser, same prover)
      margin     expression (rationals, sqrt with the statement's radicand) equal to the oriented
                 value f = lhs - rhs (for >=, >) or rhs - lhs (for <=, <) at the counterexample
      proof      {"method": "refuted"}
expected.counterexample = {"p": "q", ...}: must lie in the domain and violate the statement there.
Verdict "refuted" when the point is in the domain, violates the statement, and f(point) equals the
margin exactly; anything else is an error. (Proofs of true statements use kind ``inequality``.)
"""
from __future__ import annotations

from ...prover import ProverError
from ...prover.expression import eval_point, parse_ast
from . import Outcome, checker
from .inequality import decide_statement, statement_from


@checker("inequality-margin")
def decide(cert, reader) -> Outcome:
    st = statement_from(reader)
    if st.oriented == "==":
        raise reader.fail("data.relation", "inequality-margin refutes inequalities, not identities")
    proof = reader.get("data.proof", dict)
    if proof.get("method") != "refuted" or set(proof) != {"method"}:
        raise reader.fail("data.proof", 'must be exactly {"method": "refuted"} (the point is expected.counterexample)')
    if cert.verdict != "refuted":
        raise reader.fail("expected.verdict", "inequality-margin certificates are refutations")
    verdict, detail = decide_statement(cert, reader, st)
    cx = cert.expected.get("counterexample")
    margin_text = reader.get("data.margin", str)
    try:
        point = tuple(reader.rational(f"expected.counterexample.{n}", cx[n]) for n in st.names)
        diff = eval_point(("-", st.node, parse_ast(margin_text, st.names)), point)
        if diff.sign() != 0:
            raise reader.fail("data.margin", "differs from the exact value of the statement at the counterexample")
    except ProverError as e:
        raise reader.fail("data.margin", str(e)) from None
    except (ValueError, TypeError, ArithmeticError) as e:
        raise reader.fail("data.margin", str(e) or type(e).__name__) from None
    return Outcome(verdict, f"{st.text()}: {detail}; oriented value there = {margin_text} (checked exactly)")
