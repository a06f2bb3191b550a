"""ICO machinery of Liu–Chiribella: exact operators, weak duality, the Lemma 1 audit (erratum E1),
and the numeric layer (the kernel kind ``psd-dual`` is tested in test_kernel_ico.py)."""
import random
from fractions import Fraction as F

import numpy as np
import pytest

from exactbell.causal import exact as ex
from exactbell.causal import inequalities as iq
from exactbell.causal import sdp
from exactbell.kernel.algebraic import NumberField
from exactbell.kernel.linalg import psd_decide
from exactbell.generators.liu_chiribella import ocb_lemma1_slack

from .conftest import PROOFS

LC = PROOFS / "liu-chiribella"


# ----------------------------------------------------------------------------------------------
# exact operator algebra against an independent dense numpy implementation
# ----------------------------------------------------------------------------------------------
def _np_depolarize(M, dims, X):
    """Tr_X M ⊗ I_X/d_X via reshaping (independent of exact.depolarize)."""
    k = len(dims)
    T = M.reshape(dims + dims)
    for s in X:
        T = np.trace(T, axis1=s, axis2=s + k) / dims[s]
        T = np.expand_dims(np.expand_dims(T, s), s + k)
        T = np.repeat(np.repeat(T, dims[s], axis=s), dims[s], axis=s + k)
        eye = np.eye(dims[s]).reshape([dims[s] if t in (s, s + k) else 1 for t in range(2 * k)])
        T = T * eye
    return T.reshape(M.shape)


def _rand_sym(n, rng):
    return {(i, j): F(rng.randint(-9, 9), rng.randint(1, 5)) for i in range(n) for j in range(n)}


def _sym(M, n):
    return {(i, j): (M.get((i, j), 0) + M.get((j, i), 0)) / 2 for i in range(n) for j in range(n)}


@pytest.mark.parametrize("X", [(0,), (1, 2), (0, 1, 2), (3,), (2, 4, 5)])
def test_depolarize_matches_dense(X):
    rng = random.Random(7)
    dims = [2, 2, 2, 2, 2, 2]
    space = ex.Space(dims)
    M = _sym(_rand_sym(64, rng), 64)
    got = ex.depolarize(M, space, X)
    A = np.array([[float(M[(i, j)]) for j in range(64)] for i in range(64)])
    ref = _np_depolarize(A, dims, X)
    assert all(abs(float(got.get((i, j), 0)) - ref[i, j]) < 1e-12 for i in range(64) for j in range(64))


