"""SDP-relaxation certificates for Sainz et al. (C003-12c, C003-10.relaxation): numeric dual via cvxpy,
rounded over Q(i) with a common denominator, repaired exactly, re-decided by the kernel kind ``assemblage-dual``.
If the exact PSD test of the rounded dual fails, the certificate is emitted as numeric-only."""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope2
from ..kernel.gaussian import herm_psd
from ..steering import matrices as mx
from ..steering.assemblage import eq6_intended, pr_assemblage
from ..steering.dual import word_text
from . import generator
from .shsa import CONV, PAPER

DUAL_CONV = dict(CONV, level="words of length <= level in Alice's projectors P_x, no equal neighbours, shortest first",
                 relaxation="T2 of the claims catalogue: H^y[(S,i),(T,j)] = Gamma^y_{red(S^dagger T)}[j][i] "
                                  "(transposed blocks), Gamma^y_empty = rho_B^y, Gamma^y_{P_x} = sigma[0|x,y], "
                                  "tr Gamma^0_w = tr Gamma^y_w",
                 noise="white noise N[a|xy] = 1/(2d) (visibility model v*sigma + (1-v)*N)",
                 words="Alice's projectors P_x = M[0|x]; word '0,1' = P_0 P_1; Z indexed word-major then Bob index")


def dual_certificate_data(A, formula, level, delta=1e-6, den=2**28, lower=None):
    from ..steering.relaxation import exact_values, round_dual, solve_dual

    sol = solve_dual(A, level, delta=delta)
    Zs, lambdas, ws = round_dual(A, sol, den)
    fA, fN, Cs = exact_values(A, Zs, lambdas, ws)
    psd = all(herm_psd(Z).psd for Z in Zs)
    data = {"assemblage": A.to_spec(), "level": level,
            "Z": [mx.matrix_text(Z) for Z in Zs],
            "lambda": [[[word_text(w), z.to_text()] for w, z in sorted(L.items(), key=lambda kv: (len(kv[0]), kv[0]))]
                       for L in lambdas],
            "paper": "post-quantum"}
    if lower is not None:
        data["lower"] = lower
    ok = psd and fA.re < 0
    return data, ok, sol["value"], fN.re / (fN.re - fA.re)


def eq6_lower_realisation():
    """v = 1/3: Pauli measurements on Φ+, E_0 = depolarising (shrink 1/3), E_1 = (𝟙 tr + ·ᵀ)/3 = (·+X·X+Z·Z)/3."""
    from .shsa import phi_plus_pauli
    from ..steering.realisation import Channel

    _, R = phi_plus_pauli()
    P = mx.PAULI
    dep = Channel([(Fraction(1, 2), mx.identity(2))] + [(Fraction(1, 6), P[k]) for k in range(3)])
    wh = Channel([(Fraction(1, 3), mx.identity(2)), (Fraction(1, 3), P[0]), (Fraction(1, 3), P[2])])
    R.channels = [dep, wh]
    R.validate()
    A = eq6_intended(0)
    assert R.assemblage("bob-with-input").blocks == A.mix(Fraction(1, 3)).blocks
    return {"visibility": "1/3", "realisation": R.to_spec()}


@generator("C003-12c", PAPER, "C003-12")
def c003_12c():
    A = eq6_intended(0)
    data, ok, numeric, vb = dual_certificate_data(A, "sainz-eq6-intended", 2, lower=eq6_lower_realisation())
    conv = dict(DUAL_CONV, reading="Eq. (6) intended (see C003-12a)")
    return envelope2(
        "C003-12c", "C003-12", PAPER, "Theorem 2, Eq. (6), L102-L112 (post-quantumness; SM proofs not in the seed)",
        "Eq. (6) (intended reading) is not a quantum Bob-with-input assemblage. Exact dual certificate of the level-2 "
        f"outer relaxation (numeric optimum {numeric:.6f}): every quantum v*sigma + (1-v)*noise has v <= "
        f"{float(vb):.6f}; v = 1/3 is quantum (exact realisation).",
        "assemblage-dual", "verified" if ok else "numeric-only", conv, data)


@generator("C003-10.relaxation", PAPER, "C003-10")
def c003_10_relaxation():
    A = pr_assemblage()
    data, ok, numeric, vb = dual_certificate_data(A, "sainz-eq5", 1)
    return envelope2(
        "C003-10.relaxation", "C003-10", PAPER, "L98 (proof of Theorem 1), independent check",
        "Assemblage (5) is not in Q_BWI, independently of the PR-box argument: exact dual certificate of the level-1 "
        f"relaxation; every quantum noisy version has visibility <= {float(vb):.6f} (1/sqrt 2 = 0.707107).",
        "assemblage-dual", "verified" if ok else "numeric-only", DUAL_CONV, data)
