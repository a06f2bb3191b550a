"""Wooltorton–Brown–Colbeck Proposition 1 at exact angle triples (rational multiples of π).

* C004-05.local.*   Eq. (3) equals the exhaustive local bound (kernel kind local-bound; the kernel
                    computes cos/sin in Q(2cos(2pi/N)) and evaluates Eqs. (2), (3) itself)
* C004-06.quantum.*.max/.min  under (4): quantum max/min ±|η^Q| by the two-square SOS (S1) of the
                    claims catalogue, strategy (6) (or A -> -A) attaining it (kernel kind sos)
* C004-1x.chsh.*    CHSH values of strategy (6) (kernel kind strategy-value)
* C004-07.npa.*     the NPA (level 1+AB) Gram candidate rounded exactly on the face of strategy
                    (6): an independent SOS for max⟨±B⟩ = |η^Q| in the number field (kind sos)
* C004-06/08/10.symbolic, .embedding  Prop. 1 for all angles: identities modulo c² + s² = 1 (kind identity)

The grid batches of schema 1 (C004-08.grid.*: (i) and (iii) at all 2304 triples of multiples of π/2, π/4,
π/6) are retired: where (4) holds on those grids, (η^L, |η^Q|) takes 3 values, (√2/2, 1), (5/8, 3√3/8) and
(3/4, √3/2); each has a representative among LOCAL_POINTS and QUANTUM_POINTS ((1/2, 1/4, 3/4), (1/3, 1/3, 1),
(1/3, 1/3, 5/6)), where η^L and ±|η^Q| are decided exactly.
"""
from __future__ import annotations

from fractions import Fraction

from ..behaviours import field_parse
from ..certificates.format import envelope2
from ..kernel.params import scalar_text
from ..kernel.functional import functional_from_spec
from ..kernel.numbers import format_rational
from ..quantum.trig import trig_field
from ..quantum.strategy import expectation_complex
from ..quantum.wbc import SCENARIO, Point, needed_angles
from . import generator
from .chsh import CORRELATOR

PAPER = "wooltorton-brown-colbeck"
F = Fraction

# (θ, φ, ω)/π; the first three are the worked examples of the claims catalogue (§A.6)
QUANTUM_POINTS = [(F(1, 3), F(1, 3), F(1)), (F(1, 2), F(1, 4), F(3, 4)), (F(1, 3), F(5, 12), F(5, 6)),
                  (F(1, 4), F(3, 8), F(7, 8)), (F(2, 3), F(1, 6), F(2, 3)), (F(3, 4), F(1), F(13, 8)),
                  (F(1, 3), F(3, 4), F(17, 12)), (F(1, 3), F(1, 3), F(5, 6))]
LOCAL_POINTS = QUANTUM_POINTS[:3] + [QUANTUM_POINTS[7], (F(1, 3), F(1, 2), F(5, 6)), (F(1, 6), F(1, 4), F(1, 3)),
                                     (F(1, 4), F(1, 2), F(1))]
NPA_POINTS = [(F(1, 3), F(1, 3), F(1)), (F(1, 3), F(5, 12), F(5, 6))]


def _tag(t, p, w) -> str:
    return f"theta={format_rational(t)},phi={format_rational(p)},omega={format_rational(w)}"


def _point(t, p, w):
    na = needed_angles(t, p, w)
    K, vals = trig_field(sorted(set(na["cos"] + na["sin"])))
    point = Point(t, p, w, vals["cos"], vals["sin"])
    trig = {kind: {format_rational(r): scalar_text(vals[kind][r]) for r in sorted(set(na[kind]))}
            for kind in ("cos", "sin")}
    return K, point, trig


CONV = dict(CORRELATOR, angles="theta, phi, omega in units of pi; Eq. (2) coefficients c_xy of <A_x B_y>",
            strategy6="|psi> = (|00> + i|11>)/sqrt(2) as the unnormalized (1, 0, 0, i); A_x, B_y in the XY plane")


# -- kernel certificates: the kernel computes cos/sin in Q(2cos(2pi/N)) (exactbell.kernel.trig) --------------
ANGLES = {"theta": "theta", "phi": "phi", "omega": "omega"}
EQ2 = {"A0B0": "cos(pi*(theta+phi))*cos(pi*(theta+omega))*cos(pi*omega)",
       "A0B1": "-cos(pi*(theta+phi))*cos(pi*(theta+omega))*cos(pi*phi)",
       "A1B0": "-cos(pi*phi)*cos(pi*omega)*cos(pi*(theta+omega))",
       "A1B1": "cos(pi*phi)*cos(pi*omega)*cos(pi*(theta+phi))"}
