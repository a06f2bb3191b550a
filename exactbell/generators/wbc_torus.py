"""Wooltorton–Brown–Colbeck: trigonometric statements on the WHOLE torus and the fixed-key-pair
erratum of Prop. 5 (C004-23), as certificates of kind ``inequality`` (trigonometric form).

The kernel covers each angle by the charts x = k pi + 2 atan(v), k in {0, 1}, |v| <= 1, substitutes
the exact rational sin and cos and checks one proof per chart
(:func:`exactbell.kernel.prove_check.check_trig`); here the prover finds those proofs. A hypothesis
(condition (4)) is handled per chart by pieces with a multiplier mu: mu >= 0 and mu*F - g >= 0.
"""
from __future__ import annotations

import re

from ..certificates.format import envelope2
from ..prover.api import SQRT, trig_statement
from . import generator
from .wbc_ranges import _inequality

PAPER = "wooltorton-brown-colbeck"


def _cert(cid, claim, location, summary, statements, conventions):
    sqrt = any("sqrt" in st["lhs"] + st["rhs"] for st in statements)
    return envelope2(cid, claim, PAPER, location, summary, "inequality", "verified",
                     {**conventions, **({"sqrt": SQRT} if sqrt else {})}, {"statements": statements})


HALF1 = {"substitution": "the kernel covers each angle x by the charts x = k pi + 2 atan(v), k in {0, 1}, "
                         "v in [-1, 1] (tangent half-angle), so the statement is proved for ALL real angles"}

# ---------------------------------------------------------------------------------------------
# (1) Prop. 5 under the fixed key pair (0, 0): the CHSH lower bound on every randomness slice
# Chart variables a = tan(theta/2), b = tan(phi/2) (chart k = 0); quadrant cases.
Q = [{"a": "[0, 1]", "b": "[0, 1]"}, {"a": "[-1, 0]", "b": "[-1, 0]"},
     {"a": "[0, 1]", "b": "[-1, 0]"}, {"a": "[-1, 0]", "b": "[0, 1]"}]
# With P = ab + a + b - 1, M = ab - a - b - 1 and D = (1+a^2)(1+b^2): the hypothesis g = -cos(t)cos(t+f)cos(f)
# has g D^2 = -(1-a^2)(1-b^2) P M; F_{++} D = 2(1-a) P and F_{--} D = 2(1+a) M, so g = mu F with
MU_PP = "(1 + a)*(1 - b^2)*(1 + a + b - a*b)/(2*(1 + a^2)*(1 + b^2))"
MU_MM = "(1 - a)*(1 - b^2)*(1 - a - b - a*b)/(2*(1 + a^2)*(1 + b^2))"


# the E10 = 0 slices are the same lemma with phi -> -phi (b -> -b): the hypothesis lives in the other quadrants
MU_PP_F = "(1 + a)*(1 - b^2)*(1 + a - b + a*b)/(2*(1 + a^2)*(1 + b^2))"
MU_MM_F = "(1 - a)*(1 - b^2)*(1 - a + b + a*b)/(2*(1 + a^2)*(1 + b^2))"


def _slice_statement(lhs, hyp_lhs, angles, flip=False):
    """Quadrant pieces of chart box (chart variables of the two angles), the same in every chart."""
    names = {"a": angles[0], "b": angles[1]}
    q = [Q[2], Q[3], Q[0], Q[1]] if flip else Q
    mp, mm = (MU_PP_F, MU_MM_F) if flip else (MU_PP, MU_MM)
    ren = lambda t: re.sub(r"\b[ab]\b", lambda m: names[m.group()], t)  # noqa: E731
    pieces = [({names[k]: v for k, v in box.items()}, ren(mu)) for box, mu in zip(q, (mp, mm, "0", "0"))]
    return trig_statement(angles, lhs, ">", "1 + abs(cos(f))", {"lhs": hyp_lhs, "relation": "<", "rhs": "0"}, pieces)


def _slices():
    out = []
    # E01 = sin(omega) = 0: omega = 0 or pi; correlators E10 = sin(t+f), E11 = sin(t+omega)
    for w in ("0", "pi"):
        out.append(_slice_statement(f"abs(sin(t+f)) + abs(sin(t+{w}))",
                                    f"cos(t+f)*cos(f)*cos(t+{w})*cos({w})", ["t", "f"]))
    # E10 = sin(theta+phi) = 0: theta = -phi or pi - phi; E01 = sin(omega), E11 = sin(theta+omega)
    for th in ("-f", "pi-f"):
        out.append(_slice_statement(f"abs(sin(w)) + abs(sin({th}+w))",
                                    f"cos({th}+f)*cos(f)*cos({th}+w)*cos(w)", ["w", "f"], flip=True))
    # E11 = sin(theta+omega) = 0: omega = -theta or pi - theta; E01 = sin(omega), E10 = sin(theta+phi)
    for om in ("-t", "pi-t"):
        out.append(_slice_statement(f"abs(sin({om})) + abs(sin(t+f))",
                                    f"cos(t+f)*cos(f)*cos(t+{om})*cos({om})", ["t", "f"]))
    return out


