"""The public Python API of exactbell: a thin, typed layer over the kernel and the producers.

Every value is exact (:class:`fractions.Fraction`, or a kernel algebraic number); every verb that
computes a claim can return its schema-2 certificate, which :meth:`Certificate.check` hands to
the trusted kernel. Importing this module loads the kernel only (standard library and
python-flint); numpy, SciPy, cvxpy and pycddlib are imported by the verbs that need them.

>>> from exactbell import BellFunctional, local_bound
>>> chsh = BellFunctional.from_correlators([2, 2], {"A0B0": 1, "A0B1": 1, "A1B0": 1, "A1B1": -1})
>>> local_bound(chsh).value
Fraction(2, 1)
"""
from __future__ import annotations

import html
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .kernel import functional as _kf
from .kernel.numbers import format_rational
from .kernel.scenario import Scenario as _KernelScenario

if TYPE_CHECKING:
    from .kernel.check import Result

__all__ = [
    "BellFunctional",
    "Certificate",
    "Facet",
    "FacetClasses",
    "FacetList",
    "LocalBound",
    "NSBound",
    "Polytope",
    "QuantumBound",
    "Report",
    "Scenario",
    "VertexList",
    "check",
    "check_one",
    "exact",
    "latex",
    "local_bound",
    "local_polytope",
    "ns_bound",
    "quantum_bound",
]

_CORRELATOR_CONVENTIONS = {"form": "correlator", "marginals": "uniform-average",
                           "observables": "A_x = M_{0|x} - M_{1|x} (outcome a contributes (-1)^a)"}


# -- exact values -------------------------------------------------------------------------------
def exact(x: Any, name: str = "value") -> Any:
    """``x`` as an exact number: int, Fraction, text ("3/4", "1/2 + 1/3"), numpy integers, kernel algebraic
    numbers; a float only when its binary value is a fraction with denominator at most 10^6
    (0.5, -1.0). Anything else raises ValueError naming ``name``."""
    if isinstance(x, bool):
        raise ValueError(f"{name}: boolean {x!r} where an exact number is required")
    if isinstance(x, (int, Fraction)):
        return Fraction(x)
    if hasattr(x, "enclosure") and hasattr(x, "field"):  # kernel AlgebraicNumber
        return x
    if isinstance(x, str):
        from .behaviours import parse_rational
        try:
            return Fraction(parse_rational(x.strip()))
        except (ValueError, ArithmeticError, TypeError) as e:
            raise ValueError(f"{name}: {x!r} is not an exact rational number ({e})") from None
    tname = type(x).__module__
    if tname == "numpy" or tname.startswith("numpy."):
        kind = getattr(getattr(x, "dtype", None), "kind", "")
        if kind and kind in "iub":
            if kind == "b":
                raise ValueError(f"{name}: boolean {x!r} where an exact number is required")
            return Fraction(int(x))
        if kind == "f":
            x = float(x)
        elif kind == "O":
            return exact(x.item(), name)
        else:
            raise ValueError(f"{name}: numpy {x.dtype} entry {x!r} is not an exact real number")
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"{name}: {x!r} is not a number")
        q = Fraction(x)
        if q.denominator > 10**6:
            raise ValueError(f"{name}: float {x!r} is not exact (its binary value is {q}); pass a Fraction or "
                             f"a string such as \"1/3\"")
        return q
    raise ValueError(f"{name}: {type(x).__name__} {x!r} where an exact number is required")


def latex(x: Any) -> str:
    r"""A LaTeX form of an exact number: ``\frac{p}{q}`` for a rational; for an element of Q(α) its
    polynomial in α, with α written ``\sqrt{n}`` when its minimal polynomial is α² − n (α > 0), otherwise
    named by its generator with the minimal polynomial and isolating interval after it.

    >>> print(latex(Fraction(-3, 4)))
    -\frac{3}{4}
    """
    if isinstance(x, int) and not isinstance(x, bool):
        x = Fraction(x)
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return str(x.numerator)
        sign = "-" if x < 0 else ""
        return f"{sign}\\frac{{{abs(x.numerator)}}}{{{x.denominator}}}"
    if hasattr(x, "field") and hasattr(x, "c"):
        K = x.field
        m = K.minpoly
        surd = len(m) == 3 and m[1] == 0 and m[2] == 1 and m[0] < 0 and m[0].denominator == 1 and K.interval[0] >= 0
        g = f"\\sqrt{{{-m[0].numerator}}}" if surd else K.generator
        out = ""
        for i, q in enumerate(x.c):
            q = Fraction(q)
            if q == 0:
                continue
            mono = "" if i == 0 else g if i == 1 else f"{g}^{{{i}}}"  # a surd element has degree < 2
            body = latex(abs(q)) if not mono else ("" if abs(q) == 1 else latex(abs(q))) + mono
            out += (" - " if q < 0 else " + ") + body if out else ("-" if q < 0 else "") + body
        out = out or "0"
        if not surd:
            poly = " ".join(f"{'-' if c < 0 else '+'} {latex(abs(c)) if abs(c) != 1 or k == 0 else ''}"
                            f"{'' if k == 0 else K.generator if k == 1 else f'{K.generator}^{{{k}}}'}"
                            for k, c in reversed(list(enumerate(m))) if c).removeprefix("+ ")
            out += (f",\\ {K.generator} \\text{{ the root of }} {poly} \\text{{ in }} "
                    f"({latex(K.interval[0])}, {latex(K.interval[1])})")
        return out
    return str(x)


