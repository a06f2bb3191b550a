"""C000-21.bff.*: Brown–Fawzi–Fawzi duals decided by the kernel (kind sos with Eve's letters, issue #17 point 4),
the m = 3 Gauss–Radau rule, and the rate intervals; ncpoly's adjoint on Eve's letters."""
from __future__ import annotations

import copy
import re
from fractions import Fraction as F

import pytest

from exactbell.kernel.check import check_file
from exactbell.kernel.ncpoly import (
    bff_operator,
    monomial_text,
    parse_operator,
    star,
)

from .conftest import PROOFS, caught, check_mutant, load

SW = PROOFS / "sengupta-wooltorton"
CERTS = sorted(SW.glob("C000-21.bff.*.json"))
SOS = SW / "C000-21.bff.m=3.chsh.p=3_5.mu=0.t=6449_10000.json"


def _op(text, eve=2):
    return parse_operator(text, 2, (2, 4), F, eve=eve)


# -- ncpoly: Eve's free letters ------------------------------------------------------------------------------
def test_eve_adjoint_reverses_and_stars():
    P = _op("2*Z0*Z1star*A0 + 3*B1*Z1")
    assert P.parties == 3
    assert P.adjoint().to_text() == "(3)*B1*Z1star + (2)*A0*Z1*Z0star"
    assert P.adjoint().adjoint().terms == P.terms
    assert star("Z0") == "Z0star" and star("Z0star") == "Z0" and star(1) == 1 and star((0, 1)) == (0, 1)


def test_eve_letters_are_free_and_commute_with_alice_and_bob():
    assert (_op("Z0") * _op("Z0")).to_text() == "(1)*Z0*Z0"  # no Z^2 = 1
    assert (_op("Z0star") * _op("Z0")).to_text() == "(1)*Z0star*Z0"  # no Z^*Z = 1
    assert (_op("Z0") * _op("A0") - _op("A0") * _op("Z0")).terms == {}  # [Z, A] = 0
    assert (_op("A0*Z0") * _op("A0*Z1")).to_text() == "(1)*Z0*Z1"  # A0 A0 = 1 across Eve's word
    assert (_op("Z0*Z1") - _op("Z1*Z0")).to_text() == "(1)*Z0*Z1 + (-1)*Z1*Z0"  # Eve's letters do not commute


def test_eve_names_need_the_declaration():
    with pytest.raises(Exception, match="unknown name 'Z0'"):
        _op("Z0", eve=0)
    with pytest.raises(Exception, match="unknown name 'Z2'"):
        _op("Z2")


def test_bff_operator_at_t():
    O = bff_operator(3, 0, 2, False, F(1, 3))
    assert O.adjoint().terms == O.terms  # Hermitian
    # M_{0|0} = (1 + A0)/2: coefficient 1/2 of Z0, A0*Z0, Z0star; (1 - t)/2 = 1/3 of Z0star*Z0; t = 1/3 of Z0*Z0star
    by = {monomial_text(m): c for m, c in O.terms.items()}
    assert by == {"Z0": F(1, 2), "A0*Z0": F(1, 2), "Z0star": F(1, 2), "A0*Z0star": F(1, 2), "Z0star*Z0": F(1, 3),
                  "A0*Z0star*Z0": F(1, 3), "Z0*Z0star": F(1, 3), "Z1": F(1, 2), "A0*Z1": F(-1, 2),
                  "Z1star": F(1, 2), "A0*Z1star": F(-1, 2), "Z1star*Z1": F(1, 3), "A0*Z1star*Z1": F(-1, 3),
                  "Z1*Z1star": F(1, 3)}


# -- the Radau rule of the rate certificates ------------------------------------------------------------------
def test_radau3_closed_forms_are_exact_to_degree_4():
    """t = (4 -+ s)/10, w = (16 -+ s)/36, (1, 1/9) with s = sqrt 6: sum_j w_j t_j^k = 1/(k + 1) for k <= 4, exactly
    in Q(sqrt 6) (pairs (a, b) = a + b sqrt 6), and the free nodes match the numeric rule."""
    from exactbell.randomness import radau

    def mul(x, y):
        return (x[0] * y[0] + 6 * x[1] * y[1], x[0] * y[1] + x[1] * y[0])

    nodes = [((F(2, 5), F(-1, 10)), (F(4, 9), F(-1, 36))), ((F(2, 5), F(1, 10)), (F(4, 9), F(1, 36))),
             ((F(1), F(0)), (F(1, 9), F(0)))]
    for k in range(5):
        total = (F(0), F(0))
        for t, w in nodes:
            p = w
            for _ in range(k):
                p = mul(p, t)
            total = (total[0] + p[0], total[1] + p[1])
        assert total == (F(1, k + 1), F(0))
    t, w = radau.gauss_radau(3)
    assert abs(t[0] - (4 - 6**0.5) / 10) < 1e-12 and abs(w[1] - (16 + 6**0.5) / 36) < 1e-12


