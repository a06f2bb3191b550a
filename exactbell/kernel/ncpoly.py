"""Noncommutative polynomials in ±1 observables A_x (A_x² = 1) or, with other than two outcomes, projectors
(x, a) = P_{a|x}, a < d − 1 (P_{d−1|x} = 1 − Σ_a P_{a|x}), of commuting parties; Eve's free letters Z_a, Z_a^*
(Brown–Fawzi–Fawzi 2024) as an optional last party. A monomial is a tuple of reduced words, one per party. Also
exact strategies (a state and measurements) and their Born-rule behaviour."""
import re
from fractions import Fraction
from functools import reduce
from math import prod

from .expr import Algebra, ExprError, parse
from .gaussian import conj, gaussian_text, matrix_text, read_matrix
from .linalg import add, adjoint, identity, kron, mul, scale
from .poly import Sparse, pairs_bounded
from .scenario import PARTY_LETTERS


def reduce_word(w) -> tuple | None:
    """The reduced word (None: zero) by A_x A_x = 1, P_{a|x} P_{a|x} = P_{a|x}, P_{a|x} P_{b|x} = 0 (a ≠ b)."""
    out: list = []
    for letter in w:
        if isinstance(letter, str):  # Eve's free letters: no relation
            out.append(letter)
            continue
        proj, last = isinstance(letter, tuple), out[-1] if out else None
        if proj and last is not None and last[0] == letter[0] and last != letter:
            return None
        if last != letter:
            out.append(letter)
        elif not proj:
            out.pop()
    return tuple(out)


def projectors(outputs) -> bool:
    """Whether a scenario's operators are projectors (some party has other than two outcomes)."""
    return any(o != 2 for o in outputs)


def product(m1, m2):
    """The reduced monomial m1·m2 (None: zero)."""
    words = tuple(reduce_word(u + v) for u, v in zip(m1, m2))
    return None if None in words else words


class NCPoly(Sparse):
    """Σ c_m m over monomials m = (word of party 1, …, word of party N)."""

    __slots__ = ("parties",)
    _times = staticmethod(product)

    def __init__(self, parties: int, terms: dict | None = None):
        self.parties = parties
        self.terms = {m: c for m, c in (terms or {}).items() if c != 0}

    @classmethod
    def scalar(cls, parties: int, c) -> "NCPoly":
        return cls(parties, {((),) * parties: c})

    @classmethod
    def observable(cls, parties: int, party: int, x) -> "NCPoly":
        """The letter x of ``party``: A_x, or P_{a|x} when x = (x, a)."""
        return cls(parties, {tuple((x,) if i == party else () for i in range(parties)): Fraction(1)})

    @classmethod
    def projector(cls, parties: int, party: int, x: int, a: int, d: int) -> "NCPoly":
        """P_{a|x} of ``party`` with d outcomes; the last one is 1 − Σ_{b<d−1} P_{b|x}."""
        if a < d - 1:
            return cls.observable(parties, party, (x, a))
        return cls.scalar(parties, Fraction(1)) - sum(cls.observable(parties, party, (x, b)) for b in range(d - 1))

    def _new(self, terms) -> "NCPoly":
        return NCPoly(self.parties, terms)

    def _lift(self, o) -> "NCPoly":
        if not isinstance(o, NCPoly):
            return NCPoly.scalar(self.parties, o)
        if o.parties != self.parties:
            raise ValueError("operators on different numbers of parties")
        return o

    def __pow__(self, n: int):  # term pairs checked at every step (Sparse.__mul__): the free algebra grows fast
        return prod([self] * n, start=NCPoly.scalar(self.parties, Fraction(1)))

    def adjoint(self, conj=lambda z: z) -> "NCPoly":
        return NCPoly(self.parties, {tuple(tuple(map(star, w[::-1])) for w in m): conj(c)
                                     for m, c in self.terms.items()})

    def to_text(self, fmt=str) -> str:
        return " + ".join(f"({fmt(self.terms[m])})*{monomial_text(m)}" for m in sorted(self.terms)) or "0"


def star(letter):
    """The adjoint of one letter: Z_a <-> Z_a^* for Eve's, itself for a Hermitian one."""
    return letter if not isinstance(letter, str) else letter[:-4] if letter.endswith("star") else letter + "star"


def monomial_text(m) -> str:
    """A0*B1 (±1 letters) or A0_1*B1_0 (projector letters (x, a): P_{a|x}), Z0*Z1star (Eve's); 1 for the identity."""
    return "*".join(x if isinstance(x, str) else f"{PARTY_LETTERS[i]}{x[0]}_{x[1]}" if isinstance(x, tuple) else
                    f"{PARTY_LETTERS[i]}{x}" for i, w in enumerate(m) for x in w) or "1"