def _float(x: Any) -> float:
    """float() of an exact number; an algebraic one is refined to a 2^-60-wide enclosure first."""
    if hasattr(x, "enclosure"):
        lo, hi = x.enclosure()
        while hi - lo > Fraction(1, 2**60) * max(1, abs(lo)):
            x.field.refine()
            lo, hi = x.enclosure()
        return float((lo + hi) / 2)
    return float(x)


def _text(x: Any) -> str:
    return format_rational(x) if isinstance(x, (int, Fraction)) else x.to_text() if hasattr(x, "to_text") else str(x)


def _search(verb: str):
    """Context for the imports of a verb that needs the ``search`` extra: a clear ImportError."""
    import contextlib

    @contextlib.contextmanager
    def guard():
        try:
            yield
        except ImportError as e:
            raise ImportError(f"{verb} needs the search extra (pip install \"exactbell[search]\"): {e}") from e
    return guard()


# -- scenarios and functionals ------------------------------------------------------------------
class Scenario(_KernelScenario):
    """N parties; party i has ``inputs[i]`` settings and ``outputs[i]`` outcomes (lists accepted).

    >>> Scenario([2, 2], [2, 2]).size
    16
    """

    def __init__(self, inputs: Sequence[int], outputs: Sequence[int]):
        object.__setattr__(self, "inputs", tuple(inputs))
        object.__setattr__(self, "outputs", tuple(outputs))
        self.__post_init__()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _KernelScenario):
            return (self.inputs, self.outputs) == (other.inputs, other.outputs)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.inputs, self.outputs))

    def __repr__(self) -> str:
        return f"Scenario(inputs={list(self.inputs)}, outputs={list(self.outputs)})"


def _scenario(sc: Any, name: str = "scenario") -> Scenario:
    if isinstance(sc, Scenario):
        return sc
    if isinstance(sc, _KernelScenario):
        return Scenario(sc.inputs, sc.outputs)
    if isinstance(sc, dict):
        return Scenario(sc["inputs"], sc["outputs"])
    if isinstance(sc, (list, tuple)) and all(isinstance(k, int) for k in sc):  # inputs, binary outcomes
        return Scenario(sc, [2] * len(sc))
    raise ValueError(f"{name}: expected a Scenario, {{'inputs', 'outputs'}} or a list of input counts, got {sc!r}")


@dataclass(frozen=True, eq=False)
class BellFunctional(_kf.BellFunctional):
    """F with ⟨F, P⟩ = Σ F(a|x) p(a|x) (kernel coefficients, canonical inputs-major order), plus the
    notation it was written in (``conventions`` and ``spec``), which its certificates use."""

    conventions: dict = field(default_factory=dict)
    spec: dict = field(default_factory=dict)

    # constructors ------------------------------------------------------------------------------
    @classmethod
    def from_correlators(cls, scenario: Any, terms: dict) -> BellFunctional:
        """Binary outcomes: ``{"A0B0": 1, "A1": "-1/2", "1": 3}`` (marginals averaged uniformly)."""
        sc = _scenario(scenario)
        conv = dict(_CORRELATOR_CONVENTIONS)
        return cls._from_spec(sc, {"terms": {k: _text(exact(v, f"terms[{k!r}]")) for k, v in terms.items()}}, conv)

    @classmethod
    def from_collins_gisin(cls, scenario: Any, table: Any) -> BellFunctional:
        """Collins–Gisin terms ``{"pAB(00|01)": 1, "pA(0|1)": -1, "1": 0}``, or the array T (nested lists
        or numpy) of the QETLAB / Ket.jl layout, one axis of length 1 + m_i(o_i − 1) per party: index 0
        "party not measured", 1 + x(o_i − 1) + a the outcome a ≤ o_i − 2 of input x, T[0, …, 0] the constant
        (bipartite: T[1 + x(o_A−1) + a][0] is p_A(a|x), T[0][1 + y(o_B−1) + b] is p_B(b|y));
        see :func:`exactbell.interop.arrays.from_array`."""
        sc = _scenario(scenario)
        if not isinstance(table, dict):
            from .interop.arrays import from_array

            return from_array(sc, table, "cg", name="table")
        terms = {k: _text(exact(v, f"table[{k!r}]")) for k, v in table.items()}
        return cls._from_spec(sc, {"terms": terms}, {"form": "collins-gisin", "marginals": "uniform-average"})

    @classmethod
    def from_probabilities(cls, scenario: Any, coefficients: Any) -> BellFunctional:
        """Full-probability coefficients F(a|x): a flat list in canonical (inputs-major) order, or an
        array (numpy accepted) indexed [a_1, …, a_N, x_1, …, x_N] (the QETLAB / Ket.jl layout)."""
        sc = _scenario(scenario)
        flat = _flatten(sc, coefficients)
        coeffs = [_text(exact(v, f"coefficients[{i}]")) for i, v in enumerate(flat)]
        return cls._from_spec(sc, {"coefficients": coeffs}, {"form": "probability", "order": "inputs-major"})

    @classmethod
    def from_certificate_notation(cls, scenario: Any, spec: dict, conventions: dict) -> BellFunctional:
        """``data.functional`` and ``conventions`` as a certificate writes them (see docs/kinds);
        the defaults ``marginals: uniform-average`` and ``order: inputs-major`` are filled in."""
        conventions = dict(conventions)
        if conventions.get("form") in ("correlator", "collins-gisin"):
            conventions.setdefault("marginals", "uniform-average")
        elif conventions.get("form") == "probability":
            conventions.setdefault("order", "inputs-major")
        return cls._from_spec(_scenario(scenario), spec, conventions)

    @classmethod
    def chsh(cls) -> BellFunctional:
        """⟨A0B0⟩ + ⟨A0B1⟩ + ⟨A1B0⟩ − ⟨A1B1⟩."""
        return cls.from_correlators([2, 2], {"A0B0": 1, "A0B1": 1, "A1B0": 1, "A1B1": -1})

    @classmethod
    def _from_spec(cls, sc: Scenario, spec: dict, conventions: dict) -> BellFunctional:
        from .behaviours import parse_rational

        try:
            F = _kf.functional_from_spec(sc, spec, conventions, lambda c: parse_rational(c))
        except (ValueError, ArithmeticError) as e:
            raise ValueError(f"functional: {e}") from None
        return cls(sc, F.coefficients, conventions, spec)

    # views -------------------------------------------------------------------------------------
    def __neg__(self) -> BellFunctional:
        return BellFunctional.from_probabilities(self.scenario, [-c for c in self.coefficients])

    def value(self, behaviour: Any) -> Any:
        """⟨F, P⟩ for a behaviour (kernel Behaviour or a flat list in canonical order)."""
        if not hasattr(behaviour, "values"):
            behaviour = [exact(v, f"behaviour[{i}]") for i, v in enumerate(_flatten(self.scenario, behaviour))]
            return sum((c * v for c, v in zip(self.coefficients, behaviour)), Fraction(0))
        return sum((c * v for c, v in zip(self.coefficients, behaviour.values)), Fraction(0))

    def _repr_latex_(self) -> str:
        terms = self.spec.get("terms")
        if not terms:  # probability form: the nonzero p(a|x) terms (at most 64 of them)
            nonzero = [(c, a, x) for c, (a, x) in zip(self.coefficients, self.scenario.entries()) if c]
            if len(nonzero) > 64:
                return f"$F \\in \\mathbb{{Q}}^{{{len(self.coefficients)}}}$ on {self.scenario!r}"
            out = "".join(f" {'-' if c < 0 else '+'} {'' if abs(c) == 1 else latex(abs(c))}"
                          f"p({''.join(map(str, a))}|{''.join(map(str, x))})" for c, a, x in nonzero)
            return "$" + (out.strip().removeprefix("+ ") or "0") + "$"
        out = ""
        for k, v in terms.items():
            c = exact(v)
            sign, c = ("-", -c) if c < 0 else ("+", c)
            coeff = "" if c == 1 and k != "1" else latex(c)
            out += f" {sign} {coeff}{_term_latex(self.conventions.get('form', ''), k)}"
        return "$" + out.strip().removeprefix("+ ") + "$"

    def __repr__(self) -> str:
        terms = self.spec.get("terms")
        shown = (" + ".join(f"({v})*{k}" for k, v in terms.items()) if terms
                 else f"{len(self.coefficients)} coefficients")
        return f"BellFunctional({shown} on {self.scenario!r})"


