"""Wooltorton–Brown–Colbeck: the quantifier errata of Props. 3 and 5 (C004-16, C004-23) and the
CHSH ranges of Props. 2 / 6 (C004-12, C004-24) as certificates of kind ``inequality``.

Trigonometry enters through exact rational parametrisations (tangent half-angle substitution):
with t = tan(x/2), sin x = 2t/(1+t^2), cos x = (1-t^2)/(1+t^2); the statements are then
rational/√-expressions in t, proved or refuted by :mod:`exactbell.prover`.

Refutations: a Proposition "for all s and all eps there is a tuple ..." implies a necessary
condition N(s, eps) for every admissible pair; we state N as a universal inequality over the
claimed (s, eps) box and the prover/checker exhibits an exact point where it fails.
"""
from __future__ import annotations

from ..prover import Statement, check_counterexample
from ..prover.api import inequality_certificate
from ..prover.expression import eval_point, parse_ast
from . import generator

PAPER = "wooltorton-brown-colbeck"
BASE = {"entropy": "H_bin(q) = -q log2 q - (1-q) log2(1-q), in bits; strictly decreasing on [1/2, 1) "
                   "(H_bin'(q) = log2((1-q)/q) < 0 there: the rational part (1-q)/q < 1 is C004-11.hbin-decreasing; "
                   "the derivative formula is calculus, stated)"}
KEY_EQ1 = ("Eq. (1) reading: R^key = max_{x,y} [H(A|X=x,E) - H(A|X=x,Y=y,B)] = 1 - H_bin((1 + M)/2) with "
           "M = max_xy |E_xy| (uniform marginals, H(A|X=x,E) = 1 by the self-test); so R^key = 1 - eps "
           "means M = 2q - 1 with eps = H_bin(q), q in [1/2, 1)")


def _inequality(cid, claim, location, statement, lhs, rel, rhs, domain, conventions, point=None, margin=None):
    """Kind ``inequality`` (schema 2); a refutation at ``point`` is checked here to have the stated
    margin (the kernel computes and states the exact value of lhs - rhs there itself)."""
    cert = inequality_certificate(cid, claim, PAPER, location, statement, lhs, rel, rhs, domain,
                                  {**BASE, **conventions}, point)
    if point is not None:
        st = Statement.make(lhs, rel, rhs, domain)
        pt = check_counterexample(st, point)
        if eval_point(("-", st.node, parse_ast(margin, st.names)), pt).sign() != 0:
            raise ValueError(f"{cid}: margin {margin} is not the value at the counterexample")
    return cert


def _range(cid, *args, **kw):
    """Register the generator of one prover statement; the claim id is the prefix of ``cid``."""
    claim = cid.split(".")[0]
    generator(cid, PAPER, claim)(lambda: _inequality(cid, claim, *args, **kw))


# ---------------------------------------------------------------------------------------------
# (1) the joint quantifiers of Props. 3 and 5 under Eq. (1)
_range(
        "C004-16.eq1-joint", "Prop. 3, L128-130 (with Eq. (1))",
        "Prop. 3 read with Eq. (1) asserts: for every s in (2, 5/2] and every eps = H_bin(q) in "
        "(0, 2 - (3/4) log2 3] (i.e. q in [3/4, 1)) some tuple has R^key = 1 - eps and I_CHSH = s. Such a tuple "
        "has max|E_xy| = 2q - 1, so s = I_CHSH <= sum |E_xy| <= 4(2q - 1) is necessary for every admissible "
        "(s, q). This necessary condition fails (at q = 3/4, i.e. eps = 2 - (3/4) log2 3, every s > 2): the "
        "joint quantifier is false.",
        "4*(2*q - 1)", ">=", "s", {"s": "(2, 5/2]", "q": "[3/4, 1)"},
        {"key_rate": KEY_EQ1, "chsh": "I_CHSH = max over the 8 CHSH forms <= sum_xy |E_xy|"},
        point={"s": "5/2", "q": "3/4"}, margin="-1/2")


