"""Kind ``steering-correlations``: the Bell correlations an assemblage yields under Bob's measurements.

p(a,b|x,y) = tr(N_{b|y} σ_{a|xy}) (Bob-with-input; for a traditional assemblage y labels Bob's choice).

data:
  field, assemblage, formula   as in ``steering-assemblage`` (the assemblage must be no-signalling)
  bob_povms        povms[y][b]: d×d matrices, each PSD, Σ_b N_{b|y} = 𝟙 (checked exactly)
  behaviour        the 16 (or more) p(a,b|x,y) in the canonical inputs-major order of
                   exactbell.kernel.scenario (contexts (x,y), outcomes (a,b)); each must match exactly
  reference        optional built-in behaviour the list must equal: "pr-box" (p = 1/2 [a⊕b = xy])
  not_quantum      optional: {"quantum_bound_certificate": relative path to a verified ``sos`` certificate
                   of a Bell inequality, "<paper>/<id>.json" relative to the proofs folder (its
                   functional and bound are used as they are),
                   "value": F(p)}. Checked: the referenced certificate passes, F(p) = value exactly and
                   value > its quantum bound, so p has no quantum model; since a quantum BWI assemblage
                   measured by Bob gives quantum correlations (E_y† is unital, Eq. after L88), the
                   assemblage is not quantum.
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from ...kernel.scenario import Behaviour
from ...steering import matrices as mx
from ...steering.assemblage import AssemblageError
from . import Outcome, checker
from .steering_assemblage import check_marginals, read_assemblage


def read_povms(reader, where, dim, count=None):
    raw = reader.get(where, list)
    if count is not None and len(raw) != count:
        raise reader.fail(where, f"must list {count} POVMs")
    out = []
    for y, P in enumerate(raw):
        if not isinstance(P, list) or not P:
            raise reader.fail(f"{where}[{y}]", "must be a non-empty list of matrices")
        with reader.context(f"{where}[{y}]"):
            out.append([mx.parse_matrix(N, reader.field, dim, dim, f"element {b}") for b, N in enumerate(P)])
    return out


def pr_box(sc):
    return Behaviour(sc, tuple(Fraction(1, 2) if (a ^ b) == (x * y) else Fraction(0)
                               for (a, b), (x, y) in sc.entries()))


def _referenced(reader, cert, rel):
    """Load and re-decide a bundled ``sos`` certificate named relative to the proofs root.

    The proofs root is the folder above this certificate's paper folder when it holds the file, else the
    proofs folder bundled with the package (so a copied certificate still finds its reference)."""
    from ...certificates.format import load_certificate
    from . import decide as decide_cert
    from .reader import Reader

    where = "data.not_quantum.quantum_bound_certificate"
    if not isinstance(rel, str) or not rel.endswith(".json") or rel.startswith("/") or ".." in rel.split("/"):
        raise reader.fail(where, "must be a path <paper>/<id>.json relative to the proofs folder")
    candidates = [Path(cert.path).resolve().parent.parent / rel, Path(__file__).resolve().parents[2] / "proofs" / rel]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise reader.fail(where, f"referenced certificate {rel!r} not found")
    other = load_certificate(path)
    if other.kind != "sos" or other.verdict != "verified":
        raise reader.fail(where, "must be a verified 'sos' certificate (a proven quantum bound)")
    out = decide_cert(other)
    if out.verdict != "verified":
        raise reader.fail(where, f"referenced certificate does not pass: {out.detail}")
    r2 = Reader(other)
    if r2.get("data.relation", str) not in ("max", "upper"):
        raise reader.fail(where, "referenced certificate has no upper bound")
    F = r2.functional()
    bound = r2.value("data.bound")
    return other, F, bound


@checker("steering-correlations")
def decide(cert, reader) -> Outcome:
    A = read_assemblage(reader)
    bad = A.first_non_psd()
    if bad is not None:
        raise reader.fail("data.assemblage", f"{A.label(bad[0])} is not positive semidefinite")
    if A.ns_violations():
        raise reader.fail("data.assemblage", A.ns_violations()[0])
    if "bob_marginals" in cert.data:
        check_marginals(reader, A)
    ny = A.ny if A.type == "bob-with-input" else None
    povms = read_povms(reader, "data.bob_povms", A.dim, ny)
    try:
        p = A.correlations(povms)
    except AssemblageError as e:
        raise reader.fail("data.bob_povms", str(e)) from None
    listed = reader.get("data.behaviour", list)
    if len(listed) != p.scenario.size:
        raise reader.fail("data.behaviour", f"must list {p.scenario.size} probabilities")
    for k, v in enumerate(listed):
        if reader.value(f"data.behaviour[{k}]", v) != p.values[k]:
            raise reader.fail(f"data.behaviour[{k}]", "differs from tr(N sigma)")
    detail = f"p(ab|xy) = tr(N_b sigma_a|xy) computed exactly ({p.scenario.size} entries)"
    ref = reader.get("data.reference", str, default=None)
    if ref is not None:
        if ref != "pr-box":
            raise reader.fail("data.reference", f"unknown reference behaviour {ref!r} (known: pr-box)")
        if p.scenario.inputs != (2, 2) or p.scenario.outputs != (2, 2) or p != pr_box(p.scenario):
            return Outcome("refuted", "the correlations are not the PR box")
        detail += "; equal to the PR box"
    if "not_quantum" in cert.data:
        nq = reader.get("data.not_quantum", dict)
        other, F, bound = _referenced(reader, cert, nq.get("quantum_bound_certificate"))
        if F.scenario != p.scenario:
            raise reader.fail("data.not_quantum", "the referenced inequality lives in another scenario")
        value = F.value(p)
        if reader.value("data.not_quantum.value", nq.get("value")) != value:
            raise reader.fail("data.not_quantum.value", "differs from the functional evaluated on p")
        if not bound < value:
            return Outcome("refuted",
                           f"value does not exceed the quantum bound of {other.id}")
        detail += f"; Bell value {nq.get('value')} > quantum bound of {other.id} (sos, re-checked): not quantum"
    return Outcome("verified", detail)
