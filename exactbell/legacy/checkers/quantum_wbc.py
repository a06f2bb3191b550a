"""Kind ``wbc-family`` (legacy; only part ``grid`` remains: parts local, quantum and chsh are kernel
certificates of kinds local-bound, sos and strategy-value).

data:
  field        optional number field of the trig values
  part         "grid"
  trig         {"cos": {"r": value, ...}, "sin": {...}}: cos and sin of k·unit for k = 0 … 2/unit − 1
  grid         {"unit": u}: every triple of multiples of u·π in [0, 2π); checks (i) Eq. (3) =
               exhaustive local bound and (iii) |η^Q| > η^L ⇔ (4) at each; counts
               {"triples": N, "condition4": M} are checked. A failing triple refutes.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ...kernel.numbers import format_rational
from ...quantum.trig import TrigError, verify_cos, verify_sin
from ...quantum.wbc import Point, to_quad
from . import Outcome, checker


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


@checker("wbc-family")
def decide(cert, reader) -> Outcome:
    part = reader.get("data.part", str)
    if part != "grid":
        raise reader.fail("data.part", f"part {part!r} is a kernel certificate now (local-bound, sos, strategy-value)")
    return _grid(cert, reader)


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