def _term_latex(form: str, term: str) -> str:
    """LaTeX of one term of the correlator or Collins–Gisin notation ("" for the constant)."""
    import re

    if term == "1":
        return ""
    if form == "correlator" and "@" in term:
        letters, ctx = term.split("@", 1)
        return f"\\langle {letters} \\rangle_{{{ctx}}}"
    if form == "correlator":
        return "\\langle " + " ".join(f"{p}_{{{d}}}" for p, d in re.findall(r"([A-H])([0-9]+)", term)) + " \\rangle"
    m = re.fullmatch(r"p([A-H]+)\(([0-9]+)\|([0-9]+)\)", term)
    return f"p_{{{m.group(1)}}}({m.group(2)}|{m.group(3)})" if m else f"\\mathrm{{{term}}}"


def _functional(F: Any, name: str = "F") -> BellFunctional:
    """An API functional (a kernel one is written in full-probability form)."""
    if isinstance(F, BellFunctional):
        return F
    if isinstance(F, _kf.BellFunctional):
        return BellFunctional.from_probabilities(F.scenario, F.coefficients)
    raise ValueError(f"{name}: expected a BellFunctional, got {type(F).__name__}")


def _flatten(sc: Scenario, values: Any) -> list:
    if hasattr(values, "tolist") and hasattr(values, "shape"):  # numpy: check the shape, keep the dtype
        shape = tuple(values.shape)
        if shape not in ((sc.size,), tuple(sc.outputs) + tuple(sc.inputs)):
            raise ValueError(f"coefficients: shape {shape} does not match scenario {sc!r} (expected "
                             f"({sc.size},) or {tuple(sc.outputs) + tuple(sc.inputs)})")
        if len(shape) == 1:
            return list(values)
        return [values[tuple(a) + tuple(x)] for a, x in sc.entries()]
    values = list(values)
    if len(values) == sc.size and not any(isinstance(v, (list, tuple)) for v in values):
        return values

    def at(v, idx):
        for k in idx:
            v = v[k]
        return v
    try:
        return [at(values, tuple(a) + tuple(x)) for a, x in sc.entries()]
    except (IndexError, TypeError):
        raise ValueError(f"coefficients: shape does not match scenario {sc!r} (flat list of {sc.size} or "
                         f"nested [a_1..a_N][x_1..x_N])") from None


# -- results ------------------------------------------------------------------------------------
class _Result:
    """Shared display: ``str``, ``float`` of the main value, LaTeX and HTML for Jupyter."""

    def _latex_body(self) -> str:
        raise NotImplementedError

    def _repr_latex_(self) -> str:
        return "$" + self._latex_body() + "$"

    def _repr_html_(self) -> str:
        """Jupyter front ends prefer HTML to LaTeX: the LaTeX form for MathJax, then the text form."""
        return (f"<div class='exactbell'>\\({html.escape(self._latex_body())}\\)<br>"
                f"<small>{html.escape(str(self))}</small></div>")


