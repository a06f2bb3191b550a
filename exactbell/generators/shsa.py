"""Certificates for Sainz–Hoban–Skrzypczyk–Aolita, "Bipartite post-quantum steering in generalised
scenarios" (claims C003-xx). Exact constructions only (the SDP generator is in shsa_sdp.py)."""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope2
from ..steering import matrices as mx
from ..steering.assemblage import eq6_intended, eq6_literal, pr_assemblage
from . import generator

PAPER = "sainz-hoban-skrzypczyk-aolita"
CONV = {
    "indices": "labels from 0; BWI blocks[y][x][a], traditional/instrumental blocks[x][a]",
    "matrices": "M[row][col] = <row|M|col> in the computational basis; complex entries as text in i",
    "tensor": "alice-first",
    "steered": "sigma[a|x] = tr_A[(M[a|x] (x) 1) rho]; Alice's factor first: |a>|b> has index a*d_B + b",
    "paulis": "x = 0,1,2 <-> X,Y,Z (the paper's sigma_1, sigma_2, sigma_3)",
}
MEAS_CONV = {"order": "inputs-major", "form": "correlator", "marginals": "uniform-average",
             "observables": "A_x = M_{0|x} - M_{1|x} (outcome a contributes (-1)^a)"}
KIND = "assemblage"
SQRT6 = {"generator": "s", "minpoly": "s^2 - 6", "interval": ["2", "3"]}


def cert(id_, claim, location, summary, data, expected="verified", conv=None):
    return envelope2(id_, claim, PAPER, location, summary, KIND, expected, dict(CONV, **(conv or {})), data)


def computational_povm():
    Z0 = [[mx.ONE, mx.ZERO], [mx.ZERO, mx.ZERO]]
    Z1 = [[mx.ZERO, mx.ZERO], [mx.ZERO, mx.ONE]]
    return [Z0, Z1]


def _field(spec):
    from ..kernel.algebraic import NumberField

    return NumberField.from_spec(spec)


def c003_17_objects():
    """τ, its GHJW realisation and Bob's channels for the instrumental example (Eq. (6), y = a)."""
    from ..kernel.gaussian import Gaussian
    from ..steering.assemblage import Assemblage, eq6_postselected
    from ..steering.realisation import Channel, ghjw

    F = _field(SQRT6)
    target = eq6_postselected()
    third = Fraction(1, 3)
    rho_b = mx.scale(Fraction(1, 2), mx.add(mx.identity(2), mx.scale(third, mx.add(
        mx.sub(mx.PAULI[0], mx.PAULI[1]), mx.PAULI[2]))))
    blocks = {}
    for x in range(3):
        s0 = target.block(0, x)
        blocks[(0, x, 0)] = s0
        blocks[(0, x, 1)] = mx.sub(rho_b, s0)
    tau = Assemblage("traditional", 2, 3, 2, 1, blocks, F)
    R, K = ghjw(tau, F)
    V = [[Gaussian(1, 1), Gaussian(0, -1)], [Gaussian(0, -1), Gaussian(1, -1)]]  # √3·U
    R.channels = [Channel([(Fraction(1), mx.identity(2))]), Channel([(third, V)])]
    R.validate()
    return F, target, tau, R, K


def phi_plus_pauli():
    """Traditional assemblage of Pauli measurements on Φ+: σ_{a|x} = ¼(𝟙 + (−1)^a σ_xᵀ), and its realisation."""
    from ..steering.assemblage import Assemblage, pauli_block
    from ..steering.realisation import Realisation

    half = Fraction(1, 2)
    phi = [half if (i in (0, 3) and j in (0, 3)) else 0 for i in range(4) for j in range(4)]
    state = [[mx.ONE * phi[4 * i + j] for j in range(4)] for i in range(4)]
    povms = [[mx.scale(Fraction(2), pauli_block((-1) ** a, x)) for a in range(2)] for x in range(3)]
    blocks = {(0, x, a): mx.transpose(pauli_block((-1) ** a, x)) for x in range(3) for a in range(2)}
    return Assemblage("traditional", 2, 3, 2, 1, blocks), Realisation(2, 2, state, povms)


