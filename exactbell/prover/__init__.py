"""Lemma-style inequality prover with exact certificates (see :mod:`exactbell.prover.api`)."""
from .api import Statement, check_counterexample, parse_interval, prove, verify
from .expression import ProverError

__all__ = ["Statement", "prove", "verify", "check_counterexample", "parse_interval", "ProverError"]
