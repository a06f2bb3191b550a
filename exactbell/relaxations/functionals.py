"""Bell functionals and observed distributions used by Chaves–Kueng–Brask–Gross, exactly.

Producer-side helpers; the kernel's own definitions live in exactbell.kernel.lp / kernel.models.
A functional is (coefficients, constant): a dict over the inputs-major observed index
of a :class:`~exactbell.relaxations.models.CausalModel`-style scenario (contexts = input tuples in
lexicographic order, outcomes = output tuples in lexicographic order) and a rational constant;
its value on p is Σ_j coef_j p_j + constant.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..kernel import lp as L
from ..kernel.models import cglmp as kernel_cglmp
from ..kernel.models import i3322 as kernel_i3322
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
    """CHSH in the paper's 0-bound form (eq. 8): (coefficients, constant), from :func:`exactbell.kernel.lp.chsh`."""
    coef = L.chsh(r, s, t)
    return coef, coef.pop(16)


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
    return L.pr_box(r, s, t)


def i3322() -> tuple:
    """I3322 (kernel: :func:`exactbell.kernel.models.i3322`, marginals averaged over the other input)."""
    return {k: v for k, v in enumerate(kernel_i3322()) if v}, F(0)


def i3322_pr() -> list:
    return L.distribution("i3322-pr", L.local_model([(3, 2), (3, 2)]))


def white_noise(size: int, outcomes: int) -> list:
    return [F(1, outcomes)] * size


def cglmp(d: int) -> tuple:
    """CGLMP I_d (kernel: :func:`exactbell.kernel.models.cglmp`)."""
    if not isinstance(d, int) or isinstance(d, bool) or d < 2:
        raise ModelError("CGLMP needs an integer d >= 2")
    return {k: v for k, v in enumerate(kernel_cglmp(d)) if v}, F(0)


def ghz() -> list:
    return L.distribution("ghz", L.local_model([(2, 2)] * 3))


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
    """Eqs. (54)-(55): p_v = v² p + (1 − v²)/16 (kernel: distribution "werner-bilocal")."""
    m = L.CausalModel({"x": 2, "z": 2}, {"a": 2, "b": 4, "c": 2}, {"a": ["x"], "b": [], "c": ["z"]}, {})
    v2 = F(v2)
    return [(1 - v2) * n + v2 * w for w, n in zip(L.distribution("werner-bilocal", m), L.distribution("white-noise", m))]


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
