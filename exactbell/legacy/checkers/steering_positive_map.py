"""Kind ``steering-positive-map``: a positive but not completely positive map, and (optionally) an assemblage
represented as a quantum traditional assemblage followed by such maps (Sainz et al., footnote [17]).

data:
  field         optional real number field
  map           {"dim": d, "choi": J (d²×d²), ["formula": "transpose"]} — J = Σ_ij |i⟩⟨j| ⊗ Λ(|i⟩⟨j|)
  positive      {"terms": [{"weight": c ≥ 0, "polynomial": q}]}: B(u,w) = ⟨w|Λ(|u⟩⟨u|)|w⟩ = Σ c q² exactly,
                in the real variables u0r, u0i, u1r, …, w0r, … (u_k = u_kr + i u_ki)
  not_cp        {"vector": v, "value": v†Jv}: exact, and < 0 (so J is not PSD: Λ is not CP)
  trace_preserving   true/false, checked (tr Λ(E_ij) = δ_ij)
  representation optional {"assemblage": target (BWI; optional "formula"),
                 "realisation": {"dims", "state", "povms"} (a quantum traditional assemblage τ),
                 "maps": per y either {"choi": J_y} with J_y ⪰ 0 (CP) or "map" (the certified map)}:
                 σ_{a|xy} = Λ_y(τ_{a|x}) exactly, every Λ_y trace preserving. Then, as every Λ_y is positive
                 and trace preserving, Λ_y† maps Bob's POVMs to POVMs and
                 p(ab|xy) = tr(N_{b|y} σ_{a|xy}) = tr(Λ_y†(N_{b|y}) τ_{a|x}) is a quantum Bell correlation.
"""
from __future__ import annotations

from ...kernel.poly import Poly
from ...steering import maps
from ...steering import matrices as mx
from ...steering.assemblage import same_blocks
from ...steering.realisation import realisation_from_spec
from . import Outcome, checker
from .steering_assemblage import read_assemblage


def _choi(reader, where, spec, d):
    with reader.context(where):
        J = mx.parse_matrix(spec, reader.field, d * d, d * d, "Choi matrix")
        if not mx.is_hermitian(J):
            raise ValueError("Choi matrix is not Hermitian (the map does not preserve Hermiticity)")
    return J


@checker("steering-positive-map")
def decide(cert, reader) -> Outcome:
    spec = reader.get("data.map", dict)
    d = spec.get("dim")
    if not isinstance(d, int) or isinstance(d, bool) or not 1 <= d <= 4:
        raise reader.fail("data.map.dim", "must be an integer in 1..4")
    J = _choi(reader, "data.map.choi", spec.get("choi"), d)
    formula = spec.get("formula")
    if formula is not None:
        if formula != "transpose":
            raise reader.fail("data.map.formula", f"unknown formula {formula!r} (known: transpose)")
        if J != maps.choi_transpose(d):
            raise reader.fail("data.map.choi", "is not the Choi matrix of the transpose")
    names = maps.variable_names(d)
    with reader.context("data.map.choi"):
        B = maps.biquadratic_form(J, d)
    terms = reader.get("data.positive.terms", list)
    total = Poly()
    for k, t in enumerate(terms):
        where = f"data.positive.terms[{k}]"
        if not isinstance(t, dict):
            raise reader.fail(where, "must be {weight, polynomial}")
        c = reader.value(f"{where}.weight", t.get("weight"))
        if c < 0:
            raise reader.fail(f"{where}.weight", "negative weight in a sum of squares")
        with reader.context(f"{where}.polynomial"):
            q = Poly.parse(t.get("polynomial"), names)
        total = total + q * q * c
    if total != B:
        raise reader.fail("data.positive", "B(u,w) != sum of weighted squares: positivity not proven")
    nc = reader.get("data.not_cp", dict)
    raw = nc.get("vector")
    if not isinstance(raw, list) or len(raw) != d * d:
        raise reader.fail("data.not_cp.vector", f"must list {d * d} entries")
    with reader.context("data.not_cp.vector"):
        v = mx.parse_matrix([raw], reader.field, 1, d * d, "vector")[0]
    val = mx.quad(J, v)
    if val.im != 0 or reader.value("data.not_cp.value", nc.get("value")) != val.re:
        raise reader.fail("data.not_cp.value", "differs from v^dagger J v")
    tp = reader.get("data.trace_preserving", bool)
    if tp != maps.is_trace_preserving(J, d):
        raise reader.fail("data.trace_preserving", f"is {not tp} (checked exactly)")
    if not val.re < 0:
        return Outcome("refuted", "the witness does not show J is not PSD")
    detail = (f"positive (exact SOS of the {4 * d}-variable quartic form, {len(terms)} squares); not CP "
              f"(v^dagger J v = {nc.get('value')} < 0)" + ("; trace preserving" if tp else ""))
    if "representation" in cert.data:
        detail += "; " + _representation(cert, reader, J, d, tp)
    return Outcome("verified", detail)


def _representation(cert, reader, Jmap, d, tp):
    A = read_assemblage(reader, "data.representation.assemblage")
    if A.type != "bob-with-input":
        raise reader.fail("data.representation.assemblage", "must be a Bob-with-input assemblage")
    where = "data.representation.realisation"
    spec = reader.get(where, dict)
    with reader.context(where):
        R = realisation_from_spec(spec, reader.field)
        if R.channels:
            raise ValueError("the traditional part takes no channels (Bob's maps are under 'maps')")
        R.validate()
        tau = R.assemblage("traditional")
    if tau.dim != d:
        raise reader.fail(where, f"Bob's dimension {tau.dim} differs from the map's ({d})")
    raw = reader.get("data.representation.maps", list)
    if len(raw) != A.ny:
        raise reader.fail("data.representation.maps", f"must list {A.ny} maps (one per y)")
    kinds = []
    blocks = {}
    for y, m in enumerate(raw):
        w = f"data.representation.maps[{y}]"
        if m == "map":
            if not tp:
                raise reader.fail(w, "the certified map is not trace preserving")
            J = Jmap
            kinds.append("positive non-CP map")
        elif isinstance(m, dict) and "choi" in m:
            J = _choi(reader, f"{w}.choi", m["choi"], d)
            if not mx.psd(J, reader.field).psd:
                raise reader.fail(f"{w}.choi", "is not PSD: not a CP map (use \"map\" for the certified one)")
            if not maps.is_trace_preserving(J, d):
                raise reader.fail(f"{w}.choi", "map is not trace preserving")
            kinds.append("channel")
        else:
            raise reader.fail(w, 'must be "map" or {"choi": J}')
        for x in range(tau.nx):
            for a in range(tau.na):
                blocks[(y, x, a)] = maps.apply(J, d, tau.block(a, x))
    from ...steering.assemblage import Assemblage

    with reader.context("data.representation"):
        produced = Assemblage("bob-with-input", d, tau.nx, tau.na, A.ny, blocks, reader.field)
    if not same_blocks(produced, A):
        raise reader.fail("data.representation", "Lambda_y(tau[a|x]) does not reproduce the assemblage")
    return ("assemblage = " + " / ".join(f"y={y}: {k}" for y, k in enumerate(kinds)) +
            " applied to a quantum traditional assemblage (exact); hence Bob's measurements give only quantum "
            "correlations p = tr(Lambda_y^dagger(N) tau)")
