"""Assemblages, realisations, GHJW, maps and the relaxation identity (exact)."""
import random
from fractions import Fraction
from itertools import product

import pytest

from exactbell.behaviours import correlator
from exactbell.kernel.algebraic import NumberField
from exactbell.kernel.gaussian import Gaussian, herm_psd
from exactbell.kernel import steering as kst
from exactbell.steering import maps
from exactbell.steering import matrices as mx
from exactbell.steering.assemblage import (Assemblage, AssemblageError, eq6_intended, eq6_literal, eq6_postselected,
                                           pauli_block, pr_assemblage, same_blocks, white_noise)
from exactbell.steering.dual import data_words, pairs_by_word, product_word, words
from exactbell.steering.realisation import Channel, Realisation, RealisationError, ghjw, realisation_from_spec

H = Fraction(1, 2)
Q = Fraction(1, 4)


def spec(blocks, type_="bob-with-input", **kw):
    s = {"type": type_, "dim": 2, "x": 2, "a": 2, "blocks": blocks}
    if type_ == "bob-with-input":
        s["y"] = 2
    s.update(kw)
    return s


def test_pr_assemblage_is_ns_and_gives_pr_box():
    A = pr_assemblage()
    assert A.first_non_psd() is None and A.ns_violations() == []
    assert A.bob_marginal(1, 1) == mx.scale(H, mx.identity(2))
    Z0 = [[mx.ONE, mx.ZERO], [mx.ZERO, mx.ZERO]]
    Z1 = [[mx.ZERO, mx.ZERO], [mx.ZERO, mx.ONE]]
    p = A.correlations([[Z0, Z1], [Z0, Z1]])
    for (a, b), (x, y) in p.scenario.entries():
        assert p.p((a, b), (x, y)) == (H if a ^ b == x * y else 0)
    chsh = sum((-1 if (x, y) == (1, 1) else 1) * correlator(p, (0, 1), (x, y)) for x in (0, 1) for y in (0, 1))
    assert chsh == 4


def test_eq6_readings():
    A = eq6_intended(0)
    assert A.is_no_signalling()
    # the sign flip sits on x = Y at y = 0 only
    assert A.block(0, 1, 0) == pauli_block(-1, 1) and A.block(0, 1, 1) == pauli_block(1, 1)
    assert A.block(0, 0, 0) == A.block(0, 0, 1)
    L = eq6_literal()
    key, res = L.first_non_psd()
    assert key[0] == 1  # only the 2^{delta_y} = 2 blocks fail
    assert all(mx.psd(L.blocks[k]).psd for k in L.blocks if k[0] == 0)
    v = [mx.ONE, -mx.ONE]
    assert mx.matvec(L.block(0, 0, 1), v) == [Gaussian(-Q)] * 1 + [Gaussian(Q)]  # eigenvalue -1/4


def test_postselection_and_noise():
    S = eq6_postselected()
    assert S.type == "instrumental" and S.block(1, 2) == pauli_block(-1, 2)
    assert S.block(0, 1) == pauli_block(-1, 1) and S.block(0, 0) == pauli_block(1, 0)
    N = white_noise(eq6_intended(0))
    assert N.block(1, 2, 1) == mx.scale(Q, mx.identity(2))
    M = eq6_intended(0).mix(Fraction(1, 3))
    assert M.block(0, 2, 0) == pauli_block(Fraction(1, 3), 2)
    with pytest.raises(AssemblageError, match="post-selection"):
        S.postselect()


