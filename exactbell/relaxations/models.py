"""Causal structures p = T q over deterministic response functions: moved to :mod:`exactbell.kernel.lp`
(ns_rows: :mod:`exactbell.kernel.scenario`; one implementation); re-exported here for the producers."""
from __future__ import annotations

from ..kernel.lp import CausalModel, local_model, named_model
from ..kernel.lp import LPError as ModelError
from ..kernel.scenario import ns_rows

__all__ = ["CausalModel", "ModelError", "local_model", "named_model", "ns_rows"]