_A, _B, _C, _D = "cos(pi*(theta+phi))", "cos(pi*phi)", "cos(pi*(theta+omega))", "cos(pi*omega)"
EQ3 = (f"max(abs({_C}*{_D}*({_A} + {_B})) + abs({_A}*{_B}*({_C} + {_D})), "
       f"abs({_C}*{_D}*({_A} - {_B})) + abs({_A}*{_B}*({_C} - {_D})))")
EQ5 = "sin(pi*theta)*sin(pi*(omega-phi))*sin(pi*(theta+omega+phi))"
KCONV = dict(CORRELATOR, angles="theta, phi, omega are in units of pi; functional = Eq. (2) of WBC")


def _planar(c, s, sign=""):
    """c X + s Y = [[0, c - i s], [c + i s, 0]] (strategy (6)), optionally negated."""
    return [["0", f"{sign}({c} - i*{s})"], [f"{sign}({c} + i*{s})", "0"]]


def strategy6(sign_a: int = 1) -> dict:
    """Eq. (6) as a kernel strategy: |psi> ~ (1, 0, 0, i), A0 = X, A1 = cos(theta) X + sin(theta) Y,
    B_y = cos(beta_y) X + sin(beta_y) Y (beta = phi, omega); sign_a = -1 flips Alice's observables."""
    m = "" if sign_a > 0 else "-"
    return {"state": ["1", "0", "0", "i"],
            "observables": [[[["0", f"{m}1"], [f"{m}1", "0"]], _planar("cos(pi*theta)", "sin(pi*theta)", m)],
                            [_planar("cos(pi*phi)", "sin(pi*phi)"), _planar("cos(pi*omega)", "sin(pi*omega)")]]}


def _trig_n(t, p, w) -> int:
    """Least N with every angle the formulas use in Q(2cos(2pi/N)) as the kernel computes it."""
    from math import lcm

    cos_r = [t, p, w, t + p, t + w]
    sin_r = [t, p, w, w - p, t + w + p]
    return lcm(*[(r / 2).denominator for r in cos_r], *[((F(1, 2) - r) / 2).denominator for r in sin_r])


def _kpoint(t, p, w):
    """(trig spec, Point) with the kernel's own cos/sin values (same field as the certificate)."""
    from ..kernel.trig import Trig, angle

    n = _trig_n(t, p, w)
    T = Trig(n, "g")

    class Vals(dict):
        def __init__(self, f):
            self.f = f

        def __getitem__(self, r):
            return self.f(angle(F(r)))

    return {"generator": "g", "n": n}, Point(t, p, w, Vals(T.cos), Vals(T.sin)), T


def _params(t, p, w):
    return {"theta": format_rational(t), "phi": format_rational(p), "omega": format_rational(w)}


def _local(t, p, w):
    cid = f"C004-05.local.{_tag(t, p, w)}"

    @generator(cid, PAPER, "C004-05")
    def make():
        from ..kernel.functional import BellFunctional, correlator_term
        from ..kernel.models import local_bound

        trig, point, _ = _kpoint(t, p, w)
        coeffs = [0] * SCENARIO.size
        for k, term in enumerate(("A0B0", "A0B1", "A1B0", "A1B1")):
            for i, wgt in enumerate(correlator_term(SCENARIO, term)):
                if wgt:
                    coeffs[i] = coeffs[i] + point.coefficients()[k] * wgt
        lb = local_bound(BellFunctional(SCENARIO, tuple(coeffs)))
        data = {"trig": trig, "scenario": SCENARIO.to_spec(), "functional": {"terms": EQ2}, "sense": "max",
                "optimal": [[list(x) for x in st] for st in lb.strategies], "paper": EQ3}
        return envelope2(cid, "C004-05", PAPER, "Prop. 1(i), Eq. (3), L93-95",
                         f"At (theta, phi, omega) = ({t}, {p}, {w})*pi the local bound of <B_theta,phi,omega> "
                         "(Eq. (2)) is eta^L of Eq. (3).", "local-bound", "verified", KCONV, data,
                         parameters=_params(t, p, w))