_range(
        "C004-23.eq1-joint", "Prop. 5, L147 (with Eq. (1))",
        "Prop. 5 read with Eq. (1) asserts: for every s in (2, 1 + sqrt 2] and every eps = H_bin(q) in "
        "(0, H_bin((2 + sqrt 2)/4)) some tuple has R^global = 2 (one correlator E_xy = 0), R^key = 1 - eps and "
        "I_CHSH = s. Such a tuple has max|E_xy| = 2q - 1 and one zero correlator, so s <= 3(2q - 1) is "
        "necessary. Parametrising s = 2 + u (sqrt 2 - 1), u in (0, 1], and q = (2 + sqrt 2)/4 + v (2 - sqrt 2)/4, "
        "v in (0, 1) (q runs over ((2 + sqrt 2)/4, 1), i.e. eps over the claimed range), the necessary "
        "condition fails at an exact point: the joint quantifier is false.",
        "3*(2*((2 + sqrt(2))/4 + v*(2 - sqrt(2))/4) - 1)", ">=", "2 + u*(sqrt(2) - 1)",
        {"u": "(0, 1]", "v": "(0, 1)"},
        {"key_rate": KEY_EQ1, "global": "R^global = 2 needs one pair with p(ab|xy) = 1/4, i.e. E_xy = 0",
         "chsh": "I_CHSH <= sum_xy |E_xy| <= 3 max|E_xy| when one correlator vanishes"},
        point={"u": "1", "v": "1/4"}, margin="(sqrt(2) - 2)/8")


# ---------------------------------------------------------------------------------------------
# (2) CHSH ranges on the omega = pi slice (Prop. 2, C004-12) and on phi = pi/2, omega = pi (Prop. 6, C004-24)
HALF = {"substitution": "tangent half-angle: sin x = 2t/(1+t^2), cos x = (1-t^2)/(1+t^2) with t = tan(x/2)"}
# u = tan(phi/4) in (0, 1) <=> phi in (0, pi): C = cos(phi/2), S = sin(phi/2)
C_ = "((1 - u^2)/(1 + u^2))"
S_ = "(2*u/(1 + u^2))"
SIN_PHI = f"2*{S_}*{C_}"
COS_PHI = f"(2*{C_}^2 - 1)"


_range(
        "C004-12.h-max", "Prop. 2, L115; Fig. 1 caption L122",
        "h(phi) = sin(phi) + 2 cos(phi/2) (the largest CHSH value on the omega = pi slice at fixed phi, by (S3)) "
        "is at most 3 sqrt(3)/2 for every phi in (0, pi), with equality at phi = pi/3 (u = tan(pi/12) = 2 - sqrt 3).",
        f"{SIN_PHI} + 2*{C_}", "<=", "3*sqrt(3)/2", {"u": "(0, 1)"},
        {**HALF, "u": "u = tan(phi/4), phi in (0, pi)"})


_range(
        "C004-12.g-below-h", "Prop. 2, L115",
        "g(phi) = 1 + sin(phi) + cos(phi) < h(phi) = sin(phi) + 2 cos(phi/2) for every phi in (0, pi) (i.e. "
        "2 cos^2(phi/2) < 2 cos(phi/2)), so each range (g(phi), h(phi)] of the omega = pi slice is non-empty.",
        f"1 + {SIN_PHI} + {COS_PHI}", "<", f"{SIN_PHI} + 2*{C_}", {"u": "(0, 1)"},
        {**HALF, "u": "u = tan(phi/4), phi in (0, pi)"})


_range(
        "C004-12.g-above-2", "Prop. 2, L115",
        "g(phi) = 1 + sin(phi) + cos(phi) > 2 for every phi in (0, pi/2), so every CHSH value on the omega = pi "
        "slice with phi in (0, pi/2) and theta in (pi/2 - phi, pi/2) exceeds the local bound 2.",
        "1 + 2*t/(1 + t^2) + (1 - t^2)/(1 + t^2)", ">", "2", {"t": "(0, 1)"},
        {**HALF, "t": "t = tan(phi/2), phi in (0, pi/2)"})


_range(
        "C004-24.lower", "Prop. 6, L151",
        "At phi = pi/2, omega = pi the correlators are (1, 0, cos theta, -sin theta) and I_CHSH = 1 + cos(theta) + "
        "sin(theta) > 2 for every theta in (0, pi/2) (so on (0, pi/4] in particular).",
        "1 + (1 - t^2)/(1 + t^2) + 2*t/(1 + t^2)", ">", "2", {"t": "(0, 1)"},
        {**HALF, "t": "t = tan(theta/2), theta in (0, pi/2)"})


