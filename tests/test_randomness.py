"""DI randomness with noisy one-way signaling (Sengupta–Wooltorton Sec. V, C000-21).

Independent references: the Gauss–Radau rule's closed form and exactness degree (Abramowitz–Stegun
25.4.31); BFF Thm 2.3 with a trivial Eve (Z_a scalar: the infimum is −1/(1 + t) per node, closed form);
the CHSH guessing probability 1/2 + 1/2 √(2 − S²/4) and von Neumann rate 1 − h((1 + √(S²/4 − 1))/2)
(Pironio et al. 2009 / Acín et al. 2007); Prop. 1 item 3's T_q maximum; Eq. (19)'s pull-back on a
non-signaling strategy. Certificates: the kernel decides them; mutants fail.
"""
import copy
import math
from fractions import Fraction as F

import numpy as np
import pytest

from exactbell.kernel.check import check_file
from exactbell.randomness import behaviour, bff, guessing, moments, radau

from .conftest import PROOFS, check_mutant, load

SW = PROOFS / "sengupta-wooltorton"


def h(x):
    return -x * math.log2(x) - (1 - x) * math.log2(1 - x)


def test_gauss_radau_m2_closed_form():
    t, w = radau.gauss_radau(2)
    assert radau.gauss_radau_2() == ((F(1, 3), F(1)), (F(3, 4), F(1, 4)))
    assert np.allclose(t, [1 / 3, 1], atol=1e-15, rtol=0) and np.allclose(w, [3 / 4, 1 / 4], atol=1e-15, rtol=0)
    # exact for degree 2m - 2 = 2 in exact arithmetic, not for degree 3
    (t1, t2), (w1, w2) = radau.gauss_radau_2()
    assert [w1 * t1**k + w2 * t2**k for k in range(3)] == [1, F(1, 2), F(1, 3)]
    assert w1 * t1**3 + w2 * t2**3 == F(5, 18) != F(1, 4)


@pytest.mark.parametrize("m", [3, 4, 6, 8])
def test_gauss_radau_degree(m):
    t, w = radau.gauss_radau(m)
    assert t[-1] == 1.0 and np.all(np.diff(t) > 0) and np.all(w > 0)
    assert max(abs(sum(w * t**k) - 1 / (k + 1)) for k in range(2 * m - 1)) < 1e-12
    assert abs(sum(w * t ** (2 * m - 1)) - 1 / (2 * m)) > 1e-10  # degree 2m - 1 is not (error 1.5e-9 at m = 8)


def test_bff_constant_and_trivial_eve():
    t, w = radau.gauss_radau(2)
    assert radau.bff_constant(t, w) == pytest.approx((3 / 4) / ((1 / 3) * math.log(2)), abs=1e-14)
    # scalar Z_a = z: min over z of Re z + (1 + t)/2 |z|^2 per outcome of a uniform bit is -1/(2(1 + t))
    trivial = radau.bff_constant(t, w) + (3 / 4) / ((1 / 3) * math.log(2)) * (-1 / (1 + 1 / 3))
    assert trivial == pytest.approx((9 / 16) / math.log(2), abs=1e-14)


def test_t_q_float_equals_kernel_functional():
    for q in (F(9, 20), F(1, 2), F(3, 5), F(3, 4), F(9, 10)):
        assert np.abs(behaviour.t_q(float(q)) - behaviour.as_array(behaviour.t_q_exact(q))).max() < 1e-14
    # T_{1/2} = CHSH on non-signaling behaviours (Eq. 14): the difference is Bob's marginals
    # <B_01 - B_00 + B_10 - B_11>, zero on the 16 deterministic non-signaling strategies, not on signaling ones
    D = behaviour.t_q(0.5) - behaviour.chsh()
    for a0, a1, b0, b1 in np.ndindex(2, 2, 2, 2):
        P = np.zeros((2, 2, 2, 2))
        for x, y in np.ndindex(2, 2):
            P[(a0, a1)[x], (b0, b1)[y], x, y] = 1
        assert (D * P).sum() == 0
    P = np.zeros((2, 2, 2, 2))
    for x, y in np.ndindex(2, 2):
        P[0, x ^ y, x, y] = 1  # Bob outputs x XOR y (he sees Alice's input)
    assert (D * P).sum() == -4