@dataclass
class LocalBound(_Result):
    """The exact local bound (``sense`` max or min) and the optimal deterministic strategies
    (``[[output per input] per party]``, at most 4096 listed; ``count`` of them in all)."""

    functional: BellFunctional
    sense: str
    value: Fraction
    strategies: list
    count: int

    def __float__(self) -> float:
        return _float(self.value)

    def __str__(self) -> str:
        return f"local {self.sense} = {_text(self.value)}, attained by {self.count} deterministic strategies"

    def _latex_body(self) -> str:
        return f"\\{self.sense}_{{\\mathcal{{L}}}} \\langle F, P \\rangle = {latex(self.value)}"

    def certificate(self, id: str = "user.local", summary: str | None = None) -> Certificate:
        """A ``local-bound`` certificate (every optimal strategy listed when there are ≤ 4096)."""
        from .certificates.format import envelope2

        data = {"scenario": self.functional.scenario.to_spec(), "functional": self.functional.spec,
                "sense": self.sense,
                "optimal": [[list(s) for s in strat] for strat in self.strategies]}
        text = summary or f"The local {self.sense}imum of the functional is {_text(self.value)}."
        return Certificate(envelope2(id, "user", "user", "exactbell.api.local_bound", text, "local-bound",
                                     "verified", dict(self.functional.conventions), data))


def local_bound(F: BellFunctional, sense: str = "max") -> LocalBound:
    """The exact maximum (or minimum) of ⟨F, P⟩ over local deterministic strategies."""
    from .kernel.models import local_bound as _lb

    F = _functional(F)
    if sense not in ("max", "min"):
        raise ValueError(f"sense: {sense!r} is not 'max' or 'min'")
    G = F if sense == "max" else _kf.BellFunctional(F.scenario, tuple(-c for c in F.coefficients))
    r = _lb(G)
    value = r.value if sense == "max" else -r.value
    return LocalBound(F, sense, value, [[list(s) for s in st] for st in r.strategies], r.count)


@dataclass
class NSBound(_Result):
    """The exact no-signalling maximum: an optimal behaviour (``primal``, canonical order) and an
    exact dual (``dual``: LP row -> multiplier; rows: normalisation per context, then no-signalling)."""

    functional: BellFunctional
    value: Fraction
    primal: list
    dual: dict

    def __float__(self) -> float:
        return float(self.value)

    def __str__(self) -> str:
        return f"no-signalling max = {_text(self.value)}"

    def _latex_body(self) -> str:
        return f"\\max_{{\\mathcal{{NS}}}} \\langle F, P \\rangle = {latex(self.value)}"

    def certificate(self) -> Certificate:
        """The kernel's ``lp`` certificate (model ``no-signalling``, claim ``optimum``) of this maximum:
        the optimal behaviour as primal, the exact dual of the same value (docs/kinds/lp.md)."""
        from .certificates.format import envelope2

        F, R = self.functional, format_rational
        vec = lambda v: [[k, R(v[k])] for k in sorted(v) if v[k]]
        data = {"model": {"no-signalling": F.scenario.to_spec()}, "claim": "optimum", "sense": "max",
                "functional": {"coefficients": [R(c) for c in F.coefficients]},
                "primal": vec(dict(enumerate(self.primal))), "dual": vec({i: -v for i, v in self.dual.items()})}
        return Certificate(envelope2("user.ns-bound", "user", "user", "exactbell.api.ns_bound",
                                     f"The no-signalling maximum of F is {R(self.value)}.", "lp", "verified",
                                     {"form": "probability", "order": "inputs-major"}, data))

    def certificates(self) -> list[Certificate]:
        """``[certificate()]``, for symmetry with the other results."""
        return [self.certificate()]


def ns_bound(F: BellFunctional) -> NSBound:
    """The maximum of ⟨F, P⟩ over no-signalling behaviours, as an exact LP optimum with an optimal
    behaviour (primal) and a dual point of the same value (needs the ``search`` extra: SciPy)."""
    from types import SimpleNamespace

    from .kernel.scenario import ns_rows
    from .lp.exact import LP
    with _search("ns_bound"):
        from .lp.solve import certify

    F = _functional(F)
    sc = F.scenario
    lp = LP(sc.size, [True] * sc.size, {j: -c for j, c in enumerate(F.coefficients) if c != 0})
    n_out = len(sc.outcomes)
    for k in range(len(sc.contexts)):
        lp.add_row({k * n_out + i: 1 for i in range(n_out)}, "=", 1, name=f"norm{k}")
    for row in ns_rows(SimpleNamespace(inputs=list(range(sc.parties)), contexts=sc.contexts, outcomes=sc.outcomes)):
        lp.add_row(row, "=", 0, name="ns")
    res = certify(lp)
    primal = [res["primal"].get(j, Fraction(0)) for j in range(sc.size)]
    value = F.value(primal)
    if value != -res["value"]:
        raise RuntimeError("ns_bound: the exact primal value differs from the LP optimum")
    return NSBound(F, value, primal, {i: -v for i, v in res["dual"].items()})