_range(
        "C004-24.upper", "Prop. 6, L151",
        "At phi = pi/2, omega = pi: I_CHSH = 1 + cos(theta) + sin(theta) <= 1 + sqrt 2 for every theta in "
        "(0, pi/2), with equality exactly at theta = pi/4 (t = sqrt 2 - 1).",
        "1 + (1 - t^2)/(1 + t^2) + 2*t/(1 + t^2)", "<=", "1 + sqrt(2)", {"t": "(0, 1)"},
        {**HALF, "t": "t = tan(theta/2), theta in (0, pi/2)"})


# Inside the (4)-region of the omega = pi slice: theta = pi/2 - phi/2 + psi with psi in (-phi/2, phi/2),
# parametrised by b = tan(phi/4) in (0, 1) and tan(psi/2) = w*b with w in (-1, 1).
CB, SB = "((1 - b^2)/(1 + b^2))", "(2*b/(1 + b^2))"  # cos(phi/2), sin(phi/2)
CP, SP = "((1 - w^2*b^2)/(1 + w^2*b^2))", "(2*w*b/(1 + w^2*b^2))"  # cos(psi), sin(psi)
# sin(theta) = cos(psi - phi/2), sin(theta + phi) = cos(psi + phi/2), sin(phi) = 2 sin(phi/2) cos(phi/2)
I_SLICE = f"2*{SB}*{CB} + ({CP}*{CB} + {SP}*{SB}) + ({CP}*{CB} - {SP}*{SB})"
INNER = {**HALF, "b": "b = tan(phi/4), phi in (0, pi)",
         "w": "tan(psi/2) = w*b, theta = pi/2 - phi/2 + psi; w in (-1, 1) <=> theta in (pi/2 - phi, pi/2)",
         "chsh": "I_CHSH = sin(phi) + sin(theta) + sin(theta + phi) on the omega = pi slice (standard form, C004-12)"}


_range(
        "C004-12.inner-lower", "Prop. 2, L115 (construction on the omega = pi slice)",
        "For phi in (0, pi) and theta in (pi/2 - phi, pi/2): sin(phi) + sin(theta) + sin(theta + phi) > "
        "g(phi) = 1 + sin(phi) + cos(phi) (the lower end of the CHSH range at fixed phi is not attained).",
        I_SLICE, ">", f"1 + 2*{SB}*{CB} + (2*{CB}^2 - 1)", {"w": "(-1, 1)", "b": "(0, 1)"}, INNER)


_range(
        "C004-12.inner-upper", "Prop. 2, L115 (construction on the omega = pi slice)",
        "For phi in (0, pi) and theta in (pi/2 - phi, pi/2): sin(phi) + sin(theta) + sin(theta + phi) <= "
        "h(phi) = sin(phi) + 2 cos(phi/2), with equality at theta = pi/2 - phi/2 (w = 0).",
        I_SLICE, "<=", f"2*{SB}*{CB} + 2*{CB}", {"w": "(-1, 1)", "b": "(0, 1)"}, INNER)


# Prop. 4 (C004-21): phi = pi/2, omega = 5 pi/6, I_CHSH = 3/2 + sin(theta + pi/6) (standard form, catalogue);
# y = theta - pi/3 in [0, pi/3), sin(theta + pi/6) = cos(y), tan(y/2) = r/sqrt(3) with r in [0, 1):
# cos y = (1 - r^2/3)/(1 + r^2/3) = (3 - r^2)/(3 + r^2).
I21 = "3/2 + (3 - r^2)/(3 + r^2)"
C21 = {**HALF, "r": "tan((theta - pi/3)/2) = r/sqrt(3), r in [0, 1) <=> theta in [pi/3, 2 pi/3); "
                    "sin(theta + pi/6) = cos(theta - pi/3) = (3 - r^2)/(3 + r^2)",
       "chsh": "I_CHSH = 3/2 + sin(theta + pi/6) at phi = pi/2, omega = 5 pi/6 (standard form, C004-21)"}


_range(
        "C004-21.lower", "Prop. 4, L141",
        "At phi = pi/2, omega = 5 pi/6: I_CHSH = 3/2 + sin(theta + pi/6) > 2 for every theta in [pi/3, 2 pi/3).",
        I21, ">", "2", {"r": "[0, 1)"}, C21)


_range(
        "C004-21.upper", "Prop. 4, L141",
        "At phi = pi/2, omega = 5 pi/6: I_CHSH = 3/2 + sin(theta + pi/6) <= 5/2 for every theta in [pi/3, 2 pi/3), "
        "with equality at theta = pi/3 (r = 0).",
        I21, "<=", "5/2", {"r": "[0, 1)"}, C21)


