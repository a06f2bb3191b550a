"""The one expression parser for certificate text (never ``eval``), with guards on length, digits, depth, exponent,
and the bits and term pairs of every product, power and intermediate value, estimated before computing it.
Grammar: expr := term (("+"|"-") term)*; term := unary (("*"|"/") unary)*; unary := ("+"|"-") unary | power;
power := atom (("^"|"**") ["-"] INTEGER)?; atom := INTEGER | NAME | NAME "(" expr ("," expr)* ")" | "(" expr ")".
"""
from __future__ import annotations

import re
from fractions import Fraction
from math import comb
from typing import Any

from . import limits
from .numbers import ExactnessError, bit_size

MAX_DEPTH = 100
SPENT = [None]  # term pairs multiplied while one certificate is decided (check.decide), None otherwise

_TOKEN = re.compile(r"\s*(?:([0-9]+)|([A-Za-z_][A-Za-z_0-9@{}]*)|(\*\*|[-+*/^(),]))")


class ExprError(ExactnessError):
    """Text that is not an expression of the supported class."""


class Algebra:  # noqa: E704
    """Values of literals, names and operations: ring operations are Python operators; a subclass gives
    ``const``, ``name``, ``div``, ``pow`` and, if it allows functions, ``call``."""

    def call(self, name, args):
        raise ExprError(f"function {name!r} is not allowed here")

    def add(self, a, b): return a + b
    def sub(self, a, b): return a - b
    def neg(self, a): return -a
    def mul(self, a, b): return a * b


class FieldAlgebra(Algebra):
    """Default algebra over any Python number type with +,-,*,/ (Fraction, field elements)."""

    def __init__(self, names: dict | None = None, functions: dict | None = None, lift=Fraction):
        self.names, self.functions, self.const = names or {}, functions or {}, lift

    def name(self, name):
        if name not in self.names:
            raise ExprError(f"unknown name {name!r}")
        return self.names[name]

    def call(self, name, args):
        if name not in self.functions:
            raise ExprError(f"unknown function {name!r}")
        return self.functions[name](*args)

    def div(self, a, b):
        if b == 0:
            raise ExprError("division by zero")
        return a / b

    def pow(self, a, n):
        return self.div(self.const(Fraction(1)), a**-n) if n < 0 else a**n


RATIONAL_FUNCTIONS = {"abs": abs, "max": max, "min": min}


def tokenize(text: str) -> list[tuple[str, str]]:
    if not isinstance(text, str):
        raise ExprError(f"expected an expression string, got {type(text).__name__}")
    if len(text) > limits.EXPR_CHARS:
        raise ExprError(f"expression longer than {limits.EXPR_CHARS} characters")
    tokens, pos, stripped = [], 0, text.rstrip()
    while pos < len(stripped):
        m = _TOKEN.match(stripped, pos)
        if m is None:
            rest = stripped[pos:].lstrip()
            if rest[:1] == "." or re.match(r"[0-9]", rest[:1] or "x"):
                raise ExprError(f"decimal or malformed number in {text!r}; write rationals as p/q")
            raise ExprError(f"unexpected character {rest[:1]!r} in {text!r}")
        if m.group(1) and len(m.group(1)) > limits.INT_DIGITS:
            raise ExprError(f"an integer literal of more than {limits.INT_DIGITS} digits")
        if m.group(1) and stripped[m.end():m.end() + 1] in (".", "e", "E"):
            raise ExprError(f"decimal or float literal in {text!r}; write rationals as p/q")
        kind = "int" if m.group(1) else "name" if m.group(2) else "op"
        tokens.append((kind, m.group(1) or m.group(2) or m.group(3)))
        pos = m.end()
    if not tokens:
        raise ExprError("empty expression")
    return tokens


def _terms(v) -> int:
    """The terms of a polynomial value (of both parts of a rational function); 1 for a number."""
    return sum(len(getattr(p, "terms", None) or ()) for p in (getattr(v, "num", v), getattr(v, "den", None))) or 1


