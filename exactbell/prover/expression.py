"""The prover's expression layer is the kernel's: :mod:`exactbell.kernel.prove_check` (re-exported)."""
from __future__ import annotations

from ..kernel.prove_check import (RF, SV, Collector, Quad, Ring, branch_at, eval_arb, eval_point,  # noqa: F401
                                  has_sqrt, is_piecewise, parse_ast, rf_at, sign_quad, sv_sign_at,
                                  symbolic_single, to_arb, used_variables)
from ..kernel.prove_check import ProofError as ProverError  # noqa: F401


def interval(lo, hi):
    """The arb ball [lo, hi]."""
    return to_arb(lo).union(to_arb(hi))
