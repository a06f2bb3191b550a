"""Producer-side Choi matrices J = Σ_ij |i⟩⟨j| ⊗ Λ(|i⟩⟨j|) of named maps on M_d.

Applying a map, trace preservation and the positivity form ⟨w|Λ(|u⟩⟨u|)|w⟩ are kernel code
(:mod:`exactbell.kernel.steering`: ``choi_apply``, ``choi_trace_preserving``, ``biquadratic_form``).
"""
from __future__ import annotations

from . import matrices as mx


def choi_transpose(d):
    """Choi matrix of the transpose: Σ_ij E_ij ⊗ E_ji (the swap)."""
    J = mx.zeros(d * d)
    for i in range(d):
        for j in range(d):
            J[i * d + j][j * d + i] = mx.ONE
    return J


def choi_identity(d):
    """Choi matrix of the identity map: Σ_ij E_ij ⊗ E_ij (d·|Φ+⟩⟨Φ+|)."""
    J = mx.zeros(d * d)
    for i in range(d):
        for j in range(d):
            J[i * d + i][j * d + j] = mx.ONE
    return J
