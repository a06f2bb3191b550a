"""Range claims proved on their whole range (issue #17 point 2), not at points.

* C000-10.range  kind sos, one domain parameter: Sengupta–Wooltorton Prop. 1 item 3, T_p ≤ η(p) =
  2√2·√(p/(3p−1)) for every p ∈ (2/5, 1), by the SOS (F6) of App. F written in Q(p)[r],
  r = √(2p(3p−1)) = √(6p² − 2p). With cos φ = r/(2(3p−1)), sin φ = −r·t/(2p(3p−1)),
  sin 2θ = −t/(3p−1), cos 2θ = (1−2p)/(3p−1) (t = √(5p² − 2p)) and λ² = (3p−1)/(1−p) the weights
  sinφ/(λ² sin2θ) = r(1−p)/(2p(3p−1)) and sinφ/sin2θ = r/(2p), and the coefficients 1/(2cosφ) = r/(2p),
  sin2θ/(2sinφ) = r/(2(3p−1)), cos2θ/(2cosφ) = (1−2p)r/(2p(3p−1)) need only r: t cancels. η = 2r/(3p−1).
* C000-11.range.atan2  the same SOS with strategy (13), θ = ½·atan2(f1, g1): the state
  cos θ|00⟩ + sin θ|11⟩ ∝ (1 + cos2θ)|00⟩ + sin2θ|11⟩ ∝ p|00⟩ − t|11⟩, attaining η for every
  p ∈ (2/5, 1) (this needs t, hence p ≥ 2/5).
* C000-11.range.printed  the printed θ = ½·arctan(f1/g1) − π/2 equals ½·atan2(f1, g1) when g1 < 0,
  i.e. p ∈ (1/2, 1): the same strategy, on that range. On (2/5, 1/2) the printed θ fails (the point
  certificates C000-11.p=….printed refute it exactly).
* C004-05.range.max / .min  kind local-bound over four parameters: Wooltorton–Brown–Colbeck Prop. 1(i),
  the local bounds of Eq. (2) are ±η^L of Eq. (3) for every real θ, φ, ω. Eq. (2) depends on the angles
  only through ctp = cos(θ+φ), cp = cos φ, ctw = cos(θ+ω), cw = cos ω, and every real (θ, φ, ω) gives a
  point of [−1, 1]⁴, so the claim follows from the statement on the whole box, where it is an identity:
  the 8 distinct deterministic values b0·cw·ctw·(ctp ∓ cp) − b1·ctp·cp·(ctw ∓ cw) are exactly the 8 sign
  combinations of the two sums of absolute values in Eq. (3) (kernel: max-plus identity, no cells).
"""
from __future__ import annotations

from ..certificates.format import envelope2
from ..kernel.numbers import format_rational
from . import generator
from .chsh import CHSH_SCENARIO, CORRELATOR
from .sengupta_wooltorton import PAPER, T_P_TERMS
from .wbc_family import PAPER as WBC

R = "sqrt(6*p^2 - 2*p)"  # r = √(2p(3p − 1)), > 0 on (1/3, 1)
T = "sqrt(5*p^2 - 2*p)"  # t = √(p(5p − 2)), ≥ 0 on [2/5, 1)
BOUND = f"2*{R}/(3*p - 1)"
SOS = {"terms": [
    {"weight": f"(1 - p)*{R}/(2*p*(3*p - 1))", "polynomial": f"A1 - ({R}/(2*p))*(B0 - B1)"},
    {"weight": f"{R}/(2*p)",
     "polynomial": f"A0 - ({R}/(2*(3*p - 1)))*(B0 + B1) - ((1 - 2*p)*{R}/(2*p*(3*p - 1)))*A0*(B0 - B1)"}]}
COS_PHI, SIN_PHI = f"{R}/(2*(3*p - 1))", f"-{R}*{T}/(2*p*(3*p - 1))"
STRATEGY = {"state": ["p", "0", "0", f"-{T}"],
            "observables": [[[["0", "1"], ["1", "0"]], [["1", "0"], ["0", "-1"]]],
                            [[[COS_PHI, SIN_PHI], [SIN_PHI, f"-{COS_PHI}"]],
                             [[f"-{COS_PHI}", SIN_PHI], [SIN_PHI, COS_PHI]]]]}
LOCATION = "Proposition 1 item 3, App. F Eq. (F6), L295 and L986-1016"


def _data(strategy: dict | None, claim: bool = False) -> dict:
    data = {"scenario": CHSH_SCENARIO.to_spec(), "functional": {"terms": T_P_TERMS}, "sense": "max",
            "bound": BOUND, "sos": SOS}
    if strategy:
        data["strategy"] = strategy
    data["paper"] = {"sqrt": "8*p/(3*p - 1)"}
    if claim:
        data["strategy_claim"] = "attains the bound"
    return data