def _poly(a0, a1, y, sign):
    op = "-" if sign < 0 else "+"
    return f"({scalar_text(a0)})*A0 + ({scalar_text(a1)})*A1 {op} B{y}"


def sos_terms_for(point, which: str) -> dict:
    """(S1) as certificate terms for |η^Q|·1 − B ('upper') or |η^Q|·1 + B ('lower')."""
    positive = point.eta_quantum() > 0
    terms = []
    for y, (half_lam, a0, a1) in enumerate(point.sos_terms()):
        weight = half_lam if positive else -half_lam
        # η>0: upper (Ã−B)², lower (Ã+B)²;  η<0: upper (Ã+B)², lower (Ã−B)²
        minus = (which == "upper") == positive
        terms.append({"weight": scalar_text(weight), "polynomial": _poly(a0, a1, y, -1 if minus else 1)})
    return {"terms": terms}


def _quantum(t, p, w, sense):
    cid = f"C004-06.quantum.{_tag(t, p, w)}.{sense}"

    @generator(cid, PAPER, "C004-06")
    def make():
        trig, point, _ = _kpoint(t, p, w)
        eta = point.eta_quantum()
        up = sense == "max"
        # max <B> = |eta^Q|: strategy (6) if eta^Q > 0, else (6) with A -> -A; min symmetric
        sign_a = 1 if (eta > 0) == up else -1
        bound = ("" if (eta > 0) == up else "-") + EQ5
        data = {"trig": trig, "scenario": SCENARIO.to_spec(), "functional": {"terms": EQ2}, "sense": sense,
                "bound": bound, "sos": sos_terms_for(point, "upper" if up else "lower"),
                "strategy": strategy6(sign_a)}
        return envelope2(cid, "C004-06", PAPER, "Prop. 1(ii) and (iv), Eqs. (4)-(6), L97-109",
                         f"At (theta, phi, omega) = ({t}, {p}, {w})*pi (condition (4) holds) the quantum "
                         f"{'maximum' if up else 'minimum'} of <B_theta,phi,omega> is "
                         f"{'' if up else '-'}|eta^Q| with eta^Q of Eq. (5), attained by strategy (6)"
                         f"{'' if sign_a > 0 else ' with A_x -> -A_x'} (SOS (S1)).", "sos", "verified", KCONV, data,
                         parameters=_params(t, p, w))


def _npa(t, p, w):
    cid = f"C004-07.npa.{_tag(t, p, w)}"

    @generator(cid, PAPER, "C004-07")
    def make():
        from ..sdp.pipeline import certify_bound

        K, point, trig = _point(t, p, w)
        eta = point.eta_quantum()
        sign = 1 if eta > 0 else -1
        terms = point.functional_terms(scalar_text)
        Fn = functional_from_spec(SCENARIO, {"terms": terms}, CORRELATOR, lambda c: field_parse(K, c))
        psi, obs = point.strategy6(sign)  # for eta^Q < 0 the relabelled strategy A -> -A reaches +|eta^Q|
        res = certify_bound(Fn, SCENARIO.to_spec(), {"terms": terms}, level="1+AB", field_spec=K.describe(),
                            exact=(abs(eta), psi, obs, "divide"))
        if res.verdict != "verified":
            raise RuntimeError(f"{cid}: exact rounding failed: {res.log}")
        from ..sdp.certify import sos_v2

        return envelope2(cid, "C004-07", PAPER, "Prop. 1(ii), (iv), Eqs. (5)-(6), L103-109",
                        f"At (theta, phi, omega) = ({t}, {p}, {w})*pi the quantum maximum of <B> is "
                        f"|eta^Q| = {'' if sign > 0 else '-'}eta^Q (Eq. (5)), attained by strategy (6)"
                        f"{'' if sign > 0 else ' with A_x -> -A_x (so (6) itself attains the minimum eta^Q)'}; "
                         "the SOS is an NPA level-1+AB Gram matrix rounded exactly on the optimal face.", "sos",
                         "verified", dict(CORRELATOR, strategy6=CONV["strategy6"]), sos_v2(res.data))


for _t in LOCAL_POINTS:
    _local(*_t)
for _t in QUANTUM_POINTS:
    _quantum(*_t, "max")
    _quantum(*_t, "min")
