"""Wooltorton–Brown–Colbeck: trigonometric statements on the WHOLE torus (kind ``trig-torus``)
and the fixed-key-pair erratum of Prop. 5 (C004-23).

The checker (checkers/trig_torus.py) does the tangent half-angle reduction itself; here we only
choose the case partition, abs signs and multipliers, and let the prover produce the proofs.
"""
from __future__ import annotations


from ..certificates.format import envelope
from ..legacy.checkers.trig_torus import (Chart, _abs_args, _signed, oriented, parse_trig, polarities,
                                   sign_choices, translate)
from ..kernel.numbers import to_rational
from ..prover import Statement, prove
from ..prover.expression import parse_ast, used_variables
from . import generator
from .wbc_ranges import _inequality

PAPER = "wooltorton-brown-colbeck"


class _Prover:
    def __init__(self):
        self.cache = {}

    def proof(self, text, rel, box):
        names = list(box)
        used = used_variables(parse_ast(text, names))
        dom = {n: box[n] for i, n in enumerate(names) if i in used} or box
        key = (text, rel, tuple(dom.items()))
        if key not in self.cache:
            st = Statement.make(text, rel, "0", dom, require_all=bool(used))
            pr = prove(st)
            if pr["method"] == "refuted":
                raise ValueError(f"false rational statement {text} {rel} 0 on {dom}: {pr['point']}")
            self.cache[key] = pr
        return self.cache[key]


def build_statement(angles: dict, lhs, rel, rhs, chart: dict, cases: list, hypothesis=None, prover=None):
    """cases: [{"box": {...}, "signs": [...], "mode": ..., "multiplier": ...}] -> statement with proofs
    (proofs computed in the chart k = 0; the checker re-derives every chart)."""
    P = prover or _Prover()
    names = list(angles)
    L, R = parse_trig(lhs, names), parse_trig(rhs, names)
    big, small, strict = oriented(L, rel, R)
    F = ("+", big, ("neg", small))
    pols = polarities(F)
    g = None
    if hypothesis:
        hb, hs, hstrict = oriented(parse_trig(hypothesis["lhs"], names), hypothesis["relation"],
                                   parse_trig(hypothesis["rhs"], names))
        g = ("+", hb, ("neg", hs))
    ch = Chart(angles, to_rational(chart["scale"]), {a: 0 for a in names})
    args = _abs_args(F, ch)
    rel_main = ">" if strict else ">="
    out_cases = []
    for c in cases:
        box, signs, mode = c["box"], c["signs"], c["mode"]
        proofs = {}
        sp = {}
        for j, (sj, pj) in enumerate(zip(signs, pols)):
            if sj != "both" and pj != 1:
                sp[str(j)] = P.proof(_signed(sj, args[j]), ">=", box)
        if sp:
            proofs["signs"] = sp
        both = [j for j, x in enumerate(signs) if x == "both"]
        combos = sign_choices(signs)
        mains = []
        rec = {"box": box, "signs": signs, "mode": mode}
        if mode == "vacuous":
            sgn, gt = translate(g, ch, [], [0])
            proofs["main"] = P.proof(_signed(-sgn, gt), ">=" if hstrict else ">", box)
        else:
            for k, sg in enumerate(combos):
                if mode == "direct":
                    sF, tF = translate(F, ch, sg, [0])
                    mains.append(P.proof(_signed(sF, tF), rel_main, box))
                elif mode == "square":
                    cnt = [0]
                    sb, tb = translate(big, ch, sg, cnt)
                    ss, ts = translate(small, ch, sg, cnt)
                    if k == 0:
                        proofs["big"] = P.proof(_signed(sb, tb), ">=", box)
                    mains.append(P.proof(f"({tb})^2 - ({ts})^2", rel_main, box))
                elif mode == "multiplier":
                    mu = c["multiplier"]
                    rec["multiplier"] = mu
                    if k == 0:
                        proofs["multiplier"] = P.proof(mu, ">=", box)
                    sF, tF = translate(F, ch, sg, [0])
                    sg_, gt = translate(g, ch, [], [0])
                    mains.append(P.proof(f"({mu})*{_signed(sF, tF)} - {_signed(sg_, gt)}", ">=", box))
            proofs["main"] = mains if both else mains[0]
        rec["proofs"] = proofs
        out_cases.append(rec)
    st = {"angles": angles, "lhs": lhs, "relation": rel, "rhs": rhs}
    if hypothesis:
        st["hypothesis"] = hypothesis
    st.update({"chart": chart, "cases": out_cases})
    return st


def count_rational(statements) -> int:
    """Number of distinct rational statements the checker will prove (run the checker's logic)."""
    from ..legacy.checkers.trig_torus import check_statement, _Verifier

    class _R:  # minimal reader stand-in
        def fail(self, where, problem):
            return ValueError(f"{where}: {problem}")

        def context(self, where):
            from contextlib import nullcontext
            return nullcontext()

    ver = _Verifier(_R())
    for i, s in enumerate(statements):
        check_statement(_R(), f"data.statements[{i}]", s, ver)
    return ver.count


def _cert(cid, claim, location, statement, statements, conventions):
    data = {"statement_count": len(statements), "statements": statements,
            "rational_statements": count_rational(statements)}
    return envelope(cid, claim, PAPER, location, statement, "trig-torus", {"verdict": "verified"},
                    conventions, data)


