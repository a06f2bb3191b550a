"""The inequality prover: "lhs REL rhs for all parameters in a box", with exact certificates.

    st = Statement.make("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"})
    proof = prove(st)          # {"method": "cells"} or {"method": "refuted", "point": {...}}
    verify(st, proof)          # -> (verdict, detail); raises ProverError on a bad proof

This module is the *search*: it finds proofs (``cells``: the kernel decides one parameter itself;
``boxes``: a bisection tree; ``identity``; ``combination``: weights for max/min statements) or
an exact counterexample. Checking a proof is the kernel's job
(:mod:`exactbell.kernel.prove_check`, which also defines the statement and the proof format);
:func:`verify` is a thin wrapper around it for producers.
"""
from __future__ import annotations

import re
from fractions import Fraction
from itertools import product

from ..kernel import prove_check as pc
from ..kernel.envelope import CertificateError, Obj
from ..kernel.numbers import ExactnessError, format_rational, to_rational
from ..kernel.params import Domain
from . import boxes
from .expression import Collector, ProverError, Ring, parse_ast

RELATIONS = pc.RELATIONS


def parse_interval(text) -> tuple[Fraction, Fraction, bool, bool]:
    """"(2/5, 1]" -> (2/5, 1, lo_open=True, hi_open=False). Both ends must be finite rationals."""
    d = _domain(text)
    return d.lo, d.hi, not d.lo_closed, not d.hi_closed


def _domain(text) -> Domain:
    if not isinstance(text, str) or re.search(r"inf|oo", text, re.I):
        raise ProverError(f"an interval is a bounded (not unbounded) \"[0, 1)\", got {text!r}")
    try:
        return Domain.parse(text)
    except (ValueError, ExactnessError) as e:
        raise ProverError(f"interval {text!r}: {e}") from None


def interval_text(lo, hi, lo_open, hi_open) -> str:
    return Domain(lo, hi, not lo_open, not hi_open).text()


class Statement(pc.Statement):
    """The kernel's statement, built from text (producer convenience)."""

    @classmethod
    def make(cls, lhs, relation, rhs, domain: dict, require_all: bool = True) -> Statement:
        if not isinstance(domain, dict) or not domain:
            raise ProverError("the domain must name at least one parameter with its interval")
        names = tuple(domain)
        doms = tuple(_domain(domain[n]) for n in names)
        st = pc.Statement.of(parse_ast(lhs, names), relation, parse_ast(rhs, names), names, doms, require_all)
        return cls(st.lhs, st.relation, st.rhs, st.names, st.domains)

    def domain_text(self) -> dict:
        return {n: d.text() for n, d in zip(self.names, self.domains)}


def _point_record(st, point) -> dict:
    return {n: format_rational(x) for n, x in zip(st.names, point)}


def prove(st: pc.Statement, max_depth: int | None = None) -> dict:
    """Produce a proof record (or a refutation with an exact counterexample)."""
    if len(st.names) == 1:
        _detail, bad = pc.decompose(st)
        if not bad:
            return {"method": "cells"}
        rational = [x for x in bad if isinstance(x, Fraction) and st.in_domain((x,))]
        if not rational:
            raise ProverError("the statement fails only at an irrational critical point")
        return {"method": "refuted", "point": _point_record(st, rational[0:1])}
    if st.oriented == "==":
        vals = Collector(Ring(st.names)).values(st.node)
        if len(vals) == 1 and vals[0].is_zero():
            return {"method": "identity"}
        for point in product(*[[lo + (hi - lo) * Fraction(k, 7) for k in range(1, 7)] for lo, hi in st.box]):
            if st.in_domain(point) and st.violated_at(point):
                return {"method": "refuted", "point": _point_record(st, point)}
        raise ProverError("identity not provable by exact simplification (case splits in several parameters)")
    if max_depth is not None:
        boxes.MAX_DEPTH = max_depth
    comb = _prove_combination(st)
    if comb is not None:
        return comb
    status, res = boxes.prove(st)
    if status == "proved":
        return {"method": "boxes", "tree": res}
    if status == "refuted":
        if not st.in_domain(res):
            raise ProverError("counterexample candidate on an open side of the domain")
        return {"method": "refuted", "point": _point_record(st, res)}
    raise ProverError(f"not proved: {res}")


def _prove_combination(st):
    """A ``combination`` proof (see :mod:`exactbell.prover.combination`) if the weights found work."""
    from . import combination

    for weights in combination.find_weights(st) or []:
        try:
            wst, cst = pc.combination_sides(st, weights)
            wp = [prove(w) for w in wst]
            cp = prove(cst)
        except ProverError:
            continue
        if all(p["method"] != "refuted" for p in wp + [cp]):
            return {"method": "combination", "weights": weights, "weight_proofs": wp, "proof": cp}
        if cp["method"] == "refuted" and all(p["method"] != "refuted" for p in wp):
            pt = combination.crossing_point(st, weights, _parse_point(st, cp["point"]))
            if pt is not None:
                return {"method": "refuted", "point": _point_record(st, pt)}
    return None


