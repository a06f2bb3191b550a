"""Explicit resource limits of the kernel, enforced while reading and deciding (each with a one-line error);
the per-certificate wall-clock and memory limits apply in the worker of :mod:`exactbell.kernel.run`."""
from __future__ import annotations

from dataclasses import dataclass

FILE_BYTES = 32 * 1024 * 1024  # a certificate file, counted while reading (st_size is not trusted)
JSON_DEPTH = 64  # nesting of JSON arrays and objects
INT_DIGITS = 2000  # decimal digits of any integer in a number, literal or expression
TEXT_CHARS = 4000  # a free-text field (summary, location, conventions)
ID_CHARS = 200  # id, claim, kind, names
LIST_LENGTH = 2_000_000  # entries of any JSON array
EXPR_CHARS = 200_000  # characters of one expression
EXPR_BITS = 200_000  # estimated bit size of any intermediate value of an expression
EXPONENT = 256  # |n| in x^n
PRODUCT_PAIRS = 200_000  # term pairs of one product of polynomials or operators (and of an operator's square)
EXPR_PAIRS = 200_000  # term pairs multiplied in all the products and powers of one expression
CERT_PAIRS = 1_000_000  # ... and in all the expressions of one certificate (while check.decide runs)
STRATEGIES = 50_000_000  # deterministic strategies a local-bound enumeration may visit
ANGLE_DENOMINATOR = 360  # q in an angle p*pi/q
EXCLUDED_POINTS = 64  # points excluded from one domain "(lo, hi) \\ {x, ...}"
FIELD_DEGREE = ANGLE_DENOMINATOR  # of a number field: Q(2cos(2pi/N)), N <= 720, has degree <= 359


@dataclass(frozen=True)
class RunLimits:
    """Per-certificate limits of a checking worker (overridable on the command line)."""

    seconds: float = 900.0
    memory_mb: int = 4096