_LETTER = re.compile(r"([A-H])([0-9]+)(?:_([0-9]+))?")  # A0 (±1 observable) or A0_1 (projector)
_EVE = re.compile(r"Z([0-9])(star)?")  # Eve's Z_a or Z_a^*


class NCAlgebra(Algebra):
    """Operators for :func:`.expr.parse`: names A0, B1, … (A0_1, … over projectors), Eve's Z0, Z0star, …, scalars."""

    def __init__(self, parties: int, inputs: tuple, scalar_parse, names: dict | None = None, outputs=None,
                 functions=None, eve: int = 0):
        self.parties, self.inputs, self.scalar_parse, self.eve = parties + (eve > 0), inputs, scalar_parse, eve
        self.names, self.functions = names or {}, functions or {}
        self.outputs = outputs if outputs is not None and projectors(outputs) else None

    def call(self, name, args):
        one = ((),) * self.parties
        if name not in self.functions or any(set(a.terms) - {one} for a in args):
            raise ExprError(f"{name} of an operator is not allowed (only a function of scalars)")
        return NCPoly.scalar(self.parties, self.functions[name](*(a.terms.get(one, 0) for a in args)))

    def const(self, q):
        return NCPoly.scalar(self.parties, self.scalar_parse(q))

    def name(self, name):
        if name in self.names:
            return NCPoly.scalar(self.parties, self.names[name])
        if (z := _EVE.fullmatch(name)) and int(z[1]) < self.eve:
            return NCPoly.observable(self.parties, self.parties - 1, name)
        proj, m = self.outputs is not None, _LETTER.fullmatch(name)  # projectors: A0_1 = P_{1|0} of party A
        i, x, a = (PARTY_LETTERS.index(m[1]), int(m[2]), m[3] and int(m[3])) if m else (0, 0, None)
        bad = not m or (a is None) == proj or i >= len(self.inputs) or x >= self.inputs[i]
        if bad or (proj and a >= self.outputs[i]):
            raise ExprError(f"unknown name {name!r} in an operator expression (" + (
                "projectors A0_0, B1_2, ... of the scenario: input, then outcome)" if proj else
                "use A0, B1, ... of the scenario)"))
        return (NCPoly.projector(self.parties, i, x, a, self.outputs[i]) if proj else
                NCPoly.observable(self.parties, i, x))

    def div(self, a, b):
        scalar = b.terms.get(((),) * self.parties) if len(b.terms) == 1 else None
        if scalar is None:
            raise ExprError("division by an operator")
        return a * (1 / scalar)

    def pow(self, a, n):
        if n < 0:
            raise ExprError("negative powers of operators are not allowed")
        return a**n


def parse_operator(text: str, parties: int, inputs: tuple, scalar_parse, names=None, outputs=None,
                   functions=None, eve: int = 0) -> NCPoly:
    """An operator expression (:class:`NCAlgebra`), small enough to be squared."""
    op = parse(text, NCAlgebra(parties, inputs, scalar_parse, names, outputs, functions, eve))
    return pairs_bounded(op, op)


def bell_operator(functional) -> NCPoly:
    """Operator B with ⟨ψ|B|ψ⟩ = ⟨F, P⟩: p(a|x) = ⟨Π_i (1 + (−1)^{a_i} X^{(i)}_{x_i})/2⟩ for binary
    outcomes, p(a|x) = ⟨Π_i P^{(i)}_{a_i|x_i}⟩ over projectors otherwise."""
    sc, n = functional.scenario, functional.scenario.parties
    proj = projectors(sc.outputs)

    def p(a, x):  # the operator of p(a|x)
        return reduce(NCPoly.__mul__, [outcome(n, i, x[i], a[i], sc.outputs[i], proj) for i in range(n)])
    return NCPoly(n)._collect((m, v * c) for (a, x), c in zip(sc.entries(), functional.coefficients) if c != 0
                              for m, v in p(a, x).terms.items())  # one pass (a running sum re-collects every term)


def outcome(parties: int, i: int, x: int, a: int, d: int, proj: bool) -> NCPoly:
    """The projector of outcome a of party i's input x: P_{a|x}, or (1 + (−1)^a X_x)/2 for a ±1 observable."""
    return NCPoly.projector(parties, i, x, a, d) if proj else NCPoly.observable(parties, i, x) * Fraction(
        (-1) ** a, 2) + Fraction(1, 2)


