"""Producer side: turn the Liu–Chiribella ICO certificates into schema-2 ``psd-dual`` certificates.

The generators in :mod:`exactbell.generators.liu_chiribella` still build the witnesses (slacks,
processes, instruments) as before; :func:`to_v2` rewrites the envelope and the declarative spec:
the functional's coefficients become expressions in the parameter ``a`` (a fixed parameter, or
a domain for the no-violation segments), the claim becomes ``data.paper`` (the paper's printed
value and relation) and stated values are dropped (the kernel renders what it computes).
"""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope2
from ..kernel.poly import Poly
from . import inequalities as iq

DISPLAY = ("settings", "born_rule", "canonical_space", "process", "dual")


def _affine_texts(name: str, a_sym: str = "a") -> list[str]:
    """Coefficients of a named biased family as affine texts c0 + c1*a (evaluated at a = 0, 1)."""
    build = {"biased-lgyni": iq.biased_lgyni, "biased-ocb": iq.biased_ocb}[name]
    sc, t0 = build(Fraction(0))
    _, t1 = build(Fraction(1))
    out = []
    for k in sc.entries():
        c0, c1 = t0[k], t1[k] - t0[k]
        out.append((Poly.const(c0) + Poly.var(a_sym) * c1).to_text())
    return out


def _paper_value(old: dict, claim: dict):
    """The printed value: the Eq. (7) formula (1 + a + sqrt(1 + a^2))/2 written in the field."""
    if claim.get("formula") == "(1+a+sqrt(1+a^2))/2":
        f = old.get("field")
        if f is None:
            return claim["value"]
        k = int(f["minpoly"].split("-")[1])  # s^2 - k, s = sqrt(k), sqrt(1 + a^2) = s/den
        a = Fraction(old["inequality"]["a"])
        den = (1 + a * a).denominator
        assert (1 + a * a).numerator * den == k
        return f"(1 + a + s/{den})/2" if den != 1 else "(1 + a + s)/2"
    return claim["value"]


def to_v2(cert: dict) -> dict:
    """A schema-1 ``ico-bound`` or ``single-trigger-decomposition`` dict as a schema-2 ``psd-dual`` one."""
    old = cert["data"]
    conv = {"form": "probability", "order": "inputs-major"}
    conv.update({k: cert["conventions"][k] for k in DISPLAY if k in cert["conventions"]})
    ineq = old.get("inequality", {})
    params, coeffs = None, old["coefficients"]
    if ineq.get("name") in ("biased-lgyni", "biased-ocb"):
        coeffs = _affine_texts(ineq["name"])
        params = {"a": ineq["a"]}
    elif ineq.get("name") == "ocb-piece":
        params = {"a": ineq["a"]}
    data = {}
    if "field" in old:
        data["field"] = old["field"]
    data.update({"scenario": old["scenario"], "functional": {"coefficients": coeffs}})
    claim = old.get("claim", {})
    typ = claim.get("type")
    if cert["kind"] == "single-trigger-decomposition":
        data["pieces"] = old["pieces"]
        n = 1
        for k in old["scenario"]["inputs"]:
            n *= k
        data["paper"] = {"relation": "<=", "value": n}
    elif typ == "no-violation-interval":
        a0 = ineq["a"]
        params = {"a": f"[0, {a0}]"}
        data["ends"] = [{"bound": "algebraic"}, {"bound": "dual", "pieces": old["upper"]["pieces"]}]
        if Fraction(a0) <= Fraction(188, 1000):  # the paper: no violation for a <= 0.188 (App. C l.495)
            data["paper"] = {"relation": "<=", "value": "1 - a"}
    else:
        if "upper" in old:
            data["pieces"] = old["upper"]["pieces"]
        if "lower" in old:
            data["lower"] = {k: v for k, v in old["lower"].items() if k != "value"}
        if typ == "equals":
            data["paper"] = {"relation": "=", "value": _paper_value(old, claim)}
        elif typ == "attains":
            data["paper"] = {"relation": ">=", "value": _paper_value(old, claim)}
        elif typ == "approx":
            data["paper"] = {"relation": "~", "value": claim["decimal"], "digits": 4}
        elif typ == "at-most":
            data["paper"] = {"relation": "<=", "value": claim["decimal"], "digits": 4}
        elif typ not in ("bracket", "violation"):
            raise ValueError(f"unknown claim type {typ!r}")
    name = f" [{ineq['name']}]" if ineq.get("name") else ""
    return envelope2(cert["id"], cert["claim"], cert["paper"], cert["location"], cert["statement"] + name,
                     "psd-dual", "verified", conv, data, params)


def _main(paths) -> None:  # one-off conversion of the bundled files (regeneration needs the SDP solver)
    import json

    from ..certificates.format import dump_certificate, write_atomic

    for p in paths:
        cert = json.load(open(p))
        if cert.get("exactbell") == 1 and cert["kind"] in ("ico-bound", "single-trigger-decomposition"):
            write_atomic(p, dump_certificate(to_v2(cert)))


if __name__ == "__main__":
    import sys

    _main(sys.argv[1:])