def damped_bwi():
    from ..steering.realisation import Channel

    _, R = phi_plus_pauli()
    damp = Channel([(Fraction(1), [[mx.ONE, mx.ZERO], [mx.ZERO, mx.ONE * Fraction(1, 2)]]),
                    (Fraction(3, 4), [[mx.ZERO, mx.ONE], [mx.ZERO, mx.ZERO]])])
    R.channels = [Channel([(Fraction(1), mx.identity(2))]), damp]
    R.validate()
    return R, R.assemblage("bob-with-input")


def _frame_signs(A):
    """s[a][x] with σ_{a|x} = ¼(𝟙 + s σ_x), or None."""
    from ..steering.assemblage import pauli_block

    s = [[None] * A.nx for _ in range(A.na)]
    for a in range(A.na):
        for x in range(A.nx):
            for sign in (1, -1):
                if A.block(a, x) == pauli_block(sign, x):
                    s[a][x] = sign
            if s[a][x] is None:
                return None
    return s


def pauli_frame_realisation(A, field_spec=SQRT6):
    """Exact quantum realisation of an instrumental assemblage σ_{a|x} = ¼(𝟙 + s_{a,x} σ_x), x = X,Y,Z, a = 0,1.

    E_0 = id; τ_{0|x} = σ_{0|x}, ρ_B = ½(𝟙 + c·σ) with c = t·s_0, t ∈ {1/3, 0} (the two values making every
    τ_{1|x} = ρ_B − σ_{0|x} a rank-one PSD matrix); the two choices give Bloch frames of opposite handedness,
    so one of them is carried onto the target frame of a = 1 by a proper rotation R, implemented by
    E_1 = Ad_U with U ∝ q_0 𝟙 − i q·σ (unnormalised rational quaternion, weight 1/|q|²)."""
    from ..kernel.gaussian import Gaussian
    from ..steering.assemblage import Assemblage, same_blocks
    from ..steering.realisation import Channel, ghjw

    s = _frame_signs(A)
    if s is None or A.type != "instrumental" or A.nx != 3 or A.na != 2:
        raise ValueError("not a Pauli-frame instrumental assemblage")
    F = _field(field_spec)
    for t in (Fraction(1, 3), Fraction(0)):
        c = [t * s[0][x] for x in range(3)]
        frame = [[(2 * c[j] - (s[0][x] if j == x else 0)) for j in range(3)] for x in range(3)]  # rows: vectors
        target = [[(s[1][x] if j == x else 0) for j in range(3)] for x in range(3)]
        # R with R·frame_x = target_x: R = T^T F (frame orthonormal rows)
        R = [[sum(target[x][i] * frame[x][j] for x in range(3)) for j in range(3)] for i in range(3)]
        det = (R[0][0] * (R[1][1] * R[2][2] - R[1][2] * R[2][1]) - R[0][1] * (R[1][0] * R[2][2] - R[1][2] * R[2][0])
               + R[0][2] * (R[1][0] * R[2][1] - R[1][1] * R[2][0]))
        if det != 1:
            continue
        rho_b = mx.scale(Fraction(1, 2), mx.identity(2))
        for j in range(3):
            rho_b = mx.add(rho_b, mx.scale(c[j] / 2, mx.PAULI[j]))
        blocks = {}
        for x in range(3):
            blocks[(0, x, 0)] = A.block(0, x)
            blocks[(0, x, 1)] = mx.sub(rho_b, A.block(0, x))
        tau = Assemblage("traditional", 2, 3, 2, 1, blocks, F)
        if t == 0:
            half = mx.ONE * Fraction(1, 2)
            Rz, K = ghjw(tau, F, K=[[half, half], [half, -half]])
        else:
            Rz, K = ghjw(tau, F)
        tr = R[0][0] + R[1][1] + R[2][2]
        candidates = []
        if tr != -1:
            q = [1 + tr, R[2][1] - R[1][2], R[0][2] - R[2][0], R[1][0] - R[0][1]]
            candidates += [q, [q[0], -q[1], -q[2], -q[3]]]
        for k in range(3):  # rotations by pi: quaternion from a column of R + 1
            col = [R[i][k] + (1 if i == k else 0) for i in range(3)]
            candidates.append([0] + col)
        for q in candidates:
            if not any(q):
                continue
            U = mx.identity(2)
            U = mx.scale(q[0], U)
            for j in range(3):
                U = mx.sub(U, mx.scale(Gaussian(0, q[j + 1]), mx.PAULI[j]))
            w = 1 / sum(Fraction(v) * v for v in q)
            Rz.channels = [Channel([(Fraction(1), mx.identity(2))]), Channel([(w, U)])]
            try:
                Rz.validate()
            except ValueError:
                continue
            if same_blocks(Rz.assemblage("instrumental"), A):
                return F, tau, Rz, K
    raise ValueError("no proper rotation found (should not happen)")

