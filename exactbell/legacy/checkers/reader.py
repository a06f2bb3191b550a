"""Field-aware access to certificate data: every error names the file and the field."""
from __future__ import annotations

from contextlib import contextmanager
from fractions import Fraction

from ...behaviours import scenario_from_spec
from ...certificates.format import Certificate, CertificateError
from ...kernel.algebraic import NumberField
from ...kernel.expr import RATIONAL_FUNCTIONS, FieldAlgebra, parse
from ...kernel.functional import BellFunctional, functional_from_spec
from ...kernel.numbers import ExactnessError, to_rational
from ...kernel.poly import RationalFunction
from ...kernel.scenario import Scenario, ScenarioError

_EXPECTED_ERRORS = (ExactnessError, ScenarioError, ValueError, TypeError, KeyError, IndexError,
                    ZeroDivisionError, ArithmeticError)


class Reader:
    """Reads exact values out of ``cert`` with path-named errors."""

    def __init__(self, cert: Certificate):
        self.cert = cert
        self._where = "data"
        self.fixed: dict = {}  # parameters with rational values
        self.symbols: dict = {}  # parameters with ranges: name -> (lo, hi)
        for name, value in cert.parameters.items():
            with self.context(f"parameters.{name}"):
                if not name.isidentifier():
                    raise ValueError(f"parameter name {name!r} is not an identifier")
                if isinstance(value, dict):
                    rng = value.get("range")
                    if not (isinstance(rng, list) and len(rng) == 2):
                        raise ValueError('a symbolic parameter needs {"range": [lo, hi]}')
                    lo, hi = to_rational(rng[0]), to_rational(rng[1])
                    if not lo < hi:
                        raise ValueError("range needs lo < hi")
                    self.symbols[name] = (lo, hi)
                else:
                    self.fixed[name] = to_rational(value)
        self.field = None
        if "field" in cert.data:
            with self.context("data.field"):
                self.field = NumberField.from_spec(cert.data["field"])

    # -- error context --------------------------------------------------------------------
    @contextmanager
    def context(self, where: str):
        prev, self._where = self._where, where
        try:
            yield
        except CertificateError:
            raise
        except _EXPECTED_ERRORS as e:
            msg = str(e) or type(e).__name__
            if isinstance(e, KeyError):
                msg = f"missing key {e}"
            raise CertificateError(self.cert.path, self._where, msg) from None
        finally:
            self._where = prev

    def fail(self, where: str, problem: str) -> CertificateError:
        return CertificateError(self.cert.path, where, problem)

    # -- raw access -----------------------------------------------------------------------
    def get(self, dotted: str, types=None, default=...):
        obj = self.cert.raw
        for part in dotted.split("."):
            if not isinstance(obj, dict) or part not in obj:
                if default is not ...:
                    return default
                raise self.fail(dotted, "required field is missing")
            obj = obj[part]
        if types is not None and not isinstance(obj, types):
            names = types.__name__ if isinstance(types, type) else "/".join(t.__name__ for t in types)
            raise self.fail(dotted, f"expected {names}, got {type(obj).__name__}")
        return obj

    # -- exact values ---------------------------------------------------------------------
    def rational(self, dotted: str, value=...) -> Fraction:
        value = self.get(dotted) if value is ... else value
        with self.context(dotted):
            return to_rational(value)

    def value(self, dotted: str, value=...):
        """An exact expression in the fixed parameters (and the field generator, if declared)."""
        value = self.get(dotted) if value is ... else value
        with self.context(dotted):
            if isinstance(value, bool) or not isinstance(value, (int, Fraction, str)):
                raise ExactnessError(f"{type(value).__name__} {value!r} where an exact number is required")
            if self.field is None:
                lift, functions = Fraction, RATIONAL_FUNCTIONS
            else:
                lift, functions = (lambda q: self.field.element([q])), {}
            if not isinstance(value, str):
                return lift(value)
            return parse(value, FieldAlgebra(names=self.names(), functions=functions, lift=lift))

    def names(self) -> dict:
        """Names an expression may use: fixed parameters and the field generator."""
        names = dict(self.fixed)
        if self.field is not None:
            names[self.field.generator] = self.field.gen()
        return names

    def symbolic(self, dotted: str, value=...) -> RationalFunction:
        """A rational function of the symbolic parameters (fixed ones are substituted)."""
        value = self.get(dotted) if value is ... else value
        with self.context(dotted):
            f = RationalFunction.parse(value, list(self.symbols) + list(self.fixed))
            if self.fixed:
                f = RationalFunction(f.num.substitute(self.fixed), f.den.substitute(self.fixed))
            return f

    def symbolic_list(self, dotted: str, computed: list, source: str) -> list:
        """The listed rational functions at ``dotted``, required to equal ``computed`` entry by
        entry (``source`` names what the checker computed them from, for the error)."""
        listed = self.get(dotted, list)
        if len(listed) != len(computed):
            raise self.fail(dotted, f"{source} gives {len(computed)} distinct values, not {len(listed)}")
        for i, (t, v) in enumerate(zip(listed, computed)):
            if self.symbolic(f"{dotted}[{i}]", t) != v:
                raise self.fail(f"{dotted}[{i}]", f"expected {v.to_text()}")
        return listed

    def scenario(self, dotted: str = "data.scenario") -> Scenario:
        spec = self.get(dotted, dict)
        with self.context(dotted):
            return scenario_from_spec(spec)

    def functional(self, dotted: str = "data.functional", scenario: Scenario | None = None) -> BellFunctional:
        scenario = scenario or self.scenario()
        spec = self.get(dotted, dict)
        with self.context(dotted):
            return functional_from_spec(scenario, spec, self.cert.conventions, lambda c: self.value(dotted, c))
