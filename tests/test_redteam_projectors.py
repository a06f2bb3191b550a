"""A hostile referee's certificates against the projector (d-outcome) SOS and strategy code (#14
soundness): each is decided exactly, or rejected with an exact one-line reason."""
from __future__ import annotations

import copy
from fractions import Fraction

from exactbell.api import Certificate
from exactbell.certificates.format import envelope2
from exactbell.kernel.models import cglmp
from exactbell.kernel.scenario import Scenario

I3 = Scenario((2, 2), (3, 3))
CHSH = {"A0B0": "1", "A0B1": "1", "A1B0": "1", "A1B1": "-1"}


def _cert(kind, data, conventions=None, parameters=None) -> Certificate:
    conv = conventions or {"form": "probability", "order": "inputs-major"}
    return Certificate(envelope2("rt2.attack", "user", "user", "test", "red team", kind, "verified", conv, data,
                                 parameters))


def _cglmp3_loose_sos() -> dict:
    """4·1 − I_3 = Σ_{xy} Σ_{ab} (1 − c_ab|xy) (A_x_a B_y_b)†(A_x_a B_y_b): the NS bound 4, as a projector SOS
    whose squares use the eliminated last outcome A_x_2 = 1 − A_x_0 − A_x_1."""
    terms = [{"weight": str(1 - c), "polynomial": f"A{x[0]}_{a[0]}*B{x[1]}_{a[1]}"}
             for c, (a, x) in zip(cglmp(3), I3.entries()) if c != 1]
    return {"scenario": I3.to_spec(), "functional": {"coefficients": [str(c) for c in cglmp(3)]},
            "sense": "max", "sos": {"terms": terms}}


def _cglmp3_box(value: Fraction) -> list:
    """λ·(the no-signalling box with I_3 = 4) + (1 − λ)·(a = b = 0, I_3 = 2), with I_3 = ``value``."""
    lam = (value - 2) / 2

    def box(a, x):
        t = (a[1] - a[0]) % 3 if x == (0, 1) else (a[0] - a[1]) % 3
        return Fraction(t == (2 if x == (1, 0) else 0), 3)
    return [str(lam * box(a, x) + (1 - lam) * (a == (0, 0))) for a, x in I3.entries()]


# -- the projector algebra holds: the last outcome is eliminated consistently ------------------------
def test_loose_cglmp3_projector_sos_decides_the_no_signalling_bound():
    r = _cert("sos", _cglmp3_loose_sos()).check()
    assert r.passed, r.detail
    assert r.statement.endswith("on (2,2;3,3) <= 4 (the only constant for which the SOS identity holds)")


# -- hole: a given behaviour (not quantum) was accepted as the "strategy" attaining an SOS bound ---------
def test_sos_refuses_a_non_quantum_behaviour_as_strategy():
    """Before: 'max over quantum strategies of <CGLMP_3, P> on (2,2;3,3) = 4' (the NS box as 'strategy');
    the quantum maximum is 1 + √(11/3) ≈ 2.9149."""
    data = _cglmp3_loose_sos() | {"strategy": {"behaviour": _cglmp3_box(Fraction(4))}}
    r = _cert("sos", data).check()
    assert not r.passed
    assert "data.strategy.behaviour: a behaviour is no quantum strategy" in r.detail


def test_sos_refuses_the_pr_box_as_strategy_for_chsh():
    """Before: 'max over quantum strategies of <CHSH, P> on (2,2;2,2) = 4' (Tsirelson: 2√2)."""
    pr = ["1/2", "0", "0", "1/2"] * 3 + ["0", "1/2", "1/2", "0"]
    data = {"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "functional": {"terms": CHSH}, "sense": "max",
            "sos": {"terms": [{"weight": "1/2", "polynomial": p} for p in ("A0 - B0", "A0 - B1", "A1 - B0",
                                                                          "A1 + B1")]},
            "strategy": {"behaviour": pr}}
    conv = {"form": "correlator", "marginals": "uniform-average", "order": "inputs-major"}
    r = _cert("sos", data, conv).check()
    assert not r.passed and "a behaviour is no quantum strategy" in r.detail
    data = copy.deepcopy(data) | {"bound": "4"}   # the parametric path (one domain parameter) too
    r = _cert("sos", data, conv, {"p": "(0, 1)"}).check()
    assert not r.passed and "a behaviour is no quantum strategy" in r.detail
    del data["strategy"]
    r = _cert("sos", data, conv).check()            # the loose bound itself stands
    assert r.passed and r.statement.endswith("on (2,2;2,2) <= 4")


# -- the projector algebra against exact representations (a homomorphism on random words) -------------
def _projective(rng, d, dim=3):
    """d orthogonal rank-≥1 projectors on Q^dim summing to 1: a rational orthogonal basis (Pythagorean
    rows of (1,2,2)/3, coordinates permuted and signed), the last projector taking the remaining basis vectors."""
    from exactbell.kernel.linalg import add, identity, scale

    rows = [(1, 2, 2), (2, 1, -2), (2, -2, 1)]
    perm, signs = rng.sample(range(3), 3), [rng.choice((1, -1)) for _ in range(3)]
    basis = [[rows[r][perm[k]] * signs[k] for k in range(3)] for r in rng.sample(range(3), 3)]
    out = [[[Fraction(u * v, 9) for v in b] for u in b] for b in basis[:d - 1]]
    rest = add(identity(dim), scale(-1, out[0])) if out else identity(dim)
    for P in out[1:]:
        rest = add(rest, scale(-1, P))
    return out + [rest]