@dataclass
class QuantumBound(_Result):
    """A certified bracket [lower, upper] for the quantum maximum (``lower == upper``: exact),
    from the NPA level ``level``, rounded to an exact SOS; ``certificate()`` is its ``sos``
    certificate (kernel-checked before this result is returned)."""

    functional: BellFunctional
    lower: Any
    upper: Any
    level: str
    npa_value: float
    _certificate: Certificate | None = None
    log: list = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return self.lower == self.upper

    def __float__(self) -> float:
        return _float(self.upper)

    def __str__(self) -> str:
        if self.exact:
            return f"quantum max = {_surd(self.upper)} (~{_float(self.upper):.10f})"
        return f"quantum max in [{_surd(self.lower)}, {_surd(self.upper)}] (~[{_float(self.lower):.10f}, " \
               f"{_float(self.upper):.10f}])"

    def _latex_body(self) -> str:
        if self.exact:
            return f"\\max_{{\\mathcal{{Q}}}} \\langle F, P \\rangle = {_surd(self.upper, True)}"
        lo, hi = _surd(self.lower, True), _surd(self.upper, True)
        return f"{lo} \\le \\max_{{\\mathcal{{Q}}}} \\langle F, P \\rangle \\le {hi}"

    @property
    def certified(self) -> bool:
        """Whether an exact ``sos`` certificate backs the bracket."""
        return self._certificate is not None

    def certificate(self) -> Certificate:
        if self._certificate is None:
            raise ValueError("no exact certificate (the SOS rounding failed)")
        return self._certificate


def _quadratic(x: Any):
    """(a, b, c) with x = a + b·√c (c > 0 a squarefree integer, b ≠ 0), when x is a quadratic
    irrationality of its number field (x² + px + q = 0 with rational p, q), else None."""
    K = x.field
    d = K.degree

    def coords(y):
        c = [Fraction(v) for v in y.c]
        return c + [Fraction(0)] * (d - len(c))
    one, c1, c2 = coords(K.element([1])), coords(x), coords(x * x)
    k = next((i for i in range(d) if c1[i] != 0 and i > 0), None)
    if k is None:
        return None
    p = -c2[k] / c1[k]  # x² = −p x − q: match the coordinate of α^k, then the constant
    q = -(c2[0] + p * c1[0])
    if any(c2[i] + p * c1[i] + q * one[i] != 0 for i in range(d)):
        return None
    disc = p * p / 4 - q  # x = −p/2 ± √disc
    if disc <= 0:
        return None
    n = disc.numerator * disc.denominator  # √(u/v) = √(uv)/v
    if n > 10**12:
        return None
    square, f = 1, 2
    while f * f <= n:
        while n % (f * f) == 0:
            n //= f * f
            square *= f
        f += 1
    b = Fraction(square, disc.denominator)
    a = -p / 2
    if (x - a) * (x - a) != b * b * n or n == 1:
        return None
    return a, b if x - a > 0 else -b, n


def _surd(x: Any, tex: bool = False) -> str:
    """a + b*sqrt(c) (``tex``: a + b\\sqrt{c}) for a quadratic irrationality of its number field;
    else the field text with its generator's minimal polynomial; long rationals shortened."""
    show = latex if tex else _text
    if hasattr(x, "is_rational") and x.is_rational():
        x = Fraction(x.c[0]) if x.c else Fraction(0)
    if not hasattr(x, "field"):
        t = show(x)
        return t if len(t) <= 40 or tex else f"{t[:12]}...{t[-12:]} ({len(t)} chars)"
    quad = _quadratic(x)
    if quad is not None:
        a, b, n = quad
        root = f"\\sqrt{{{n}}}" if tex else f"sqrt({n})"

        def times(c):
            return "" if c == 1 else f"{show(c)}{'' if tex else '*'}"
        if a == 0:
            return f"{'-' if b < 0 else ''}{times(abs(b))}{root}"
        return f"{show(a)} {'-' if b < 0 else '+'} {times(abs(b))}{root}"
    K = x.field
    lo, hi = (_text(v) for v in K.interval)
    return latex(x) if tex else f"{x.to_text()} ({K.describe()['minpoly']} = 0, {K.generator} in ({lo}, {hi}))"


def quantum_bound(F: BellFunctional, level: str | int = "1+AB", check: bool = True,
                  exact_rounding: bool = True, strategy: dict | None = None) -> QuantumBound:
    """A certified bracket for the quantum maximum of F (any numbers of parties and outcomes: ±1
    observables for binary outcomes, projectors otherwise): an NPA relaxation at ``level`` (1,
    "1+AB", 2, …) rounded to an exact SOS (upper end) and an exact strategy (lower end). When a
    numeric optimal qubit strategy is exact in some Q(2cos(2π/M)) and its value has an SOS at that
    very value, the bracket has zero width (CHSH: 2√2, Mermin: 4). ``strategy``: a known exact
    strategy for the lower end, ``{"field": {...}, "state": [...], "projectors": [...]}`` (as in
    docs/kinds/strategy-value.md). Needs the ``search`` extra (cvxpy). With ``check`` the kernel
    re-decides the certificate. When no exact Gram matrix is found (or ``exact_rounding`` is off)
    the result carries a rigorous numeric bracket and no certificate."""
    from .certificates.format import envelope2
    with _search("quantum_bound"):
        from .kernel.ncpoly import bell_operator, projectors
        from .quantum import given
        from .sdp import npa, qubit
        from .sdp.certify import sos_v2
        from .sdp.pipeline import certify_bound

    F = _functional(F)
    level = str(level)
    try:
        n = npa.basis_size(tuple(F.scenario.inputs), level, tuple(F.scenario.outputs))
    except ValueError as e:
        raise ValueError(f"level {level!r}: {e}") from None
    if n > npa.MAX_BASIS:
        raise ValueError(f"level {level!r}: the NPA moment matrix would be {n}x{n}, more than the "
                         f"{npa.MAX_BASIS}x{npa.MAX_BASIS} that fit in memory for exact rounding; lower the level")
    lower = None
    if strategy is not None:
        spec, field_spec, value, (psi, meas) = given.read(strategy, F)
        lower = (spec, value)
    res = None
    try:
        if exact_rounding and strategy is None and not projectors(F.scenario.outputs):
            res = _exact_qubit_bound(F, level, certify_bound, bell_operator, qubit)
        elif exact_rounding and strategy is not None and projectors(F.scenario.outputs):
            res = _exact_face_bound(F, level, certify_bound, field_spec, value, psi, meas)
        if res is None:
            res = certify_bound(F, F.scenario.to_spec(), F.spec, level=level, force_numeric=not exact_rounding,
                                lower=lower, field_spec=field_spec if strategy is not None else None)
    except ValueError as e:
        if "level" in str(e):
            raise ValueError(f"level {level!r}: {e}") from None
        raise
    if res.verdict != "verified":
        return QuantumBound(F, res.lower, res.upper, level, res.npa_value, None, res.log)
    what = "equals" if res.lower == res.upper else "is at most"
    cert = Certificate(envelope2("user.quantum", "user", "user", "exactbell.api.quantum_bound",
                                 f"The quantum maximum of the functional {what} {_text(res.upper)} "
                                 f"(NPA level {level}).", "sos", "verified", dict(F.conventions), sos_v2(res.data)))
    if check:
        r = cert.check()
        if not r.passed:
            raise RuntimeError(f"quantum_bound: the kernel refused the certificate: {r.detail}")
    return QuantumBound(F, res.lower, res.upper, level, res.npa_value, cert, res.log)