# (claim, point, what, paper value) — CHSH values of strategy (6) quoted in Props. 2-6 and the figure captions
R3, R2, R3P1 = "3*sin(pi/3)", "1 + 2*cos(pi/4)", "1 + 2*cos(pi/6)"  # 3sqrt(3)/2, 1+sqrt(2), 1+sqrt(3)
CHSH_POINTS = [("C004-12", (F(1, 3), F(1, 3), F(1)), "top of the Prop. 2 range, 3*sqrt(3)/2, with (4)", R3),
               ("C004-15", (F(1, 3), F(1, 3), F(1)), "Fig. 1 maximum 3*sqrt(3)/2 at theta = phi = pi/3", R3),
               ("C004-18", (F(1, 3), F(1, 2), F(5, 6)), "phi = pi/2: (4) fails, value 5/2", "5/2"),
               ("C004-19", (F(1, 3), F(1, 2), F(5, 6)), "Fig. 2 global maximum 5/2 at (pi/3, 5pi/6)", "5/2"),
               ("C004-19", (F(5, 3), F(1, 2), F(13, 6)), "Fig. 2 global maximum 5/2 at (5pi/3, 13pi/6)", "5/2"),
               ("C004-19", (F(1, 4), F(1, 2), F(1)), "Fig. 2 DIRE-line maximum 1+sqrt(2) at (pi/4, pi)", R2),
               ("C004-19", (F(7, 4), F(1, 2), F(2)), "Fig. 2 DIRE-line maximum 1+sqrt(2) at (7pi/4, 2pi)", R2),
               ("C004-19", (F(1, 3), F(1, 2), F(11, 6)), "a further maximiser 5/2 at (pi/3, 11pi/6) (catalogue)",
                "5/2"),
               ("C004-21", (F(1, 3), F(1, 2), F(5, 6)), "Prop. 4 construction at its top value 5/2", "5/2"),
               ("C004-16", (F(1, 2), F(1, 6), F(5, 6)),
                "end of the fixed-pair path at phi = pi/6, t = pi/6 (C004-16.fixed-pair.paths): (4) holds, "
                "I_CHSH = 1 + sqrt 3 >= 5/2", R3P1),
               ("C004-16", (F(1, 2), F(1, 3), F(2, 3)),
                "end of the fixed-pair path at phi = pi/3, t = pi/3 (C004-16.fixed-pair.paths): (4) holds, "
                "I_CHSH = 1 + sqrt 3 >= 5/2", R3P1),
               ("C004-15", (F(1, 2), F(1, 4), F(3, 4)),
                "the CHSH member satisfies (4) and reaches 2 sqrt 2, the quantum maximum (C004-01.quantum): over the "
                "whole (4)-region the maximum of the 8 CHSH forms is 2 sqrt 2, so the 3 sqrt 3/2 of Fig. 1 is a "
                "property of the omega = pi slice (C004-15.torus)", "4*cos(pi/4)")]


def _chsh(claim, t, p, w, what, paper):
    cid = f"{claim}.chsh.{_tag(t, p, w)}"

    @generator(cid, PAPER, claim)
    def make():
        from ..kernel.ncpoly import NCPoly

        trig, point, T = _kpoint(t, p, w)
        psi, obs = point.strategy6()
        E = [expectation_complex(NCPoly.observable(2, 0, x) * NCPoly.observable(2, 1, y), psi, obs, normalize=True)
             for x in range(2) for y in range(2)]
        keys = ("A0B0", "A0B1", "A1B0", "A1B1")
        forms = []  # the 8 CHSH forms: one correlator with the odd sign, overall sign +-
        for odd in range(4):
            for sg in (1, -1):
                v = sum(((E[k] if k != odd else -E[k]) * sg for k in range(4)), 0)
                forms.append((v, {keys[k]: str(sg * (-1 if k == odd else 1)) for k in range(4)}))
        best = max(forms, key=lambda f: f[0])
        standard = forms[6]  # odd = A1B1, overall +: E00 + E01 + E10 - E11
        terms = standard[1] if standard[0] == best[0] else best[1]
        data = {"trig": trig, "scenario": SCENARIO.to_spec(), "functional": {"terms": terms},
                "strategy": strategy6(), "relation": "value", "paper": paper}
        if ">= 5/2" in what:
            data.update(relation=">=", threshold="5/2")
        return envelope2(cid, claim, PAPER, "Props. 2-6, Figs. 1-2 captions, L113-151",
                         f"Strategy (6) at (theta, phi, omega) = ({t}, {p}, {w})*pi: {what}. The functional is the "
                         "CHSH form (of the 8) with the largest value here.", "strategy-value", "verified", KCONV,
                         data, parameters=_params(t, p, w))