def _evaluate(poly, meas, parties, dim=3):
    """The matrix of an NCPoly: letter (x, a) of party i acts as meas[i][x][a] on the i-th factor."""
    from functools import reduce

    from exactbell.kernel.linalg import add, identity, kron, mul, scale

    total = [[Fraction(0)] * dim ** parties for _ in range(dim ** parties)]
    for mono, c in poly.terms.items():
        factors = [reduce(mul, [meas[i][x][a] for x, a in w], identity(dim)) for i, w in enumerate(mono)]
        total = add(total, scale(c, reduce(kron, factors)))
    return total


def test_projector_words_are_a_homomorphism_onto_exact_measurements():
    """p·q, p† and the eliminated last outcome evaluate like the matrices they name (random words, scenarios
    with 3, 2 and 1 outcomes mixed), and the Bell operator gives the Born-rule value."""
    import random
    from types import SimpleNamespace

    from exactbell.kernel.gaussian import Gaussian
    from exactbell.kernel.linalg import adjoint, mul
    from exactbell.kernel.ncpoly import behaviour, bell_operator, parse_operator

    rng = random.Random(14)
    for outputs in ((3, 3), (2, 3), (3, 1, 2)):
        sc = Scenario((2,) * len(outputs), outputs)
        meas = [[_projective(rng, d) for _ in range(2)] for d in outputs]
        names = [f"{'ABC'[i]}{x}_{a}" for i, d in enumerate(outputs) for x in range(2) for a in range(d)]

        def word(names=names):
            return "*".join(rng.choice(names) for _ in range(rng.randint(1, 4)))
        for _ in range(12):
            p, q = (parse_operator(f"{word()} - 2*{word()} + 1/3", len(outputs), sc.inputs, Fraction,
                                   outputs=outputs) for _ in range(2))
            P, Q = (_evaluate(o, meas, len(outputs)) for o in (p, q))
            assert _evaluate(p * q, meas, len(outputs)) == mul(P, Q)
            assert _evaluate(p.adjoint(), meas, len(outputs)) == adjoint(P)
        F = [Fraction(rng.randint(-3, 3), rng.randint(1, 3)) for _ in range(sc.size)]
        B = _evaluate(bell_operator(SimpleNamespace(scenario=sc, coefficients=F)), meas, len(outputs))
        psi = [Fraction(rng.randint(-2, 2)) for _ in range(3 ** len(outputs))]
        psi[0] += 5
        norm = sum(z * z for z in psi)
        gmeas = [[[[[Gaussian(v) for v in r] for r in P] for P in m] for m in party] for party in meas]
        born = sum(c * p for c, p in zip(F, behaviour([Gaussian(z) for z in psi], gmeas, sc)))
        assert mul([psi], mul(B, [[z] for z in psi]))[0][0] / norm == born


# -- hole: the strategy's dimension limit was checked only after P² = P on every matrix of the party ---
def test_a_huge_projector_is_refused_before_its_square_is_computed():
    """Before: three 200×200 projectors took 42 s (n³ products, one party) and a 1000×1000 one hit the
    900 s worker limit before 'the joint dimension exceeds 64'; now the first matrix is refused unread."""
    n = 65
    eye = [["1" if r == c else "0" for c in range(n)] for r in range(n)]
    zero = [["0"] * n for _ in range(n)]
    one = [[["1"]], [["0"]], [["0"]]]   # the trivial measurement on C^1
    strategy = {"state": ["1"], "projectors": [[[eye, zero, zero], one], [one] * 2]}
    data = {"scenario": I3.to_spec(), "functional": {"coefficients": [str(c) for c in cglmp(3)]},
            "strategy": strategy, "relation": "value"}
    r = _cert("strategy-value", data).check()
    assert not r.passed and r.detail.endswith("data.strategy.projectors[0][0][0]: the joint dimension exceeds 64")
    strategy["projectors"] = [[one] * 2, [[[["1"] * 8] * 8] * 3, one]]   # 1 · 8 ≤ 64: read
    r = _cert("strategy-value", data).check()
    assert not r.passed and r.detail.endswith("data.strategy.projectors[1][0][0]: is not a projector (P^2 = P)")


# -- hole: a 60-character square was a time bomb (P†P of (Σ letters)^6: 2568² term pairs, 124 s) ----------
def test_an_operator_too_large_to_square_is_refused_unexpanded():
    x = "(A0_0 + A0_1 + A1_0 + A1_1 + B0_0 + B0_1 + B1_0 + B1_1)"
    data = _cglmp3_loose_sos()
    data["sos"]["terms"].append({"weight": "1", "polynomial": f"{x}^5"})
    r = _cert("sos", data).check()
    assert not r.passed and r.detail.endswith(
        "data.sos.terms[24].polynomial: a product of 1032 x 1032 terms (limit 200000 pairs)")
    data["sos"]["terms"][-1]["polynomial"] = f"{x}^256"  # a power: refused before it is expanded (expr.EXPR_PAIRS)
    r = _cert("sos", data).check()
    assert not r.passed and r.detail.endswith(f"'{x}^256' multiplies more than 200000 term pairs")
