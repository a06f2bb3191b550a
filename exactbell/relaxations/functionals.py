"""Bell functionals and observed distributions used by Chaves–Kueng–Brask–Gross, exactly.

Trusted code. A functional is (coefficients, constant): a dict over the inputs-major observed index
of a :class:`~exactbell.relaxations.models.CausalModel`-style scenario (contexts = input tuples in
lexicographic order, outcomes = output tuples in lexicographic order) and a rational constant;
its value on p is Σ_j coef_j p_j + constant.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from .models import ModelError

F = Fraction


def _index(ins, outs, ctx, out):
    ci = 0
    for m, v in zip(ins, ctx):
        ci = ci * m + v
    oi = 0
    for o, v in zip(outs, out):
        oi = oi * o + v
    n_out = 1
    for o in outs:
        n_out *= o
    return ci * n_out + oi


def chsh_variant(r: int, s: int, t: int) -> tuple:
    """CHSH in the paper's 0-bound form (eq. 8 up to relabelling): (S − 3)/2 with
    S = Σ_xy P(a⊕b = xy ⊕ r·x ⊕ s·y ⊕ t | xy). Local bound 0, PR value 1/2, Tsirelson 1/√2 − 1/2."""
    coef = {}
    for x, y, a, b in product(range(2), repeat=4):
        if a ^ b == (x * y) ^ (r * x) ^ (s * y) ^ t:
            coef[_index((2, 2), (2, 2), (x, y), (a, b))] = F(1, 2)
    return coef, F(-3, 2)


CHSH_VARIANTS = [(r, s, t) for r in range(2) for s in range(2) for t in range(2)]


def chsh_eq8() -> tuple:
    """Eq. (8) literally: p(00|00)+p(00|01)+p(00|10)−p(00|11)−p_A(0|0)−p_B(0|0), marginals from
    context (0,0)."""
    ix = lambda x, y, a, b: _index((2, 2), (2, 2), (x, y), (a, b))  # noqa: E731
    coef = {ix(0, 0, 0, 0): F(1), ix(0, 1, 0, 0): F(1), ix(1, 0, 0, 0): F(1), ix(1, 1, 0, 0): F(-1)}
    for b in range(2):
        coef[ix(0, 0, 0, b)] = coef.get(ix(0, 0, 0, b), 0) - 1
    for a in range(2):
        coef[ix(0, 0, a, 0)] = coef.get(ix(0, 0, a, 0), 0) - 1
    return {k: v for k, v in coef.items() if v}, F(0)


def pr_box(r: int, s: int, t: int) -> list:
    """PR box saturating CHSH variant (r,s,t): p(ab|xy) = 1/2 iff a⊕b = xy⊕rx⊕sy⊕t."""
    p = [F(0)] * 16
    for x, y, a, b in product(range(2), repeat=4):
        if a ^ b == (x * y) ^ (r * x) ^ (s * y) ^ t:
            p[_index((2, 2), (2, 2), (x, y), (a, b))] = F(1, 2)
    return p


def i3322() -> tuple:
    """I3322 in Collins–Gisin form (≤ 0 locally): +p(00|xy) on (0,0),(0,1),(0,2),(1,0),(1,1),(2,0),
    −p(00|12) − p(00|21) − 2 p_A(0|0) − p_A(0|1) − p_B(0|0); marginals from context y=0 / x=0."""
    ix = lambda x, y, a, b: _index((3, 3), (2, 2), (x, y), (a, b))  # noqa: E731
    coef = {}

    def add(k, v):
        coef[k] = coef.get(k, 0) + v

    for x, y in ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)):
        add(ix(x, y, 0, 0), 1)
    add(ix(1, 2, 0, 0), -1)
    add(ix(2, 1, 0, 0), -1)
    for b in range(2):
        add(ix(0, 0, 0, b), -2)
        add(ix(1, 0, 0, b), -1)
    for a in range(2):
        add(ix(0, 0, a, 0), -1)
    return {k: F(v) for k, v in coef.items() if v}, F(0)


def i3322_pr() -> list:
    """p(ab|xy) = 1/2 iff [a⊕b = 1] ⇔ [x + y = 3] (I3322 = 1)."""
    p = [F(0)] * 36
    for x, y, a, b in product(range(3), range(3), range(2), range(2)):
        if (a ^ b == 1) == (x + y == 3):
            p[_index((3, 3), (2, 2), (x, y), (a, b))] = F(1, 2)
    return p


def white_noise(size: int, outcomes: int) -> list:
    return [F(1, outcomes)] * size


def cglmp(d: int) -> tuple:
    """CGLMP I_d (local bound 2, NS maximum 4), inputs 2×2, outputs d×d."""
    if not isinstance(d, int) or d < 2:
        raise ModelError("CGLMP needs an integer d >= 2")
    coef = {}

    def add(x, y, pred, w):
        for a, b in product(range(d), repeat=2):
            if pred(a, b):
                k = _index((2, 2), (d, d), (x, y), (a, b))
                coef[k] = coef.get(k, 0) + w

    for k in range(d // 2):
        w = 1 - F(2 * k, d - 1)
        add(0, 0, lambda a, b: a == (b + k) % d, w)
        add(1, 0, lambda a, b: b == (a + k + 1) % d, w)
        add(1, 1, lambda a, b: a == (b + k) % d, w)
        add(0, 1, lambda a, b: b == (a + k) % d, w)
        add(0, 0, lambda a, b: a == (b - k - 1) % d, -w)
        add(1, 0, lambda a, b: b == (a - k) % d, -w)
        add(1, 1, lambda a, b: a == (b - k - 1) % d, -w)
        add(0, 1, lambda a, b: b == (a - k - 1) % d, -w)
    return {k: F(v) for k, v in coef.items() if v}, F(0)


def ghz() -> list:
    """p(abc|xyz) = [1 + (−1)^{a+b+c} cos(π(x+y+z)/2)]/8, x,y,z ∈ {0 = X, 1 = Y}."""
    cos = {0: 1, 1: 0, 2: -1, 3: 0}
    p = []
    for x, y, z in product(range(2), repeat=3):
        for a, b, c in product(range(2), repeat=3):
            p.append(F(1 + (-1) ** (a + b + c) * cos[x + y + z], 8))
    return p


def correlator_functional(terms: dict, m_x: int, m_y: int) -> tuple:
    """Σ c_xy E_xy with E_xy = Σ_ab (−1)^{a+b} p(ab|xy), binary outputs; terms {(x,y): c}."""
    coef = {}
    for (x, y), c in terms.items():
        for a, b in product(range(2), repeat=2):
            k = _index((m_x, m_y), (2, 2), (x, y), (a, b))
            coef[k] = coef.get(k, 0) + F(c) * (-1) ** (a + b)
    return {k: v for k, v in coef.items() if v}, F(0)


I_A_TO_B = {(0, 0): 1, (0, 2): -1, (1, 1): -1, (1, 2): 1, (2, 0): -1, (2, 1): 1}  # eq. (10)


def evaluate(functional: tuple, p) -> Fraction:
    coef, const = functional
    return sum((v * p[k] for k, v in coef.items()), F(0)) + const


def functional_shape(spec) -> tuple:
    """(#contexts, #outcomes per context) of the scenario a named functional is written for."""
    name = spec.get("name") if isinstance(spec, dict) else None
    if name in ("chsh", "chsh-eq8"):
        return 4, 4
    if name in ("i3322", "i-a-to-b"):
        return 9, 4
    if name == "cglmp":
        d = spec.get("d")
        if not isinstance(d, int) or isinstance(d, bool) or d < 2:
            raise ModelError("CGLMP needs an integer d >= 2")
        return 4, d * d
    raise ModelError(f"unknown functional {name!r}")


def check_shape(spec, n_contexts: int, n_outcomes: int) -> None:
    want = functional_shape(spec)
    if want != (n_contexts, n_outcomes):
        raise ModelError(f"functional {spec.get('name')} is written for {want[0]} contexts x {want[1]} outcomes, "
                         f"the model has {n_contexts} x {n_outcomes}")


def named_functional(spec) -> tuple:
    """{"name": "chsh", "variant": [r,s,t]} | {"name": "chsh-eq8"} | {"name": "i3322"} |
    {"name": "cglmp", "d": d} | {"name": "i-a-to-b"}."""
    if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
        raise ModelError('functional must be an object {"name": …}')
    name = spec["name"]
    if name == "chsh":
        v = spec.get("variant")
        if not (isinstance(v, list) and len(v) == 3 and all(b in (0, 1) and not isinstance(b, bool) for b in v)):
            raise ModelError("chsh variant must be [r, s, t] with entries 0/1")
        return chsh_variant(*v)
    if name == "chsh-eq8":
        return chsh_eq8()
    if name == "i3322":
        return i3322()
    if name == "cglmp":
        return cglmp(spec.get("d"))
    if name == "i-a-to-b":
        return correlator_functional(I_A_TO_B, 3, 3)
    raise ModelError(f"unknown functional {name!r}")


def bilocal_binary(v2) -> list:
    """Eqs. (54)-(55): p_v = v² p + (1 − v²)/16 for two Werner states and the stated measurements;
    contexts (x, z), outcomes (a, b, c) with Bob's b = 2 b0 + b1."""
    v2 = F(v2)
    return [F(1, 16) * (1 + v2 * (-1) ** (a + c) * F((-1) ** b0 + (-1) ** (x + z + b1), 2))
            for x, z, a, b0, b1, c in _bilocal_entries()]


def _bilocal_entries():
    """(x, z, a, b0, b1, c) in the order of the binary bilocal distribution vector."""
    for x, z, a, b, c in product(range(2), range(2), range(2), range(4), range(2)):
        yield (x, z, a) + divmod(b, 2) + (c,)


def bilocal_ij(p) -> tuple:
    """Branciard et al.'s I = ¼ Σ_xz <A_x B⁰ C_z>, J = ¼ Σ_xz (−1)^{x+z} <A_x B¹ C_z>, B^k = (−1)^{b_k}."""
    I = J = F(0)
    for w, (x, z, a, b0, b1, c) in zip(p, _bilocal_entries()):
        I += w * (-1) ** (a + b0 + c) / 4
        J += w * (-1) ** (x + z + a + b1 + c) / 4
    return I, J