def test_bad_assemblages_are_rejected_clearly():
    d = [["1/2", "0"], ["0", "0"]]
    e = [["0", "0"], ["0", "1/2"]]
    good = [[[d, e], [d, e]], [[d, e], [d, e]]]
    assert Assemblage.from_spec(spec(good)).is_no_signalling()
    with pytest.raises(AssemblageError, match="Hermitian"):
        Assemblage.from_spec(spec([[[[["1/2", "i"], ["i", "0"]], e], [d, e]], [[d, e], [d, e]]]))
    with pytest.raises(AssemblageError, match=r"1 rows, expected 2"):
        Assemblage.from_spec(spec([[[[["1/2", "0"]], e], [d, e]], [[d, e], [d, e]]]))
    with pytest.raises(AssemblageError, match="one per y"):
        Assemblage.from_spec(spec(good[:1]))
    with pytest.raises(AssemblageError, match="outcomes"):
        Assemblage.from_spec(spec([[[d], [d, e]], [[d, e], [d, e]]]))
    with pytest.raises(AssemblageError, match="inputs"):
        Assemblage.from_spec(spec(good, x=3))
    with pytest.raises(AssemblageError, match="no 'y'"):
        Assemblage.from_spec(spec([[d, e], [d, e]], type_="traditional", y=2))
    with pytest.raises(AssemblageError, match="unknown assemblage type"):
        Assemblage.from_spec(spec(good, type_="sequential"))
    with pytest.raises(AssemblageError, match="positive integer"):
        Assemblage.from_spec(spec(good, dim=0))
    # signalling: Alice's choice changes Bob's marginal
    sig = Assemblage.from_spec(spec([[[d, e], [d, d]], [[d, e], [d, e]]]))
    assert any("Alice signals to Bob" in v or "normalised" in v for v in sig.ns_violations())
    # B signals to A: tr sigma[a|x,y] depends on y
    f = [["1/4", "0"], ["0", "1/4"]]
    assert Assemblage.from_spec(spec([[[d, e], [d, e]], [[f, f], [f, f]]])).is_no_signalling()
    g = [["1/2", "0"], ["0", "1/4"]]
    h = [["0", "0"], ["0", "1/4"]]
    bsig2 = Assemblage.from_spec(spec([[[d, e], [d, e]], [[g, h], [g, h]]]))
    assert any("Bob signals to Alice" in v for v in bsig2.ns_violations())


def test_ghjw_rational_and_quadratic_field():
    # Pauli/Phi+ traditional assemblage, rho_B = 1/2: rational K
    blocks = {(0, x, a): mx.transpose(pauli_block((-1) ** a, x)) for x in range(3) for a in range(2)}
    A = Assemblage("traditional", 2, 3, 2, 1, blocks)
    K = [[mx.ONE * H, mx.ONE * H], [mx.ONE * H, -mx.ONE * H]]
    R, _ = ghjw(A, None, K=K)
    R.validate()
    assert same_blocks(R.assemblage("traditional"), A)
    # a full-rank rho_B needing sqrt(6): built from the LDL factor
    F = NumberField.from_spec({"generator": "s", "minpoly": "s^2 - 6", "interval": ["2", "3"]})
    third = Fraction(1, 3)
    rho = mx.scale(H, mx.add(mx.identity(2), mx.scale(third, mx.add(mx.sub(mx.PAULI[0], mx.PAULI[1]), mx.PAULI[2]))))
    S = eq6_postselected()
    tb = {}
    for x in range(3):
        tb[(0, x, 0)] = S.block(0, x)
        tb[(0, x, 1)] = mx.sub(rho, S.block(0, x))
    tau = Assemblage("traditional", 2, 3, 2, 1, tb, F)
    R, K = ghjw(tau, F)
    R.validate()
    assert mx.matmul(K, mx.adjoint(K)) == rho
    assert same_blocks(R.assemblage("traditional"), tau)
    with pytest.raises(RealisationError, match="sqrt"):
        ghjw(tau, None)
    with pytest.raises(RealisationError, match="traditional"):
        ghjw(pr_assemblage())


def test_realisation_validation_errors():
    half = "1/2"
    phi = [[half if i in (0, 3) and j in (0, 3) else "0" for j in range(4)] for i in range(4)]
    P0, P1 = [["1", "0"], ["0", "0"]], [["0", "0"], ["0", "1"]]
    ok = {"dims": [2, 2], "state": phi, "povms": [[P0, P1]]}
    R = realisation_from_spec(ok)
    R.validate()
    bad_state = dict(ok, state=[[half if i == j else "0" for j in range(4)] for i in range(4)])
    with pytest.raises(RealisationError, match="trace 1"):
        realisation_from_spec(bad_state).validate()
    neg = [row[:] for row in phi]
    neg[0][3] = neg[3][0] = "1"
    with pytest.raises(RealisationError, match="positive semidefinite"):
        realisation_from_spec(dict(ok, state=neg)).validate()
    with pytest.raises(RealisationError, match="sum to the identity"):
        realisation_from_spec(dict(ok, povms=[[P0, P0]])).validate()
    not_tp = dict(ok, channels=[{"kraus": [{"weight": "1/2", "matrix": [["1", "0"], ["0", "1"]]}]}])
    with pytest.raises(RealisationError, match="trace preserving"):
        realisation_from_spec(not_tp).validate()
    neg_w = dict(ok, channels=[{"kraus": [{"weight": "-1", "matrix": [["1", "0"], ["0", "1"]]},
                                          {"weight": "2", "matrix": [["1", "0"], ["0", "1"]]}]}])
    with pytest.raises(RealisationError, match="negative"):
        realisation_from_spec(neg_w).validate()
    with pytest.raises(RealisationError, match="dims"):
        realisation_from_spec(dict(ok, dims=[2]))


