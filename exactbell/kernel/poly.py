"""Sparse multivariate polynomials and rational functions in named parameters (p, q, …), coefficients in Q or in
one real number field (:mod:`.algebraic`), e.g. the vertices of S_(p,q),(r,s) (Sengupta–Wooltorton Eq. (9))."""
from fractions import Fraction
from math import prod

from . import limits
from .algebraic import AlgebraicNumber
from .expr import Algebra, ExprError, parse
from .numbers import ExactnessError, binary


def pairs_bounded(a, b):
    """``a``, once a·b has at most ``limits.PRODUCT_PAIRS`` term pairs (the bit guard of .expr does not count terms)."""
    if len(a.terms) * len(b.terms) > limits.PRODUCT_PAIRS:
        raise ExprError(f"a product of {len(a.terms)} x {len(b.terms)} terms (limit {limits.PRODUCT_PAIRS} pairs)")
    return a


class Sparse:
    """Σ c_m m as a dict monomial → nonzero coefficient, the ring of :class:`Poly` and :class:`.ncpoly.NCPoly`.
    A subclass gives ``_new(terms)``, ``_lift(o)`` (a scalar as a constant; NotImplemented for a type that handles
    the operation itself) and ``_times(m1, m2)`` (the product monomial, None for zero)."""

    __slots__ = ("terms",)

    def _collect(self, pairs):
        """Σ c m over (m, c) pairs."""
        t: dict = {}
        for m, c in pairs:
            if m is not None:
                t[m] = t[m] + c if m in t else c
        return self._new(t)

    def __add__(self, o):
        o = self._lift(o)
        return o if o is NotImplemented else self._collect([*self.terms.items(), *o.terms.items()])

    def __mul__(self, o):
        o = self._lift(o)
        return o if o is NotImplemented else self._collect(
            (self._times(m1, m2), c1 * c2) for m1, c1 in pairs_bounded(self, o).terms.items()
            for m2, c2 in o.terms.items())

    __radd__ = __add__

    def __rmul__(self, o): return self._lift(o) * self  # noqa: E704 - o·self: the order matters in NCPoly
    def __neg__(self): return self._new({m: -c for m, c in self.terms.items()})  # noqa: E704
    def __sub__(self, o): return self + (-o)  # noqa: E704
    def __rsub__(self, o): return self._lift(o) - self  # noqa: E704
    def is_zero(self) -> bool: return not self.terms  # noqa: E704

    def __eq__(self, o):
        try:
            o = self._lift(o)
            return o if o is NotImplemented else not (self - o).terms
        except (TypeError, ValueError):
            return False


class Poly(Sparse):
    """Σ c_m m: coefficients c_m, monomials m = sorted tuples of (name, exponent)."""

    __slots__ = ()

    def __init__(self, terms: dict | None = None):
        self.terms = {m: c if isinstance(c, AlgebraicNumber) else Fraction(c)
                      for m, c in (terms or {}).items() if c != 0}

    def _new(self, terms) -> "Poly": return Poly(terms)  # noqa: E704
    def _lift(self, o): return NotImplemented if isinstance(o, RationalFunction) else Poly.lift(o)  # noqa: E704

    @staticmethod
    def _times(m1, m2) -> tuple:
        d = dict(m1)
        for v, e in m2:
            d[v] = d.get(v, 0) + e
            if d[v] > limits.EXPONENT**2:  # a power of a power: the bit guard of .expr does not see degrees
                raise ExprError(f"a degree above {limits.EXPONENT**2} in {v}")
        return tuple(sorted(d.items()))

    @classmethod
    def const(cls, c) -> "Poly": return cls({(): c})  # noqa: E704

    @classmethod
    def var(cls, name: str) -> "Poly": return cls({((name, 1),): 1})  # noqa: E704

    @classmethod
    def lift(cls, x) -> "Poly":
        if isinstance(x, Poly):
            return x
        if (isinstance(x, (int, Fraction)) and not isinstance(x, bool)) or isinstance(x, AlgebraicNumber):
            return cls.const(x)
        raise TypeError(f"cannot use {type(x).__name__} as a polynomial")

    @classmethod
    def parse(cls, text, variables) -> "Poly":
        """Parse a polynomial (division only by nonzero constants) in ``variables``."""
        return parse(text, _PolyAlgebra(variables, False)) if isinstance(text, str) else cls.lift(text)

    def __truediv__(self, o):
        o = o.constant_value() if isinstance(o, Poly) else o
        if o is None or o == 0:
            raise ExprError("division of a polynomial by zero or by a non-constant")
        return self * (1 / (Fraction(o) if isinstance(o, int) else o))

    def __hash__(self): return hash(frozenset(self.terms.items()))  # noqa: E704
    def __repr__(self): return f"Poly({self.to_text()})"  # noqa: E704
    def variables(self) -> set[str]: return {v for m in self.terms for v, _ in m}  # noqa: E704

    def __pow__(self, n: int):
        if not isinstance(n, int) or n < 0:
            raise ExprError("polynomials take non-negative integer powers only")
        out, pairs = Poly.const(1), 0  # one product of n factors: their term pairs share limits.PRODUCT_PAIRS
        for _ in range(n):
            if (pairs := pairs + len(out.terms) * len(self.terms)) > limits.PRODUCT_PAIRS:
                raise ExprError(f"a power of {len(self.terms)} terms with more than {limits.PRODUCT_PAIRS} term pairs")
            out = out * self
        return out

    def constant_value(self) -> Fraction | None:
        return None if set(self.terms) - {()} else self.terms.get((), Fraction(0))

    def evaluate(self, values: dict):
        if self.variables() - set(values):
            raise ExprError(f"no value for parameter {sorted(self.variables() - set(values))[0]!r}")
        return sum((c * prod(values[v] ** e for v, e in m) for m, c in self.terms.items()), 0)

    def substitute(self, values: dict) -> "Poly":
        """Partially evaluate: replace the named variables by rationals."""
        return Poly.lift(self.evaluate({**{v: Poly.var(v) for v in self.variables()}, **values}))

    def univariate_coefficients(self, var: str) -> list[Fraction]:
        if self.variables() - {var}:
            raise ExprError(f"polynomial in {sorted(self.variables())}, expected only {var!r}")
        out = [Fraction(0)] * (1 + max((dict(m).get(var, 0) for m in self.terms), default=0))
        for m, c in self.terms.items():
            out[dict(m).get(var, 0)] += c
        return out

    def to_text(self) -> str:
        parts = []
        for m in sorted(self.terms, key=lambda m: (-sum(e for _, e in m), m)):
            c, mono = self.terms[m], "*".join(v if e == 1 else f"{v}^{e}" for v, e in m)
            if isinstance(c, AlgebraicNumber):
                parts.append(f"({c.to_text()})*{mono}" if mono else f"({c.to_text()})")
            else:
                parts.append(str(c) if not mono else mono if c == 1 else f"-{mono}" if c == -1 else
                             f"{c}*{mono}" if c.denominator == 1 else f"({c})*{mono}")
        return " + ".join(parts).replace("+ -", "- ") if parts else "0"