def _exact_face_bound(F: BellFunctional, level: str, certify_bound: Callable, field_spec, value, psi, meas):
    """The zero-width bracket at the value of a given exact strategy, by rounding on the face its
    moment matrix cuts out (or None)."""
    try:
        res = certify_bound(F, F.scenario.to_spec(), F.spec, level=level, field_spec=field_spec,
                            exact=(value, psi, meas, None))
    except ValueError:
        return None
    return res if res.lower == res.upper else None


def _exact_qubit_bound(F: BellFunctional, level: str, certify_bound: Callable, bell_operator: Callable, qubit: Any):
    """The zero-width bracket from an exact optimal qubit strategy (or None)."""
    from .quantum.exact_optimum import qubit_optimum

    B = bell_operator(F)
    angles, _ = qubit.search(B, F.scenario.inputs, restarts=12)
    found = qubit_optimum(B, angles)
    if found is None:
        return None
    eta, psi, obs, K = found
    try:
        res = certify_bound(F, F.scenario.to_spec(), F.spec, level=level, field_spec=K.describe() if K else None,
                            exact=(eta, psi, obs, None))
    except ValueError:  # the face rounding failed and a field bound has no rational fallback
        return None
    return res if res.lower == res.upper else None


# -- polytopes ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Facet:
    """⟨coefficients, v⟩ ≤ bound, primitive integer coefficients; ``orbit``: class size; ``tight``: the
    positions of the vertices on it (in a class list)."""

    coefficients: tuple
    bound: Fraction
    orbit: int = 1
    tight: tuple = ()

    def __str__(self) -> str:
        return f"({', '.join(map(_text, self.coefficients))}) . p <= {_text(self.bound)}"

    def _repr_latex_(self) -> str:
        terms = "".join(f" {'-' if c < 0 else '+'} {'' if abs(c) == 1 else latex(abs(c))}p_{{{j}}}"
                        for j, c in enumerate(self.coefficients) if c)
        return "$" + (terms.strip().removeprefix("+ ") or "0") + f" \\le {latex(self.bound)}$"


class VertexList(list):
    """The vertices of a polytope (a list of exact points); ``certificate()`` is a ``vertex-set``
    certificate (local polytopes)."""

    def __init__(self, items: Iterable[tuple] = (), polytope: Polytope | None = None):
        super().__init__(items)
        self.polytope = polytope

    def certificate(self, id: str = "user.vertices") -> Certificate:
        return self.polytope.vertex_certificate(id)


class FacetList(list):
    """The facets of a polytope (a list of :class:`Facet`); ``certificate()`` is a ``facet`` certificate
    deciding each of them (local polytopes)."""

    def __init__(self, items: Iterable[Facet] = (), polytope: Polytope | None = None):
        super().__init__(items)
        self.polytope = polytope

    def certificate(self, id: str = "user.facets") -> Certificate:
        return self.polytope.facet_certificate(self, id)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{k + 1}</td><td>{html.escape(str(f))}</td></tr>" for k, f in enumerate(self))
        return f"<table class='exactbell'><tr><th>#</th><th>facet</th></tr>{rows}</table>"


class FacetClasses(FacetList):
    """Facet class representatives (``orbit``: class size); ``certificate()`` is a ``classes`` certificate
    that the list is complete (local polytopes)."""

    def __init__(self, items: Iterable[Facet] = (), polytope: Polytope | None = None, support: list | None = None):
        super().__init__(items, polytope)
        self.support = support

    @property
    def facet_count(self) -> int:
        return sum(f.orbit for f in self)

    def certificate(self, id: str = "user.classes") -> Certificate:
        from .certificates.format import envelope2

        P = self.polytope
        model = P._local_spec("classes certificate")
        data = {"model": model, "support": [[i] for i in self.support],
                "classes": [{"tight": list(f.tight), "coefficients": [_text(c) for c in f.coefficients],
                             "bound": _text(f.bound)} for f in self],
                "complete": True}
        text = (f"The local polytope of {P._scenario!r} has {self.facet_count} facets in {len(self)} classes "
                f"under its relabelings.")
        return Certificate(envelope2(id, "user", "user", "exactbell.api.Polytope.classes", text, "classes",
                                     "verified", {}, data))

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{k + 1}</td><td>{f.orbit}</td><td>{html.escape(str(f))}</td></tr>"
                       for k, f in enumerate(self))
        return (f"<table class='exactbell'><tr><th>class</th><th>facets</th><th>representative</th></tr>{rows}"
                f"</table>")