def test_order_independence_and_heisenberg_identity():
    third = Fraction(1, 3)
    V = [[Gaussian(1, 1), Gaussian(0, -1)], [Gaussian(0, -1), Gaussian(1, -1)]]
    ch = Channel([(third, V)])
    assert ch.check(2) == 2
    half = Fraction(1, 2)
    state = [[mx.ONE * (half if i in (0, 3) and j in (0, 3) else 0) for j in range(4)] for i in range(4)]
    povms = [[mx.scale(2, pauli_block((-1) ** a, x)) for a in range(2)] for x in range(3)]
    R = Realisation(2, 2, state, povms, [Channel([(Fraction(1), mx.identity(2))]), ch])
    R.validate()
    A = R.assemblage("bob-with-input")
    for x, a in product(range(3), range(2)):
        assert mx.steer(R.local_channel_state(ch), povms[x][a], 2, 2) == A.block(a, x, 1)
    N = mx.scale(half, mx.add(mx.identity(2), mx.PAULI[1]))
    assert mx.trace(mx.matmul(N, A.block(0, 2, 1))) == mx.trace(mx.matmul(ch.adjoint_apply(N), A.block(0, 2, 0)))


def test_transpose_map_positive_not_cp():
    J = maps.choi_transpose(2)
    assert kst.choi_trace_preserving(J, 2)
    assert not herm_psd(J).psd
    singlet = [mx.ZERO, mx.ONE, -mx.ONE, mx.ZERO]
    assert mx.quad(J, singlet) == -2  # eigenvalue -1 of the swap, |singlet|^2 = 2
    X = [[Gaussian(1), Gaussian(2, 3)], [Gaussian(2, -3), Gaussian(5)]]
    assert kst.choi_apply(J, 2, X) == mx.transpose(X)
    assert kst.choi_apply(maps.choi_identity(2), 2, X) == X
    assert kst.named_map(J, 2) == "transpose" and kst.named_map(maps.choi_identity(2), 2) == "identity"
    B = kst.biquadratic_form(J, 2)
    assert B.evaluate({v: Fraction(1) for v in kst.map_variables(2)}) == 0 + 16  # |sum_i w_i u_i|^2 = |2(1+i)^2|^2


# -- the relaxation ------------------------------------------------------------------------------
def test_word_counts_and_reduction():
    assert [len(words(3, L)) for L in (1, 2, 3)] == [4, 10, 22]
    assert product_word((0, 1), (1, 2)) == (1, 0, 1, 2)
    assert product_word((0, 1), (0, 1)) == (1, 0, 1)
    assert product_word((), (2,)) == (2,)


def _rand_g(rng):
    return Gaussian(Fraction(rng.randint(-4, 4), rng.randint(1, 3)), Fraction(rng.randint(-4, 4), rng.randint(1, 3)))


