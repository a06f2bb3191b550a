"""Liu–Chiribella (arXiv:2403.02749): refutations of printed dual objects (C001-11, C001-12, C001-13).

Kind ``psd-dual``, form ``refute``: the file carries the printed operator (label blocks) and a witness
vector; the kernel builds Ω(F) of the trigger itself. Untrusted producer side.

* C001-12: Lemma 1's printed C = Ω₍₃₃₎ + Σ_kl |Ψ_kl⟩⟨Ψ_kl| (Eqs. (32)-(33)) does not dominate the canonical
  Ω of the piece (31) (erratum E1): in label block (x*, 2b*+1) the Ψ terms vanish and Ω₍₃₃₎ − Ω has
  Alice's factor (α/2)(|00⟩⟨11| + |11⟩⟨00|), so v = (|00⟩ − |11⟩)_A ⊗ |x*x*⟩_B gives vᵀ(C − Ω)v = −α.
* C001-13: for α < 0 the printed C is not positive (erratum E7): in label block (1 − x*, 2b*+1) C = Ω =
  (α/2)|I⟩⟩⟨⟨I| ⊗ |x1 x1⟩⟨x1 x1|, so v = |I⟩⟩ ⊗ |x1 x1⟩ gives vᵀCv = 2α.
* C001-11: with D_max(A‖S) := max_B D_max(A‖B) as printed (erratum E2), a no-signalling channel B whose
  Choi operator has v in its kernel with vᵀΩv > 0 makes D_max(Ω‖B) = +∞, so Eq. (3) would give +∞ for
  LGYNI, whose ICO value is ≈ 0.8194 (C001-20; the intended min).
"""
from __future__ import annotations

from fractions import Fraction

from ..causal import inequalities as iq
from ..certificates.format import envelope2
from ..kernel.process import omega_blocks
from . import generator
from .liu_chiribella import PAPER, _coeff_list, _field_for, _t

CONV = {"form": "probability", "order": "inputs-major", "settings": "OCB: Bob's setting x2 = 2*b + c",
        "canonical_space": "party i: in_i = C^m, out_i = copy_i (x) label_i; label blocks on (in1, copy1, in2, "
                           "copy2), index 8*in1 + 4*copy1 + 2*in2 + copy2",
        "refute": "the file gives the printed operator and a witness v; the kernel builds Omega(F) of the trigger"}


def printed_c(al: Fraction, xs: int, bs: int):
    """(label blocks {x: {(r, c): value}} of Lemma 1's C as printed, field spec, one): Ω of Eq. (33) plus
    Σ_kl |Ψ_kl⟩⟨Ψ_kl| with Ψ_kl = Σ_ij c_ijkl |i,i⟩|k⟩|j,j⟩|l,0⟩ (Eq. 32), not twirled."""
    spec, r, one = _field_for(al)
    sc = iq.OCB_SCENARIO
    C = {x: {} for x in sc.contexts}

    def put(x, p, q, v):
        C[x][(p, q)] = C[x].get((p, q), 0 * one) + v

    def idx(a_in, a_copy, b_in, b_copy):
        return 8 * a_in + 4 * a_copy + 2 * b_in + b_copy
    half = one / 2
    for b in (0, 1):  # (1/2)|bb><bb|_A (x) |x*><x*| (x) |I>><<I|_B (x) |b><b| (x) |0><0|
        for j in (0, 1):
            for jj in (0, 1):
                put((xs, 2 * b), idx(b, b, j, j), idx(b, b, jj, jj), half)
    for x1 in (0, 1):  # (a/2)|I>><<I|_A (x) |x1><x1| (x) |x1 x1><x1 x1|_B (x) |b*><b*| (x) |1><1|
        for i in (0, 1):
            for ii in (0, 1):
                put((x1, 2 * bs + 1), idx(i, i, x1, x1), idx(ii, ii, x1, x1), al * half)
    for k in (0, 1):
        for l in (0, 1):
            u = {idx(i, i, j, j): one - (-1) ** (i + l) * one / r - (-1) ** (j + k) * al * one / r
                 for i in (0, 1) for j in (0, 1)}
            for p, up in u.items():
                for q, uq in u.items():
                    put((k, 2 * l), p, q, r * up * uq / 16)
    return C, spec, one