class _Parser:
    def __init__(self, tokens, algebra, text):
        self.t, self.i, self.a, self.text, self.depth, self.work = tokens, 0, algebra, text, 0, 0

    def spend(self, pairs: int) -> None:
        """At most ``limits.EXPR_PAIRS`` term pairs in one expression (p^n, t terms: ≤ t·C(n + t - 1, t) pairs)."""
        self.work += pairs
        if self.work > limits.EXPR_PAIRS:
            raise ExprError(f"{_short(self.text)} multiplies more than {limits.EXPR_PAIRS} term pairs")
        if SPENT[0] is not None:
            SPENT[0] += pairs
            if SPENT[0] > limits.CERT_PAIRS:
                raise ExprError(f"the expressions multiply more than {limits.CERT_PAIRS} term pairs in all")

    def peek(self): return self.t[self.i] if self.i < len(self.t) else (None, None)  # noqa: E704

    def take(self, op=None):
        tok = self.peek()
        if op is not None and tok != ("op", op):
            raise ExprError(f"expected {op!r} in {self.text!r}")
        self.i += 1
        return tok

    def expr(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("expression nested too deeply")
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            w = self.term()
            v = _bounded(self.a.add(v, w) if op == "+" else self.a.sub(v, w))
        self.depth -= 1
        return v

    def term(self):
        v = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            w = self.unary()
            if bit_size(v) + bit_size(w) > limits.EXPR_BITS:
                raise ExprError(f"a product in {_short(self.text)} exceeds {limits.EXPR_BITS} bits")
            if (pairs := _terms(v) * _terms(w)) <= limits.PRODUCT_PAIRS:  # more: the algebra refuses the product
                self.spend(pairs)
            v = _bounded(self.a.mul(v, w) if op == "*" else self.a.div(v, w))
        return v

    def unary(self):
        negate = False
        while self.peek() in (("op", "-"), ("op", "+")):  # a loop: no recursion on "- - - ... x"
            negate ^= self.take()[1] == "-"
        v = self.power()
        return self.a.neg(v) if negate else v

    def power(self):
        base = self.atom()
        if self.peek() in (("op", "^"), ("op", "**")):
            self.take()
            sign = -1 if self.peek() == ("op", "-") and self.take() else 1
            kind, val = self.take()
            if kind != "int":
                raise ExprError(f"exponent must be an integer literal in {self.text!r}")
            n = sign * int(val)
            if abs(n) > limits.EXPONENT:
                raise ExprError(f"exponent {n} too large in {_short(self.text)}")
            if bit_size(base) * abs(n) > limits.EXPR_BITS:
                raise ExprError(f"a power in {_short(self.text)} would exceed {limits.EXPR_BITS} bits")
            self.spend((t := _terms(base)) * comb(abs(n) + t - 1, t))
            return _bounded(self.a.pow(base, n))
        return base

    def atom(self):
        kind, val = self.take()
        if kind == "int":
            return self.a.const(Fraction(int(val)))
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return self.a.call(val, args)
            return self.a.name(val)
        if (kind, val) == ("op", "("):
            v = self.expr()
            self.take(")")
            return v
        raise ExprError(f"unexpected {val!r} in {self.text!r}" if val else f"unexpected end of {self.text!r}")


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _bounded(v):
    if bit_size(v) > limits.EXPR_BITS:
        raise ExprError(f"an intermediate value exceeds {limits.EXPR_BITS} bits")
    return v


def parse(text: str, algebra) -> Any:
    """Parse ``text`` with ``algebra``; raises :class:`ExprError` on anything unsupported."""
    p = _Parser(tokenize(text), algebra, text)
    v = p.expr()
    if p.i != len(p.t):
        raise ExprError(f"trailing text after expression in {text!r}")
    return v