# -- data builders ------------------------------------------------------------------------------------
REAL_CONV = {"channels": "weighted Kraus: E(X) = sum_k w_k K_k X K_k^dagger, w_k >= 0",
             "ghjw": "|psi> = sum_j |j>_A (x) K|j>_B with K K^dagger = rho_B; M[a|x] = (K^-1 tau[a|x] K^-dagger)^T"}
MAP_CONV = {"choi": "blocks", "choi_matrix": "J = sum_ij |i><j| (x) Lambda(|i><j|); Lambda(X) = sum_ij X_ij Lambda(E_ij)",
            "quartic_form": "B(u,w) = <w|Lambda(|u><u|)|w>, u_k = u_kr + i*u_ki, w_k = w_kr + i*w_ki"}


def base(A, paper=None, field=None) -> dict:
    d = {"field": field} if field else {}
    d["assemblage"] = A.to_spec()
    if paper:
        d["paper"] = paper
    return d


def with_realisation(A, R, paper=None, field=None, **extra) -> dict:
    d = base(A, paper, field)
    spec = R.to_spec()
    spec.update(extra)
    d["realisation"] = spec
    return d


def measurement(povms, functional=False) -> dict:
    m = {"povms": [[mx.matrix_text(N) for N in P] for P in povms]}
    if functional:
        from .chsh import CHSH_TERMS

        m["functional"] = {"terms": dict(CHSH_TERMS)}
    return m


# -- no-signalling and PSD --------------------------------------------------------------------------------
@generator("C003-08", PAPER, "C003-08")
def c003_08():
    return cert("C003-08", "C003-08", "Eq. (5), L84-L86 (proof of Theorem 1)",
                "Assemblage (5), sigma*_a|xy = 1/2(|a><a| delta(xy,0) + |a+1><a+1| delta(xy,1)), is a no-signalling "
                "Bob-with-input assemblage (blocks PSD, Eqs. (2)-(4)).", base(pr_assemblage(), "no-signalling"))


@generator("C003-12a", PAPER, "C003-12")
def c003_12a():
    return cert("C003-12a", "C003-12", "Eq. (6), L106 (Theorem 2), intended reading",
                "Eq. (6) (intended reading) is a no-signalling Bob-with-input assemblage.",
                base(eq6_intended(0), "no-signalling"),
                conv={"reading": "Eq. (6) intended: sigma[a|xy] = 1/4(1 + (-1)^(a + [x=Y][y=0]) sigma_x); "
                                 "the printed formula is garbled (see C003-13)"})


@generator("C003-13", PAPER, "C003-13")
def c003_13():
    return cert("C003-13", "C003-13", "Eq. (6), L106",
                "Eq. (6) as printed defines an assemblage (every sigma_a|xy >= 0).",
                base(eq6_literal(), "assemblage"), expected="refuted",
                conv={"reading": "Eq. (6) as printed: 1/4(1 + (-1)^(a + delta_x) 2^(delta_y) sigma_x) with "
                                 "delta_y = [y=1] and the undefined delta_x read as 0 (any value only flips a sign)"})


@generator("C003-17.in-G_I", PAPER, "C003-17")
def c003_17_in_gi():
    from ..steering.assemblage import eq6_postselected

    data = base(eq6_postselected(), "no-signalling")
    data["extension"] = eq6_intended(0).to_spec()
    return cert("C003-17.in-G_I", "C003-17", "L130-L142 (Definition 4 and the example of Theorems 3-4)",
                "The instrumental example ((6) with y = a) is a general instrumental assemblage: the y = a post-selection "
                "of the no-signalling BWI assemblage (6), so in G_I (the part of the claim that holds; it is also in "
                "Q_I, see C003-17).", data, conv={"reading": "Eq. (6) intended, y0 = 0"})