def test_kernel_radau_rule_is_exact_and_checked():
    """The interval kind's radau_t(m, i), radau_w(m, i): certified enclosures integrating t^k exactly for
    k <= 2m - 2 (to 1e-60 at 256 bits) and matching the closed forms at m = 3; bad arguments are errors."""
    import flint

    from exactbell.kernel.expr import ExprError
    from exactbell.kernel.kinds.interval import _radau

    old, flint.ctx.prec = flint.ctx.prec, 256
    try:
        for m in (2, 3, 6, 8):
            t = [_radau(flint.arb(m), flint.arb(i), False) for i in range(1, m + 1)]
            w = [_radau(flint.arb(m), flint.arb(i), True) for i in range(1, m + 1)]
            assert t[-1] == 1 and all(t[j] < t[j + 1] for j in range(m - 1))
            for k in range(2 * m - 1):
                assert abs(sum(wi * ti**k for wi, ti in zip(w, t)) - flint.arb(1) / (k + 1)) < flint.arb("1e-60")
        assert abs(_radau(flint.arb(3), flint.arb(1), False) - (4 - flint.arb(6).sqrt()) / 10) < flint.arb("1e-70")
        assert abs(_radau(flint.arb(3), flint.arb(2), True) - (16 + flint.arb(6).sqrt()) / 36) < flint.arb("1e-70")
        for m, i in ((3, 4), (0, 1), (21, 1), ("2.5", 1), ("3 +/- 0.1", 1)):
            with pytest.raises(ExprError):
                _radau(flint.arb(m), flint.arb(i), False)
    finally:
        flint.ctx.prec = old


# -- the certificates -----------------------------------------------------------------------------------------
def test_certificates_pass_with_their_pins():
    from exactbell.generators.sw_bff import POINTS, RULES

    assert len(CERTS) == sum(m - 1 + len(POINTS) * (2 * m - 1) for m in RULES) == 71
    results = {p.stem: check_file(p) for p in CERTS}
    assert all(r.passed and r.verdict == "verified" and r.pin == "pinned" for r in results.values())
    lows = {(m, tag): F(results[f"C000-21.bff.m={m}.{tag}"].bracket[0]) for m in RULES for tag, *_ in POINTS}
    # the rigorous bounds (numeric m = 3: 0.91961, 0.80049, 0.63688, 0.68611; m = 6: 0.97996, 0.83066, 0.64843,
    # 0.69923)
    assert F(919, 1000) < lows[3, "chsh.p=1_2.mu=0"] < F(92, 100)
    assert F(80, 100) < lows[3, "chsh.p=3_5.mu=0"] < F(801, 1000)
    assert F(636, 1000) < lows[3, "t_p.p=3_4.mu=0"] < F(637, 1000)
    assert F(979, 1000) < lows[6, "chsh.p=1_2.mu=0"] < F(98, 100)
    assert F(830, 1000) < lows[6, "chsh.p=3_5.mu=0"] < F(831, 1000)
    assert F(648, 1000) < lows[6, "t_p.p=3_4.mu=0"] < F(649, 1000)
    assert F(685, 1000) < lows[3, "chsh.p=1_2.mu=1_20"] < F(686, 1000)
    assert F(698, 1000) < lows[6, "chsh.p=1_2.mu=1_20"] < F(699, 1000)
    for m, rule in RULES.items():  # the node certificates bracket t_i by the sos nodes
        for i, (_, _, lo, hi) in enumerate(rule, 1):
            assert [F(x) for x in results[f"C000-21.bff.radau{m}.t{i}"].bracket] == [lo, hi]


def test_rate_parameters_are_the_premises():
    """Each rate's c, lam are the bound and multiplier of its sos premises (functional -lam f - nu.NS, rebuilt
    here), each premise's node is its t_lo or t_hi, and w <= omega_f(mu) exactly."""
    from exactbell.generators.sw_bff import POINTS, RULES
    from exactbell.randomness.bff_dual import constraint_terms

    for (m, rule), (tag, q, p, mu, *_) in ((r, pt) for r in RULES.items() for pt in POINTS):
        rate = load(SW / f"C000-21.bff.m={m}.{tag}.json")["parameters"]
        w, qq = F(rate["w"]), F(1, 2) if q is None else F(q)
        assert 0 < w and w * w <= (1 - F(mu)) ** 2 * 8 * qq / (3 * qq - 1)
        for i, (*_, lo, hi) in enumerate(rule, 1):
            for side, t in (("lo", lo), ("hi", hi)):
                sos = load(SW / f"C000-21.bff.m={m}.{tag}.t={str(t).replace('/', '_')}.json")
                lam = F(rate[f"lam{i}{side}"])
                nu = tuple(F(v) for v in re.search(r"nu = \(([^)]*)\)", sos["summary"])[1].split(", "))
                assert lam >= 0 and F(sos["data"]["bound"]) == F(rate[f"c{i}{side}"])
                assert F(sos["data"]["eve"]["node"]) == t and sos["data"]["sense"] == "min"
                assert sos["data"]["functional"]["terms"] == constraint_terms(q, p, lam, nu)