@generator("C000-10.range", PAPER, "C000-10")
def c000_10_range():
    return envelope2("C000-10.range", "C000-10", PAPER, LOCATION,
                     "For every p in (2/5, 1), every quantum behaviour has T_p <= 2*sqrt(2)*sqrt(p/(3p-1)): the SOS "
                     "(F6) with coefficients in Q(p)(sqrt(6p^2 - 2p)), weights proved > 0 on the whole range.",
                     "sos", "verified", CORRELATOR, _data(None), parameters={"p": "(2/5, 1)"})


def _strategy_cert(branch: str, domain: str):
    cid = f"C000-11.range.{branch}"
    printed = branch.startswith("printed")
    # printed theta on (2/5, 1/2), where g1 > 0: theta = theta0 - pi/2, (cos, sin) ∝ (f1, -(1 + g1)) ∝ (t, p)
    strategy = dict(STRATEGY, state=[T, "0", "0", "p"]) if branch == "printed-below-half" else STRATEGY

    @generator(cid, PAPER, "C000-11")
    def make():
        what = ("theta = (1/2) atan2(f1, g1)" if branch == "atan2" else
                "theta = (1/2) arctan(f1/g1) - pi/2 as printed, which is (1/2) atan2(f1, g1) where g1 < 0"
                if branch == "printed" else
                "theta = (1/2) arctan(f1/g1) - pi/2 as printed, which is (1/2) atan2(f1, g1) - pi/2 where g1 > 0")
        state = "p|00> - sqrt(p(5p-2))|11>" if branch != "printed-below-half" else "sqrt(p(5p-2))|00> + p|11>"
        result = ("stays strictly below the quantum maximum" if branch == "printed-below-half" else "attains the "
                  "quantum maximum")
        return envelope2(cid, "C000-11", PAPER, "Proposition 1 item 4, Eq. (13), L297-306",
                         f"For every p in {domain}, strategy (13) with {what} and phi = arctan(f2/g2) (state "
                         f"proportional to {state}, B_y = +-cos(phi) Z + sin(phi) X) {result} "
                         "2*sqrt(2)*sqrt(p/(3p-1)) of T_p (SOS (F6) as in C000-10.range).",
                         "sos", "refuted" if branch == "printed-below-half" else "verified", CORRELATOR,
                         _data(strategy, printed), parameters={"p": domain})


_strategy_cert("atan2", "(2/5, 1)")
_strategy_cert("printed", "(1/2, 1)")
_strategy_cert("printed-below-half", "(2/5, 1/2)")


# -- C004-05: Eq. (2) in ctp = cos(theta + phi), cp = cos(phi), ctw = cos(theta + omega), cw = cos(omega)
EQ2 = {"A0B0": "ctp*ctw*cw", "A0B1": "-ctp*ctw*cp", "A1B0": "-cp*cw*ctw", "A1B1": "cp*cw*ctp"}
EQ3 = ("max(abs(ctw*cw*(ctp + cp)) + abs(ctp*cp*(ctw + cw)), "
       "abs(ctw*cw*(ctp - cp)) + abs(ctp*cp*(ctw - cw)))")
COSINES = {"form": "correlator", "marginals": "uniform-average",
           "observables": "A_x = M_{0|x} - M_{1|x} (outcome a contributes (-1)^a)",
           "angles": "ctp = cos(theta + phi), cp = cos(phi), ctw = cos(theta + omega), cw = cos(omega): every real "
                     "(theta, phi, omega) gives a point of [-1, 1]^4; functional = Eq. (2) of WBC"}


def _local_range(sense: str):
    cid = f"C004-05.range.{sense}"

    @generator(cid, WBC, "C004-05")
    def make():
        data = {"scenario": CHSH_SCENARIO.to_spec(), "functional": {"terms": EQ2}, "sense": sense,
                "relation": "==", "paper": EQ3 if sense == "max" else f"-{EQ3}", "proof": {"method": "identity"}}
        return envelope2(cid, "C004-05", WBC, "Prop. 1(i), Eq. (3), L93-95",
                         f"For every real theta, phi, omega the local {'upper' if sense == 'max' else 'lower'} "
                         f"bound of <B_theta,phi,omega> (Eq. (2)) is {'' if sense == 'max' else '-'}eta^L of "
                         "Eq. (3): an identity in the four cosines, on the whole box [-1, 1]^4.",
                         "local-bound", "verified", COSINES, data,
                         parameters={k: "[-1, 1]" for k in ("ctp", "cp", "ctw", "cw")})


_local_range("max")
_local_range("min")