# -- Bob's measurements -------------------------------------------------------------------------------------
@generator("C003-09", PAPER, "C003-09")
def c003_09():
    data = base(pr_assemblage())
    data["measurement"] = measurement([computational_povm()] * 2)
    return cert("C003-09", "C003-09", "L94-L96 (proof of Theorem 1)",
                "Measuring assemblage (5) in the computational basis N_b = |b><b| (for both y) gives the PR box "
                "p(ab|xy) = 1/2 if a+b = xy mod 2, else 0.", data, conv={"order": "inputs-major"})


@generator("C003-10", PAPER, "C003-10")
def c003_10():
    data = base(pr_assemblage())
    data["measurement"] = measurement([computational_povm()] * 2, functional=True)
    return cert("C003-10", "C003-10", "L98 (proof of Theorem 1)",
                "The PR box obtained from (5) has CHSH value 4 > 2*sqrt(2) (the quantum bound, C004-01.quantum), so it "
                "is not quantum, hence (5) is not in Q_BWI (the last two steps: composite with C004-01.quantum and the "
                "bridge of C003-11).", data, conv=MEAS_CONV)


@generator("C003-07", PAPER, "C003-07")
def c003_07():
    data = base(pr_assemblage(), "no-signalling")
    data["measurement"] = measurement([computational_povm()] * 2, functional=True)
    return cert("C003-07", "C003-07", "Theorem 1, L78-L98",
                "Theorem 1: G_BWI is strictly larger than Q_BWI. Witness: (5) is in G_BWI and its computational-basis "
                "correlations have CHSH value 4, beyond Tsirelson's bound (C004-01.quantum).", data,
                conv=dict(MEAS_CONV, notation="the paper prints 'Q_BWI ⊈ G_BWI' (false as written, since Q_BWI ⊆ G_BWI, "
                                              "C003-06); the intended statement is Q_BWI ⊊ G_BWI"))


# -- realisations -------------------------------------------------------------------------------------------
@generator("C003-01", PAPER, "C003-01")
def c003_01():
    from ..steering.realisation import Realisation

    # |psi> = (3|00> + 4|11>)/5; x = 0: Z; x = 1: the unsharp POVM {[[1/2,1/4],[1/4,1/2]], complement}
    amp = [Fraction(3, 5), 0, 0, Fraction(4, 5)]
    state = [[mx.ONE * (amp[i] * amp[j]) for j in range(4)] for i in range(4)]
    P0 = [[mx.ONE, mx.ZERO], [mx.ZERO, mx.ZERO]]
    P1 = [[mx.ZERO, mx.ZERO], [mx.ZERO, mx.ONE]]
    E0 = [[mx.ONE * Fraction(1, 2), mx.ONE * Fraction(1, 4)], [mx.ONE * Fraction(1, 4), mx.ONE * Fraction(1, 2)]]
    R = Realisation(2, 2, state, [[P0, P1], [E0, mx.sub(mx.identity(2), E0)]])
    R.validate()
    return cert("C003-01", "C003-01", "L44 (Preliminaries), instance",
                "Traditional no-signalling, instance: for a partially entangled state and a projective and an unsharp "
                "POVM, sum_a sigma_a|x = tr_A rho = rho_B for every x.",
                with_realisation(R.assemblage("traditional"), R, "no-signalling"), conv=REAL_CONV)


@generator("C003-02.pauli", PAPER, "C003-02")
def c003_02_pauli():
    from ..steering.realisation import ghjw

    A, _ = phi_plus_pauli()
    R, K = ghjw(A, None, K=[[mx.ONE * Fraction(1, 2), mx.ONE * Fraction(1, 2)],
                            [mx.ONE * Fraction(1, 2), -mx.ONE * Fraction(1, 2)]])
    R.validate()
    return cert("C003-02.pauli", "C003-02", "L31 (GHJW theorem), instance",
                "GHJW instance: the no-signalling traditional assemblage 1/4(1 + (-1)^a sigma_x^T), x = X,Y,Z, has a "
                "quantum realisation (rational K with K K^dagger = 1/2).",
                with_realisation(A, R, "quantum", ghjw=mx.matrix_text(K)), conv=REAL_CONV)