# Prop. 3 (C004-16, fixed key pair (0,0) as in the text): eps = H_bin(q), q = (1 + sin phi)/2 (C004-17), for
# phi in [pi/6, pi/2): y = pi/2 - phi in (0, pi/3], tan(y/2) = r/sqrt(3), r in (0, 1], sin phi = cos y.
Q16 = "(1 + (3 - r^2)/(3 + r^2))/2"
C16 = {**HALF, "r": "tan((pi/2 - phi)/2) = r/sqrt(3), r in (0, 1] <=> phi in [pi/6, pi/2); "
                    "sin phi = (3 - r^2)/(3 + r^2)",
       "key_pair": "fixed pair (X, Y) = (0, 0): eps = H(A|X=0,Y=0,B) = H_bin((1 + sin phi)/2) (C004-17)"}


_range(
        "C004-16.eps-range.lower", "Prop. 3, L128-130",
        "For phi in [pi/6, pi/2) the entropy argument q = (1 + sin phi)/2 is >= 3/4 (equality at phi = pi/6), so, "
        "H_bin being decreasing on [1/2, 1), eps = H_bin(q) <= H_bin(3/4) = 2 - (3/4) log2 3 (C004-11.endpoint).",
        Q16, ">=", "3/4", {"r": "(0, 1]"}, C16)


_range(
        "C004-16.eps-range.upper", "Prop. 3, L128-130",
        "For phi in [pi/6, pi/2) the entropy argument q = (1 + sin phi)/2 is < 1, so eps = H_bin(q) > 0.",
        Q16, "<", "1", {"r": "(0, 1]"}, C16)


_range(
        "C004-12.cover", "Prop. 2, L115",
        "h(phi) = sin(phi) + 2 cos(phi/2) > g(pi/3) = (3 + sqrt 3)/2 for every phi = 4 atan(u), u in [1/4, 83/200] "
        "(this contains [pi/3, pi/2]). With g(pi/2) = 2 < s <= g(pi/3) and continuity of g, some phi in "
        "[pi/3, pi/2) has g(phi) < s <= h(phi) (g is a continuous function of phi, stated; it is strictly decreasing "
        "there, C004-12.g-decreasing); for s in (g(pi/3), 3 sqrt 3/2] take phi = pi/3 (h(pi/3) = 3 sqrt 3/2). "
        "With C004-12.inner-lower/upper and g-above-2 / h-max this gives the union (2, 3 sqrt 3/2].",
        f"{SIN_PHI} + 2*{C_}", ">", "(3 + sqrt(3))/2", {"u": "[1/4, 83/200]"},
        {**HALF, "u": "u = tan(phi/4); tan(pi/12) = 2 - sqrt 3 > 1/4 and tan(pi/8) = sqrt 2 - 1 < 83/200"})


_range(
        "C004-11.hbin-decreasing", "L85; Props. 3 and 5 (eps ranges)",
        "H_bin is strictly decreasing on [1/2, 1): its derivative log2((1-q)/q) (calculus, stated) is < 0 because "
        "(1-q)/q < 1 for every q in (1/2, 1) (proved here). This is the monotonicity step behind every eps-range "
        "certificate (eps = H_bin(q) compared through q).",
        "(1 - q)/q", "<", "1", {"q": "(1/2, 1)"}, {"derivative": "d/dq H_bin(q) = log2((1 - q)/q)"})


_range(
        "C004-12.g-decreasing", "Prop. 2, L115",
        "g(phi) = 1 + sin(phi) + cos(phi) is strictly decreasing on [pi/3, pi/2]: g'(phi) = cos(phi) - sin(phi) < 0 "
        "for phi = 4 atan(u), u in [1/4, 83/200] (this contains [pi/3, pi/2]; tan(pi/12) > 1/4, tan(pi/8) < 83/200). "
        "So g maps [pi/3, pi/2] onto [2, (3 + sqrt 3)/2] bijectively (continuity of g, stated).",
        f"{COS_PHI} - {SIN_PHI}", "<", "0", {"u": "[1/4, 83/200]"},
        {**HALF, "u": "u = tan(phi/4)", "derivative": "g'(phi) = cos(phi) - sin(phi)"})