def bff_operator(parties: int, x: int, d: int, proj: bool, t) -> NCPoly:
    """Σ_a M_{a|x}(Z_a + Z_a^* + (1 − t) Z_a^*Z_a) + t Z_a Z_a^* with M_{a|x} Alice's projectors and Z_a Eve's letters
    (the last party): the term of node t in Brown–Fawzi–Fawzi, Quantum 8, 1445 (2024), Thm 2.3."""
    total = NCPoly(parties)
    for a in range(d):
        Z, Zs = (NCPoly.observable(parties, parties - 1, f"Z{a}{s}") for s in ("", "star"))
        total = total + outcome(parties, 0, x, a, d, proj) * (Z + Zs + Zs * Z * (1 - t)) + Z * Zs * t
    return total


# -- exact strategies: a state and projective measurements, the Born rule -------------------
MAX_DIM = 64  # dimension of a strategy's joint Hilbert space


def read_strategy(ctx, spec, sc):
    """(ψ, P[party][input][output], text) of a state with ±1 observables O (P_a = (1 + (−1)^a O)/2) or projective
    measurements (docs/kinds/strategy-value.md); decided: O† = O, O² = 1; P† = P, P² = P, Σ_a P_a = 1; ψ ≠ 0."""
    one, proj = ctx.one, spec.has("projectors")
    key, meas, shown, dim = "projectors" if proj else "observables", [], [], 1
    for i, lst in enumerate(spec.list(key, sc.parties)):
        at, dims = f"{key}[{i}]", None
        if not isinstance(lst, list) or len(lst) != sc.inputs[i] or not (proj or sc.outputs[i] == 2):
            raise ctx.fail(spec.at(at), f"needs {sc.inputs[i]} " + ("measurements" if proj else
                                                                   "observables (and binary outputs)"))
        meas.append([])
        for x, raw in enumerate(lst):
            if proj and (not isinstance(raw, list) or len(raw) != sc.outputs[i]):
                raise ctx.fail(spec.at(f"{at}[{x}]"), f"needs {sc.outputs[i]} projectors (one per outcome)")
            Ms, where = [], [spec.at(f"{at}[{x}]" + (f"[{a}]" if proj else "")) for a in range(sc.outputs[i])]
            for r, w in zip(raw if proj else [raw], where):  # one dimension per party, fixed by its first matrix
                if isinstance(r, list) and len(r) * dim > MAX_DIM:  # bounded before any entry is read
                    raise ctx.fail(w, f"the joint dimension exceeds {MAX_DIM}")
                Ms.append(read_matrix(ctx, w, r, dims))
                ctx.need(adjoint(Ms[-1], conj) == Ms[-1], w, "is not Hermitian")
                dims = len(Ms[0])
            eye = identity(dims, one)
            P = Ms if proj else [scale(Fraction(1, 2), add(eye, scale((-1) ** a, Ms[0]))) for a in (0, 1)]
            if (a := next((a for a, Pa in enumerate(P) if mul(Pa, Pa) != Pa), None)) is not None:  # (1 ± O)/2: O² = 1
                raise ctx.fail(where[a], "is not a projector (P^2 = P)" if proj else "is not a ±1 observable (O^2 = 1)")
            ctx.need(reduce(add, P) == eye, spec.at(f"{at}[{x}]"), "the projectors do not sum to the identity")
            meas[-1].append(P)
            shown.append(f"{PARTY_LETTERS[i]}{x} = " + ", ".join(map(matrix_text, Ms)))
        dim *= dims
    psi = read_matrix(ctx, spec.at("state"), [spec.list("state", dim)], 1, dim)[0]
    ctx.need(not all(z == 0 for z in psi), spec.at("state"), "the state vector is zero")
    return psi, meas, "; ".join([f"psi ~ ({', '.join(gaussian_text(z) for z in psi)})"] + shown)


def behaviour(psi, meas, sc) -> list:
    """p(a|x) = ⟨ψ|⊗_i P^{(i)}_{a_i|x_i}|ψ⟩ / ⟨ψ|ψ⟩ in canonical (inputs-major) order."""
    bra, ket = [[conj(z) for z in psi]], [[z] for z in psi]
    norm, out = mul(bra, ket)[0][0].re, []
    for a, x in sc.entries():
        v = mul(bra, mul(reduce(kron, [meas[i][x[i]][a[i]] for i in range(sc.parties)]), ket))[0][0]
        if v.im != 0:
            raise ValueError("non-real probability")  # impossible for Hermitian projectors
        out.append(v.re / norm)
    return out