class Polytope:
    """The convex hull of exact points (pycddlib's exact GMP arithmetic; ``search`` extra)."""

    def __init__(self, vertices: Iterable[Sequence[Any]], symmetries: Iterable[Sequence[int]] = (),
                 _model: Any = None, _scenario: Scenario | None = None):
        """``symmetries``: coordinate permutations π (the image w of v has w[π[k]] = v[k]) that map
        the vertex set onto itself; :meth:`classes` groups the facets under the group they generate."""
        pts = [tuple(exact(x, f"vertices[{i}][{j}]") for j, x in enumerate(v)) for i, v in enumerate(vertices)]
        if not pts or len({len(p) for p in pts}) != 1:
            raise ValueError("vertices: need at least one point, all of the same length")
        self._points, self._model, self._scenario = pts, _model, _scenario
        self._symmetries = [tuple(g) for g in symmetries]
        for i, g in enumerate(self._symmetries):
            if sorted(g) != list(range(len(pts[0]))):
                raise ValueError(f"symmetries[{i}]: not a permutation of the {len(pts[0])} coordinates")
        self._ps = self._ext = None

    def _pointset(self):
        with _search("Polytope"):
            from .polytopes.cddfacets import extreme_points
            from .polytopes.exact import PointSet

        if self._ps is None:
            every = PointSet(self._points)
            self._ext = extreme_points(every)
            self._ps = PointSet([self._points[i] for i in self._ext])
        return self._ps

    def vertices(self) -> VertexList:
        """The extreme points (redundant points removed); for a local polytope ``.certificate()`` is a
        ``vertex-set`` certificate (each deterministic point is the unique maximiser of ⟨v, ·⟩)."""
        return VertexList(self._pointset().points, polytope=self)

    def vertex_certificate(self, id: str = "user.vertices") -> Certificate:
        """A ``vertex-set`` certificate of a local polytope: every deterministic point is a vertex, with the
        point itself as the witness functional (⟨v, v⟩ = #contexts exceeds ⟨v, w⟩ for every other point w)."""
        from .certificates.format import envelope2

        model = self._local_spec("vertex_certificate")
        self._pointset()
        if len(self._ext) != len(self._points):
            raise RuntimeError("vertex_certificate: a deterministic point is not extreme")
        data = {"model": model, "redundant": [], "extreme": [{"label": [k], "functional": [int(c) for c in v]}
                                            for k, v in enumerate(self._points)]}
        text = f"The {len(self._points)} deterministic points of {self._scenario!r} are the vertices of its local polytope."
        return Certificate(envelope2(id, "user", "user", "exactbell.api.Polytope.vertices", text, "vertex-set",
                                     "verified", {"order": "inputs-major"}, data))

    @property
    def dimension(self) -> int:
        return self._pointset().affine_dim()

    def facets(self) -> FacetList:
        """Every facet, as a primitive integer inequality (``.certificate()``: a ``facet`` certificate)."""
        from .polytopes.cddfacets import facets_cdd, inequality_of

        ps = self._pointset()
        out = FacetList(polytope=self)
        for T in facets_cdd(ps):
            a, b = inequality_of(ps, T)
            out.append(Facet(tuple(a), Fraction(b)))
        return out

    def classes(self) -> FacetClasses:
        """One facet per class under the relabeling symmetries of the model (the local polytope's
        relabelings of parties, inputs and outputs), or under the ``symmetries`` given with the vertices
        (none: every facet is its own class). For a local polytope ``.certificate()`` is a ``classes``
        certificate that the list is complete."""
        from .polytopes.adjacency import class_table, classes_cdd
        from .polytopes.exact import PermGroup

        if self._model is not None:
            from .polytopes.classcert import support_and_group

            ext, ps, _, group = support_and_group(self._model)
        else:
            from .polytopes.models import coordinate_image

            ps, ext = self._pointset(), None
            where = {v: k for k, v in enumerate(ps.points)}
            gens = []
            for i, g in enumerate(self._symmetries):
                try:
                    gens.append(tuple(where[coordinate_image(g, v)] for v in ps.points))
                except KeyError:
                    raise ValueError(f"symmetries[{i}]: does not map the vertices onto themselves") from None
            group = PermGroup(len(ps.points), gens)
        table = class_table(ps, group, classes_cdd(ps, group))
        out = FacetClasses(polytope=self, support=ext)
        out.extend(Facet(tuple(r["coefficients"]), Fraction(r["bound"]), r["orbit"], tuple(r["tight"])) for r in table)
        return out

    def _local_spec(self, what: str) -> dict:
        """The kernel's model spec of a local polytope (other polytopes have no kernel model)."""
        if self._model is None or self._model.name != "local" or self._scenario is None:
            raise NotImplementedError(f"{what}: only a local_polytope(scenario) has a kernel model; a Polytope "
                                      f"of explicit vertices has no certificate kind")
        return {"name": "local", "scenario": self._scenario.to_spec()}

    def facet_certificate(self, inequalities: Iterable[Any], id: str = "user.facets") -> Certificate:
        """A ``facet`` certificate: the kernel decides, for each ``Facet`` (or ``(coefficients, bound)``),
        whether ⟨c, p⟩ ≤ b is a facet of the local polytope, and counts the classes (local polytopes only)."""
        from .certificates.format import envelope2

        model = self._local_spec("facet_certificate")
        rows = []
        for k, f in enumerate(inequalities):
            c, b = (f.coefficients, f.bound) if isinstance(f, Facet) else f
            rows.append({"name": f"F{k + 1}", "functional": {"coefficients": [_text(exact(v, f"coefficients[{j}]"))
                                                                            for j, v in enumerate(c)]},
                         "sense": "<=", "bound": _text(exact(b, "bound"))})
        data = {"model": model, "inequalities": rows}
        text = f"{len(rows)} inequalities on the local polytope of {self._scenario!r}."
        return Certificate(envelope2(id, "user", "user", "exactbell.api.Polytope", text, "facet", "verified",
                                     {"form": "probability", "order": "inputs-major"}, data))

    def is_facet(self, coefficients: Sequence[Any], bound: Any) -> bool:
        """Whether ⟨coefficients, v⟩ ≤ bound is valid on every vertex and defines a facet."""
        from .polytopes.exact import facet_test

        coeffs = [exact(c, f"coefficients[{i}]") for i, c in enumerate(coefficients)]
        return bool(facet_test(self._pointset(), coeffs, exact(bound, "bound"))["facet"])