SLICE_CONV = {**HALF1,
              "family": "strategy (6): E_xy = sin(alpha_x + beta_y), alpha = (0, theta), beta = (phi, omega); "
                        "condition (4): cos(theta+phi) cos(phi) cos(theta+omega) cos(omega) < 0",
              "slices": "R^global = 2 from a pair (x, y) != (0, 0) needs p(ab|xy) = 1/4, i.e. E_xy = 0: E01 = 0 "
                        "(omega = 0, pi), E10 = 0 (theta = -phi, pi - phi), E11 = 0 (omega = -theta, pi - theta); "
                        "each slice is one statement with the slice substituted literally (mod 2 pi)",
              "chsh": "on a slice with one zero correlator the maximum of the 8 CHSH forms is the sum of the other "
                      "three |E_xy|; the standard form exceeds 2 only if its three nonzero terms are positive, "
                      "and then it equals that sum"}


@generator("C004-23.fixed-pair.slices", PAPER, "C004-23")
def prop5_fixed_pair_slices():
    return _cert(
        "C004-23.fixed-pair.slices", "C004-23", "Prop. 5, L147 (fixed key pair (0,0), as in the construction L149)",
        "On every randomness slice of the family (E01 = 0, E10 = 0 or E11 = 0) and for ALL angles satisfying "
        "condition (4), the two correlators other than E00 = sin(phi) satisfy |E_1| + |E_2| > 1 + |cos(phi)|; "
        "hence I_CHSH > 1 + |sin(phi)| + |cos(phi)| there (for the max of the 8 CHSH forms, and for the standard "
        "form whenever it exceeds 2).", _slices(), SLICE_CONV)


@generator("C004-23.fixed-pair", PAPER, "C004-23")
def prop5_fixed_pair():
    return _inequality(
        "C004-23.fixed-pair", "C004-23", "Prop. 5, L147 (fixed key pair (0,0))",
        "Prop. 5 read with the fixed key pair (X,Y) = (0,0) asserts: for every s in (2, 1 + sqrt 2] and every eps in "
        "(0, H_bin((2 + sqrt 2)/4)) some tuple with (4) has R^global = 2, eps = H(A|X=0,Y=0,B) = "
        "H_bin((1 + |sin phi|)/2) and I_CHSH = s. By C004-23.fixed-pair.slices such a tuple has s > 1 + |sin phi| + "
        "|cos phi|, where |sin phi| = 2q - 1 and |cos phi| = sqrt(1 - (2q - 1)^2) are fixed by eps = H_bin(q) "
        "(H_bin is injective on [1/2, 1)). Restricting to s in (2, 12/5] (12/5 < 1 + sqrt 2) and |sin phi| = "
        "2u/(1+u^2), u in [1/2, 3/4] (so |sin phi| in [4/5, 24/25], inside (sqrt 2/2, 1), i.e. eps in the claimed "
        "range), this necessary condition fails at s = 9/4, u = 3/5: |sin phi| = 15/17, |cos phi| = 8/17, "
        "eps = H_bin(16/17) ~ 0.3228, and 1 + 15/17 + 8/17 = 40/17 > 9/4. So (9/4, H_bin(16/17)) is not jointly "
        "achievable: the joint quantifier is false under this reading too (more generally every s <= 1 + |sin phi| "
        "+ |cos phi| is unreachable at that eps).",
        "s", ">", "1 + 2*u/(1 + u^2) + (1 - u^2)/(1 + u^2)", {"s": "(2, 12/5]", "u": "[1/2, 3/4]"},
        {"key_rate": "fixed pair (X,Y) = (0,0): R^key = 1 - H(A|X=0,Y=0,B) = 1 - H_bin((1 + |E00|)/2) "
                     "(uniform marginals; H(A|X=0,E) = 1 by the self-test premise)",
         "global": "R^global = 2 needs a pair (x,y) with E_xy = 0; (x,y) = (0,0) is excluded since eps < 1",
         "lemma": "C004-23.fixed-pair.slices (all angles)",
         "u": "u = tan(phi'/2) for the angle phi' in (0, pi/2) with sin phi' = |sin phi|"},
        point={"s": "9/4", "u": "3/5"}, margin="-7/68")