def _mutants():
    def hermitian(c):  # Eve's Z made Hermitian: Z0star written as Z0 in the Gram basis
        c["data"]["sos"]["gram"]["basis"] = [b.replace("Z0star", "Z0") for b in c["data"]["sos"]["gram"]["basis"]]

    def no_star(c):  # the adjoint map dropped: Z1 and Z1star swapped everywhere in the basis
        c["data"]["sos"]["gram"]["basis"] = [b.replace("Z1star", "W").replace("Z1", "Z1star").replace("W", "Z1")
                                             for b in c["data"]["sos"]["gram"]["basis"]]

    def gram(c):
        m = c["data"]["sos"]["gram"]["matrix"]
        m[1][1] = str(F(m[1][1]) + F(1, 10**6))

    def lam(c):  # lambda negative: the functional's sign flipped
        c["data"]["functional"]["terms"] = {k: str(-F(v)) for k, v in c["data"]["functional"]["terms"].items()}

    def sense(c):
        c["data"]["sense"] = "max"

    def no_eve(c):
        del c["data"]["eve"]

    def node(c):
        c["data"]["eve"]["node"] = "1/2"

    def letters(c):
        c["data"]["eve"]["letters"] = 3

    def extra(c):
        c["data"]["eve"]["alpha"] = "1"

    def bound(c):
        c["data"]["bound"] = str(F(c["data"]["bound"]) + F(1, 10**9))

    return [hermitian, no_star, gram, lam, sense, no_eve, node, letters, extra, bound]


@pytest.mark.parametrize("mutate", _mutants(), ids=lambda f: f.__name__)
def test_sos_mutants_are_rejected(tmp_path, mutate):
    cert = load(SOS)
    mutate(cert)
    r = check_mutant(tmp_path, cert)
    assert r.verdict == "error" and not r.passed


def test_rate_and_node_mutants_are_caught(tmp_path):
    orig = check_file(SW / "C000-21.bff.m=6.t_p.p=3_4.mu=0.json")
    rate = load(SW / "C000-21.bff.m=6.t_p.p=3_4.mu=0.json")
    bad = copy.deepcopy(rate)
    bad["parameters"]["lam1lo"] = str(-F(bad["parameters"]["lam1lo"]))  # lambda negative: the bracket fails
    assert caught(tmp_path, orig, bad) and not check_mutant(tmp_path, bad).passed
    bad = copy.deepcopy(rate)
    bad["parameters"]["c2hi"] = str(F(bad["parameters"]["c2hi"]) + 1)  # a larger c: the statement changes
    assert caught(tmp_path, orig, bad)
    node = load(SW / "C000-21.bff.radau3.t1.json")
    node["data"]["bracket"] = ["0.1552", "0.1560"]  # t_lo > t_1
    r = check_mutant(tmp_path, node)
    assert not r.passed and "arb does not prove" in r.detail
    node = load(SW / "C000-21.bff.radau6.t1.json")
    node["data"]["quantity"]["value"] = "radau_t(6, 2)"  # another node
    assert not check_mutant(tmp_path, node).passed


@pytest.mark.slow
@pytest.mark.parametrize("cid", ["C000-21.bff.m=3.chsh.p=3_5.mu=0.t=31_200", "C000-21.bff.m=6.chsh.p=3_5.mu=0",
                                 "C000-21.bff.radau6.t2"])
def test_regeneration_is_byte_identical(cid):
    from exactbell.certificates.format import dump_certificate
    from exactbell.generators import discover, file_name

    assert dump_certificate(discover()[cid].make()) == (SW / file_name(cid)).read_text()


def test_kernel_with_hermitian_eve_letters_rejects(monkeypatch):
    """A kernel whose adjoint ignores Eve's stars (Z_a Hermitian, Z_a^* a second letter) no longer finds the
    identity: the certificate depends on the adjoint map Z_a <-> Z_a^*."""
    from exactbell.kernel import ncpoly

    assert check_file(SOS).passed
    monkeypatch.setattr(ncpoly, "star", lambda letter: letter)
    r = check_file(SOS)
    assert not r.passed and "the identity fails" in r.detail