# -- C001-16: the biased OCB value (1 + a + sqrt(1 + a^2))/2 for every real a --------------------------
def _ocb_range(side: str):
    """a = ±(1 - t^2)/(2t), t in (0, 1), sweeps (0, +inf) (+) or (-inf, 0) (-) once; then
    sqrt(1 + a^2) = (1 + t^2)/(2t) and every entry of the Lemma 1 dual and of S_OCB,a is in Q(t). At t = 1
    (a = 0) a pivot of the slack vanishes: a = 0 is the point certificate C001-16.a=0."""
    from fractions import Fraction

    from ..causal import inequalities as iq
    from ..kernel.params import Domain
    from ..kernel.prove_check import Radicals
    from .liu_chiribella import PAPER as LC
    from .liu_chiribella import ocb_lemma1_slack, ocb_process

    cid = f"C001-16.range.{'positive' if side == '+' else 'negative'}"
    a_text = f"{'' if side == '+' else '-'}(1 - t^2)/(2*t)"

    @generator(cid, LC, "C001-16")
    def make():
        R = Radicals("t", Domain.parse("(0, 1)"))
        t, one = R.var(), R.lift(1)
        al, r = (1 - t * t) / (2 * t) * (1 if side == "+" else -1), (1 + t * t) / (2 * t)
        sc, _ = iq.biased_ocb(Fraction(0))
        _, t0 = iq.biased_ocb(Fraction(0))
        _, t1 = iq.biased_ocb(Fraction(1))
        coeffs = [format_rational(t0[k]) if t1[k] == t0[k] else
                  f"{format_rational(t0[k])} + {format_rational(t1[k] - t0[k])}*a".replace("0 + ", "").replace(
                      "*a", f"*({a_text})") for k in sc.entries()]

        def txt(v):
            return format_rational(v) if isinstance(v, (int, Fraction)) else v.to_text()
        pieces = []
        for z in (0, 1):
            _, pz = iq.ocb_piece(al, z, z)
            Z = ocb_lemma1_slack(al, z, z, r, one, Fraction(1, 2))
            pieces.append({"trigger": [z, 2 * z + 1], "coefficients": [txt(pz[k] / 2) for k in sc.entries()],
                           "slack": [[[txt(Z[x].get((i, j), 0)) for j in range(16)] for i in range(16)]
                                     for x in sc.contexts]})
        S, A, B = ocb_process(al, r, one)
        data = {"scenario": sc.to_spec(), "functional": {"coefficients": coeffs}, "pieces": pieces,
                "lower": {"form": "explicit", "dims": [2, 2, 2, 2], "process": [[txt(v) for v in row] for row in S],
                          "instruments": [[[[[txt(v) for v in row] for row in M] for M in inst] for inst in P]
                                          for P in (A, B)]},
                "paper": {"relation": "=", "value": "(1 + a + sqrt(1 + a^2))/2".replace("a", f"({a_text})")}}
        conv = {"form": "probability", "order": "inputs-major",
                "settings": "OCB: Bob's setting x2 = 2*b + c",
                "parameter": f"a = {a_text} (the bias of P_A + a P_B) sweeps "
                             f"{'(0, +inf)' if side == '+' else '(-inf, 0)'} once as t runs over (0, 1)",
                "born_rule": "p(a|x) = Tr[S^T (M_{a1|x1} (x) N_{a2|x2})], Choi(K) = sum_ij |i><j| (x) K(|i><j|), "
                             "input factor first",
                "canonical_space": "party i: in_i = C^m, out_i = copy_i (x) label_i = C^m (x) C^n; blocks on "
                                   "(in1, copy1, in2, copy2) per label context x",
                "process": "S >= 0, L_V(S) = S (Araujo et al. 2015), Tr S = d_AO d_BO",
                "dual": "W = slack + Omega in Span(Choi(NoSig)); I_ICO <= sum Tr W / prod m_i (Eqs. 23, 28)"}
        return envelope2(cid, "C001-16", LC, "Eq. (7), App. B Lemma 1, Eqs. (41)-(47)",
                         f"The biased OCB P_A + a P_B has ICO value (1 + a + sqrt(1 + a^2))/2 (Eq. 7) for every a in "
                         f"{'(0, +inf)' if side == '+' else '(-inf, 0)'}: a = {a_text}, t in (0, 1), the Lemma 1 dual "
                         "and S_OCB,a with entries in Q(t).", "psd-dual", "verified", conv, data,
                         parameters={"t": "(0, 1)"})


_ocb_range("+")
_ocb_range("-")