@pytest.mark.parametrize("dims,traced", [((2, 3), (0,)), ((2, 3), (1,)), ((2, 2, 3), (0, 2)), ((3, 2, 2), (1,))])
def test_partial_trace_matches_numpy(dims, traced):
    from exactbell.kernel.linalg import partial_trace
    rng = random.Random(5)
    n = int(np.prod(dims))
    M = [[F(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(n)] for _ in range(n)]
    T = np.array([[float(v) for v in r] for r in M]).reshape(dims + dims)
    for s in sorted(traced, reverse=True):
        T = np.trace(T, axis1=s, axis2=s + T.ndim // 2)
    ref = T.reshape(int(np.prod([d for i, d in enumerate(dims) if i not in traced])), -1)
    got = partial_trace(M, dims, traced)
    assert np.allclose(np.array([[float(v) for v in r] for r in got]), ref, atol=1e-12)


@pytest.mark.parametrize("n", [2, 3])
def test_diagonal_eq12_terms_match_the_dense_projector(n):
    """The kernel's Eq. (12) terms on the diagonal of S equal _[Π f_k] S computed with the dense depolarize."""
    from exactbell.kernel import process as kp
    rng = random.Random(n)
    space = kp.Space([n] * 4)
    s = {t: F(rng.randint(0, 3)) for t in space.digits}
    S = [[s[space.digits[r]] if r == c else F(0) for c in range(space.size)] for r in range(space.size)]
    for cond in kp.CONDITIONS:
        D = S
        for k, f in enumerate(cond):
            dep = kp.depolarize(D, space, (k,))
            D = dep if f == "X" else [[a - b for a, b in zip(r, q)] for r, q in zip(D, dep)]
        diag = kp.projector_term(s, n, cond)
        assert all(D[r][c] == (diag[space.digits[r]] if r == c else 0)
                   for r in range(space.size) for c in range(space.size))


def test_lv_is_a_projector_and_identity_is_a_process():
    sc = iq.BINARY
    dims, layout = ex.canonical_layout(sc)
    space = ex.Space(dims)
    rng = random.Random(3)
    M = _sym(_rand_sym(64, rng), 64)
    P = ex.lv_projection(M, space, layout)
    assert ex.equal(ex.lv_projection(P, space, layout), P)
    ident = {(i, i): F(1, 4) for i in range(64)}  # Tr = d_AO d_BO = 16
    assert ex.process_violation(ident, space, layout) is None
    assert ex.process_violation({k: 2 * v for k, v in ident.items()}, space, layout) is not None


def test_weak_duality_identity_exact():
    """Tr(S W) = Tr(W)/(m1 m2) for every process S and every W in Span(NoSig) (App. A)."""
    rng = random.Random(11)
    sc = iq.BINARY
    n = 16
    for _ in range(2):
        blocks = {x: _sym(_rand_sym(n, rng), n) for x in sc.contexts}
        W = sdp.project_ns(sc, blocks)
        S = sdp.project_process(sc, {x: _sym(_rand_sym(n, rng), n) for x in sc.contexts})
        full, space, layout = ex.assemble(sc, W)
        assert ex.ns_span_violation(full, space, layout) is None
        fullS, _, _ = ex.assemble(sc, S)
        assert ex.process_violation(fullS, space, layout) is None
        lhs = sum(v * full.get(k, 0) for k, v in fullS.items())
        assert lhs == ex.trace(full, space) / 4


def test_canonical_instruments_are_trace_preserving():
    for m in (2, 3):
        for x, xi in ((0, 0), (1, 0)):
            tot = ex.combine([(1, ex.party_factor(m, a, x, xi)) for a in range(m)])
            red = {}
            for (r, c), v in tot.items():  # Tr over the copy (output) factor
                if r % m == c % m:
                    red[(r // m, c // m)] = red.get((r // m, c // m), 0) + v
            assert ex.equal(red, {(i, i): 1 for i in range(m)})


def test_biased_lgyni_omega_matches_eq56():
    a = F(1, 7)
    sc, al = iq.biased_lgyni(a)
    om = ex.omega_blocks(sc, al, (1, 1))
    h = (1 - a) / 2
    II = {(p, q): 1 for p in (0, 3) for q in (0, 3)}  # |I⟩⟩⟨⟨I| on (in, copy), unnormalised
    assert om[(1, 1)] == {(15, 15): a}
    assert om[(1, 0)] == {(0 * 4 + p, 0 * 4 + q): h for (p, q) in II}  # |00⟩⟨00| ⊗ |I⟩⟩⟨⟨I|
    assert om[(0, 1)] == {(p * 4, q * 4): h for (p, q) in II}  # |I⟩⟩⟨⟨I| ⊗ |00⟩⟨00|
    assert om[(0, 0)] == {}


# ----------------------------------------------------------------------------------------------
# Lemma 1 (App. B) and erratum E1
# ----------------------------------------------------------------------------------------------
def _lemma1_printed(xs, bs):
    """Slack of the *printed* certificate C = Ω(33) + Σ|Ψ⟩⟨Ψ| against the canonical Ω, at α = 1."""
    K = NumberField.from_spec({"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]})
    one, r = K.element([1]), K.gen()
    sc, piece = iq.ocb_piece(one, xs, bs)
    om_can = ex.omega_blocks(sc, piece, (xs, 2 * bs + 1), one)
    om_33 = ex.omega_blocks(sc, piece, (1 - xs, 2 * bs + 1), one)  # Alice's |I⟩⟩⟨⟨I| in the α-terms
    psi = ocb_lemma1_slack(F(1), 1 - xs, bs, r, one)  # no dephasing on the x* label: untwirled Σ|Ψ⟩⟨Ψ|
    W = {x: ex.combine([(1, psi[x]), (1, om_33[x] if x[1] % 2 == 1 else om_can[x])]) for x in sc.contexts}
    return sc, one, om_can, W


def test_erratum_e1_printed_certificate_fails_twirled_passes():
    sc, one, om_can, W = _lemma1_printed(0, 1)
    full, space, layout = ex.assemble(sc, W)
    assert ex.ns_span_violation(full, space, layout) is None  # (35) holds for the printed C ...
    slack = {x: ex.combine([(1, W[x]), (-1, om_can[x])]) for x in sc.contexts}
    signs = [psd_decide(ex.dense(slack[x], 16, one * 0), sign=lambda z: z.sign(), one=one).psd for x in sc.contexts]
    assert not all(signs)  # ... but C − Ω_canonical is not PSD
    K = one.field
    Z = ocb_lemma1_slack(F(1), 0, 1, K.gen(), one)  # twirled
    Wt = {x: ex.combine([(1, Z[x]), (1, om_can[x])]) for x in sc.contexts}
    full, space, layout = ex.assemble(sc, Wt)
    assert ex.ns_span_violation(full, space, layout) is None
    assert all(psd_decide(ex.dense(Z[x], 16, one * 0), sign=lambda z: z.sign(), one=one).psd for x in sc.contexts)
    assert ex.trace(full, space) / 4 == (2 + K.gen()) / 2  # (1 + α + √(1+α²))/2 at α = 1


# ----------------------------------------------------------------------------------------------
# numeric layer
# ----------------------------------------------------------------------------------------------
def test_numeric_lgyni_rounds_to_an_exact_bracket():
    sc, al = iq.lgyni()
    sol = sdp.solve_single_trigger(sc, al, (1, 1))
    _, up = sdp.exact_dual(sc, al, (1, 1), sol["W"])
    _, lo = sdp.exact_process(sc, al, (1, 1), sol["S"])
    assert lo <= up and up - lo < F(1, 10**6)
    assert F(8193, 10000) < lo and up < F(8195, 10000)


def test_numeric_layer_requires_single_trigger():
    sc, al = iq.gyni()
    with pytest.raises(ex.CausalError, match="not its trigger"):
        sdp.solve_single_trigger(sc, al, (0, 0))
