"""Causal structures p = T q over deterministic response functions: moved to
:mod:`exactbell.kernel.lp` (one implementation); re-exported here for the producers."""
from __future__ import annotations

from ..kernel.lp import CausalModel, local_model, named_model
from ..kernel.scenario import ns_rows
from ..kernel.lp import LPError as ModelError

__all__ = ["CausalModel", "ModelError", "local_model", "named_model", "ns_rows"]
