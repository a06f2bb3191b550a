"""Kind ``wbc-family``: Proposition 1 of Wooltorton–Brown–Colbeck at exact parameter points.

The checker builds everything from the paper's formulas (see :mod:`exactbell.quantum.wbc`) and
exact cos/sin values, which it verifies first (:mod:`exactbell.quantum.trig`: Chebyshev root +
rigorous arb enclosure + exact Sturm count). Angles are rational multiples of π.

data:
  field        optional number field of the trig values
  part         "local" | "quantum" | "grid"
  angles       {"theta": r, "phi": r, "omega": r}  (units of π; parts local / quantum)
  trig         {"cos": {"r": value, ...}, "sin": {...}} — exactly the angles the formulas need
               (for "grid": cos and sin of k·unit for k = 0 … 2/unit − 1)
  coefficients [c00, c01, c10, c11] of <A_x B_y> from Eq. (2) (checked)
  part local:   eta_L (Eq. (3), checked) and local_max (16 deterministic strategies, checked);
                verified iff they are equal — Prop. 1(i)
  part quantum: condition (4) must hold; eta_Q (Eq. (5), checked); sos_upper and sos_lower
                ({"terms": [...]}) prove |η^Q|·1 − B ⪰ 0 and |η^Q|·1 + B ⪰ 0 exactly; the
                strategy (6) — built here from the trig values — attains η^Q and its A → −A
                relabelling attains −η^Q — Prop. 1(ii), (iv)-value
  part chsh:    correlators [E00, E01, E10, E11] of strategy (6) (computed here), chsh = the
                standard CHSH value E00 + E01 + E10 − E11, chsh_max8 = the largest of the eight
                CHSH-type forms, condition4 (true/false) — all checked exactly (C004-12, -15, -19)
  part grid:    {"unit": u}: every triple of multiples of u·π in [0, 2π); checks (i) Eq. (3) =
                exhaustive local bound and (iii) |η^Q| > η^L ⇔ (4) at each; counts
                {"triples": N, "condition4": M} are checked. A failing triple refutes.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ...kernel.algebraic import scalar_text
from ...kernel.numbers import format_rational
from ...quantum.ncpoly import NCPoly
from ...quantum.trig import TrigError, approx_text, verify_cos, verify_sin
from ...quantum.wbc import SCENARIO, Point, needed_angles, to_quad
from . import Outcome, checker
from .sos import sos_sum


def _trig(reader, required: dict) -> dict:
    raw = reader.get("data.trig", dict)
    if set(raw) != {"cos", "sin"}:
        raise reader.fail("data.trig", "needs exactly the objects 'cos' and 'sin'")
    out = {}
    for kind, verify in (("cos", verify_cos), ("sin", verify_sin)):
        table = reader.get(f"data.trig.{kind}", dict)
        want = {format_rational(r) for r in required[kind]}
        if set(table) != want:
            missing, extra = sorted(want - set(table)), sorted(set(table) - want)
            raise reader.fail(f"data.trig.{kind}", f"must list exactly the needed angles (missing {missing}, "
                                                   f"unused {extra})")
        vals = {}
        for key, text in table.items():
            where = f"data.trig.{kind}.{key}"
            r = reader.rational(where, key)
            v = reader.value(where, text)
            try:
                verify(v, r)
            except TrigError as e:
                raise reader.fail(where, str(e)) from None
            vals[r] = v
        out[kind] = vals
    return out


def _angles(reader):
    raw = reader.get("data.angles", dict)
    if set(raw) != {"theta", "phi", "omega"}:
        raise reader.fail("data.angles", "needs exactly theta, phi, omega (in units of pi)")
    return tuple(reader.rational(f"data.angles.{k}") for k in ("theta", "phi", "omega"))


def _check_value(reader, where, computed):
    if reader.value(where) != computed:
        raise reader.fail(where, f"does not match the exact value {scalar_text(computed)}")


def _coefficients(reader, point):
    raw = reader.get("data.coefficients", list)
    c = point.coefficients()
    if len(raw) != 4:
        raise reader.fail("data.coefficients", "needs [c00, c01, c10, c11]")
    for k in range(4):
        if reader.value(f"data.coefficients[{k}]", raw[k]) != c[k]:
            raise reader.fail(f"data.coefficients[{k}]", f"Eq. (2) gives {scalar_text(c[k])}")


@checker("wbc-family")
def decide(cert, reader) -> Outcome:
    part = reader.get("data.part", str)
    if part == "grid":
        return _grid(cert, reader)
    if part not in ("local", "quantum", "chsh"):
        raise reader.fail("data.part", f"unknown part {part!r} (local, quantum, chsh, grid)")
    t, p, w = _angles(reader)
    trig = _trig(reader, needed_angles(t, p, w))
    point = Point(t, p, w, trig["cos"], trig["sin"])
    _coefficients(reader, point)
    if part == "local":
        formula, exhaustive = point.eta_local_formula(), point.local_max()
        _check_value(reader, "data.eta_L", formula)
        _check_value(reader, "data.local_max", exhaustive)
        ok = formula == exhaustive
        return Outcome("verified" if ok else "refuted",
                       f"Eq. (3) gives {scalar_text(formula)}, exhaustive local maximum {scalar_text(exhaustive)}",
                       (approx_text(-exhaustive), approx_text(exhaustive)))
    if part == "chsh":
        return _chsh(cert, reader, point)
    if not point.condition4():
        raise reader.fail("data.angles", "condition (4) does not hold at this point")
    eta = point.eta_quantum()
    _check_value(reader, "data.eta_Q", eta)
    a = abs(eta)
    B = point.operator()
    one = NCPoly.scalar(2, a)
    for where, target in (("data.sos_upper", one - B), ("data.sos_lower", one + B)):
        residual = target - sos_sum(reader, SCENARIO, where)
        if residual.terms:
            raise reader.fail(where, f"identity |eta_Q|*1 -+ B = SOS fails ({len(residual.terms)} residual terms)")
    v_plus, v_minus = point.strategy6_value(1), point.strategy6_value(-1)
    if v_plus != eta or v_minus != -eta:
        raise reader.fail("data.angles", f"strategy (6) gives {scalar_text(v_plus)}, not eta_Q = {scalar_text(eta)}")
    return Outcome("verified", f"quantum range [-|eta_Q|, |eta_Q|] with eta_Q = {scalar_text(eta)}: two exact SOS "
                               "and strategy (6) (and its relabelling) attaining both ends",
                   (approx_text(-a), approx_text(a)))


def _grid(cert, reader) -> Outcome:
    unit = reader.rational("data.grid.unit")
    if unit <= 0 or (2 / unit).denominator != 1:
        raise reader.fail("data.grid.unit", "must be 2/k for a positive integer k")
    k = int(2 / unit)
    rs = [unit * j for j in range(k)]
    trig = _trig(reader, {"cos": rs, "sin": rs})
    cos = {r: trig["cos"][r] for r in rs}
    sin = {r: trig["sin"][r] for r in rs}
    if reader.field is not None and to_quad(cos[rs[0]], reader.field) is not None:
        # same exact values, in a faster representation (a + b*sqrt(d) with flint rationals)
        cos = {r: to_quad(v, reader.field) for r, v in cos.items()}
        sin = {r: to_quad(v, reader.field) for r, v in sin.items()}

    class Mod(dict):
        def __getitem__(self, r):
            return dict.__getitem__(self, Fraction(r) % 2)

    cos, sin = Mod(cos), Mod(sin)
    n4 = 0
    n = 0
    for t, p, w in product(rs, repeat=3):
        point = Point(t, p, w, cos, sin)
        n += 1
        etaL, lmax = point.eta_local_formula(), point.local_max()
        c4 = point.condition4()
        n4 += c4
        strict = abs(point.eta_quantum()) > etaL
        if etaL != lmax or strict != c4:
            what = "Eq. (3) differs from the local maximum" if etaL != lmax else "(iii) fails"
            return Outcome("refuted", f"{what} at (theta, phi, omega) = ({t}, {p}, {w})*pi")
    counts = reader.get("data.counts", dict)
    if counts.get("triples") != n:
        raise reader.fail("data.counts.triples", f"the grid has {n} triples")
    if counts.get("condition4") != n4:
        raise reader.fail("data.counts.condition4", f"condition (4) holds at {n4} triples")
    return Outcome("verified", f"Eq. (3) = exhaustive local bound and |eta_Q| > eta_L <=> (4) at all {n} triples "
                               f"(multiples of {unit}*pi); (4) holds at {n4}")


def _chsh(cert, reader, point) -> Outcome:
    from ...quantum.strategy import expectation_complex

    psi, obs = point.strategy6()
    E = []
    for x in range(2):
        for y in range(2):
            op = NCPoly.observable(2, 0, x) * NCPoly.observable(2, 1, y)
            E.append(expectation_complex(op, psi, obs, normalize=True))
    raw = reader.get("data.correlators", list)
    if len(raw) != 4:
        raise reader.fail("data.correlators", "needs [E00, E01, E10, E11]")
    for k in range(4):
        if reader.value(f"data.correlators[{k}]", raw[k]) != E[k]:
            raise reader.fail(f"data.correlators[{k}]", f"strategy (6) gives {scalar_text(E[k])}")
    standard = E[0] + E[1] + E[2] - E[3]
    forms = []
    for odd in range(4):  # which correlator carries the minus sign
        v = sum((E[k] if k != odd else -E[k] for k in range(4)), 0)
        forms += [v, -v]
    best = max(forms)
    _check_value(reader, "data.chsh", standard)
    _check_value(reader, "data.chsh_max8", best)
    c4 = reader.get("data.condition4", bool)
    if c4 != point.condition4():
        raise reader.fail("data.condition4", f"condition (4) {'holds' if point.condition4() else 'fails'} here")
    return Outcome("verified", f"strategy (6): I_CHSH = {scalar_text(standard)}, max of the 8 CHSH forms "
                               f"{scalar_text(best)}, condition (4) {'holds' if c4 else 'fails'}",
                   (approx_text(best), approx_text(best)))