@pytest.mark.parametrize("q", [0.45, 0.5, 0.6, 0.75, 0.9])
def test_strategy_13_attains_prop1_bound_and_pull_back(q):
    psi, A0, A1, B0, B1 = behaviour.strategy_13(q)
    P = behaviour.behaviour(psi, [A0, A1], [B0, B1])
    value = (behaviour.t_q(q) * P).sum()
    assert value == pytest.approx(2 * math.sqrt(2) * math.sqrt(q / (3 * q - 1)), abs=1e-12)
    # Bob ignores x~: q(ab|x, 2x~ + y) = P(ab|xy), and Eq. (19) returns <F, P> for every p
    Q = np.concatenate([P, P], axis=3)
    for p in (0.5, 0.7, 0.95):
        assert (behaviour.pull_back(behaviour.t_q(q), p) * Q).sum() == pytest.approx(value, abs=1e-12)


def test_moment_words():
    w = ((0, 1), (2,), (1, 2))  # M0 M1 N2 Z0* Z1
    assert moments.adjoint(w) == ((1, 0), (2,), (3, 0))
    assert moments.key(w) == moments.key(moments.adjoint(w))
    assert moments.product_word(((0,), (), ()), ((0, 1), (), ())) == ((0, 1), (), ())  # M0 M0 = M0
    total: dict = {}
    for a in range(2):
        for b in range(2):
            for word, c in moments.prob_terms(a, b, 1, 3).items():
                total[word] = total.get(word, 0) + c
    assert {k: v for k, v in total.items() if v} == {moments.ONE: 1}  # Σ_ab p(ab|xj) = 1


def test_guessing_probability_chsh_closed_form():
    S = behaviour.observed_value(0.5, 0.05)
    g = guessing.guessing_probability(behaviour.chsh(), S, 0.5)
    assert g.value == pytest.approx(0.5 + 0.5 * math.sqrt(2 - S * S / 4), abs=1e-5)
    assert g.lam > 0
    terms = guessing.bound_terms(None, F(1, 2), F(3, 4), (F(1), F(-2)), 0)
    assert not any(k in terms for k in ("B0", "B1", "B2", "B3"))  # (2p - 1) = 0: no NS term at p = 1/2
    assert terms["1"] == "1/2" and terms["A0"] == "1/2" and terms["A1B1"] == terms["A1B3"] == "-3/8"


def test_bff_rate_at_maximal_chsh_is_trivial_eve_value():
    # at S = 2 sqrt 2 (p = 1/2) Eve is decoupled: the m = 2 bound is the trivial-Eve value (9/16)/ln 2
    r = bff.BFFProblem().rate(behaviour.chsh(), 2 * math.sqrt(2) * (1 - 1e-7), 0.5, m=2)
    assert r.rate == pytest.approx((9 / 16) / math.log(2), abs=2e-3)


@pytest.mark.slow
def test_bff_rate_below_chsh_closed_form():
    S = behaviour.observed_value(0.5, 0.05)
    exact = 1 - h((1 + math.sqrt(S * S / 4 - 1)) / 2)
    r = bff.BFFProblem().rate(behaviour.chsh(), S, 0.5, m=6).rate
    assert exact - 0.03 < r <= exact + 1e-4  # BFF is a lower bound; m = 6 loses little
    # signaling can only help Eve: the p = 0.6 bound is below the non-signaling one
    assert bff.BFFProblem().rate(behaviour.chsh(), S, 0.6, m=2).rate < r


CERTS = sorted(SW.glob("C000-21.hmin.*.json"))


def test_certificates_pass_and_bracket_the_known_rate():
    assert len(CERTS) == 18
    results = {p.stem: check_file(p) for p in CERTS}
    assert all(r.passed and r.verdict == "verified" for r in results.values())
    # CHSH at maximal violation, p = 1/2: the rate is 1 bit; the certified bracket [L, 1] contains it
    lo = F(results["C000-21.hmin.chsh.p=1_2.mu=0"].bracket[0])
    assert F(99, 100) < lo < 1
    # CHSH at S = (19/20) 2 sqrt 2, p = 1/2: H_min = -log2(1/2 + 1/2 sqrt(2 - S^2/4)) lies in the bracket [L, 1]
    # and the rounded dual loses less than 1e-5
    S = 0.95 * 2 * math.sqrt(2)
    exact = -math.log2(0.5 + 0.5 * math.sqrt(2 - S * S / 4))
    lo = float(F(results["C000-21.hmin.chsh.p=1_2.mu=1_20"].bracket[0]))
    assert lo <= exact < lo + 1e-5
    # every interval's eta is the larger of its two sos bounds, its lam the sos premises' multiplier
    for stem, r in results.items():
        if ".e=" in stem:
            continue
        cert = load(SW / f"{stem}.json")
        etas = [F(load(SW / f"{stem}.e={e}.json")["data"]["bound"]) for e in (0, 1)]
        assert F(cert["parameters"]["eta"]) == max(etas)
        assert F(cert["parameters"]["lam"]) > 0 and F(r.bracket[0]) > 0


