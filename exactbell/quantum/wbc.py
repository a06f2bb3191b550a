"""The Wooltorton–Brown–Colbeck family ⟨B_{θ,φ,ω}⟩ (PRL 132, 210802, Prop. 1), exactly.

Everything is computed from exact values of cos/sin at the relevant angles (field elements or
rationals); no floats. Used by the generators (producers; the kernel evaluates Eqs. (2), (3), (5)
from the certificates' expressions itself).

Eq. (2):  cos(θ+φ)cos(θ+ω)⟨A0(cos ω B0 − cos φ B1)⟩ + cos φ cos ω⟨A1(−cos(θ+ω)B0 + cos(θ+φ)B1)⟩
Eq. (3):  η^L = max_± |cos(θ+ω)cos ω (cos(θ+φ) ± cos φ)| + |cos(θ+φ)cos φ (cos(θ+ω) ± cos ω)|
Eq. (4):  cos(θ+φ) cos φ cos(θ+ω) cos ω < 0
Eq. (5):  η^Q = sin θ sin(ω−φ) sin(θ+ω+φ)
Eq. (6):  |ψ⟩ = (|00⟩ + i|11⟩)/√2, A0 = σX, A1 = cos θ σX + sin θ σY, B_y = cos β_y σX + sin β_y σY
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..kernel.functional import correlator_term
from ..kernel.scenario import Scenario
from ..kernel.ncpoly import NCPoly
from .strategy import Complex, expectation_complex, pauli

SCENARIO = Scenario((2, 2), (2, 2))


def needed_angles(theta: Fraction, phi: Fraction, omega: Fraction) -> dict:
    """The angles (in units of π) whose cos / sin the formulas use."""
    return {"cos": [theta, phi, omega, theta + phi, theta + omega],
            "sin": [theta, phi, omega, omega - phi, theta + omega + phi]}


class Point:
    """One parameter point, from exact trig values ``cos[r]``, ``sin[r]`` (r in units of π)."""

    def __init__(self, theta, phi, omega, cos: dict, sin: dict):
        self.theta, self.phi, self.omega = Fraction(theta), Fraction(phi), Fraction(omega)
        t, p, w = self.theta, self.phi, self.omega
        self.cos, self.sin = cos, sin
        self.A, self.B, self.C, self.D = cos[t + p], cos[p], cos[t + w], cos[w]

    # Eq. (2) expanded: coefficients of <A_x B_y>
    def coefficients(self) -> list:
        A, B, C, D = self.A, self.B, self.C, self.D
        return [A * C * D, -(A * C * B), -(B * D * C), B * D * A]

    def eta_local_formula(self):
        """Eq. (3)."""
        A, B, C, D = self.A, self.B, self.C, self.D
        return max(abs(C * D * (A + B)) + abs(A * B * (C + D)), abs(C * D * (A - B)) + abs(A * B * (C - D)))

    def local_max(self):
        """Maximum over all 16 deterministic strategies (a_x, b_y = ±1): Bob's best response to
        (a0, a1) is b_y = sign(c_0y a0 + c_1y a1), and (a0, a1) → (−a0, −a1) leaves the value
        unchanged, so the maximum is max over a1 = ±1 (a0 = 1) of |c00 + a1 c10| + |c01 + a1 c11|."""
        c = self.coefficients()
        return max(abs(c[0] + c[2]) + abs(c[1] + c[3]), abs(c[0] - c[2]) + abs(c[1] - c[3]))

    def local_max_enumerated(self):
        """The same maximum by plain enumeration of the 16 strategies (slower; for tests)."""
        c = self.coefficients()
        best = None
        for a0, a1, b0, b1 in product((1, -1), repeat=4):
            v = c[0] * (a0 * b0) + c[1] * (a0 * b1) + c[2] * (a1 * b0) + c[3] * (a1 * b1)
            if best is None or v > best:
                best = v
        return best

    def condition4(self) -> bool:
        return self.A * self.B * self.C * self.D < 0

    def eta_quantum(self):
        """Eq. (5)."""
        t, p, w = self.theta, self.phi, self.omega
        return self.sin[t] * self.sin[w - p] * self.sin[t + w + p]

    def operator(self) -> NCPoly:
        c = self.coefficients()
        out = NCPoly(2)
        for k, (x, y) in enumerate(((0, 0), (0, 1), (1, 0), (1, 1))):
            out = out + NCPoly.observable(2, 0, x) * NCPoly.observable(2, 1, y) * c[k]
        return out

    def functional_terms(self, fmt) -> dict:
        c = self.coefficients()
        return {f"A{x}B{y}": fmt(c[k]) for k, (x, y) in enumerate(((0, 0), (0, 1), (1, 0), (1, 1)))}

    def strategy6(self, sign_a: int = 1):
        """State (unnormalized (1,0,0,i)) and observables of Eq. (6); sign_a = −1 flips Alice's."""
        one = self.cos[self.phi] * 0 + 1
        X, Y, _ = pauli(one)

        def planar(c, s):
            return [[X[i][j] * c + Y[i][j] * s for j in range(2)] for i in range(2)]

        t, p, w = self.theta, self.phi, self.omega
        A0 = [[v * sign_a for v in row] for row in X]
        A1 = [[v * sign_a for v in row] for row in planar(self.cos[t], self.sin[t])]
        B0, B1 = planar(self.cos[p], self.sin[p]), planar(self.cos[w], self.sin[w])
        zero = one - one
        psi = [Complex(one, zero), Complex(zero, zero), Complex(zero, zero), Complex(zero, one)]
        return psi, [[A0, A1], [B0, B1]]

    def strategy6_value(self, sign_a: int = 1):
        psi, obs = self.strategy6(sign_a)
        return expectation_complex(self.operator(), psi, obs, normalize=True)

    def sos_terms(self):
        """(S1): η^Q·1 − B = Σ_y (λ_y/2)(Ã_y − B_y)², Ã_y = (cos β_y A1 − cos(θ+β_y) A0)/sin θ,
        λ0 = −sin θ cos ω cos(θ+ω), λ1 = sin θ cos φ cos(θ+φ). Returns [(λ_y/2, a0_y, a1_y)] with
        Ã_y = a0_y A0 + a1_y A1 (valid whenever sin θ ≠ 0)."""
        t, p, w = self.theta, self.phi, self.omega
        s = self.sin[t]
        lam = [-(s * self.D * self.C), s * self.B * self.A]
        out = []
        for y, beta in enumerate((p, w)):
            out.append((lam[y] / 2, -self.cos[t + beta] / s, self.cos[beta] / s))
        return out