@generator("C001-16.a=0", "liu-chiribella", "C001-16")
def ocb_at_zero():
    """a = 0, the point between the two ranges (t = 1, where a pivot of the Lemma 1 slack vanishes)."""
    from fractions import Fraction

    from .liu_chiribella import _ocb_cert

    return _ocb_cert("C001-16.a=0", "C001-16", Fraction(0),
                     "The biased OCB P_A + a P_B has ICO value (1 + a + sqrt(1 + a^2))/2 (Eq. 7); here a = 0, the "
                     "point between the ranges of C001-16.range.positive and C001-16.range.negative.",
                     "Eq. (7), App. B Lemma 1, Eqs. (41)-(47)")


@generator("C001-16.all-real-a", "liu-chiribella", "C001-16")
def ocb_all_real():
    """The three C001-16 certificates together cover every real a (composite, rule all)."""
    return envelope2(
        "C001-16.all-real-a", "C001-16", "liu-chiribella", "Eq. (7), App. B Lemma 1, Eqs. (41)-(47)",
        "The biased OCB P_A + a P_B has ICO value (1 + a + sqrt(1 + a^2))/2 for every real a: a > 0, a < 0 and a = 0.",
        "composite", "verified", {},
        {"rule": "all", "premises": ["C001-16.range.positive.json", "C001-16.range.negative.json", "C001-16.a=0.json"],
         "stated": "the first two premises are the biased OCB with a = (1 - t^2)/(2t) and a = -(1 - t^2)/(2t) (their "
                   "functionals, by digest), and t -> (1 - t^2)/(2t) maps (0, 1) onto (0, +inf), so with a = 0 every "
                   "real a is covered; there (1 + a + sqrt(1 + a^2))/2 = (t + 1)/(2t), resp. (t + 1)/2"})


# -- C000-04 (one-way): the 13 class representatives of S_(p,p),(1/2,1/2) as facet families for all p --------
def _one_way_families() -> list:
    """The 13 representatives of C000-04.one-way.p=3_4 continued in p: on the support columns of each
    representative, the normal through its tight vertices (polynomial in p) is unique up to scale
    (a one-dimensional null space over Q(p)), scaled to agree at p = 3/4. Search side (sympy)."""
    import json
    from pathlib import Path

    import sympy as sp

    from ..kernel.polytope import TABLES, sw_point

    root = Path(__file__).resolve().parents[2] / "proofs" / PAPER
    cert = json.loads((root / "C000-04.one-way.p=3_4.json").read_text())
    p, half = sp.Symbol("p"), sp.Rational(1, 2)
    V = [[sp.expand(x) for x in sw_point(TABLES[ka], TABLES[kb], p, p, half, half)] for ka, kb in cert["data"]["support"]]
    out = []
    for k, cl in enumerate(cert["data"]["classes"]):
        F0 = [sp.Rational(x) for x in cl["coefficients"]]
        cols = [i for i in range(16) if F0[i] != 0]
        ns = sp.Matrix([[V[t][i] for i in cols] + [-1] for t in cl["tight"]]).nullspace()
        if len(ns) != 1:
            raise ValueError(f"class {k + 1}: the normal through the tight points is not unique")
        scale = F0[cols[0]] / ns[0][0].subs(p, sp.Rational(3, 4))
        n = [sp.factor(sp.simplify(x * scale)) for x in ns[0]]
        F = ["0"] * 16
        for j, i in enumerate(cols):
            F[i] = str(n[j]).replace("**", "^")
        out.append({"name": f"class {k + 1}", "matrix": [F[4 * r:4 * r + 4] for r in range(4)], "sense": "<=",
                    "bound": str(n[-1]).replace("**", "^")})
    return out


@generator("C000-04.one-way.families", PAPER, "C000-04")
def one_way_families():
    conv = {"form": "sw-4x4", "matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5); F read row by row",
            "pairing": "<F,P> = sum_ij F_ij P_ij",
            "labels": "vertex (kA,kB): truth tables of f_A(x,y~) and f_B(x~,y), k = 8 t00 + 4 t01 + 2 t10 + t11"}
    data = {"model": {"name": "signaling", "fidelities": {"p": "p", "q": "p", "r": "1/2", "s": "1/2"}},
            "inequalities": _one_way_families(), "paper": "facets, pairwise inequivalent"}
    return envelope2("C000-04.one-way.families", "C000-04", PAPER, "Table I row 1 (L184-189)",
                     "Table I, S_(p,p),(1/2,1/2): the 13 facet classes found at p = 3/5, 3/4, 9/10 continue as 13 "
                     "pairwise inequivalent facet families for every p in (1/2, 1), so there are at least 13 classes "
                     "on the whole range. That there are no others (completeness) is decided at those points only "
                     "(C000-04.one-way.p=*): points only, because the kernel's completeness check (ridge closure) "
                     "works at a fixed rational p.", "facet", "verified", conv, data, parameters={"p": "(1/2, 1)"})
