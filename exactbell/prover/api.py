"""The inequality prover: "lhs REL rhs for all parameters in a box", with exact certificates.

    st = Statement.make("2*(abs(2*p-1)+1-p)/p", ">=", "2", {"p": "(2/5, 1)"})
    proof = prove(st)          # {"method": "cells", ...} or {"method": "refuted", "point": {...}}
    verify(st, proof)          # -> (verdict, detail); raises ProverError on a bad proof

Methods: ``cells`` (one parameter, exact root isolation), ``boxes`` (any number of parameters,
bisection closed by arb interval arithmetic or exact Bernstein coefficients; with two parameters
also by exact algebraic leaves for zeros inside a box, see :mod:`.algebraic2`), ``identity``
(== without case splits, by exact simplification), ``combination`` (max/min statements tight
along a curve: a convex combination of the branches with weights proved >= 0, see
:mod:`.combination`). A false statement yields ``refuted`` with an
exact rational counterexample point, re-evaluated exactly by :func:`verify`.
This module and its imports are float-free; the trusted checker uses :func:`verify`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..kernel.numbers import ExactnessError, format_rational, to_rational
from . import boxes, cells
from .expression import (Collector, ProverError, Ring, eval_point, parse_ast, used_variables)

RELATIONS = (">=", ">", "<=", "<", "==")
_INTERVAL = re.compile(r"^\s*([\[(])\s*([^,]+?)\s*,\s*([^,]+?)\s*([\])])\s*$")


def parse_interval(text) -> tuple[Fraction, Fraction, bool, bool]:
    """"(2/5, 1]" -> (2/5, 1, lo_open=True, hi_open=False). Both ends must be finite rationals."""
    if not isinstance(text, str):
        raise ProverError(f"an interval is written like \"[0, 1)\", got {type(text).__name__}")
    m = _INTERVAL.match(text)
    if not m:
        raise ProverError(f"malformed interval {text!r} (write e.g. \"(2/5, 1]\")")
    ends = []
    for t in (m.group(2), m.group(3)):
        if re.search(r"inf|oo", t, re.I):
            raise ProverError(f"unbounded interval {text!r}: the domain must be a bounded box")
        try:
            ends.append(to_rational(t))
        except ExactnessError as e:
            raise ProverError(f"interval {text!r}: {e}") from None
    lo, hi = ends
    if not lo < hi:
        raise ProverError(f"interval {text!r} needs lo < hi")
    return lo, hi, m.group(1) == "(", m.group(4) == ")"


def interval_text(lo, hi, lo_open, hi_open) -> str:
    return f"{'(' if lo_open else '['}{format_rational(lo)}, {format_rational(hi)}{')' if hi_open else ']'}"


@dataclass
class Statement:
    lhs: str
    relation: str
    rhs: str
    names: tuple
    box: list  # [(lo, hi)]
    open_flags: list  # [(lo_open, hi_open)]
    node: tuple  # oriented: f with f >= 0 / > 0 / == 0

    @classmethod
    def make(cls, lhs, relation, rhs, domain: dict, require_all: bool = True) -> Statement:
        if relation not in RELATIONS:
            raise ProverError(f"unknown relation {relation!r} (one of {', '.join(RELATIONS)})")
        if not isinstance(domain, dict) or not domain:
            raise ProverError("the domain must name at least one parameter with its interval")
        names = tuple(domain)
        for n in names:
            if not isinstance(n, str) or not n.isidentifier():
                raise ProverError(f"parameter name {n!r} is not an identifier")
        box, flags = [], []
        for n in names:
            lo, hi, lo_open, hi_open = parse_interval(domain[n])
            box.append((lo, hi))
            flags.append((lo_open, hi_open))
        L, R = parse_ast(lhs, names), parse_ast(rhs, names)
        used = used_variables(L) | used_variables(R)
        for i, n in enumerate(names):
            if require_all and i not in used:
                raise ProverError(f"parameter {n!r} does not occur in the statement")
        if relation in (">=", ">", "=="):
            node = ("-", L, R)
        else:
            node = ("-", R, L)
        return cls(lhs, relation, rhs, names, box, flags, node)

    @property
    def strict(self) -> bool:
        return self.relation in (">", "<")

    @property
    def oriented(self) -> str:
        return ">" if self.strict else "==" if self.relation == "==" else ">="

    def domain_text(self) -> dict:
        return {n: interval_text(*b, *f) for n, b, f in zip(self.names, self.box, self.open_flags)}

    def text(self) -> str:
        dom = ", ".join(f"{n} in {t}" for n, t in self.domain_text().items())
        return f"{self.lhs} {self.relation} {self.rhs} for all {dom}"

    def in_domain(self, point) -> bool:
        for x, (lo, hi), (lo_o, hi_o) in zip(point, self.box, self.open_flags):
            if x < lo or x > hi or (x == lo and lo_o) or (x == hi and hi_o):
                return False
        return True

    def violated_at(self, point) -> bool:
        s = eval_point(self.node, point).sign()
        return s != 0 if self.oriented == "==" else s < 0 or (self.oriented == ">" and s == 0)


def _point_record(st, point) -> dict:
    return {n: format_rational(x) for n, x in zip(st.names, point)}


def prove(st: Statement, max_depth: int | None = None) -> dict:
    """Produce a proof record (or a refutation with an exact counterexample)."""
    if len(st.names) == 1:
        (lo, hi), (lo_o, hi_o) = st.box[0], st.open_flags[0]
        dec = cells.decompose(st.node, st.names, lo, hi, lo_o, hi_o, st.strict)
        holds, cx, _ = cells.decide(dec, st.oriented)
        if holds:
            return cells.record(dec, st.names[0])
        if isinstance(cx, Fraction):
            return {"method": "refuted", "point": _point_record(st, (cx,))}
        at = cx["at"]
        x = lo if at == "lo" else hi if at == "hi" else dec["roots"][at].value
        if x is None:
            raise ProverError("the statement fails only at an irrational critical point; no rational counterexample")
        return {"method": "refuted", "point": _point_record(st, (x,))}
    if st.oriented == "==":
        vals = Collector(Ring(st.names)).values(st.node)
        if len(vals) == 1 and vals[0].is_zero():
            return {"method": "identity"}
        # find a rational point where it is nonzero
        for point in _probe_points(st):
            if st.violated_at(point):
                return {"method": "refuted", "point": _point_record(st, point)}
        raise ProverError("identity not provable by exact simplification (case splits in several parameters)")
    if max_depth is not None:
        boxes.MAX_DEPTH = max_depth
    comb = _prove_combination(st)
    if comb is not None:
        return comb
    algebraic: list = []
    status, res = boxes.prove(st.node, st.names, st.box, st.open_flags, st.strict, algebraic)
    if status == "proved":
        rec = {"method": "boxes", "tree": res, "leaves": res.count("I") + res.count("B") + res.count("A"),
               "centre_values": boxes.centre_values(st.node, boxes.leaf_boxes(st.box, res))}
        if algebraic:
            rec["algebraic"] = algebraic
        return rec
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
            wst, cst, ok = combination.side_statements(st, weights)
            if not ok:
                continue
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


def _probe_points(st):
    from itertools import product

    grids = [[lo + (hi - lo) * Fraction(k, 7) for k in range(1, 7)] for lo, hi in st.box]
    return product(*grids)


def _parse_point(st, point) -> tuple:
    if not isinstance(point, dict) or set(point) != set(st.names):
        raise ProverError(f"a point names every parameter: {', '.join(st.names)}")
    return tuple(to_rational(point[n]) for n in st.names)


def check_counterexample(st: Statement, point) -> tuple:
    pt = _parse_point(st, point)
    if not st.in_domain(pt):
        raise ProverError("counterexample point lies outside the domain")
    if not st.violated_at(pt):
        raise ProverError("the statement holds at the counterexample point")
    return pt


def verify(st: Statement, proof: dict) -> tuple[str, str]:
    """Re-check a proof record exactly. Returns ("verified"|"refuted", detail)."""
    if not isinstance(proof, dict):
        raise ProverError("proof must be an object")
    method = proof.get("method")
    if method == "refuted":
        pt = check_counterexample(st, proof.get("point"))
        return "refuted", f"violated at {', '.join(f'{n} = {format_rational(x)}' for n, x in zip(st.names, pt))}"
    if method == "cells":
        if len(st.names) != 1:
            raise ProverError("method cells needs exactly one parameter")
        return _verify_cells(st, proof)
    if method == "identity":
        if st.oriented != "==":
            raise ProverError("method identity proves == statements only")
        vals = Collector(Ring(st.names)).values(st.node)
        if len(vals) != 1 or not vals[0].is_zero():
            raise ProverError("lhs - rhs does not simplify to 0")
        return "verified", "lhs - rhs simplifies to 0 exactly"
    if method == "boxes":
        if st.oriented == "==":
            raise ProverError("method boxes proves inequalities, not identities")
        tree = proof.get("tree")
        n = boxes.check(st.node, st.names, st.box, st.open_flags, st.strict, tree, proof.get("algebraic"))
        if proof.get("leaves") != n:
            raise ProverError(f"leaves: the tree closes {n} boxes, not {proof.get('leaves')!r}")
        if proof.get("centre_values") != boxes.centre_values(st.node, boxes.leaf_boxes(st.box, tree)):
            raise ProverError("centre_values: not the exact values of lhs - rhs at the leaf-box centres")
        alg = f", {tree.count('A')} algebraic" if "A" in tree else ""
        return "verified", f"{n} boxes closed ({tree.count('I')} interval, {tree.count('B')} Bernstein{alg})"
    if method == "combination":
        return _verify_combination(st, proof)
    raise ProverError(f"unknown proof method {method!r} (cells, boxes, identity, combination, refuted)")


def _verify_combination(st, proof):
    from . import combination

    if st.oriented == "==":
        raise ProverError("method combination proves inequalities, not identities")
    wst, cst, ok = combination.side_statements(st, proof.get("weights"))
    if not ok:
        raise ProverError("weights: do not sum to 1 exactly")
    wp = proof.get("weight_proofs")
    if not isinstance(wp, list) or len(wp) != len(wst):
        raise ProverError(f"weight_proofs: needs {len(wst)} proofs")
    for i, (w, p) in enumerate(zip(wst, wp)):
        try:
            verdict, _ = verify(w, p)
        except ProverError as e:
            raise ProverError(f"weight_proofs[{i}]: {e}") from None
        if verdict != "verified":
            raise ProverError(f"weight_proofs[{i}]: weight {proof['weights'][i]} is not >= 0")
    try:
        verdict, detail = verify(cst, proof.get("proof"))
    except ProverError as e:
        raise ProverError(f"proof: {e}") from None
    if verdict != "verified":
        raise ProverError("proof: the weighted sum of the branches is not >= 0")
    return "verified", (f"max of the branches >= their convex combination with weights "
                        f"{', '.join(proof['weights'])} (each >= 0, sum 1), which is >= 0: {detail}")


def _verify_cells(st, proof):
    (lo, hi), (lo_o, hi_o) = st.box[0], st.open_flags[0]
    name = st.names[0]
    dec = cells.decompose(st.node, st.names, lo, hi, lo_o, hi_o, st.strict)
    rec = cells.record(dec, name)
    ring = dec["ring"]
    # factors: compare as polynomials
    got = proof.get("factors")
    if not isinstance(got, list) or len(got) != len(rec["factors"]):
        raise ProverError(f"factors: expected {len(rec['factors'])} critical factors")
    for i, (g, f) in enumerate(zip(got, dec["factors"])):
        mine = ring.parse_poly(cells.poly_text(f, name))
        if ring.parse_poly(g) != mine:
            raise ProverError(f"factors[{i}]: expected {cells.poly_text(f, name)}")
    for key in ("roots",):
        if proof.get(key) != rec[key]:
            raise ProverError(f"{key}: does not match the exact root isolation ({len(rec[key])} roots)")
    gc = proof.get("cells")
    if not isinstance(gc, list) or len(gc) != len(rec["cells"]):
        raise ProverError(f"cells: expected {len(rec['cells'])} cells")
    from .expression import Collector as _C

    for i, (g, c) in enumerate(zip(gc, dec["cells"])):
        if not isinstance(g, dict):
            raise ProverError(f"cells[{i}]: must be an object")
        if to_rational(g.get("sample")) != c["sample"]:
            raise ProverError(f"cells[{i}].sample: expected {format_rational(c['sample'])}")
        vals = _C(ring).values(parse_ast(g.get("branch"), st.names))
        if len(vals) != 1 or not vals[0] == c["branch"]:
            raise ProverError(f"cells[{i}].branch: the active branch is {c['branch'].text()}")
        if g.get("sign") != c["sign"]:
            raise ProverError(f"cells[{i}].sign: expected {c['sign']}")
    if proof.get("points", []) != rec.get("points", []):
        raise ProverError("points: signs at the critical points do not match")
    holds, cx, detail = cells.decide(dec, st.oriented)
    if not holds:
        raise ProverError(f"the cell decomposition shows the statement is false ({detail}); "
                          "certify it with method refuted")
    return "verified", detail