HALF1 = {"substitution": "the checker covers each angle x by the charts x = k pi + 2 atan(v), k in {0, 1}, "
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


def _slice_statement(lhs, hyp_lhs, angles, P, flip=False):
    # abs order in F = lhs - rhs: [lhs abs 1, lhs abs 2, rhs abs(cos(f))]
    q = [Q[2], Q[3], Q[0], Q[1]] if flip else Q
    mp, mm = (MU_PP_F, MU_MM_F) if flip else (MU_PP, MU_MM)
    # (the checker writes sin(w - f) as -sin(f - w): its abs takes the opposite sign in the flipped slices)
    e = -1 if flip else 1
    cases = [{"box": q[0], "signs": [1, e, 1], "mode": "multiplier", "multiplier": mp},
             {"box": q[1], "signs": [-1, -e, 1], "mode": "multiplier", "multiplier": mm},
             {"box": q[2], "signs": [1, 1, 1], "mode": "vacuous"},
             {"box": q[3], "signs": [1, 1, 1], "mode": "vacuous"}]
    return build_statement(angles, lhs, ">", "1 + abs(cos(f))", {"scale": "1", "bound": "1"}, cases,
                           {"lhs": hyp_lhs, "relation": "<", "rhs": "0"}, P)


def _slices():
    P = _Prover()
    out = []
    # E01 = sin(omega) = 0: omega = 0 or pi; correlators E10 = sin(t+f), E11 = sin(t+omega)
    for w in ("0", "pi"):
        out.append(_slice_statement(f"abs(sin(t+f)) + abs(sin(t+{w}))",
                                    f"cos(t+f)*cos(f)*cos(t+{w})*cos({w})", {"t": "a", "f": "b"}, P))
    # E10 = sin(theta+phi) = 0: theta = -phi or pi - phi; E01 = sin(omega), E11 = sin(theta+omega)
    for th in ("-f", "pi-f"):
        out.append(_slice_statement(f"abs(sin(w)) + abs(sin({th}+w))",
                                    f"cos({th}+f)*cos(f)*cos({th}+w)*cos(w)", {"w": "a", "f": "b"}, P, flip=True))
    # E11 = sin(theta+omega) = 0: omega = -theta or pi - theta; E01 = sin(omega), E10 = sin(theta+phi)
    for om in ("-t", "pi-t"):
        out.append(_slice_statement(f"abs(sin({om})) + abs(sin(t+f))",
                                    f"cos(t+f)*cos(f)*cos(t+{om})*cos({om})", {"t": "a", "f": "b"}, P))
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
         "lemma": "C004-23.fixed-pair.slices (trig-torus, all angles)",
         "u": "u = tan(phi'/2) for the angle phi' in (0, pi/2) with sin phi' = |sin phi|"},
        point={"s": "9/4", "u": "3/5"}, margin="-7/68")


# ---------------------------------------------------------------------------------------------
# (3) |sin p| + |sin q| + |sin(p+q)| <= 3 sqrt(3)/2 on the whole torus (C004-15, C004-12, C004-19).
# A direct 2-angle proof needs Bernstein closure at the maximisers p = q = pi/3, where the Hessian has a
# cross term (the box prover cannot close such a tangency); so: two 2-angle sum-to-product bounds (zeros
# only on dyadic chart lines) and two 1-angle bounds (exact cells, irrational tangency allowed).
# (signs are listed in the reading order of F = big - small: for <= the rhs comes first)
def _torus_statements():
    P = _Prover()
    ch = {"scale": "1", "bound": "1"}
    half = [{"x": "[0, 1]", "y": "[-1, 1]"}, {"x": "[-1, 0]", "y": "[-1, 1]"}]
    s1 = build_statement({"m": "x", "d": "y"}, "abs(sin(m+d) + sin(m-d))", "<=", "2*abs(sin(m))", ch,
                         [{"box": half[0], "signs": [1, "both"], "mode": "direct"},
                          {"box": half[1], "signs": [-1, "both"], "mode": "direct"}], prover=P)
    # cos(m) >= 0 on the whole chart box (x in [-1, 1]): one case
    s2 = build_statement({"m": "x", "d": "y"}, "abs(sin(m+d) - sin(m-d))", "<=", "2*abs(cos(m))", ch,
                         [{"box": {"x": "[-1, 1]", "y": "[-1, 1]"}, "signs": [1, "both"], "mode": "direct"}], prover=P)
    k = "3*sqrt(3)/2"
    one = [{"box": {"x": "[-1, 1]"}, "signs": ["both", "both"], "mode": "direct"}]
    s3 = build_statement({"m": "x"}, "2*abs(sin(m)) + abs(sin(2*m))", "<=", k, ch, one, prover=P)
    s4 = build_statement({"m": "x"}, "2*abs(cos(m)) + abs(sin(2*m))", "<=", k, ch, one, prover=P)
    return [s1, s2, s3, s4]


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
    P = _Prover()
    ch = {"scale": "1", "bound": "1"}
    s1 = build_statement({"m": "x", "d": "y"}, "abs(cos(m+d) + cos(m-d))", "<=", "2*abs(cos(m))", ch,
                         [{"box": {"x": "[-1, 1]", "y": "[-1, 1]"}, "signs": [1, "both"], "mode": "direct"}],
                         prover=P)
    s2 = build_statement({"m": "x"}, "2*abs(cos(m)) - cos(2*m)", "<=", "3/2", ch,
                         [{"box": {"x": "[-1, 1]"}, "signs": ["both"], "mode": "direct"}], prover=P)
    return [s1, s2]


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