def _refutation(id_, claim, location, summary, al, xs, bs, kind_claim, context, vector):
    C, spec, one = printed_c(al, xs, bs)
    sc, alpha = iq.ocb_piece(al * one if spec else al, xs, bs)
    data = {"field": spec} if spec else {}
    data.update({"scenario": sc.to_spec(), "functional": {"coefficients": _coeff_list(sc, alpha)},
                 "refute": {"claim": kind_claim, "trigger": [xs, 2 * bs + 1],
                            "operator": [[[_t(C[x].get((p, q), 0)) for q in range(16)] for p in range(16)]
                                         for x in sc.contexts],
                            "witness": {"context": list(context), "vector": [_t(Fraction(c)) for c in vector]}}})
    return envelope2(id_, claim, PAPER, location, summary, "psd-dual", "refuted", CONV, data,
                     parameters={"a": _t(al), "x_star": str(xs), "b_star": str(bs)})


def _unit(n, entries):
    v = [0] * n
    for i, c in entries.items():
        v[i] = c
    return v


@generator("C001-12.printed", PAPER, "C001-12")
def lemma1_printed():
    al, xs, bs = Fraction(1), 0, 1  # v = (|00> - |11>)_A (x) |x* x*>_B in block (x*, 2b*+1)
    v = _unit(16, {0 * 8 + 0 * 4 + xs * 2 + xs: 1, 8 + 4 + xs * 2 + xs: -1})
    return _refutation(
        "C001-12.printed", "C001-12", "App. B Lemma 1, Eqs. (31)-(33)",
        "Lemma 1's certificate as printed (C = Omega(33) + sum |Psi_kl><Psi_kl|, Eqs. (32)-(33)) is not a dual "
        "certificate for the piece (31): it does not dominate the canonical Omega of Eqs. (19)-(21) (erratum E1); "
        "here a = 1, x* = 0, b* = 1. The bound itself holds (C001-12 instances, twirled certificate).",
        al, xs, bs, "W >= Omega", (xs, 2 * bs + 1), v)


@generator("C001-13", PAPER, "C001-13")
def lemma1_not_positive():
    al, xs, bs = Fraction(-1), 0, 1  # v = |I>>_A (x) |x1 x1>_B in block (x1, 2b*+1), x1 = 1 - x*
    x1 = 1 - xs
    v = _unit(16, {0 + x1 * 2 + x1: 1, 8 + 4 + x1 * 2 + x1: 1})
    return _refutation(
        "C001-13", "C001-13", "App. B Lemma 1 (wording)",
        "Lemma 1 calls C a positive operator (eta times a no-signalling Choi operator); for a < 0 it is not PSD "
        "(erratum E7): in the label blocks with c = 1 the Psi terms vanish and C = Omega = a x (a PSD operator); "
        "here a = -1, x* = 0, b* = 1.",
        al, xs, bs, "W >= 0", (x1, 2 * bs + 1), v)


@generator("C001-11", PAPER, "C001-11")
def dmax_printed_max():
    sc, F = iq.lgyni()
    trig = (1, 1)
    om = omega_blocks(sc, F, trig)
    # B: each party discards its input and prepares |0>_copy |0>_label; Choi = 1_in (x) |00><00|_out, block (0, 0)
    B = {x: [[0] * 16 for _ in range(16)] for x in sc.contexts}
    for a_in in (0, 1):
        for b_in in (0, 1):
            B[(0, 0)][8 * a_in + 2 * b_in][8 * a_in + 2 * b_in] = 1
    x = (1, 1)  # B vanishes on this block; a diagonal entry of Omega there is positive
    i = next(k for k in range(16) if om[x][k][k] > 0)
    data = {"scenario": sc.to_spec(), "functional": {"coefficients": _coeff_list(sc, F)},
            "refute": {"claim": "Dmax max", "trigger": list(trig),
                       "operator": [[[_t(Fraction(e)) for e in row] for row in B[y]] for y in sc.contexts],
                       "witness": {"context": list(x), "vector": [str(c) for c in _unit(16, {i: 1})]}}}
    return envelope2(
        "C001-11", "C001-11", PAPER, "Sec. II (l.61), Eq. (3)",
        "Eq. (3) with D_max(A||S) := max over B in S of D_max(A||B) as printed (erratum E2) is +infinity for LGYNI: "
        "a no-signalling channel B (each party prepares |0>) has a kernel vector v with v^T Omega v > 0. The "
        "intended min equals the ICO value (C001-20: 0.8194 to 4 digits).",
        "psd-dual", "refuted", CONV, data)
