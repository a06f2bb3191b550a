"""Parameters (a fixed rational ``"3/4"`` or a domain ``"(1/2, 1)"``, ``"[0, 1) \\ {1/2}"``: the statement is decided
for every value in it), the name spaces (parameters, field generators, observables ``A0``, functions ``abs`` ...;
a collision is an error naming both uses) and the exact values a kind reads (the decision context)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as _default
from fractions import Fraction

from . import limits
from .algebraic import NumberField
from .envelope import CertificateError, Obj
from .expr import RATIONAL_FUNCTIONS, FieldAlgebra, parse
from .numbers import format_rational, to_rational
from .poly import RationalFunction
from .trig import install as install_trig

FUNCTIONS = frozenset({"abs", "max", "min", "sqrt", "cos", "sin", "tan", "atan", "atan2", "log", "log2", "exp",
                       "pi", "i", "I", "e", "h", "Tr", "tr"})
_NAME = re.compile(r"^[a-z][A-Za-z0-9_]{0,30}$")
_OBSERVABLE = re.compile(r"^[A-Z][0-9]+$")
_DOMAIN = re.compile(r"^([\[(])([^,\[\]()]+),([^,\[\]()]+)([\])])\s*(?:\\\s*\{([^{}]*)\})?$")


@dataclass(frozen=True)
class Domain:
    """An interval of Q with open or closed ends, minus finitely many points."""

    lo: Fraction
    hi: Fraction
    lo_closed: bool
    hi_closed: bool
    excluded: tuple = ()

    @classmethod
    def parse(cls, text: str) -> Domain:
        m = _DOMAIN.match(text.strip())
        if not m:
            raise ValueError(f"{text!r} is not a domain such as \"(1/2, 1]\" or \"(0, 1) \\\\ {{1/2}}\"")
        lo, hi = to_rational(m.group(2).strip()), to_rational(m.group(3).strip())
        if not lo < hi:
            raise ValueError(f"empty domain {text!r}")
        ex = tuple(sorted({to_rational(t.strip()) for t in m.group(5).split(",")})) if m.group(5) else ()
        if len(ex) > limits.EXCLUDED_POINTS:
            raise ValueError(f"more than {limits.EXCLUDED_POINTS} excluded points")
        d = cls(lo, hi, m.group(1) == "[", m.group(4) == "]", ex)
        for x in ex:
            if not d.contains(x, excluded=False):
                raise ValueError(f"excluded point {format_rational(x)} is not in the interval")
        return d

    def contains(self, x, excluded: bool = True) -> bool:
        inside = (self.lo < x or (self.lo_closed and x == self.lo)) and (x < self.hi or (self.hi_closed and x == self.hi))
        return inside and not (excluded and x in self.excluded)

    def text(self) -> str:
        s = f"{'[' if self.lo_closed else '('}{format_rational(self.lo)}, {format_rational(self.hi)}{']' if self.hi_closed else ')'}"
        if self.excluded:
            s += " \\ {" + ", ".join(map(format_rational, self.excluded)) + "}"
        return s


@dataclass
class Context:
    """What a kind may use: the certificate, its parameters, its declared field, its names."""

    cert: object
    fixed: dict = _default(default_factory=dict)  # name -> Fraction
    domains: dict = _default(default_factory=dict)  # name -> Domain
    field: NumberField | None = None
    names: dict = _default(default_factory=dict)  # name -> the name space it was declared in
    constants: dict = _default(default_factory=dict)  # reserved names a kernel module defines (e.g. pi)
    functions: dict = _default(default_factory=dict)  # kernel-computed functions (e.g. cos, sin)
    field_note: str = ""  # how the kernel built the field, shown by field_text

    @classmethod
    def of(cls, cert) -> Context:
        ctx = cls(cert)
        for name, value in cert.parameters.items(wrap=False):
            where = f"parameters.{name}"
            ctx.declare(name, "parameter", where)
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise ctx.fail(where, "a parameter is a rational \"p/q\" or a domain \"(lo, hi)\"")
            if isinstance(value, str) and value.strip()[:1] in "([":
                ctx.domains[name] = ctx.guard(where, lambda: Domain.parse(value))
            else:
                ctx.fixed[name] = ctx.guard(where, lambda: to_rational(value))
        return ctx

    def fail(self, where: str, problem: str) -> CertificateError:
        return CertificateError(self.cert.path, where, problem)

    def need(self, ok, where: str, problem: str) -> None:
        """Reject the certificate at ``where`` unless ``ok``."""
        if not ok:
            raise self.fail(where, problem)

    @property
    def one(self):
        """1 in the declared field (in Q when there is none)."""
        return self.field.element([1]) if self.field is not None else Fraction(1)

    def declare(self, name: str, space: str, where: str) -> None:
        """Put ``name`` in name space ``space``; a name used twice, or reserved, is an error."""
        if not isinstance(name, str):
            raise self.fail(where, "a name must be a string")
        if not (_OBSERVABLE.match(name) if space == "observable" else _NAME.match(name) and name not in FUNCTIONS):
            raise self.fail(where, f"{name!r} is not a valid {space} name (reserved, or of the wrong form)")
        if name in self.names:
            raise self.fail(where, f"{space} name {name!r} collides with the {self.names[name]} of the same name")
        self.names[name] = space

    # -- the declared number field --------------------------------------------------------
    def read_field(self, data: Obj) -> NumberField | None:
        """Q(α) ⊂ R from ``{"generator": "s", "minpoly": "s^2 - 2", "interval": [lo, hi]}`` (optional),
        or the kernel-built Q(2cos(2π/N)) from ``"trig": {"generator": "g", "n": N}`` (:mod:`.trig`)."""
        if data.has("trig"):
            if data.has("field"):
                raise self.fail(data.at("trig"), "give either field or trig")
            return install_trig(self, data)
        if not data.has("field"):
            return None
        spec = data.obj("field")
        g = spec.text("generator")
        self.declare(g, "generator", spec.at("generator"))
        self.field = self.guard(spec.where, lambda: NumberField.from_spec(
            {"generator": g, "minpoly": spec.text("minpoly"), "interval": spec.list("interval", 2)}))
        return self.field

    # -- exact values -----------------------------------------------------------------------
    def guard(self, where, fn):
        """``fn()``, with arithmetic and parse errors turned into one-line errors at ``where``."""
        try:
            return fn()
        except CertificateError:
            raise
        except (ValueError, ZeroDivisionError, ArithmeticError, TypeError) as e:
            raise self.fail(where, str(e) or type(e).__name__) from None

    def value(self, obj: Obj, key, raw=None):
        """An exact number (in Q or the declared field): an expression in the fixed parameters and the generator."""
        where = obj.at(key) if not isinstance(key, str) or not key.startswith("<") else key
        v = obj.get(key) if raw is None else raw
        return self.guard(where, lambda: self.scalar(v))

    def scalar(self, v):
        if isinstance(v, bool) or not isinstance(v, (int, str)):
            raise ValueError(f"{type(v).__name__} where an exact number (\"p/q\" or an expression) is required")
        if self.field is None:
            algebra = FieldAlgebra({**self.fixed, **self.constants}, {**RATIONAL_FUNCTIONS, **self.functions})
            return parse(v, algebra) if isinstance(v, str) else Fraction(v)
        lift = lambda q: self.field.element([q])  # noqa: E731
        names = {**{k: lift(q) for k, q in self.fixed.items()}, self.field.generator: self.field.gen(), **self.constants}
        return parse(v, FieldAlgebra(names, dict(self.functions), lift)) if isinstance(v, str) else lift(v)

    def ratfun(self, obj: Obj, key, raw=None) -> RationalFunction:
        """A rational function of the parameters with domains (fixed ones substituted)."""
        v = obj.get(key) if raw is None else raw

        def build():
            if isinstance(v, bool) or not isinstance(v, (int, str)):
                raise ValueError("expected an expression")
            f = RationalFunction.parse(str(v), list(self.domains) + list(self.fixed))
            return RationalFunction(f.num.substitute(self.fixed), f.den.substitute(self.fixed)) if self.fixed else f

        return self.guard(obj.at(key), build)

    def radicals(self):
        """The one domain parameter x and ``sqrt`` in expressions: values in Q(x)[√u_1, ...] (:class:`.Radicals`)."""
        from .prove_check import Radicals

        if len(self.domains) != 1 or self.field is not None:
            raise self.fail("parameters", "a parametric certificate takes exactly one domain parameter and no field")
        (name, dom), = self.domains.items()
        R = Radicals(name, dom)
        self.constants[name], self.functions["sqrt"] = R.var(), R.sqrt
        return R

    # -- rendering --------------------------------------------------------------------------
    def quantifier(self) -> str:
        """"for all p in (1/2, 1), at r = 1/3" (empty when there are no parameters)."""
        parts = [f"for all {n} in {d.text()}" for n, d in sorted(self.domains.items())]
        parts += [f"at {n} = {format_rational(q)}" for n, q in sorted(self.fixed.items())]
        return ", ".join(parts)

    def field_text(self) -> str:
        if self.field is None:
            return ""
        d = self.field.describe()
        return (f"where {d['generator']} is the root of {d['minpoly']} in ({d['interval'][0]}, {d['interval'][1]})"
                + self.field_note)


def scalar_text(x) -> str:
    return format_rational(x) if isinstance(x, (int, Fraction)) else x.to_text()
