"""Claims left uncovered by the earlier generators (issue #17), decided with the existing kinds:

* C000-10.lambda.*   App. F, L1008: "1/lambda^2 = (1-p)/(3p-1) in (1, 3)" for p in (2/5, 1) (kind inequality):
                     the upper end holds on the whole range, the lower end fails for p > 1/2 (refuted at
                     p = 3/4), and holds on (2/5, 1/2).
* C004-03            Eq. (2) as printed equals the coefficient form F1' (kind identity, mode nc).
* C004-13            omega = pi in Eq. (2) gives the L124 subfamily, condition (4) becomes
                     cos(theta+phi) cos(phi) cos(theta) < 0 (kind identity, mode nc).
* C004-02            the local polytope of the CHSH scenario has exactly 24 facets in 2 classes
                     (16 positivity + 8 CHSH), complete list (kind classes).
"""
from __future__ import annotations

from ..certificates.format import envelope2
from . import generator
from .sw_propositions import PAPER as SW_PAPER, _inequality as _sw_inequality
from .wbc_family import ALL_ANGLES, ANGLE_DEFS, CIRCLE_PARAMS, CIRCLES, EQ2_OP, PAPER as WBC_PAPER
from ..quantum.wbc import SCENARIO as WBC_SCENARIO

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
    from fractions import Fraction

    from ..polytopes.models import named_signaling
    from .sw_polytopes import classes_data, kernel_verdict, SW

    M = named_signaling("two-way-symmetric", p=Fraction(1, 2))
    data = classes_data(M)
    table = sorted(data["classes"], key=lambda c: -c["orbit"])
    classes = [{"tight": list(c["tight"]), "coefficients": [str(x) for x in c["coefficients"]],
                "bound": str(c["bound"])} for c in table]
    # the positivity class written as -p(11|00) <= 0 (the producer's form is p(00|00)+p(01|00)+p(10|00) <= 1,
    # the same inequality on normalised points; the kernel re-decides validity and the tight set)
    if table[0]["orbit"] != 16 or table[1]["orbit"] != 8:
        raise RuntimeError("C004-02: expected a 16-class and an 8-class")
    classes[0]["coefficients"] = ["-1" if i == 5 else "0" for i in range(16)]
    classes[0]["bound"] = "0"
    body = {"model": {"name": "signaling", "fidelities": {"p": "1/2", "q": "1/2", "r": "1/2", "s": "1/2"}},
            "support": [list(x) for x in data["support"]], "classes": classes, "complete": True, "paper": 2}
    return kernel_verdict(envelope2(
        "C004-02", "C004-02", WBC_PAPER, "footnote [46], L218",
        "The local polytope of the CHSH scenario (2 inputs, 2 outputs per party) has exactly 24 facets: 16 "
        "positivity facets p(ab|xy) >= 0 (one class) and the 8 CHSH-type inequalities (one class, equivalent to "
        "I_CHSH <= 2 up to relabelling). Model: S_(1/2,1/2),(1/2,1/2) of Sengupta-Wooltorton Eq. (9), both channels "
        "fully depolarising, whose convex hull is spanned by the 16 deterministic local points (the support); the "
        "listed classes (a positivity representative, 16 facets, and a CHSH representative, 8 facets) are decided "
        "facets and the list is decided complete. Stated, not decided: positivity facets hold for every quantum "
        "behaviour, so only the CHSH-type facets separate local from quantum correlations.",
        "classes", "verified", {"labels": SW["labels"]}, body))