def correlator_coefficient_vector(point: Point):
    """The functional in canonical probability form (for cross-checks with core.functional)."""
    c = point.coefficients()
    total = [0] * SCENARIO.size
    for k, term in enumerate(("A0B0", "A0B1", "A1B0", "A1B1")):
        for i, wgt in enumerate(correlator_term(SCENARIO, term)):
            if wgt:
                total[i] = total[i] + c[k] * wgt
    return total


class Quad:
    """a + b·√d (d > 0 a non-square rational) with python-flint fmpq parts: a fast exact type
    for grid sweeps in quadratic fields. Sign: exact comparison of a² and b²d."""

    __slots__ = ("a", "b", "d")

    def __init__(self, a, b, d):
        self.a, self.b, self.d = a, b, d

    def _lift(self, o):
        if isinstance(o, Quad):
            return o
        from flint import fmpq

        return Quad(fmpq(o.numerator, o.denominator) if isinstance(o, Fraction) else fmpq(o), fmpq(0), self.d)

    def __add__(self, o):
        o = self._lift(o)
        return Quad(self.a + o.a, self.b + o.b, self.d)

    __radd__ = __add__

    def __neg__(self):
        return Quad(-self.a, -self.b, self.d)

    def __sub__(self, o):
        o = self._lift(o)
        return Quad(self.a - o.a, self.b - o.b, self.d)

    def __rsub__(self, o):
        return self._lift(o) - self

    def __mul__(self, o):
        o = self._lift(o)
        return Quad(self.a * o.a + self.b * o.b * self.d, self.a * o.b + self.b * o.a, self.d)

    __rmul__ = __mul__

    def sign(self) -> int:
        sa, sb = (self.a > 0) - (self.a < 0), (self.b > 0) - (self.b < 0)
        if sa == sb or sb == 0:
            return sa
        if sa == 0:
            return sb
        diff = self.a * self.a - self.b * self.b * self.d
        return sa if diff > 0 else sb  # diff != 0 because √d is irrational

    def __abs__(self):
        return -self if self.sign() < 0 else self

    def __eq__(self, o):
        o = self._lift(o)
        return self.a == o.a and self.b == o.b

    __hash__ = None

    def __lt__(self, o):
        return (self - o).sign() < 0

    def __gt__(self, o):
        return (self - o).sign() > 0

    def __le__(self, o):
        return (self - o).sign() <= 0

    def __ge__(self, o):
        return (self - o).sign() >= 0


def to_quad(x, field):
    """Convert a field element of Q(g), g² = d (minpoly g² − d), or a rational, to :class:`Quad`;
    returns None when the field is not of that form."""
    from flint import fmpq

    def q(v):
        v = Fraction(v)
        return fmpq(v.numerator, v.denominator)

    if field is None:
        return None
    m = field.minpoly
    if field.degree != 2 or m[1] != 0 or m[0] >= 0:
        return None
    d = -m[0]
    c = list(x.c) + [Fraction(0)] * (2 - len(x.c)) if hasattr(x, "c") else [Fraction(x), Fraction(0)]
    # g is the positive root when the isolating interval is positive
    if field.interval[0] < 0:
        return None
    return Quad(q(c[0]), q(c[1]), q(d))