def local_polytope(scenario: Any) -> Polytope:
    """The local polytope of a scenario, in full-probability coordinates (canonical order)."""
    with _search("local_polytope"):
        from .polytopes.models import local

    sc = _scenario(scenario)
    M = local(sc)
    return Polytope(M.points, _model=M, _scenario=sc)


# -- certificates -------------------------------------------------------------------------------
class Certificate:
    """A schema-2 certificate (a JSON object); :meth:`check` has the trusted kernel decide it."""

    def __init__(self, obj: dict, path: str | os.PathLike | None = None):
        self.obj, self.path = obj, (Path(path) if path is not None else None)

    @classmethod
    def load(cls, path: str | os.PathLike) -> Certificate:
        """Read a certificate file with the kernel's strict reader (floats, duplicates refused)."""
        from .kernel.envelope import parse_json, read_bytes

        raw = read_bytes(Path(path))
        return cls(parse_json(raw.decode("utf-8"), path), path)

    def save(self, path: str | os.PathLike) -> Path:
        """Write atomically (a temporary file and a rename); returns the path."""
        from .certificates.format import dump_certificate, write_atomic

        write_atomic(path, dump_certificate(self.obj))
        self.path = Path(path)
        return self.path

    def check(self) -> Result:
        """The kernel's decision (a :class:`exactbell.kernel.check.Result`: ``passed``, ``verdict``,
        ``statement``); an unsaved certificate is checked from a temporary file."""
        from .kernel.check import check_file

        if self.path is not None:
            return check_file(self.path)
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "certificate.json"
            from .certificates.format import dump_certificate

            p.write_text(dump_certificate(self.obj), encoding="utf-8")
            return check_file(p)

    @property
    def kind(self) -> str:
        return self.obj.get("kind", "")

    def __repr__(self) -> str:
        path = str(self.path) if self.path else None
        return f"Certificate(id={self.obj.get('id')!r}, kind={self.kind!r}, path={path!r})"

    def _repr_html_(self) -> str:
        o = self.obj
        return (f"<div class='exactbell'><b>{html.escape(str(o.get('id')))}</b> "
                f"({html.escape(self.kind)}, expected {html.escape(str(o.get('expected')))}): "
                f"{html.escape(str(o.get('summary', '')))}</div>")


class Report(list):
    """The kernel's results of :func:`check` (a list of kernel ``Result`` rows), with the reports of
    ``exactbell check``: :meth:`latex` (an appendix table), :meth:`markdown`, and a Jupyter table."""

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self)

    def summary(self) -> str:
        from .report import summary_line

        return summary_line(self)

    def latex(self, caption: str | None = None) -> str:
        """The LaTeX ``longtable`` of ``exactbell check --latex`` (needs ``longtable`` and ``booktabs``)."""
        from .report import latex as _latex

        return _latex(self, caption)

    def markdown(self) -> str:
        from .report import markdown as _markdown

        return _markdown(self)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(r.id)}</td><td>{html.escape(r.kind)}</td><td>{html.escape(r.verdict)}"
                       f"{'' if r.passed else ' ✗'}</td><td>{html.escape(r.statement or r.detail)}</td></tr>"
                       for r in self)
        return (f"<table class='exactbell'><tr><th>id</th><th>kind</th><th>verdict</th><th>decided statement</th>"
                f"</tr>{rows}</table><p>{html.escape(self.summary())}</p>")


def check_one(path: str | os.PathLike) -> Result:
    """The kernel's decision on one file (a kernel ``Result``), in this process."""
    from .kernel.check import check_file

    return check_file(path)


def check(paths: str | os.PathLike | Iterable[str | os.PathLike], jobs: int | None = None,
          seconds: float | None = None, memory_mb: int | None = None,
          on_result: Callable[[int, Result], None] | None = None, scheduler: str | None = None) -> Report:
    """Decide certificate files (folders are searched for ``*.json``), each in its own forked worker
    under the kernel's wall-clock and memory limits (defaults 900 s, 4096 MB), ``jobs`` at a time, or
    with ``scheduler`` (a Dask address, needs the ``search`` extra) on that cluster, each task forking
    its own limited worker; a list of kernel ``Result`` rows (``passed``, ``verdict``, ``statement``,
    ``pin``) in the order of the files (a :class:`Report`). ``on_result(i, result)`` is called as each
    finishes. This is ``exactbell check``."""
    from .kernel.check import certificate_files
    from .kernel.limits import RunLimits
    from .kernel.run import check_many

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    d = RunLimits()
    limits = RunLimits(d.seconds if seconds is None else seconds, d.memory_mb if memory_mb is None else memory_mb)
    files = certificate_files(paths)
    if scheduler and files:
        from .distributed import check_on_dask, dask_client

        with dask_client(scheduler) as client:
            return Report(check_on_dask(files, client, limits, on_result))
    return Report(check_many(files, jobs=jobs, limits=limits, on_result=on_result, check=check_one))