@generator("C003-02.tau", PAPER, "C003-02")
def c003_02_tau():
    F, target, tau, R, K = c003_17_objects()
    R.channels = None
    return cert("C003-02.tau", "C003-02", "L31 (GHJW theorem), instance",
                "GHJW instance: the no-signalling traditional assemblage tau of C003-17 (rho_B = 1/2(1 + (X - Y + Z)/3), "
                "eigenvalues 1/2 +- sqrt(3)/6) has a quantum realisation, with K = L sqrt(D) over Q(sqrt 6).",
                with_realisation(tau, R, "quantum", SQRT6, ghjw=mx.matrix_text(K)), conv=REAL_CONV)


@generator("C003-04", PAPER, "C003-04")
def c003_04():
    R, B = damped_bwi()
    return cert("C003-04", "C003-04", "L62 (after Definition 1), instance",
                "Order independence, instance: applying Bob's channel E_y before Alice measures gives the same "
                "assemblage (Pauli/Phi+, E_0 = id, E_1 = amplitude damping).",
                with_realisation(B, R, order_independent=True), conv=REAL_CONV)


@generator("C003-06", PAPER, "C003-06")
def c003_06():
    R, B = damped_bwi()
    return cert("C003-06", "C003-06", "Definitions 1-2, L52-L78 (implicit in 'strictly larger'), instance",
                "Q_BWI is contained in G_BWI, instance: Pauli measurements on Phi+ with E_0 = id and E_1 = amplitude "
                "damping (gamma = 3/4) give a BWI assemblage that is no-signalling (Eqs. 2-4).",
                with_realisation(B, R, "no-signalling"), conv=REAL_CONV)


@generator("C003-11", PAPER, "C003-11")
def c003_11():
    R, B = damped_bwi()
    half = Fraction(1, 2)  # Bob measures Z for y=0 and {1/2(1 + X), 1/2(1 - X)} for y=1
    px = [mx.scale(half, mx.add(mx.identity(2), mx.PAULI[0])), mx.scale(half, mx.sub(mx.identity(2), mx.PAULI[0]))]
    data = with_realisation(B, R)
    data["measurement"] = measurement([computational_povm(), px])
    return cert("C003-11", "C003-11", "L88-L92 (proof of Theorem 1), instance",
                "Bob measuring a quantum BWI assemblage gives quantum Bell correlations: E_y^dagger(N_b) is a POVM and "
                "p(ab|xy) = tr[(M_a|x (x) E_y^dagger(N_b)) rho] (instance: Pauli/Phi+, E_1 = amplitude damping).",
                data, conv=dict(REAL_CONV, order="inputs-major"))


@generator("C003-16", PAPER, "C003-16")
def c003_16():
    F, target, tau, R, K = c003_17_objects()
    return cert("C003-16", "C003-16", "Definitions 3-4, L118-L132, instance",
                "Q_I is contained in G_I, instance: the quantum instrumental assemblage realised in C003-17 has the BWI "
                "extension omega_a|xy = E_y(tau_a|x), which is no-signalling and post-selects (y = a) to it.",
                with_realisation(target, R, "no-signalling", SQRT6), conv=REAL_CONV)


@generator("C003-17", PAPER, "C003-17")
def c003_17():
    F, target, tau, R, K = c003_17_objects()
    return cert("C003-17", "C003-17", "L138-L142 (Theorems 3 and 4, the example)",
                "The instrumental assemblage obtained from (6) by setting y = a is post-quantum (not in Q_I).",
                with_realisation(target, R, "post-quantum", SQRT6, ghjw=mx.matrix_text(K)), expected="refuted",
                conv=dict(REAL_CONV, reading="Eq. (6) intended (sign flip on x=Y at y=0), post-selected at y = a: "
                                             "sigma[0|x] = 1/4(1 + s_x sigma_x), s = (+1,-1,+1); sigma[1|x] = 1/4(1 - sigma_x)"))


