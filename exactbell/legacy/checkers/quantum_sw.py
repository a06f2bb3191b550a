"""Kind ``sw-optimal-strategy``: Sengupta–Wooltorton Prop. 1 item 4 — the strategy of Eq. (13)
with the printed angle formulas attains T_p = 2√2·√(p/(3p−1)).

data:
  field        optional number field (for irrational cos/sin)
  scenario, functional   T_p (conventions.form), parameter p fixed in ``parameters``
  roots        {"r1": √(p(5p−2)), "r2": √((5p−2)/(6p−2)), "r3": √(p/(6p−2))} — each checked
               (≥ 0, square = radicand); then f1 = r1/(1−3p), g1 = (1−2p)/(3p−1), f2 = −r2, g2 = r3
  branch       "printed": θ = ½·arctan(f1/g1) − π/2 (Eq. (13) as printed);
               "atan2":   θ = ½·atan2(f1, g1)   (2θ ∈ (−π, π], sin 2θ = f1, cos 2θ = g1)
  theta, phi   {"cos": c, "sin": s} — checked against the branch and φ = arctan(f2/g2)
  bound        the bound, checked: bound ≥ 0 and bound² = 8p/(3p−1)
  value        T_p of strategy (13) (state cos θ|00⟩ + sin θ|11⟩, A0 = σX, A1 = σZ,
               B0 = cos φ σZ + sin φ σX, B1 = −cos φ σZ + sin φ σX), checked exactly
verified iff value = bound; otherwise refuted (expected.counterexample = {"value": v}).
"""
from __future__ import annotations

from ...kernel.algebraic import scalar_text
from ...quantum.ncpoly import bell_operator
from ...quantum.strategy import expectation_complex
from . import Outcome, checker


def _angle(reader, name):
    raw = reader.get(f"data.{name}", dict)
    if set(raw) != {"cos", "sin"}:
        raise reader.fail(f"data.{name}", "needs exactly cos and sin")
    c, s = reader.value(f"data.{name}.cos"), reader.value(f"data.{name}.sin")
    if c * c + s * s != 1:
        raise reader.fail(f"data.{name}", "cos^2 + sin^2 != 1")
    return c, s


@checker("sw-optimal-strategy")
def decide(cert, reader) -> Outcome:
    if "p" not in reader.fixed:
        raise reader.fail("parameters.p", "needs a fixed rational p")
    p = reader.fixed["p"]
    if not (p * 5 > 2 and p < 1):
        raise reader.fail("parameters.p", "Proposition 1 needs p in (2/5, 1)")
    radicands = {"r1": p * (5 * p - 2), "r2": (5 * p - 2) / (6 * p - 2), "r3": p / (6 * p - 2)}
    raw = reader.get("data.roots", dict)
    if set(raw) != set(radicands):
        raise reader.fail("data.roots", "needs exactly r1, r2, r3")
    roots = {}
    for k, rad in radicands.items():
        v = reader.value(f"data.roots.{k}")
        if v < 0 or v * v != rad:
            raise reader.fail(f"data.roots.{k}", f"is not the non-negative square root of {rad}")
        roots[k] = v
    f1, g1 = roots["r1"] / (1 - 3 * p), (1 - 2 * p) / (3 * p - 1)
    f2, g2 = -roots["r2"], roots["r3"]
    ct, st = _angle(reader, "theta")
    cp, sp = _angle(reader, "phi")
    s2, c2 = 2 * st * ct, ct * ct - st * st
    branch = reader.get("data.branch", str)
    if branch == "printed":
        if g1 == 0:
            raise reader.fail("data.branch", "arctan(f1/g1) is undefined at p = 1/2")
        # alpha = 2θ + π = arctan(f1/g1) ∈ (−π/2, π/2): cos alpha = −cos 2θ > 0, tan alpha = f1/g1,
        # and θ = alpha/2 − π/2 ∈ (−3π/4, −π/4): sin θ < 0, sin²θ > 1/2
        ok = -c2 > 0 and s2 * g1 == c2 * f1 and st < 0 and 2 * st * st > 1
    elif branch == "atan2":
        ok = s2 == f1 and c2 == g1 and (ct > 0 or (ct == 0 and st == 1))
    else:
        raise reader.fail("data.branch", f"unknown branch {branch!r} (printed, atan2)")
    if not ok:
        raise reader.fail("data.theta", f"is not the angle of the {branch} formula")
    if not (cp > 0 and sp * g2 == cp * f2):
        raise reader.fail("data.phi", "is not arctan(f2/g2)")
    bound = reader.value("data.bound")
    if bound < 0 or bound * bound != 8 * p / (3 * p - 1):
        raise reader.fail("data.bound", "is not 2*sqrt(2)*sqrt(p/(3p-1))")
    sc = reader.scenario()
    with reader.context("data.functional"):
        B = bell_operator(reader.functional(scenario=sc))
    zero = ct - ct
    X = [[zero, zero + 1], [zero + 1, zero]]
    Z = [[zero + 1, zero], [zero, zero - 1]]
    B0 = [[cp, sp], [sp, -cp]]
    B1 = [[-cp, sp], [sp, cp]]
    psi = [ct, zero, zero, st]
    value = expectation_complex(B, psi, [[X, Z], [B0, B1]])
    if reader.value("data.value") != value:
        raise reader.fail("data.value", f"strategy (13) gives T_p = {scalar_text(value)}")
    if value == bound:
        return Outcome("verified", f"strategy (13) ({branch} theta) attains T_p = {scalar_text(bound)} exactly")
    cx = cert.expected.get("counterexample")
    if cert.verdict == "refuted":
        if not isinstance(cx, dict) or reader.value("expected.counterexample.value", cx.get("value")) != value:
            raise reader.fail("expected.counterexample.value", f"must be the strategy's value {scalar_text(value)}")
    return Outcome("refuted", f"strategy (13) ({branch} theta) gives T_p = {scalar_text(value)} != bound "
                              f"{scalar_text(bound)}")