class RationalFunction:
    """num/den with Poly numerator and denominator (no cancellation; equality by cross-multiplying)."""

    __slots__ = ("num", "den")

    def __init__(self, num, den=None):
        self.num, self.den = Poly.lift(num), Poly.const(1) if den is None else Poly.lift(den)
        if self.den.is_zero():
            raise ExprError("rational function with zero denominator")

    @classmethod
    def lift(cls, x) -> "RationalFunction":
        return x if isinstance(x, RationalFunction) else cls(Poly.lift(x))

    @classmethod
    def parse(cls, text, variables) -> "RationalFunction":
        if isinstance(text, float):
            raise ExactnessError(f"float {text!r} where an exact expression is required")
        return cls.lift(parse(text, _PolyAlgebra(variables, True)) if isinstance(text, str) else text)

    _lift = lift  # the other operand of an operation (TypeError for a type that is no rational function)
    __add__ = __radd__ = binary(lambda x, y: RationalFunction(x.num + y.num, x.den) if x.den == y.den else
                                RationalFunction(x.num * y.den + y.num * x.den, x.den * y.den))
    __mul__ = __rmul__ = binary(lambda x, y: RationalFunction(x.num * y.num, x.den * y.den))
    __sub__ = binary(lambda x, y: x + (-y))
    __rsub__ = binary(lambda x, y: y - x)
    __truediv__ = binary(lambda x, y: x * RationalFunction(y.den, y.num))  # y = 0: a zero denominator

    def __neg__(self): return RationalFunction(-self.num, self.den)  # noqa: E704
    def __hash__(self): return 0  # noqa: E704 - equality is up to cancellation: no cheap canonical hash
    def __repr__(self): return f"RationalFunction({self.to_text()})"  # noqa: E704

    def __pow__(self, n: int):
        num, den = (self.den, self.num) if n < 0 else (self.num, self.den)
        return RationalFunction(num ** abs(n), den ** abs(n))

    def __eq__(self, o):
        try:
            o = RationalFunction.lift(o)
        except TypeError:
            return False
        return self.num * o.den == o.num * self.den

    def evaluate(self, values: dict):
        d = self.den.evaluate(values)
        if d == 0:
            raise ExprError(f"denominator {self.den.to_text()} vanishes at {values}")
        return self.num.evaluate(values) / d

    def to_text(self) -> str:
        if self.den == Poly.const(1):
            return self.num.to_text()
        return f"({self.num.to_text()})/({self.den.to_text()})"


class _PolyAlgebra(Algebra):
    def __init__(self, variables, allow_fractions: bool):
        self.variables, self.frac = set(variables), allow_fractions

    def const(self, q):
        return Poly.const(q)

    def name(self, name):
        if name not in self.variables:
            raise ExprError(f"unknown parameter {name!r} (declared: {sorted(self.variables)})")
        return Poly.var(name)

    def div(self, a, b):
        if isinstance(b, Poly) and (c := b.constant_value()) is not None:
            if c == 0:
                raise ExprError("division by zero")
            return a * Poly.const(1 / c)
        if not self.frac:
            raise ExprError("division by a non-constant polynomial")
        return RationalFunction.lift(a) / b

    def pow(self, a, n):
        if n < 0 and not self.frac:
            raise ExprError("negative power in a polynomial expression")
        return RationalFunction.lift(a) ** n if n < 0 else a**n