# ---------------------------------------------------------------------------------------------
# (3) |sin p| + |sin q| + |sin(p+q)| <= 3 sqrt(3)/2 on the whole torus (C004-15, C004-12, C004-19).
# A direct 2-angle proof needs Bernstein closure at the maximisers p = q = pi/3, where the Hessian has a
# cross term (the box prover cannot close such a tangency); so: two 2-angle sum-to-product bounds (zeros
# only on dyadic chart lines) and two 1-angle bounds (exact cells, irrational tangency allowed).
# (signs are listed in the reading order of F = big - small: for <= the rhs comes first)
def _torus_statements():
    k = "3*sqrt(3)/2"
    return [trig_statement(["m", "d"], "abs(sin(m+d) + sin(m-d))", "<=", "2*abs(sin(m))"),
            trig_statement(["m", "d"], "abs(sin(m+d) - sin(m-d))", "<=", "2*abs(cos(m))"),
            trig_statement(["m"], "2*abs(sin(m)) + abs(sin(2*m))", "<=", k),
            trig_statement(["m"], "2*abs(cos(m)) + abs(sin(2*m))", "<=", k)]


@generator("C004-15.torus", PAPER, "C004-15")
def fig1_torus_max():
    return _cert(
        "C004-15.torus", "C004-15", "Fig. 1 caption, L122; Prop. 2, L115",
        "|sin p| + |sin q| + |sin(p+q)| <= 3 sqrt(3)/2 for ALL real p, q. Proved here for all real m, d: "
        "(1) |sin(m+d) + sin(m-d)| <= 2|sin m|, (2) |sin(m+d) - sin(m-d)| <= 2|cos m|, (3) 2|sin m| + |sin 2m| <= "
        "3 sqrt(3)/2, (4) 2|cos m| + |sin 2m| <= 3 sqrt(3)/2. Stated (elementary): with m = (p+q)/2, d = (p-q)/2 "
        "(every (p, q) arises) and |a| + |b| = max(|a+b|, |a-b|) for reals a = sin p, b = sin q, the sum is "
        "max(|a+b|, |a-b|) + |sin 2m| <= max of (3), (4). On the omega = pi slice the correlators are "
        "(sin phi, 0, sin(theta+phi), -sin theta), so the maximum of the 8 CHSH forms is <= 3 sqrt(3)/2 on the whole "
        "slice (not only inside the dashed triangles); it is attained at theta = phi = pi/3 (C004-15.chsh...).",
        _torus_statements(),
        {**HALF1, "reduction": "|a| + |b| = max(|a + b|, |a - b|), m = (p+q)/2, d = (p-q)/2 (stated)"})


# ---------------------------------------------------------------------------------------------
# (4) Fig. 2 / C004-19: at phi = pi/2 the maximum of the 8 CHSH forms is <= 5/2 for ALL (theta, omega).
def _fig2_statements():
    return [trig_statement(["m", "d"], "abs(cos(m+d) + cos(m-d))", "<=", "2*abs(cos(m))"),
            trig_statement(["m"], "2*abs(cos(m)) - cos(2*m)", "<=", "3/2")]


@generator("C004-19.torus", PAPER, "C004-19")
def fig2_torus_max():
    return _cert(
        "C004-19.torus", "C004-19", "Fig. 2 caption, L137 (catalogue lemma (S3))",
        "At phi = pi/2 the maximum of the 8 CHSH forms of strategy (6) is <= 5/2 for ALL theta, omega (so the "
        "global maximum of Fig. 2 is 5/2, attained at (pi/3, 5pi/6), C004-19.chsh...). Proved here for all real "
        "m, d: (1) |cos(m+d) + cos(m-d)| <= 2|cos m|, (2) 2|cos m| - cos(2m) <= 3/2; with a = m + d, b = m - d "
        "(every (a, b) arises) they give cos a + cos b - cos(a+b) <= 3/2. Stated (elementary): at phi = pi/2, "
        "E = (1, sin omega, cos theta, sin(theta+omega)); with u = omega - pi/2 a form with +E00 is "
        "1 + s1 cos u + s2 cos theta + s3 cos(theta+u), s1 s2 s3 = -1, and u -> u + pi, theta -> theta + pi map "
        "every such sign pattern to (1, 1, -1), i.e. 1 + cos u + cos theta - cos(theta+u) <= 5/2; a form with "
        "-E00 is <= -1 + 3 = 2.", _fig2_statements(),
        {**HALF1, "reduction": "a = m + d, b = m - d; sign patterns by shifts of pi (stated)"})
