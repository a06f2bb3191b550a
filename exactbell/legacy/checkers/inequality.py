"""Kind ``inequality``: "lhs REL rhs for all parameters in a box", proved by the inequality prover.

data:
  lhs, rhs     expressions in the parameters (rationals, + - * /, integer powers, abs, max, min,
               sqrt with one radicand per statement)
  relation     ">=", ">", "<=", "<" or "=="
  domain       {"p": "(2/5, 1)", ...}: bounded intervals with open/closed ends; must agree with
               the envelope's symbolic parameters {"p": {"range": [lo, hi]}}
  proof        {"method": "cells", factors, roots, cells[, points]}   one parameter, exact
               {"method": "boxes", "tree": "SSIB...", "leaves": n}     bisection, arb/Bernstein
                 [, "algebraic": [{kernel, samples}]]  two parameters: exact leaves "A" (interior zeros)
               {"method": "combination", "weights", "weight_proofs", "proof"}  max/min statements
               {"method": "identity"}                                   exact simplification
               {"method": "refuted"}   with expected.counterexample = {"p": "q", ...}
Everything is recomputed with exact arithmetic (Sturm sequences, number fields, Bernstein
coefficients) and rigorous arb balls; see :mod:`exactbell.prover`.
"""
from __future__ import annotations

from ...prover import ProverError, Statement, check_counterexample, verify
from . import Outcome, checker


def statement_from(reader, where: str = "data", require_params: bool = True) -> Statement:
    d = reader.get(where, dict)
    with reader.context(f"{where}.domain"):
        try:
            st = Statement.make(d.get("lhs"), d.get("relation"), d.get("rhs"), d.get("domain"))
        except ProverError as e:
            raise reader.fail(where, str(e)) from None
    if require_params:
        if set(reader.symbols) != set(st.names):
            raise reader.fail("parameters", f"must declare exactly the domain parameters {list(st.names)} "
                                            "with their ranges")
        for n, (lo, hi) in zip(st.names, st.box):
            if reader.symbols[n] != (lo, hi):
                raise reader.fail(f"parameters.{n}.range", f"does not match data.domain ({lo}, {hi})")
    return st


def decide_statement(cert, reader, st: Statement, where: str = "data.proof") -> tuple[str, str]:
    proof = reader.get(where, dict)
    try:
        if proof.get("method") == "refuted":
            cx = cert.expected.get("counterexample") if where == "data.proof" else proof.get("point")
            if "point" in proof and proof["point"] != cx:
                raise ProverError("point must equal expected.counterexample")
            check_counterexample(st, cx)
            return "refuted", "exact counterexample: " + ", ".join(f"{k} = {v}" for k, v in cx.items())
        return verify(st, proof)
    except ProverError as e:
        raise reader.fail(where, str(e)) from None
    except (ValueError, TypeError, ArithmeticError) as e:
        raise reader.fail(where, str(e) or type(e).__name__) from None


@checker("inequality")
def decide(cert, reader) -> Outcome:
    st = statement_from(reader)
    verdict, detail = decide_statement(cert, reader, st)
    return Outcome(verdict, f"{st.text()}: {detail}")
