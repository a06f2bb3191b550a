"""Generator side of the kernel kind ``interval``: fill in ``data.bracket`` by evaluating the
kernel's own quantity (arb) and rounding outward to a number of decimals. Untrusted: the kernel
re-proves the bracket when it checks the file."""
from __future__ import annotations

import json
import tempfile
from fractions import Fraction
from math import ceil, floor
from pathlib import Path

from ..certificates.format import dump_certificate


def _exact(x) -> Fraction:
    m, e = x.mid().man_exp()
    return Fraction(int(m)) * (Fraction(2) ** int(e))


def _text(m: int, k: int) -> str:
    sign, m = ("-" if m < 0 else ""), abs(m)
    return f"{sign}{m // 10**k}.{m % 10**k:0{k}d}"


def bounds(cert: dict):
    """(lower ball or None, upper ball or None) of the certificate's quantity, as the kernel computes them."""
    import flint

    from ..kernel.envelope import load
    from ..kernel.kinds.interval import PREC, QUANTITIES
    from ..kernel.params import Context

    probe = json.loads(json.dumps(cert))
    probe["data"]["bracket"] = ["0.0", "1.0"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.json"
        path.write_text(dump_certificate(probe))
        c = load(path)
        ctx = Context.of(c)
        old, flint.ctx.prec = flint.ctx.prec, PREC
        try:
            spec = c.data.obj("quantity")
            lower, upper, *_ = QUANTITIES[spec.text("of")](ctx, spec)
            return lower, upper
        finally:
            flint.ctx.prec = old


def with_bracket(cert: dict, digits: int) -> dict:
    """``cert`` with data.bracket = the kernel's bounds rounded outward to ``digits`` decimals."""
    balls = [b for b in bounds(cert) if b is not None]
    s = 10**digits
    lo = min(_exact(b.lower()) for b in balls) * s
    hi = max(_exact(b.upper()) for b in balls) * s
    lo_i, hi_i = floor(lo), ceil(hi)
    lo_i -= lo_i == lo
    hi_i += hi_i == hi
    cert["data"]["bracket"] = [_text(lo_i, digits), _text(hi_i, digits)]
    return cert