for _claim, _t, _what, _paper in CHSH_POINTS:
    _chsh(_claim, *_t, _what, _paper)
for _t in NPA_POINTS:
    _npa(*_t)


# -- Prop. 1 for all angles: identities modulo c^2 + s^2 = 1 (kernel kind identity, modes nc / polynomial) --------
CIRCLE_PARAMS = {n: "[-1, 1]" for n in ("c_t", "s_t", "c_p", "s_p", "c_w", "s_w")}
CIRCLES = [["c_t", "s_t"], ["c_p", "s_p"], ["c_w", "s_w"]]
ANGLE_DEFS = [["ctp", "c_t*c_p - s_t*s_p"], ["ctw", "c_t*c_w - s_t*s_w"], ["swp", "s_w*c_p - c_w*s_p"],
              ["stpw", "s_t*(c_w*c_p - s_w*s_p) + c_t*(s_w*c_p + c_w*s_p)"], ["eta", "s_t*swp*stpw"]]
EQ2_OP = "ctp*ctw*c_w*A0*B0 - ctp*ctw*c_p*A0*B1 - c_p*c_w*ctw*A1*B0 + c_p*c_w*ctp*A1*B1"
ALL_ANGLES = ("c_x, s_x = cos x, sin x of the angles t = theta, p = phi, w = omega; ctp = cos(theta+phi), "
              "ctw = cos(theta+omega), swp = sin(omega-phi), stpw = sin(theta+phi+omega), eta = eta^Q of Eq. (5), "
              "Eq. (2) = ctp*ctw*c_w A0B0 - ctp*ctw*c_p A0B1 - c_p*c_w*ctw A1B0 + c_p*c_w*ctp A1B1")


@generator("C004-06.symbolic", PAPER, "C004-06")
def symbolic_sos():
    data = {"mode": "nc", "scenario": SCENARIO.to_spec(), "circle": CIRCLES,
            "definitions": ANGLE_DEFS + [["mu0", "-ctw*c_w/2"], ["mu1", "ctp*c_p/2"], ["stp", "s_t*c_p + c_t*s_p"],
                                         ["stw", "s_t*c_w + c_t*s_w"]],
            "identities": [[f"s_t*(eta - ({EQ2_OP}))",
                            "mu0*(c_p*A1 - ctp*A0 - s_t*B0)^2 + mu1*(c_w*A1 - ctw*A0 - s_t*B1)^2"],
                           ["mu0*mu1", "-ctp*c_p*ctw*c_w/4"],
                           ["ctp*ctw*c_w*s_p - ctp*ctw*c_p*s_w - c_p*c_w*ctw*stp + c_p*c_w*ctp*stw", "eta"]]}
    return envelope2(
        "C004-06.symbolic", "C004-06", PAPER, "Prop. 1(ii), (iv), Eqs. (2)-(6), L89-109",
        f"For all angles ({ALL_ANGLES}): sin(theta)*(eta^Q*1 - B) = mu_0 P_0^2 + mu_1 P_1^2 in the algebra of "
        "+-1 observables, with mu_0*mu_1 = -cos(theta+phi)cos(phi)cos(theta+omega)cos(omega)/4 (identities "
        "decided by the kernel), and Eq. (2) evaluated at E_xy = sin(alpha_x + beta_y) (alpha = (0, theta), "
        "beta = (phi, omega); stp, stw = sin(theta+phi), sin(theta+omega)) equals eta^Q (identity). Not decided "
        "here (stated): that E_xy = sin(alpha_x + beta_y) are the correlators of strategy (6) for all angles (Born "
        "rule; the kernel decides it at exact angles in the C004-06.quantum.* and C004-1x.chsh.* certificates), and "
        "the sign step: under (4) mu_0*mu_1 > 0 and sin(theta) != 0 (C004-08.symbolic: at sin(theta) = 0 the "
        "product in (4) is a square), so +-(eta^Q*1 - B) is a sum of squares and the quantum range is "
        "[-|eta^Q|, |eta^Q|].", "identity", "verified", {}, data, parameters=CIRCLE_PARAMS)


