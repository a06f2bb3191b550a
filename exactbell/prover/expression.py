"""The prover's expression layer is the kernel's: :mod:`exactbell.kernel.prove_check` (re-exported)."""
from __future__ import annotations

from ..kernel.prove_check import RF, Collector, Ring, eval_point, has_sqrt, parse_ast, used_variables  # noqa: F401
from ..kernel.prove_check import ProofError as ProverError  # noqa: F401
