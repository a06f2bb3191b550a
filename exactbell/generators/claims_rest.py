"""Claims left uncovered by the earlier generators (issue #17), decided with the existing kinds:

* C000-07.*          F_p = F13 entrywise (identity, polynomial); the L281-283 correlator expression equals
                     4<P, F_p> - 2 on every normalised P (identity, ns, no no-signalling multiplier); on
                     B->A non-signalling behaviours it is T_p of Eq. (12) (identity, ns).
* C000-10.lambda.*   App. F, L1008: "1/lambda^2 = (1-p)/(3p-1) in (1, 3)" for p in (2/5, 1) (kind inequality):
                     the upper end holds on the whole range, the lower end fails for p > 1/2 (refuted at
                     p = 3/4), and holds on (2/5, 1/2).
* C000-14.eq15*      W_{p,r} = <G_{p,r}, P> with p(11|00) (identity, ns); the printed "p(1|00)" read as
                     Alice's or Bob's marginal is refuted at a deterministic point (strategy-value).
* C002-14(.valid)    eq. (10) valid on every A->B model (classes, one listed facet class) + C002-13: pure
                     entangled two-qubit states are not A->B reproducible (composite).
* C002-35(.gap.*)    full-distribution min C_{X->B} vs the Bell-value-only minimum (composite + inequality).
* C004-02            the local polytope of the CHSH scenario has exactly 24 facets in 2 classes
                     (16 positivity + 8 CHSH), complete list (kind classes).
* C004-03            Eq. (2) as printed equals the coefficient form F1' (kind identity, mode nc).
* C004-13            omega = pi in Eq. (2) gives the L124 subfamily, condition (4) becomes
                     cos(theta+phi) cos(phi) cos(theta) < 0 (kind identity, mode nc).
* C004-14(.state)    the omega = pi state identity, B1 = -sigma_X, uniform p(ab|01) (identity + composite).
* C004-22(.*)        the construction of Props. 5/6: E00 = 1, uniform (0,1) statistics, CHSH sweep (composite).
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..certificates.format import envelope2
from ..quantum.wbc import SCENARIO as WBC_SCENARIO
from . import generator
from .sw_propositions import PAPER as SW_PAPER
from .sw_propositions import _inequality as _sw_inequality
from .wbc_family import ALL_ANGLES, ANGLE_DEFS, CIRCLE_PARAMS, CIRCLES, EQ2_OP
from .wbc_family import PAPER as WBC_PAPER

SW_FORM = {"form": "sw-4x4", "matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5)", "pairing": "<F,P> = sum_ij F_ij P_ij"}

# ---------------------------------------------------------------------------------------------
# C000-10: the range of 1/lambda^2 (App. F, L1006-1008)
LAMBDA = "(1 - p)/(3*p - 1)"
L1008 = "App. F, proof of Prop. 1.3, L1006-1008"


@generator("C000-10.lambda.lower", SW_PAPER, "C000-10")
def lambda_lower():
    from ..prover.api import inequality_certificate

    return inequality_certificate(
        "C000-10.lambda.lower", "C000-10", SW_PAPER, L1008,
        "App. F states 1/lambda^2 = (1-p)/(3p-1) in (1, 3) for p in (2/5, 1). The lower end fails: at p = 3/4, "
        "(1-p)/(3p-1) = 1/5 < 1 (for p in (1/2, 1) the value lies in (0, 1)).",
        LAMBDA, ">", "1", {"p": "(2/5, 1)"}, point={"p": "3/4"})


@generator("C000-10.lambda.upper", SW_PAPER, "C000-10")
def lambda_upper():
    return _sw_inequality(
        "C000-10.lambda.upper", "C000-10", L1008,
        "The upper end of App. F's range holds: (1-p)/(3p-1) < 3 for all p in (2/5, 1).",
        LAMBDA, "<", "3", {"p": "(2/5, 1)"})


@generator("C000-10.lambda.lower-corrected", SW_PAPER, "C000-10")
def lambda_lower_corrected():
    return _sw_inequality(
        "C000-10.lambda.lower-corrected", "C000-10", L1008,
        "Corrected range: (1-p)/(3p-1) > 1 holds for p in (2/5, 1/2) (with .upper: 1/lambda^2 in (1, 3) there).",
        LAMBDA, ">", "1", {"p": "(2/5, 1/2)"})


# ---------------------------------------------------------------------------------------------
# C004-03 / C004-13: Eq. (2) and the omega = pi subfamily (L124)
EQ2_PRINTED = "ctp*ctw*A0*(c_w*B0 - c_p*B1) + c_p*c_w*A1*(-ctw*B0 + ctp*B1)"
L124_PRINTED = "ctp*c_t*A0*(B0 + c_p*B1) - c_p*A1*(c_t*B0 + ctp*B1)"


@generator("C004-03", WBC_PAPER, "C004-03")
def family_coefficients():
    data = {"mode": "nc", "scenario": WBC_SCENARIO.to_spec(), "circle": CIRCLES, "definitions": ANGLE_DEFS,
            "identities": [[EQ2_PRINTED, EQ2_OP]]}
    return envelope2(
        "C004-03", "C004-03", WBC_PAPER, "Prop. 1, Eq. (2), L89-91",
        f"For all angles ({ALL_ANGLES}): Eq. (2) as printed, cos(theta+phi)cos(theta+omega)<A0(cos(omega)B0 - "
        "cos(phi)B1)> + cos(phi)cos(omega)<A1(-cos(theta+omega)B0 + cos(theta+phi)B1)>, equals sum c_xy A_x B_y with "
        "c00 = cos(theta+phi)cos(theta+omega)cos(omega), c01 = -cos(theta+phi)cos(theta+omega)cos(phi), "
        "c10 = -cos(phi)cos(omega)cos(theta+omega), c11 = cos(phi)cos(omega)cos(theta+phi) (F1'): every coefficient "
        "a product of three cosines, no marginal terms (identity in the algebra of +-1 observables).",
        "identity", "verified", {}, data, parameters=CIRCLE_PARAMS)


@generator("C004-13", WBC_PAPER, "C004-13")
def omega_pi_subfamily():
    data = {"mode": "nc", "scenario": WBC_SCENARIO.to_spec(), "circle": [["c_t", "s_t"], ["c_p", "s_p"]],
            "definitions": [["c_w", "-1"], ["s_w", "0"]] + ANGLE_DEFS,
            "identities": [[EQ2_OP, L124_PRINTED], ["ctp*c_p*ctw*c_w", "ctp*c_p*c_t"]]}
    return envelope2(
        "C004-13", "C004-13", WBC_PAPER, "L117-124",
        f"omega = pi (c_w = -1, s_w = 0) in Eq. (2) ({ALL_ANGLES}), for all theta, phi: Eq. (2) equals the "
        "printed subfamily cos(theta+phi)cos(theta)<A0(B0 + cos(phi)B1)> - cos(phi)<A1(cos(theta)B0 + "
        "cos(theta+phi)B1)> (L124), and the product in condition (4) becomes cos(theta+phi)cos(phi)cos(theta), "
        "so (4) reads cos(theta+phi)cos(phi)cos(theta) < 0 (identities decided by the kernel).",
        "identity", "verified", {}, data,
        parameters={"c_t": "[-1, 1]", "s_t": "[-1, 1]", "c_p": "[-1, 1]", "s_p": "[-1, 1]"})


# ---------------------------------------------------------------------------------------------
# C004-02: facets of the CHSH-scenario local polytope (footnote [46], L218)

@generator("C004-02", WBC_PAPER, "C004-02")
def chsh_local_facets():
    from ..kernel.scenario import Behaviour, Scenario
    from .sw_polytopes import kernel_verdict

    sc = Scenario((2, 2), (2, 2))
    points = [Behaviour.deterministic(sc, s).values
              for s in product(*[list(sc.deterministic_strategies(i)) for i in range(2)])]
    # canonical p(ab|xy) at 4(2x + y) + 2a + b: the positivity -p(11|00) <= 0 and CHSH <= 2
    positivity = ["-1" if k == 3 else "0" for k in range(16)]
    chsh = [str((-1) ** (k % 4 in (1, 2)) * (-1 if k // 4 == 3 else 1)) for k in range(16)]
    value = lambda coefficients, v: sum(int(c) * x for c, x in zip(coefficients, v))  # noqa: E731
    classes = [{"tight": [i for i, v in enumerate(points) if value(coefficients, v) == b],
                "coefficients": coefficients, "bound": str(b)}
               for coefficients, b in ((positivity, 0), (chsh, 2))]
    body = {"model": {"name": "local", "scenario": {"inputs": [2, 2], "outputs": [2, 2]}},
            "support": [[k] for k in range(16)], "classes": classes, "complete": True, "paper": 2}
    return kernel_verdict(envelope2(
        "C004-02", "C004-02", WBC_PAPER, "footnote [46], L218",
        "The local polytope of the CHSH scenario (2 inputs, 2 outputs per party) has exactly 24 facets: 16 "
        "positivity facets p(ab|xy) >= 0 (one class) and the 8 CHSH-type inequalities (one class, equivalent to "
        "I_CHSH <= 2 up to relabelling). Model: the local model of the scenario (2,2;2,2), whose 16 "
        "deterministic points and group of relabelings the kernel computes; the listed classes (a "
        "positivity representative, 16 facets, and a CHSH representative, 8 facets) are decided facets and "
        "the list is decided complete. Stated, not decided: positivity facets hold for every quantum "
        "behaviour, so only the CHSH-type facets separate local from quantum correlations.",
        "classes", "verified", {}, body))


# ---------------------------------------------------------------------------------------------
# C000-07: F_p = F13 and its correlator form (Sec. IV A, L267-285)
Q = "(1-p)/p"
F_P = [["0", "0", "1", "0"], ["0", "1", "0", "0"], ["0", f"-{Q}", "0", Q], ["0", "0", "0", "0"]]  # L269
E_TERMS = {"A@01": "1", "A@00": "-1", "A@11": Q, "A@10": f"-{Q}",   # the L281-283 expression
           "B@01": "1", "B@00": "-1", "B@10": Q, "B@11": f"-{Q}",
           "A0B0": "1", "A0B1": "1", "A1B0": Q, "A1B1": f"-{Q}"}
L285 = "Sec. IV A, L267-285 (F_p), App. B 1 (F13, L580)"


def _f13():
    from .sw_polytopes import appendix_b

    return appendix_b()["B1"][12]


@generator("C000-07.F13", SW_PAPER, "C000-07")
def fp_is_f13():
    F13 = _f13()
    ids = [[F_P[i][j], F13[i][j]] for i in range(4) for j in range(4)]
    return envelope2(
        "C000-07.F13", "C000-07", SW_PAPER, L285,
        "F_p of Sec. IV A (L269) equals F13 of App. B 1 (L580) entry by entry, row by row (the printed -(p-1)/p is "
        "(1-p)/p), as rational functions of p on (0, 1).",
        "identity", "verified", {"matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5); identities entry by entry, row by row"},
        {"mode": "polynomial", "identities": ids}, parameters={"p": "(0, 1)"})


def _e_matrix():
    """The coefficient of p(ab|xy) in the L281-283 expression, from the paper's correlator definitions
    <A_xy> = sum (-1)^a p(ab|xy), <B_xy> = sum (-1)^b p(ab|xy), <A_x B_y> = sum (-1)^(a+b) p(ab|xy)."""
    import sympy

    p = sympy.Symbol("p")
    terms = {k: sympy.sympify(v.replace("^", "**"), locals={"p": p}) for k, v in E_TERMS.items()}
    M = [[None] * 4 for _ in range(4)]
    for x in range(2):
        for y in range(2):
            for a in range(2):
                for b in range(2):
                    c = (terms.get(f"A@{x}{y}", 0) * (-1) ** a + terms.get(f"B@{x}{y}", 0) * (-1) ** b
                         + terms.get(f"A{x}B{y}", 0) * (-1) ** (a + b))
                    M[2 * x + a][2 * y + b] = str(sympy.factor(sympy.together(c))).replace("**", "^")
    return M


@generator("C000-07.correlator", SW_PAPER, "C000-07")
def fp_correlator_form():
    import sympy

    from ..kernel.functional import SW_SCENARIO
    from ..kernel.scenario import ns_rows

    E = _e_matrix()
    p = sympy.Symbol("p")
    rd = lambda t: sympy.sympify(t.replace("^", "**"), locals={"p": p})
    ns = ns_rows(SW_SCENARIO)
    nu = []
    for x in range(2):
        for y in range(2):
            d = {sympy.simplify(rd(E[2 * x + a][2 * y + b]) - 4 * rd(F_P[2 * x + a][2 * y + b]))
                 for a in range(2) for b in range(2)}
            if len(d) != 1:
                raise RuntimeError("C000-07: E - 4F_p is not constant on a context")
            nu.append(d.pop())
    # the kernel orders contexts as SW_SCENARIO.contexts
    order = [tuple(c) for c in SW_SCENARIO.contexts]
    nu_txt = [str(nu[2 * x + y]).replace("**", "^") for x, y in order]
    fourfp = [[{"0": "0", "1": "4", Q: f"4*{Q}", f"-{Q}": f"-4*{Q}"}[c] for c in row] for row in F_P]
    return envelope2(
        "C000-07.correlator", "C000-07", SW_PAPER, "Sec. IV A, L275-285",
        "The L281-283 expression <A01 - A00> + (1-p)/p <A11 - A10> + <B01 - B00> + (1-p)/p <B10 - B11> + "
        "<A0(B0+B1)> + (1-p)/p <A1(B0-B1)>, written as its Eq. (5) matrix E (coefficient of p(ab|xy): "
        "(-1)^a alpha_xy + (-1)^b beta_xy + (-1)^(a+b) gamma_xy with the paper's correlators <A_xy>, <B_xy>, "
        "<A_x B_y>), equals 4<P, F_p> - 2, so <P, F_p> <= 1 iff the expression is <= 2. The kernel decides "
        "E - 4F_p = sum_x nu_x S_x with every no-signalling multiplier 0, i.e. the identity on every normalised "
        "behaviour, signalling ones included (the kernel's statement names the non-signalling set, a subset).",
        "identity", "verified", SW_FORM,
        {"mode": "ns", "scenario": SW_SCENARIO.to_spec(), "functional": {"matrix": E},
         "other": {"matrix": fourfp}, "multipliers": {"ns": ["0"] * len(ns), "normalisation": nu_txt}},
        parameters={"p": "(0, 1)"})


@generator("C000-07.t_p", SW_PAPER, "C000-07")
def fp_restricted_t_p():
    from .sw_propositions import T_P_TERMS, _ns_identity

    cert = _ns_identity(
        "C000-07.t_p", "Sec. IV A, L285-291, Eq. (12)",
        "On behaviours with <A_x0> = <A_x1> (no signalling from Bob to Alice) the L281-283 expression is T_p of "
        "Eq. (12): the A-marginal terms cancel. Decided on every normalised non-signalling behaviour (the kernel's "
        "ns mode; the certificate's multipliers use only the B->A constraints p_A(a|x,1) - p_A(a|x,0)).",
        E_TERMS, T_P_TERMS, {"p": "(0, 1)"}, b_to_a_only=True)
    cert["claim"] = "C000-07"
    return cert


# ---------------------------------------------------------------------------------------------
# C000-14: Eq. (15) with p(11|00) (the printed "p(1|00)" is a typo), L331 and (F7)
W15 = [["0", "0", "0", "-(1-r)"], ["0", "-1", "0", "0"], ["0", "0", "0", "0"], ["-(1-p)", "0", "0", "(1-p)*(1-r)"]]


@generator("C000-14.eq15", SW_PAPER, "C000-14")
def eq15_corrected():
    from ..kernel.functional import SW_SCENARIO
    from ..kernel.scenario import ns_rows
    from .sw_propositions import G_PR

    ns = ns_rows(SW_SCENARIO)
    return envelope2(
        "C000-14.eq15", "C000-14", SW_PAPER, "Prop. 2, Eq. (15), L331; (F7)",
        "W_{p,r}(P) = <G_{p,r}, P> (G_{p,r} of Sec. IV B / App. B 3 item #5) equals 1 - p(11|00) - (1-r)p(01|01) - "
        "(1-p)p(10|10) + (1-p)(1-r)p(11|11) (the right-hand side written as its Eq. (5) matrix; the constant 1 is "
        "the normalisation of context (0,0)), for all p, r in [0, 1). The decided identity has every "
        "no-signalling multiplier 0, so it holds on every normalised behaviour, signalling ones included (the "
        "kernel's statement names the non-signalling set). Hence the term printed as \"p(1|00)\" in Eq. (15) is "
        "p(11|00), as in (F7): a typo (stated; the printed symbol has no meaning in the paper's notation).",
        "identity", "verified", SW_FORM,
        {"mode": "ns", "scenario": SW_SCENARIO.to_spec(), "functional": {"matrix": G_PR},
         "other": {"matrix": W15}, "multipliers": {"ns": ["0"] * len(ns), "normalisation": ["1", "0", "0", "0"]}},
        parameters={"p": "[0, 1)", "r": "[0, 1)"})


# ---------------------------------------------------------------------------------------------
# C004-22: the construction behind Props. 5/6 (L149): omega = pi, phi -> pi/2
C22_POINT = (Fraction(1, 4), Fraction(1, 2), Fraction(1))
C22_PARTS = {  # id suffix -> (terms, value, meaning)
    "key": ({"A0B0": "1"}, "1", "E00 = <A0B0> = 1: the outcomes at (x, y) = (0, 0) are perfectly correlated (key)"),
    "uniform.E01": ({"A0B1": "1"}, "0", "E01 = <A0B1> = 0"),
    "uniform.A0": ({"A0": "1"}, "0", "<A0> = 0"),
    "uniform.B1": ({"B1": "1"}, "0", "<B1> = 0"),
}


def _c22_value(suffix):
    terms, value, meaning = C22_PARTS[suffix]
    cid = f"C004-22.{suffix}"

    @generator(cid, WBC_PAPER, "C004-22")
    def make():
        from .wbc_family import KCONV, _kpoint, _params, strategy6

        trig, _point, _T = _kpoint(*C22_POINT)
        data = {"trig": trig, "scenario": WBC_SCENARIO.to_spec(), "functional": {"terms": terms},
                "strategy": strategy6(), "relation": "value", "paper": value}
        return envelope2(cid, "C004-22", WBC_PAPER, "L149 (construction of Props. 5, 6)",
                         f"Strategy (6) at (theta, phi, omega) = (1/4, 1/2, 1)*pi: {meaning}. The value involves only "
                         "A0 = sigma_X, B0 = cos(phi) X + sin(phi) Y and B1 = cos(omega) X + sin(omega) Y, so it is the "
                         "same for every theta (stated).", "strategy-value", "verified", KCONV, data,
                         parameters=_params(*C22_POINT))


for _s in C22_PARTS:
    _c22_value(_s)

C22_PREMISES = ["C004-22.key.json", "C004-22.uniform.E01.json", "C004-22.uniform.A0.json", "C004-22.uniform.B1.json",
                "C004-24.lower.json", "C004-24.upper.json", "C004-19.chsh.theta=1_4_phi=1_2_omega=1.json"]


@generator("C004-22", WBC_PAPER, "C004-22")
def c22_composite():
    return envelope2(
        "C004-22", "C004-22", WBC_PAPER, "L149",
        "Construction of Props. 5/6 (omega = pi, phi -> pi/2, vary theta): at the limit phi = pi/2 strategy (6) gives "
        "E00 = 1 (key from (0,0)), E01 = <A0> = <B1> = 0 so p(ab|01) = 1/4 (2 bits from (0,1)), and I_CHSH = 1 + "
        "cos(theta) + sin(theta), which lies in (2, 1 + sqrt 2] for theta in (0, pi/2), equals 1 + sqrt 2 at theta = pi/4 "
        "and tends to 2 as theta -> 0, so by continuity it takes every value in (2, 1 + sqrt 2].",
        "composite", "verified", {},
        {"rule": "all", "premises": C22_PREMISES,
         "stated": "strategy (6) at phi = pi/2, omega = pi has E = (1, 0, cos(theta), -sin(theta)) and zero marginals for "
                   "every theta (A1 enters only E10, E11); with t = tan(theta/2) in (0, 1) the C004-24 expression is "
                   "1 + cos(theta) + sin(theta); continuity in theta, its value 2 at theta = 0 and 1 + sqrt(2) at theta "
                   "= pi/4 give every CHSH value in (2, 1 + sqrt(2)]; for phi -> pi/2 (where (4) can hold) the "
                   "correlators tend to these, so H(A|X=Y=0,B) = H_bin((1 + sin(phi))/2) -> 0. The self-tests "
                   "(R^global = 2, H(A|X=0,E) = 1) are external and not decided"})


# ---------------------------------------------------------------------------------------------
# C002-14: pure entangled two-qubit states violate (10), so no A->B model reproduces them
CKBG_PAPER = "chaves-kueng-brask-gross"
EQ10 = {(0, 0): 1, (0, 2): -1, (1, 1): -1, (1, 2): 1, (2, 0): -1, (2, 1): 1}  # I_{A->B}, eq. (10)


@generator("C002-14.valid", CKBG_PAPER, "C002-14")
def eq10_valid_facet():
    from ..kernel.lp import named_model

    first: dict = {}
    for k, col in enumerate(named_model("a-to-b", 3, 3).columns()):
        first.setdefault(tuple(1 if o in (0, 3) else -1 for o in col), k)
    pts = list(first)  # the kernel's first-appearance order (as ckbg.a_to_b_facets)
    c = [EQ10.get((x, y), 0) for x in range(3) for y in range(3)]
    tight = [i for i, p in enumerate(pts) if sum(a * b for a, b in zip(c, p)) == 4]
    data = {"model": {"name": "a-to-b", "inputs": [3, 3]}, "support": [[first[p]] for p in pts],
            "classes": [{"tight": tight, "coefficients": [str(v) for v in c], "bound": "4"}], "complete": False}
    return envelope2(
        "C002-14.valid", "C002-14", CKBG_PAPER, "eq. (10), L363-365",
        "I_{A->B} = E00 - E02 - E11 + E12 - E20 + E21 <= 4 (eq. (10); the one listed class, coefficients E_xy in "
        "(x,y) lexicographic order) holds at every deterministic A->B point, hence on every A->B model, and is a "
        "facet of the A->B correlator polytope (48 facets in its orbit).",
        "classes", "verified", {"order": "correlators E_xy, contexts (x,y) lexicographic; point label: index of "
                                "the deterministic response function (mixed radix, kernel.lp.CausalModel)"}, data)


@generator("C002-14", CKBG_PAPER, "C002-14")
def two_qubit_consequence():
    return envelope2(
        "C002-14", "C002-14", CKBG_PAPER, "L371-377, L1686-1694",
        "For two qubits: every pure entangled state yields correlations that no A->B model (Alice's outcome "
        "communicated) reproduces: (10) holds on every A->B model (C002-14.valid) and is violated by "
        "sqrt(eps)|00> + sqrt(1-eps)|11> for every eps in (0, 1) (C002-13; Born rule at eps = 1/2, 1/5). "
        "Higher local dimensions (the paper's 'any pure entangled state'): not decided here; the statement is "
        "not refuted (it follows by the standard embedding: observables O_x (+) a_x 1 on the complement of a "
        "2-dimensional Schmidt block, with a local deterministic assignment reaching 4, give w I_2 + (1-w) 4 > 4), "
        "an argument the paper does not give.",
        "composite", "verified", {},
        {"rule": "all", "premises": ["C002-14.valid.json", "C002-13.json", "C002-13.born.eps=1_2.json",
                                     "C002-13.born.eps=1_5.json"],
         "stated": "the listed class of C002-14.valid is eq. (10) with bound 4, valid at every deterministic A->B "
                   "point and so (convexity) for every A->B model; the C002-13 expression is I_{A->B} of "
                   "sqrt(eps)|00> + sqrt(1-eps)|11> with X-Z-plane measurements theta^A = (0, pi, pi/2), theta^B = "
                   "(0, theta_1, -pi), tan(theta_1/2) = 2 eps(1-eps), so it exceeds 4 for every eps in (0, 1); "
                   "every pure entangled two-qubit state equals such a state up to local unitaries (Schmidt "
                   "decomposition), which map measurements to measurements; hence no A->B model reproduces its "
                   "correlations. Only two-qubit states are covered"})


# ---------------------------------------------------------------------------------------------
# C002-35: full-distribution closed forms vs Bell-value-only results (Theorem 1, L288-296; Fig. 2)

@generator("C002-35.gap.low", CKBG_PAPER, "C002-35")
def gap_low():
    from ..prover.api import inequality_certificate

    return inequality_certificate(
        "C002-35.gap.low", "C002-35", CKBG_PAPER, "L288-296, Fig. 2",
        "On the PR-I3322/white-noise family with I3322 = t, min C_{X->B} from the full distribution (t/2, C002-08) "
        "exceeds the Bell-value-only minimum 2t/5 (C002-09) for every t in (0, 5/7].",
        "t/2", ">", "2*t/5", {"t": "(0, 5/7]"})


@generator("C002-35.gap.high", CKBG_PAPER, "C002-35")
def gap_high():
    from ..prover.api import inequality_certificate

    return inequality_certificate(
        "C002-35.gap.high", "C002-35", CKBG_PAPER, "L288-296, Fig. 2",
        "On the PR-I3322/white-noise family with I3322 = t, min C_{X->B} from the full distribution (t/2, C002-08) "
        "exceeds the Bell-value-only minimum (3t-1)/4 (C002-09) for every t in [5/7, 1).",
        "t/2", ">", "(3*t - 1)/4", {"t": "[5/7, 1)"})


@generator("C002-35", CKBG_PAPER, "C002-35")
def full_distribution_contrast():
    return envelope2(
        "C002-35", "C002-35", CKBG_PAPER, "Theorem 1 and L288-296; Fig. 2",
        "The closed forms (6) apply to a whole distribution, not only to one Bell value, and this is strictly "
        "more informative, in the instances decided here: for the CHSH scenario min C_{X->B} = max[0, CHSH_1..8(p)] "
        "for every p in the local polytope and the 8 PR simplices (C002-02); on the 3322 family p_v = v PR + (1-v) "
        "white noise, whose I3322 value is t = 2v - 1 (values 1 and -1 at the ends, C002-10), the full "
        "distribution gives min C_{X->B} = t/2 (C002-08) while fixing only I3322 = t gives 2t/5 on [0, 5/7] and "
        "(3t-1)/4 on [5/7, 1] (C002-09), strictly smaller for every t in (0, 1) (C002-35.gap.*). Not decided: "
        "Theorem 1 for every LP (LP duality, C002-34), and the wording 'much more accurate description'.",
        "composite", "verified", {},
        {"rule": "all", "premises": ["C002-02.json", "C002-08.json", "C002-09.json", "C002-10.json",
                                     "C002-10.white-noise.json", "C002-35.gap.low.json", "C002-35.gap.high.json"],
         "stated": "I3322 is linear in p, so on p_v = v PR + (1-v) white noise it is v*1 + (1-v)*(-1) = 2v - 1 = t (the "
                   "C002-10 values; the C002-10 behaviour is the PR-type box of C002-08); substituting v = (1+t)/2 in "
                   "C002-08 gives min C_{X->B} = -1/2 + v = t/2 for t in [0, 1]; C002-09 is the Bell-value-only "
                   "minimum at I3322 = t; the gap certificates compare the two for t in (0, 1)"})


# ---------------------------------------------------------------------------------------------
# C004-14: the omega = pi subfamily: |psi> = (|+,y+> + |-,y->)/sqrt 2, sigma_X for both parties (L117)
KET_DEFS = [["pl0", "1"], ["pl1", "1"], ["mi0", "1"], ["mi1", "-1"],           # sqrt2 |+>, sqrt2 |->
            ["yp0r", "1"], ["yp0i", "0"], ["yp1r", "0"], ["yp1i", "1"],       # sqrt2 |y+> = (1, i)
            ["ym0r", "1"], ["ym0i", "0"], ["ym1r", "0"], ["ym1i", "-1"]]      # sqrt2 |y-> = (1, -i)
TARGET = {(0, 0): ("2", "0"), (0, 1): ("0", "0"), (1, 0): ("0", "0"), (1, 1): ("0", "2")}  # 2 (1, 0, 0, i)


@generator("C004-14.state", WBC_PAPER, "C004-14")
def omega_pi_state():
    ids = []
    for (a, b), (re, im) in TARGET.items():
        ids.append([f"pl{a}*yp{b}r + mi{a}*ym{b}r", re])
        ids.append([f"pl{a}*yp{b}i + mi{a}*ym{b}i", im])
    return envelope2(
        "C004-14.state", "C004-14", WBC_PAPER, "L117, Eq. (6)",
        "(|+,y+> + |-,y->)/sqrt 2 = (|00> + i|11>)/sqrt 2, the state of strategy (6): with the unnormalised kets "
        "sqrt2|+> = (pl0, pl1), sqrt2|-> = (mi0, mi1), sqrt2|y+-> = (1, +-i) (real and imaginary parts yp/ym..r, ..i), "
        "the components ab = 00, 01, 10, 11 of |+>|y+> + |->|y-> (times 2) are 2, 0, 0, 2i: real and imaginary part "
        "of each component, in that order.",
        "identity", "verified", {"kets": "components in the computational basis, first qubit Alice's"},
        {"mode": "polynomial", "definitions": KET_DEFS, "identities": ids}, parameters={})


@generator("C004-14", WBC_PAPER, "C004-14")
def omega_pi_self_test_pieces():
    return envelope2(
        "C004-14", "C004-14", WBC_PAPER, "L117",
        "The exact pieces of L117 for the omega = pi subfamily: strategy (6) has the state (|+,y+> + |-,y->)/sqrt 2 "
        "(C004-14.state), A0 = sigma_X and, at omega = pi, B1 = -sigma_X (sigma_X up to sign; the kernel computes "
        "cos(pi), sin(pi) in the C004-22.uniform.* strategies), and uniform statistics p(ab|01) = 1/4 (E01 = <A0> = "
        "<B1> = 0). Not decided: the self-test itself (uniqueness up to local isometries), an external theorem.",
        "composite", "verified", {},
        {"rule": "all", "premises": ["C004-14.state.json", "C004-22.uniform.E01.json", "C004-22.uniform.A0.json",
                                     "C004-22.uniform.B1.json"],
         "stated": "the C004-22.uniform.* strategies are strategy (6) at omega = pi (theta = pi/4, phi = pi/2 there); "
                   "A0 and B1 = cos(omega) X + sin(omega) Y do not depend on theta or phi, so E01, <A0>, <B1> are 0 "
                   "on the whole omega = pi subfamily and p(ab|01) = (1 + (-1)^a <A0> + (-1)^b <B1> + (-1)^(a+b) E01)/4 "
                   "= 1/4; the self-testing statement is external (the Supplemental Material, not in the seed)"})


# C000-14: the printed "p(1|00)" read as a marginal does not give <G_{p,r}, P> (refuted at deterministic points)
EQ15_READINGS = {  # reading -> (outcome (a, b) of the deterministic point, the printed Eq. (15) there)
    "alice": ((1, 0), "1 - (1 + 0) - (1-r)*0 - (1-p)*1 + (1-p)*(1-r)*0",
              "p(1|00) read as Alice's marginal p(10|00) + p(11|00)"),
    "bob": ((0, 1), "1 - (0 + 1) - (1-r)*1 - (1-p)*0 + (1-p)*(1-r)*0",
            "p(1|00) read as Bob's marginal p(01|00) + p(11|00)"),
}


def _eq15_reading(name):
    (a0, b0), printed, meaning = EQ15_READINGS[name]
    cid = f"C000-14.eq15.{name}-reading"

    @generator(cid, SW_PAPER, "C000-14")
    def make():
        from .sw_propositions import G_PR

        P = ["1" if (a, b) == (a0, b0) else "0" for _x in range(4) for a in (0, 1) for b in (0, 1)]
        return envelope2(
            cid, "C000-14", SW_PAPER, "Prop. 2, Eq. (15), L331",
            f"Eq. (15) as printed, with {meaning}, is not <G_{{p,r}}, P>: at the deterministic behaviour with "
            f"(a, b) = ({a0}, {b0}) for every (x, y) the printed right-hand side is {printed} while <G_{{p,r}}, P> "
            "differs, for all p, r in [0, 1) (C000-14.eq15 decides the reading with p(11|00)).",
            "strategy-value", "refuted", {**SW_FORM, "order": "inputs-major"},
            {"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "functional": {"matrix": G_PR},
             "strategy": {"behaviour": P}, "relation": "value", "paper": printed},
            parameters={"p": "[0, 1)", "r": "[0, 1)"})


for _r in EQ15_READINGS:
    _eq15_reading(_r)


# ---------------------------------------------------------------------------------------------
# C004-04: the correlators of strategy (6) are E_xy = sin(alpha_x + beta_y) for all angles (Born rule)
def _re(z, w):
    return f"({z}r*{w}r - {z}i*{w}i)"


def _im(z, w):
    return f"({z}r*{w}i + {z}i*{w}r)"


# psi ~ (1, 0, 0, i): conj(psi_00) = 1, conj(psi_11) = -i, so sum_{jk,lm} conj(psi_jk) M_jl N_km psi_lm
# = M00 N00 + i M01 N01 - i M10 N10 + M11 N11 (the terms with a zero component of psi vanish)
BORN_IDENTITIES = [
    [f"{_re('ma00', 'nb00')} - {_im('ma01', 'nb01')} + {_im('ma10', 'nb10')} + {_re('ma11', 'nb11')}",
     "2*(s_a*c_b + c_a*s_b)"],
    [f"{_im('ma00', 'nb00')} + {_re('ma01', 'nb01')} - {_re('ma10', 'nb10')} + {_im('ma11', 'nb11')}", "0"]]
BORN_DEFS = [[f"{X}{j}{l}{p}", v] for X, (c, s) in (("ma", ("c_a", "s_a")), ("nb", ("c_b", "s_b")))
             for (j, l), (re, im) in {(0, 0): ("0", "0"), (0, 1): (c, f"-{s}"), (1, 0): (c, s),
                                      (1, 1): ("0", "0")}.items()
             for p, v in (("r", re), ("i", im))]


@generator("C004-04", WBC_PAPER, "C004-04")
def strategy6_correlators():
    return envelope2(
        "C004-04", "C004-04", WBC_PAPER, "Eq. (6), L107-109 (derived)",
        "For psi ~ (1, 0, 0, i) = |00> + i|11> (unnormalised: <psi|psi> = 2) and the planar observables M = cos(a) X + "
        "sin(a) Y, N = cos(b) X + sin(b) Y (entries ma_jl of M, nb_km of N: real parts ..r, imaginary parts ..i; "
        "ma_01 = c_a - i s_a, ma_10 = c_a + i s_a), the Born rule sum_{jk,lm} conj(psi_jk) M_jl N_km psi_lm = "
        "M00 N00 + i M01 N01 - i M10 N10 + M11 N11 (conj(psi_00) = 1, conj(psi_11) = -i, other terms vanish) has real "
        "part 2(s_a c_b + c_a s_b) = 2 sin(a + b) and imaginary part 0, for all angles a, b (polynomial identities). "
        "So <M x N> = sin(a + b), and strategy (6) (A_x at angles alpha = (0, theta), B_y at beta = (phi, omega)) has "
        "E_xy = sin(alpha_x + beta_y).",
        "identity", "verified", {"born": "E = <psi|M (x) N|psi>/<psi|psi>; index jk: j Alice's qubit, k Bob's"},
        {"mode": "polynomial", "circle": [["c_a", "s_a"], ["c_b", "s_b"]], "definitions": BORN_DEFS,
         "identities": BORN_IDENTITIES},
        parameters={"c_a": "[-1, 1]", "s_a": "[-1, 1]", "c_b": "[-1, 1]", "s_b": "[-1, 1]"})
