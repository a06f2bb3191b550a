"""Signaling-channel local behaviours of Sengupta–Wooltorton, Eq. (9).

Alice sees (x, ỹ), Bob sees (x̃, y), where the binary channels have fidelities
p = P(x̃=0|x=0), q = P(x̃=1|x=1), r = P(ỹ=0|y=0), s = P(ỹ=1|y=1). A deterministic pair of
response functions f_A(x, ỹ), f_B(x̃, y) gives the vertex

    p(a,b|x,y) = [Σ_ỹ P(ỹ|y) δ_{a,f_A(x,ỹ)}] · [Σ_x̃ P(x̃|x) δ_{b,f_B(x̃,y)}].

Scalars are generic: rationals for a fixed channel, :class:`~exactbell.kernel.poly.Poly` for a
symbolic one.
"""
from __future__ import annotations

from itertools import product

from ..behaviours import marginal
from ..kernel.functional import SW_SCENARIO, from_sw_matrix
from ..kernel.polytope import sw_point
from ..kernel.scenario import Behaviour

# Named channel models of the paper: fidelity expressions in the model's parameters, and the
# parameter domains the paper states for them.
MODELS = {
    "one-way-symmetric": {"p": "p", "q": "p", "r": "1/2", "s": "1/2"},  # S_(p,p),(1/2,1/2), Fig. 1
    "two-way-symmetric": {"p": "p", "q": "p", "r": "p", "s": "p"},  # S_(p,p),(p,p)
    "fixed-bit": {"p": "p", "q": "1", "r": "r", "s": "1"},  # S_(p,1),(r,1)
    "general": {"p": "p", "q": "q", "r": "r", "s": "s"},  # S_(p,q),(r,s)
}
DOMAINS = {
    "one-way-symmetric": {"p": ("1/2", "1")},  # p in [1/2, 1) (Sec. III A); closed for continuity
    "two-way-symmetric": {"p": ("0", "1")},
    "fixed-bit": {"p": ("0", "1"), "r": ("0", "1")},
    "general": {k: ("0", "1") for k in "pqrs"},
}


def channel(fid0, fid1):
    """P(out|in) for a binary channel with P(0|0) = fid0, P(1|1) = fid1, as [in][out]."""
    return [[fid0, 1 - fid0], [1 - fid1, fid1]]


def vertex(f_alice, f_bob, p, q, r, s) -> Behaviour:
    """The behaviour of Eq. (9) for truth tables f_alice[x][ỹ], f_bob[x̃][y] (the kernel's
    :func:`exactbell.kernel.polytope.sw_point`, in canonical order)."""
    flat = sw_point(f_alice, f_bob, p, q, r, s)
    return Behaviour(SW_SCENARIO, tuple(from_sw_matrix([flat[4 * i:4 * i + 4] for i in range(4)])))


def truth_tables():
    """All 16 deterministic functions {0,1}² → {0,1} as tables t[first][second]."""
    for bits in product((0, 1), repeat=4):
        yield ((bits[0], bits[1]), (bits[2], bits[3]))


def ns_products_a_to_b(P: Behaviour) -> list:
    """⟨NS_y^{A→B}, P⟩ = p_B(0|x=0,y) − p_B(0|x=1,y), y = 0, 1 (Sec. II of the paper)."""
    return [marginal(P, (1,), (0,), (0, y)) - marginal(P, (1,), (0,), (1, y)) for y in (0, 1)]


def ns_products_b_to_a(P: Behaviour) -> list:
    """⟨NS_x^{B→A}, P⟩ = p_A(0|x,y=0) − p_A(0|x,y=1), x = 0, 1."""
    return [marginal(P, (0,), (0,), (x, 0)) - marginal(P, (0,), (0,), (x, 1)) for x in (0, 1)]
