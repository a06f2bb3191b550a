"""Liu–Chiribella App. D and App. G (issue #17 point 1): C001-32, the characterisation of bipartite
bistochastic supermaps, Eqs. (72)–(78), per dimension (kernel kind ``identity``, mode
"bistochastic-supermap": the kernel builds Π_A, Π_B and every condition from the dimensions), and
C001-38, Eq. (98) Σ_k P_k ρ P_k = 2^{-n} Σ_l U_l ρ U_l† for given projective measurements (mode
"pinching": the kernel builds U_l = Σ_k s_k P_k). Nothing here is trusted.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..certificates.format import envelope2
from ..kernel.gaussian import Gaussian, gaussian_text
from . import generator

PAPER = "liu-chiribella"
SYSTEMS = ("A_I", "A_O", "B_I", "B_O", "C_I", "C_O")

# id suffix: (d_A, d_B, d_C_I, d_C_O, what the case is)
SUPERMAP_CASES = {
    "qubits": (2, 2, 2, 2, "every system a qubit"),
    "qutrits": (3, 3, 3, 3, "every system a qutrit"),
    "methods-qubits": (2, 2, 1, 1, "qubit parties, C_I and C_O trivial (the Methods case, Eq. (12))"),
    "methods-qutrits": (3, 3, 1, 1, "qutrit parties, C_I and C_O trivial (the Methods case, Eq. (12))"),
    "unequal": (2, 3, 2, 3, "unequal dimensions: d_A = 2, d_B = 3, d_C_I = 2, d_C_O = 3"),
}

for _key, _case in SUPERMAP_CASES.items():
    def _make(key=_key, case=_case):
        dA, dB, dCI, dCO, what = case
        dims = dict(zip(SYSTEMS, (dA, dA, dB, dB, dCI, dCO)))
        return envelope2(
            f"C001-32.{key}", "C001-32", PAPER, "App. D Eqs. (71)-(78) (Methods Eq. (12))",
            f"Per dimension ({what}): Pi_A(M) = _[1 - A_I - A_O + 2 A_I A_O] M (73) is the orthogonal projection "
            "onto the span of bistochastic Choi operators (72), likewise Pi_B (74), and the normalisation (75) "
            "is equivalent to Tr S = d_A d_B d_C_I (76) with (77), and to (76) with the four commuting-projection "
            "conditions (78). The kernel builds every map from the dimensions and a spanning set of bistochastic "
            "Choi operators; (71) <=> (75) then follows by linearity (stated) and the general-d statement is not "
            "decided.",
            "identity", "verified", {}, {"mode": "bistochastic-supermap", "dims": dims})

    generator(f"C001-32.{_key}", PAPER, "C001-32")(_make)


def _text(M) -> list:
    return [[gaussian_text(z) for z in row] for row in M]


def _rank_one(v) -> list:
    """|v><v| for a unit vector v of Gaussian rationals."""
    return [[a * b.conj() for b in v] for a in v]


def _basis(d: int) -> list:
    return [[Gaussian(int(i == k)) for i in range(d)] for k in range(d)]


_H = Fraction(1, 2)
_T = Fraction(1, 3)
# id suffix: (d, projectors, what they are)
PINCHING_CASES = {
    "n=1": (2, [[[Gaussian(int(i == j)) for j in range(2)] for i in range(2)]],
            "the trivial measurement P_1 = 1 on a qubit"),
    "n=2": (2, [_rank_one(v) for v in _basis(2)], "the qubit computational basis"),
    "n=2.y-basis": (2, [[[Gaussian(_H), Gaussian(0, -s * _H)], [Gaussian(0, s * _H), Gaussian(_H)]] for s in (1, -1)],
                    "the qubit basis (|0> +- i|1>)/sqrt(2) (complex projectors)"),
    "n=2.rank-2": (3, [[[Gaussian(int(i == j and i < 2)) for j in range(3)] for i in range(3)],
                       _rank_one(_basis(3)[2])], "a rank-2 and a rank-1 projector on a qutrit"),
    "n=3": (3, [_rank_one(v) for v in _basis(3)], "the qutrit computational basis (the canonical instruments)"),
    "n=3.rotated": (3, [_rank_one([Gaussian(x * _T) for x in v]) for v in ((1, 2, 2), (2, 1, -2), (2, -2, 1))],
                    "the rational qutrit basis (1, 2, 2)/3, (2, 1, -2)/3, (2, -2, 1)/3"),
}

for _key, _case in PINCHING_CASES.items():
    def _make(key=_key, case=_case):
        d, P, what = case
        n = len(P)
        return envelope2(
            f"C001-38.{key}", "C001-38", PAPER, "App. G Eq. (98) (Methods Theorem 2)",
            f"Eq. (98) for {what}: sum_k P_k rho P_k = 2^-n sum_l U_l rho U_l^dagger for every rho, with the 2^n "
            "unitaries U_l = sum_k s_k P_k, s in {+1, -1}^n (Watrous Prop. 4.6), built by the kernel from the "
            "projectors. Theorem 2 itself and Eq. (98) for every projective measurement are not decided.",
            "identity", "verified", {},
            {"mode": "pinching", "dim": d, "projectors": [_text(M) for M in P],
             "signs": [list(s) for s in product((1, -1), repeat=n)]})

    generator(f"C001-38.{_key}", PAPER, "C001-38")(_make)