def test_premises_are_the_duals_the_interval_uses():
    """Each interval's lam and w are the ones of its sos premises: the premises' functionals are exactly
    <Pi_(e|0)> + lam T_q(P) + nu.NS (rebuilt here from the point's q, p), and w <= omega_f(mu) exactly."""
    import re

    from exactbell.generators.sw_randomness import POINTS

    assert len(POINTS) == 6
    for tag, q, p, mu, _ in POINTS:
        rate = load(SW / f"C000-21.hmin.{tag}.json")
        lam, w = F(rate["parameters"]["lam"]), F(rate["parameters"]["w"])
        qq = F(1, 2) if q is None else F(q)
        assert 0 < w and w * w <= (1 - F(mu)) ** 2 * 8 * qq / (3 * qq - 1)
        for e in (0, 1):
            sos = load(SW / f"C000-21.hmin.{tag}.e={e}.json")
            nu = tuple(F(v) for v in re.search(r"nu = \(([^)]*)\)", sos["summary"])[1].split(", "))
            assert sos["data"]["functional"]["terms"] == guessing.bound_terms(q, p, lam, nu, e)


def test_mutated_certificates_fail(tmp_path):
    sos = load(SW / "C000-21.hmin.chsh.p=3_5.mu=0.e=0.json")
    bad = copy.deepcopy(sos)
    bad["data"]["bound"] = str(F(bad["data"]["bound"]) - F(1, 10**6))  # below the SOS identity's constant
    assert not check_mutant(tmp_path, bad).passed
    bad = copy.deepcopy(sos)
    bad["data"]["functional"]["terms"]["A0"] = "1"  # a different guess functional
    assert not check_mutant(tmp_path, bad, "f.json").passed
    rate = load(SW / "C000-21.hmin.t_p.p=9_10.mu=0.json")
    bad = copy.deepcopy(rate)
    bad["parameters"]["eta"] = str(F(bad["parameters"]["eta"]) + F(1, 100))  # the bracket no longer holds
    r = check_mutant(tmp_path, bad, "r.json")
    assert not r.passed and "arb does not prove" in r.detail


@pytest.mark.slow
@pytest.mark.parametrize("cid", ["C000-21.hmin.t_p.p=3_4.mu=0.e=1", "C000-21.hmin.t_p.p=3_4.mu=0"])
def test_regeneration_is_byte_identical(cid):
    from exactbell.certificates.format import dump_certificate
    from exactbell.generators import discover, file_name

    assert dump_certificate(discover()[cid].make()) == (SW / file_name(cid)).read_text()


def test_plots(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from exactbell.plots import discover
    from exactbell.plots import sengupta_wooltorton_randomness as sw

    assert {"sengupta-wooltorton-fig2", "sengupta-wooltorton-fig3", "sengupta-wooltorton-fig4"} <= set(discover())
    pts = sw.certified()
    assert sorted((f, p, mu) for f, p, mu, _ in pts) == [
        ("chsh", 0.5, 0.0), ("chsh", 0.5, 0.05), ("chsh", 0.6, 0.0), ("t_p", 0.75, 0.0), ("t_p", 0.9, 0.0),
        ("t_q=99_100", 0.9, 0.0)]
    data = sw.curves()
    # both are lower bounds on the same rate (at most 1 bit); neither dominates: near maximal violation the
    # min-entropy bound beats BFF with m = 4 nodes (capped at 0.9549 for a perfectly random bit)
    for f, p, mu, lo in pts:
        assert 0 < lo < 1
        if mu == 0 and f in data["fig3"]:
            assert data["fig3"][f][data["fig3"]["p"].index(p)] <= 1
    i = data["fig3"]["p"].index(0.5)
    assert data["fig3"]["chsh"][i] < sw.certified()[0][3]
    # the rounded BFF duals (m = 6) at four of those points; away from maximal violation the certified
    # von Neumann bound beats the certified min-entropy bound (H >= H_min, and BFF is tight there)
    bff = {(f, p, mu): lo for f, p, mu, lo in sw.certified(sw.BFF)}
    hmin = {(f, p, mu): lo for f, p, mu, lo in pts}
    assert sorted(bff) == [("chsh", 0.5, 0.0), ("chsh", 0.5, 0.05), ("chsh", 0.6, 0.0), ("t_p", 0.75, 0.0)]
    assert all(0 < lo < 1 for lo in bff.values())
    assert [k for k in sorted(bff) if bff[k] > hmin[k]] == [("chsh", 0.5, 0.05), ("chsh", 0.6, 0.0), ("t_p", 0.75, 0.0)]
    for draw in (sw.fig2, sw.fig3, sw.fig4):
        path = draw(tmp_path)
        assert path.parent == tmp_path and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
