"""Kind ``sw-vertex-bound``: the maximum of a Bell functional over a Sengupta–Wooltorton vertex
set, as an exact function of the channel parameters on their whole range.

data:
  vertex_set   "ns-deterministic" (the 16 local deterministic points) or a channel model of
               :data:`exactbell.polytopes.signaling.MODELS` (all 256 Eq. (9) points)
  functional   the functional in ``conventions.form``; coefficients are rational functions of the
               symbolic parameters
  values       the distinct values <F, v> over the vertex set, in enumeration order (recomputed)
  bound        the claimed bound (abs/max/min/sqrt allowed)
  relation     "max": bound == max of the values; "upper": bound >= every value
  domain       {"p": "(2/5, 1)", ...} (must agree with the envelope parameters' ranges)
  proof        "max": an inequality proof of  max(values) == bound  (one parameter: cells);
               "upper": {"each": [proof_i]}, proof_i proves  values[i] <= bound
expected.counterexample (refuted): {"p": q, ...} a rational point where the claim fails.
"""
from __future__ import annotations

from ...kernel.poly import RationalFunction
from ...prover import ProverError, Statement, check_counterexample, verify
from ...prover.sw_models import VERTEX_SETS, distinct_values, vertices
from . import Outcome, checker


def _values(cert, reader):
    vs = reader.get("data.vertex_set", str)
    if vs not in VERTEX_SETS:
        raise reader.fail("data.vertex_set", f"unknown vertex set {vs!r} (known: {', '.join(VERTEX_SETS)})")
    names = list(reader.symbols)
    sc = reader.scenario()
    spec = reader.get("data.functional", dict)
    from ...kernel.functional import functional_from_spec

    with reader.context("data.functional"):
        F = functional_from_spec(sc, spec, cert.conventions, lambda c: RationalFunction.parse(c, names))
    with reader.context("data.vertex_set"):
        vals = distinct_values(F, vertices(vs, {n: None for n in names}))
    return vs, reader.symbolic_list("data.values", vals, "the vertex set")


@checker("sw-vertex-bound")
def decide(cert, reader) -> Outcome:
    vs, values = _values(cert, reader)
    relation = reader.get("data.relation", str)
    bound = reader.get("data.bound", str)
    domain = reader.get("data.domain", dict)
    if relation not in ("max", "upper"):
        raise reader.fail("data.relation", "must be 'max' or 'upper'")
    try:
        if relation == "max":
            st = Statement.make(f"max({', '.join(values)})" if len(values) > 1 else values[0], "==", bound, domain)
            _check_params(reader, st)
            if cert.verdict == "refuted":
                check_counterexample(st, cert.expected.get("counterexample"))
                return Outcome("refuted", f"max over {vs} differs from {bound} at {cert.expected['counterexample']}")
            verdict, detail = verify(st, reader.get("data.proof", dict))
            return Outcome(verdict, f"max over {len(values)} distinct vertex values of {vs} == {bound} on "
                                    f"{st.domain_text()}: {detail}")
        each = reader.get("data.proof.each", list)
        if len(each) != len(values):
            raise reader.fail("data.proof.each", f"needs one proof per value ({len(values)})")
        for i, (v, pr) in enumerate(zip(values, each)):
            st = Statement.make(v, "<=", bound, domain, require_all=False)
            _check_params(reader, st)
            verdict, _ = verify(st, pr)
            if verdict != "verified":
                raise ProverError(f"value {i} is not bounded")
        return Outcome("verified", f"all {len(values)} distinct vertex values of {vs} are <= {bound} on "
                                   f"{st.domain_text()}")
    except ProverError as e:
        raise reader.fail("data.proof", str(e)) from None


def _check_params(reader, st):
    if set(reader.symbols) != set(st.names):
        raise reader.fail("parameters", f"must declare exactly the domain parameters {list(st.names)}")
    for n, (lo, hi) in zip(st.names, st.box):
        if reader.symbols[n] != (lo, hi):
            raise reader.fail(f"parameters.{n}.range", "does not match data.domain")