@generator("C003-17.y0=1", PAPER, "C003-17")
def c003_17_other_reading():
    A = eq6_intended(1).postselect()
    F, tau, R, K = pauli_frame_realisation(A)
    return cert("C003-17.y0=1", "C003-17", "L138-L142 (Theorems 3 and 4, the example), other reading of Eq. (6)",
                "The instrumental assemblage obtained from (6) by setting y = a is post-quantum (reading: transpose on "
                "y=0, i.e. the Y sign flip at y=1).",
                with_realisation(A, R, "post-quantum", SQRT6, ghjw=mx.matrix_text(K)), expected="refuted",
                conv=dict(REAL_CONV, reading="Eq. (6) with the sign flip on x=Y at y=1 instead of y=0, post-selected at "
                                             "y = a: sigma_0|x = 1/4(1 + sigma_x); sigma_1|x = 1/4(1 - s_x sigma_x), "
                                             "s = (+1,-1,+1)"))


@generator("C003-18", PAPER, "C003-18")
def c003_18():
    from ..steering.assemblage import pr_postselected
    from ..steering.realisation import Channel, Realisation

    half = Fraction(1, 2)
    state = [[mx.ONE * (half if (i in (0, 3) and j in (0, 3)) else 0) for j in range(4)] for i in range(4)]
    P0 = [[mx.ONE, mx.ZERO], [mx.ZERO, mx.ZERO]]
    P1 = [[mx.ZERO, mx.ZERO], [mx.ZERO, mx.ONE]]
    reset = Channel([(Fraction(1), P0), (Fraction(1), [[mx.ZERO, mx.ONE], [mx.ZERO, mx.ZERO]])])
    R = Realisation(2, 2, state, [[P0, P1], [P1, P0]], [reset, Channel([(Fraction(1), mx.identity(2))])])
    R.validate()
    return cert("C003-18", "C003-18", "side check (not claimed in the paper); Eq. (5) with y = a",
                "The PR assemblage (5) post-selected at y = a is quantum (classical): Phi+ shared, Alice measures Z "
                "(labels flipped for x = 1), Bob resets to |0> for a = 0 and does nothing for a = 1.",
                with_realisation(pr_postselected(), R, "quantum"), conv=REAL_CONV)


# -- the transpose map and the representation of Eq. (6) ---------------------------------------------------
def transpose_representation() -> dict:
    from ..steering import maps

    _, R = phi_plus_pauli()
    spec = R.to_spec()
    spec["channels"] = [
        {"kraus": [{"weight": "1", "matrix": mx.matrix_text(mx.identity(2))}]},
        {"choi": mx.matrix_text(maps.choi_transpose(2)),
         "sos": [{"weight": "1", "polynomial": "w0r*u0r - w0i*u0i + w1r*u1r - w1i*u1i"},
                 {"weight": "1", "polynomial": "w0r*u0i + w0i*u0r + w1r*u1i + w1i*u1r"}]}]
    data = base(eq6_intended(0))
    data["realisation"] = spec
    return data


REPR_CONV = dict(REAL_CONV, **MAP_CONV, representation="tau[a|x] = tr_A[(P[a|x] (x) 1) Phi+] = 1/4(1 + (-1)^a "
                 "sigma_x^T); y=0: identity, y=1: transpose", reading="Eq. (6) intended (see C003-12a)")


@generator("C003-14", PAPER, "C003-14")
def c003_14():
    return cert("C003-14", "C003-14", "L110 and footnote [17] (L187)",
                "Eq. (6) (intended reading) equals Pauli measurements on the maximally entangled state followed by the "
                "identity (y=0) or the transpose (y=1); the transpose is positive but not completely positive.",
                transpose_representation(), conv=REPR_CONV)


@generator("C003-12b", PAPER, "C003-12")
def c003_12b():
    return cert("C003-12b", "C003-12", "Theorem 2, L108-L110 (and ref. [18])",
                "Eq. (6) (intended reading) is Lambda_y applied to the quantum Pauli/Phi+ assemblage with Lambda_y "
                "positive and trace preserving (decided here); by ref. [18] (Lambda_y^dagger(N) is then a POVM, not "
                "decided here) Bob's measurements on it give only quantum correlations.",
                transpose_representation(), conv=REPR_CONV)
