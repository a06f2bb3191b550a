"""Kind ``entropy-value``: binary-entropy values H_bin(q) = −q log2 q − (1−q) log2(1−q) at exact q.

data:
  field       optional number field (q may be algebraic)
  phi         optional angle r (units of π) with ``trig`` {"sin": {"r": value}} (verified exactly);
              then q must equal (1 + sin φ)/2 (the key-rate argument of Prop. 3, Eq. F10)
  argument    q ∈ (0, 1)
  log_form    optional, rational q only: {"constant": c, "log2": {"n": a_n, ...}} claiming
              H_bin(q) = c + Σ a_n log2(n) exactly — decided by unique factorization (logs of
              distinct primes are linearly independent over Q)
  digits      k (1 … 40): intervals are the canonical decimal cells [m/10^k, (m+1)/10^k]
  interval    [lo, hi]: the cell containing H_bin(q), proven with python-flint arb (256 bits)
  natural_log optional (needs log_form) [lo, hi]: the cell containing c + Σ a_n ln n
verified when every stated item holds (the interval is returned as the bracket).
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.algebraic import AlgebraicNumber
from ...kernel.numbers import format_rational
from ...quantum.trig import TrigError, _arf_to_fraction, _enclose, verify_sin
from . import Outcome, checker


def _factor(n: int) -> dict:
    out, p = {}, 2
    while p * p <= n:
        while n % p == 0:
            out[p] = out.get(p, 0) + 1
            n //= p
        p += 1
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out


def _log2_vector(q: Fraction, coeff: Fraction, acc: dict) -> None:
    """acc += coeff · log2(q) as a vector over primes (prime 2 ↔ rational constant)."""
    for p, e in _factor(q.numerator).items():
        acc[p] = acc.get(p, 0) + coeff * e
    for p, e in _factor(q.denominator).items():
        acc[p] = acc.get(p, 0) - coeff * e


def _clean(v: dict) -> dict:
    return {p: c for p, c in v.items() if c != 0}


def _arb(x):
    import flint

    if isinstance(x, AlgebraicNumber):
        lo, hi = _enclose(x, Fraction(1, 10**40))
    else:
        lo = hi = Fraction(x)
    mid, rad = (lo + hi) / 2, (hi - lo) / 2
    ball = flint.arb(flint.fmpq(mid.numerator, mid.denominator))
    if rad:
        ball = ball + flint.arb(0, flint.arb(flint.fmpq(rad.numerator, rad.denominator)).upper())
    return ball


def _cell(ball, k: int):
    """The decimal cell [m/10^k, (m+1)/10^k] holding the whole ball, or None."""
    mid, rad = _arf_to_fraction(ball.mid()), _arf_to_fraction(ball.rad())
    scale = 10**k
    m = ((mid - rad) * scale).__floor__()
    lo, hi = Fraction(m, scale), Fraction(m + 1, scale)
    return (lo, hi) if lo < mid - rad and mid + rad < hi else None


def _check_cell(reader, where, ball, k):
    raw = reader.get(where, list)
    if len(raw) != 2:
        raise reader.fail(where, "needs [lo, hi]")
    lo, hi = (reader.rational(f"{where}[{i}]", v) for i, v in enumerate(raw))
    cell = _cell(ball, k)
    if cell is None:
        raise reader.fail(where, "the value is too close to a decimal cell boundary at these digits")
    if (lo, hi) != cell:
        raise reader.fail(where, f"the value lies in [{format_rational(cell[0])}, {format_rational(cell[1])}]")
    return lo, hi


@checker("entropy-value")
def decide(cert, reader) -> Outcome:
    import flint

    q = reader.value("data.argument")
    if not (0 < q < 1):
        raise reader.fail("data.argument", "must lie strictly between 0 and 1")
    details = []
    if reader.field is not None and not (isinstance(q, AlgebraicNumber) and not q.is_rational()):
        raise reader.fail("data.field", "declared but the argument is rational: drop the field")
    if "phi" in cert.data:
        r = reader.rational("data.phi")
        table = reader.get("data.trig.sin", dict)
        if list(table) != [format_rational(r)]:
            raise reader.fail("data.trig.sin", f"must list exactly sin({format_rational(r)}*pi)")
        s = reader.value(f"data.trig.sin.{format_rational(r)}")
        try:
            verify_sin(s, r)
        except TrigError as e:
            raise reader.fail(f"data.trig.sin.{format_rational(r)}", str(e)) from None
        if q != (1 + s) / 2:
            raise reader.fail("data.argument", "is not (1 + sin(phi))/2")
        details.append(f"q = (1 + sin({format_rational(r)}*pi))/2")
    old = flint.ctx.prec
    flint.ctx.prec = 256
    try:
        qa = _arb(q)
        h = -(qa * qa.log() + (1 - qa) * (1 - qa).log()) / flint.arb(2).log()
        k = reader.get("data.digits", int)
        if not 1 <= k <= 40:
            raise reader.fail("data.digits", "must be between 1 and 40")
        lo, hi = _check_cell(reader, "data.interval", h, k)
        details.append(f"H_bin(q) in [{_decimal(lo, k)}, {_decimal(hi, k)}]")
        if "log_form" in cert.data:
            if isinstance(q, AlgebraicNumber) and not q.is_rational():
                raise reader.fail("data.log_form", "needs a rational argument")
            qr = q.c[0] if isinstance(q, AlgebraicNumber) else Fraction(q)
            lhs: dict = {}
            _log2_vector(qr, -qr, lhs)
            _log2_vector(1 - qr, -(1 - qr), lhs)
            form = reader.get("data.log_form", dict)
            if set(form) != {"constant", "log2"}:
                raise reader.fail("data.log_form", "needs exactly 'constant' and 'log2'")
            c = reader.rational("data.log_form.constant")
            rhs = {2: c}
            logs = reader.get("data.log_form.log2", dict)
            ln_val = flint.arb(flint.fmpq(c.numerator, c.denominator))
            for key, a in logs.items():
                if not key.isdigit() or int(key) < 2:
                    raise reader.fail(f"data.log_form.log2.{key}", "keys are integers >= 2")
                coeff = reader.rational(f"data.log_form.log2.{key}", a)
                if coeff == 0:
                    raise reader.fail(f"data.log_form.log2.{key}", "zero coefficient")
                _log2_vector(Fraction(int(key)), coeff, rhs)
                ln_val = ln_val + flint.arb(flint.fmpq(coeff.numerator, coeff.denominator)) * flint.arb(int(key)).log()
            if _clean(lhs) != _clean(rhs):
                raise reader.fail("data.log_form", "H_bin(q) is not this combination of logarithms")
            details.append("H_bin(q) = the stated log form exactly")
            if "natural_log" in cert.data:
                nl = _check_cell(reader, "data.natural_log", ln_val, k)
                details.append(f"read with ln it lies in [{_decimal(nl[0], k)}, {_decimal(nl[1], k)}]")
        elif "natural_log" in cert.data:
            raise reader.fail("data.natural_log", "needs data.log_form")
    finally:
        flint.ctx.prec = old
    return Outcome("verified", "; ".join(details), (_decimal(lo, k), _decimal(hi, k)))


def _decimal(x: Fraction, k: int) -> str:
    m = x * 10**k
    if m.denominator != 1:
        return format_rational(x)
    m = int(m)
    sign = "-" if m < 0 else ""
    q, r = divmod(abs(m), 10**k)
    return f"{sign}{q}.{r:0{k}d}"