def _herm(rng, n):
    M = [[None] * n for _ in range(n)]
    for i in range(n):
        M[i][i] = Gaussian(Fraction(rng.randint(-3, 3)), 0)
        for j in range(i + 1, n):
            M[i][j] = _rand_g(rng)
            M[j][i] = M[i][j].conj()
    return M


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dual_identity_holds_for_arbitrary_moments(seed):
    """Σ_y tr(Z^y H^y(Γ)) + Σ_w λ_w (tr Γ^0_w − tr Γ^1_w) = Σ_{y,w} tr(C^y_w Γ^y_w) identically."""
    rng = random.Random(seed)
    d, ws = 2, words(2, 2)
    pairs = pairs_by_word(ws)
    n = len(ws) * d
    Zs = [_herm(rng, n) for _ in range(2)]
    lam = [{w: _rand_g(rng) for w in list(pairs)[::2]}]
    Gam = []
    for _ in range(2):
        G = {}
        for w in pairs:
            G[w] = [[_rand_g(rng) for _ in range(d)] for _ in range(d)]
        Gam.append(G)
    lhs = mx.ZERO
    for y in range(2):
        Hy = [[Gam[y][product_word(ws[s], ws[t])][j][i] for t in range(len(ws)) for j in range(d)]
              for s in range(len(ws)) for i in range(d)]
        lhs = lhs + mx.trace(mx.matmul(Zs[y], Hy))
    for w, l in lam[0].items():
        lhs = lhs + l * (mx.trace(Gam[0][w]) - mx.trace(Gam[1][w]))
    Cs = kst.relaxation_coefficients(Zs, lam, ws, d)
    rhs = sum((mx.trace(mx.matmul(Cs[y][w], Gam[y][w])) for y in range(2) for w in Cs[y]), mx.ZERO)
    assert lhs == rhs
    assert kst.relaxation_coefficients(Zs[:1], [], ws, d)[0][()] == mx.transpose([r[:2] for r in Zs[0][:2]])


def test_relaxation_moments_of_a_quantum_assemblage_are_feasible():
    """Exact moments of a quantum BWI assemblage: the transposed-block H^y is PSD, the untransposed one is not."""
    half = Fraction(1, 2)
    phi = [[mx.ONE * (half if i in (0, 3) and j in (0, 3) else 0) for j in range(4)] for i in range(4)]
    P = [mx.scale(2, pauli_block(1, x)) for x in range(3)]  # projectors P_x = M_{0|x}
    V = [[Gaussian(1, 1), Gaussian(0, -1)], [Gaussian(0, -1), Gaussian(1, -1)]]
    R = Realisation(2, 2, phi, [[P[x], mx.sub(mx.identity(2), P[x])] for x in range(3)],
                    [Channel([(Fraction(1), mx.identity(2))]), Channel([(Fraction(1, 3), V)])])
    R.validate()
    A = R.assemblage("bob-with-input")
    ws = words(3, 1)
    for y, ch in enumerate(R.channels):
        rho_y = R.local_channel_state(ch)

        def gamma(w):
            M = mx.identity(2)
            for x in w:
                M = mx.matmul(M, P[x])
            return mx.steer(rho_y, M, 2, 2)

        assert gamma(()) == A.bob_marginal(0, y) and gamma((1,)) == A.block(0, 1, y)
        Ht = [[gamma(product_word(ws[s], ws[t]))[j][i] for t in range(len(ws)) for j in range(2)]
              for s in range(len(ws)) for i in range(2)]
        Hu = [[gamma(product_word(ws[s], ws[t]))[i][j] for t in range(len(ws)) for j in range(2)]
              for s in range(len(ws)) for i in range(2)]
        assert herm_psd(Ht).psd
        if y == 0:
            assert not herm_psd(Hu).psd  # the pitfall of catalogue T2 (i)
    assert data_words(3) == [(), (0,), (1,), (2,)]
    assert kst.relaxation_value([{w: mx.identity(2) for w in data_words(3)}] * 2, A) == 2 + 2 * 3 * Fraction(1, 2)


def test_every_pauli_frame_instrumental_assemblage_is_quantum():
    """Robustness of the C003-17 erratum: all 64 sign patterns s_{a,x} of σ_{a|x} = ¼(𝟙 + s σ_x) are realised exactly."""
    from exactbell.generators.shsa import pauli_frame_realisation

    for signs in product((1, -1), repeat=6):
        blocks = {(0, x, a): pauli_block(signs[3 * a + x], x) for x in range(3) for a in range(2)}
        A = Assemblage("instrumental", 2, 3, 2, 1, blocks)
        F, tau, R, K = pauli_frame_realisation(A)
        R.validate()
        assert same_blocks(R.assemblage("instrumental"), A)
        assert R.channels[0].terms[0][1] == mx.identity(2)