BRANCHES = {"++": "+++", "+-": "+--", "-+": "-+-", "--": "--+"}  # (sign in A+-B, C+-D; between) -> factor signs


@generator("C004-08.symbolic", PAPER, "C004-08")
def symbolic_equivalence():
    ids = []
    for key, signs in BRANCHES.items():
        s1, s2 = key
        branch = f"c_w*ctw*(ctp {s1} c_p) {s2} ctp*c_p*(ctw {s1} c_w)"
        factor = "*".join(f"(1 {g} {x})" for g, x in zip(signs, ("c_t", "cpw", "ctpw")))
        ids.append([f"({branch})^2 - eta^2", f"2*abcd*{factor}"])
    ids += [["abcd", "(ctp*c_p)^2 - ctp*c_p*stpw*swp"],
            ["abcd", "(c_t*c_p*c_w)^2 - s_t*c_p*c_w*(c_t*(c_p*s_w + s_p*c_w) - s_t*s_p*s_w)"]]
    data = {"mode": "polynomial", "circle": CIRCLES,
            "definitions": ANGLE_DEFS + [["abcd", "ctp*c_p*ctw*c_w"], ["cpw", "c_p*c_w + s_p*s_w"],
                                         ["ctpw", "c_t*(c_p*c_w - s_p*s_w) - s_t*(s_p*c_w + c_p*s_w)"]],
            "identities": ids}
    return envelope2(
        "C004-08.symbolic", "C004-08", PAPER, "Prop. 1(iii), Eqs. (3)-(5), L95-105",
        f"For all angles ({ALL_ANGLES}; abcd = ABCD of (4), cpw = cos(phi-omega), ctpw = cos(theta+phi+omega)): "
        "each of the four branches L of Eq. (3) satisfies L^2 - (eta^Q)^2 = 2ABCD(1 +- cos theta)(1 +- cos(phi-omega))"
        "(1 +- cos(theta+phi+omega)), and ABCD = (AB)^2 - AB sin(theta+phi+omega) sin(omega-phi) = "
        "(cos(theta) BD)^2 - sin(theta)(...) (identities decided by the kernel). Not decided here (elementary, "
        "stated): (eta^L)^2 = max L^2 and the factors are >= 0, so |eta^Q| > eta^L iff ABCD < 0 (condition (4)) and "
        "no factor vanishes; a vanishing factor means sin(theta), sin(omega-phi) or sin(theta+phi+omega) is 0, where "
        "eta^Q = 0 and ABCD is a square by the last two identities.",
        "identity", "verified", {}, data, parameters=CIRCLE_PARAMS)


@generator("C004-10.embedding", PAPER, "C004-10")
def tilted_chsh_embedding():
    data = {"mode": "polynomial", "circle": [["c_p", "s_p"]],
            "definitions": [["c_w", "-c_p"], ["s_w", "s_p"]] + ANGLE_DEFS + [["scale", "-s_p*c_p^2"]],
            "identities": [["c_p*(ctp*ctw*c_w)", "scale*s_p"], ["c_p*(-ctp*ctw*c_p)", "scale*s_p"],
                           ["c_p*(-c_p*c_w*ctw)", "scale*c_p"], ["c_p*(c_p*c_w*ctp)", "scale*(-c_p)"],
                           ["c_p*eta", "scale*2"]]}
    return envelope2(
        "C004-10.embedding", "C004-10", PAPER, "L111 (special cases of the family)",
        "theta = pi/2 (c_t = 0, s_t = 1), omega = pi - phi (c_w = -c_p, s_w = s_p) in Eq. (2) and Eq. (5) "
        f"({ALL_ANGLES}): cos(phi)*c_xy = scale*(sin, sin, cos, -cos)(phi) and cos(phi)*eta^Q = 2*scale with "
        "scale = -sin(phi)cos(phi)^2 (identities decided by the kernel). Not decided here (stated): dividing by "
        "scale/cos(phi) (0 < phi < pi/2) gives the marginal-free tilted CHSH tan(phi)(<A0B0> + <A0B1>) + <A1B0> - "
        "<A1B1>, beta = tan(phi), with quantum bound 2/cos(phi) = 2*sqrt(1 + beta^2).",
        "identity", "verified", {}, data, parameters={"c_p": "[-1, 1]", "c_t": "0", "s_p": "[-1, 1]", "s_t": "1"})