def _parse_point(st, point) -> tuple:
    if not isinstance(point, dict) or set(point) != set(st.names):
        raise ProverError(f"a point names every parameter: {', '.join(st.names)}")
    return tuple(to_rational(point[n]) for n in st.names)


def check_counterexample(st, point) -> tuple:
    pt = _parse_point(st, point)
    if not st.in_domain(pt):
        raise ProverError("counterexample point lies outside the domain")
    if not st.violated_at(pt):
        raise ProverError("the statement holds at the counterexample point")
    return pt


def verify(st, proof: dict) -> tuple[str, str]:
    """The kernel's check of a proof record: ("verified"|"refuted", detail); ProverError if bad."""
    if not isinstance(proof, dict):
        raise ProverError("proof must be an object")
    try:
        o = Obj(proof, "proof", "<proof>")
        verdict, detail, value = pc.check(st, o)
        o.close()
    except CertificateError as e:
        raise ProverError(f"{e.field}: {e.problem}") from None
    if verdict == "refuted":
        return verdict, f"violated at {', '.join(f'{n} = {x}' for n, x in detail.items())} (lhs - rhs = {value})"
    return verdict, detail


SQRT = "principal (non-negative) square root"


def inequality_certificate(cid, claim, paper, location, summary, lhs, rel, rhs, domain: dict,
                           conventions: dict | None = None, point: dict | None = None) -> dict:
    """A schema-2 certificate of kind ``inequality`` (:mod:`exactbell.kernel.kinds.inequality`):
    proved here, or refuted at the exact ``point``; ``domain`` becomes the parameters."""
    from ..certificates.format import envelope2
    from .expression import has_sqrt

    st = Statement.make(lhs, rel, rhs, domain)
    if point is not None:
        check_counterexample(st, point)
        proof = {"method": "refuted", "point": dict(point)}
    else:
        proof = prove(st)
    conv = {k: v for k, v in (conventions or {}).items() if k != "division"}
    if has_sqrt(st.node):
        conv["sqrt"] = SQRT
    verdict = "refuted" if proof["method"] == "refuted" else "verified"
    return envelope2(cid, claim, paper, location, summary, "inequality", verdict, conv,
                     {"lhs": lhs, "relation": rel, "rhs": rhs, "proof": proof}, parameters=dict(domain))


def trig_statement(angles, lhs, rel, rhs, hypothesis: dict | None = None, pieces: list | None = None) -> dict:
    """A trigonometric statement of kind ``inequality`` (for all real angles) with one proof per
    chart (:func:`exactbell.kernel.prove_check.check_trig`); with a hypothesis, ``pieces`` lists
    (box, multiplier) tiling [-1, 1]^n, the same in every chart."""
    names = tuple(angles)
    L, R = pc.parse_trig(lhs, names), pc.parse_trig(rhs, names)
    full = Domain(Fraction(-1), Fraction(1), True, True)
    charts = []
    for idx in range(2 ** len(names)):
        k = [idx >> (len(names) - 1 - i) & 1 for i in range(len(names))]
        st = pc.Statement(pc.chart(L, k), rel, pc.chart(R, k), names, (full,) * len(names))
        if hypothesis is None:
            charts.append(_proved(st, f"chart {k}"))
            continue
        h = pc.Statement(pc.parse_trig(hypothesis["lhs"], names), hypothesis["relation"],
                         pc.parse_trig(hypothesis["rhs"], names), names, ())
        g, out = pc.chart(h.node, k), []
        for box, mu in pieces:
            doms = tuple(Domain.parse(box[n]) for n in names)
            m = pc.parse_ast(mu, names)
            p1 = _proved(pc.Statement(m, ">=", ("c", 0), names, doms), f"chart {k}, multiplier on {box}")
            main = ("-", ("*", m, st.node) if m != ("c", 0) else m, g)  # the kernel's form
            p2 = _proved(pc.Statement(main, ">=" if h.strict else ">", ("c", 0), names, doms),
                         f"chart {k}, piece {box}")
            out.append({"box": dict(box), "multiplier": mu, "proofs": [p1, p2]})
        charts.append({"pieces": out})
    d = {"angles": list(names), "lhs": lhs, "relation": rel, "rhs": rhs}
    if hypothesis:
        d["hypothesis"] = dict(hypothesis)
    d["proof"] = {"charts": charts}
    return d


def _proved(st, where) -> dict:
    pr = prove(st)
    if pr["method"] == "refuted":
        raise ProverError(f"{where}: false at {pr['point']}")
    return pr
