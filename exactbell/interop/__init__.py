"""Exact readers/writers for PORTA (.poi/.ieq), PANDA and cdd/lrs (.ext/.ine) files (this module), Bell
functionals as QETLAB / Ket.jl arrays (:mod:`.arrays`: full probability, Collins–Gisin, correlator; in
memory, ``.npy`` and JSON) and in the Faacets text form (:mod:`.faacets`).

Everything is rational (Fraction); floats are refused. Inequalities are (a, b, rel) meaning
<a, x> rel b with rel in {"<=", ">=", "=="}.
"""
from __future__ import annotations

import re
from fractions import Fraction

from ..kernel.numbers import format_rational, to_rational
from .arrays import from_array, from_json, load_json, load_npy, save_json, save_npy, to_array, to_json, to_numpy
from .faacets import from_faacets, to_faacets

__all__ = ["FormatError", "from_array", "from_faacets", "from_json", "load_json", "load_npy", "read_ext",
           "read_ieq", "read_ine", "read_panda_inequalities", "read_poi", "save_json", "save_npy", "to_array",
           "to_faacets", "to_json", "to_numpy", "write_ext", "write_ieq", "write_ine", "write_panda", "write_poi"]


class FormatError(ValueError):
    """A file that does not follow the format (names the line)."""


def _q(text: str, where: str) -> Fraction:
    try:
        return to_rational(text.strip())
    except Exception as e:  # noqa: BLE001 - reported with the line
        raise FormatError(f"{where}: {e}") from None


def _fmt(x) -> str:
    return format_rational(Fraction(x))


# --------------------------------------------------------------------------------------------
# PORTA

def write_poi(points, path=None) -> str:
    n = len(points[0])
    lines = [f"DIM = {n}", "", "CONV_SECTION"]
    for k, v in enumerate(points, 1):
        lines.append(f"({k:>4}) " + " ".join(_fmt(x) for x in v))
    lines += ["END", ""]
    return _out("\n".join(lines), path)


def _porta_sections(text: str, sections: tuple, closers: tuple = ("END",)):
    """PORTA file scan: (DIM, [(line number, DIM so far, section, entry)]) for every entry line
    inside one of ``sections`` (comments and "( k)" row labels removed); raises without DIM."""
    dim, section, entries = None, None, []
    for ln, line in enumerate(text.splitlines(), 1):
        s = line.split("#")[0].strip()
        if not s:
            continue
        m = re.match(r"DIM\s*=\s*(\d+)$", s)
        if m:
            dim = int(m.group(1))
        elif s in sections or s in closers:
            section = s if s in sections else None
        elif section is not None:
            entries.append((ln, dim, section, re.sub(r"^\(\s*\d+\)\s*", "", s)))
    if dim is None:
        raise FormatError("missing DIM = n")
    return dim, entries


def read_poi(text: str) -> list[tuple]:
    pts = []
    for ln, dim, section, s in _porta_sections(text, ("CONV_SECTION", "CONE_SECTION"))[1]:
        if section == "CONV_SECTION":
            v = tuple(_q(t, f"line {ln}") for t in s.split())
            if dim is not None and len(v) != dim:
                raise FormatError(f"line {ln}: {len(v)} coordinates, DIM = {dim}")
            pts.append(v)
    return pts


def _terms(a) -> str:
    out = []
    for j, c in enumerate(a, 1):
        c = Fraction(c)
        if c == 0:
            continue
        sign = "+" if c > 0 else "-"
        mag = abs(c)
        out.append(f"{sign}{'' if mag == 1 else _fmt(mag)}x{j}")
    return "".join(out) or "0x1"


def write_ieq(ineqs, dim: int, path=None) -> str:
    lines = [f"DIM = {dim}", "", "INEQUALITIES_SECTION"]
    for k, (a, b, rel) in enumerate(ineqs, 1):
        lines.append(f"({k:>4}) {_terms(a)} {rel} {_fmt(b)}")
    lines += ["END", ""]
    return _out("\n".join(lines), path)


_TERM = re.compile(r"([+-]?)\s*(\d+(?:/\d+)?)?\s*\*?\s*x(\d+)")


def parse_linear(s: str, dim: int, where: str):
    m = re.match(r"^(.*?)(<=|>=|==|=<|=>|=)(.*)$", s)
    if not m:
        raise FormatError(f"{where}: no relation (<=, >=, ==)")
    lhs, rel, rhs = m.group(1), m.group(2), m.group(3)
    rel = {"=<": "<=", "=>": ">=", "=": "=="}.get(rel, rel)
    a = [Fraction(0)] * dim
    rest = lhs
    for t in _TERM.finditer(lhs):
        j = int(t.group(3))
        if not 1 <= j <= dim:
            raise FormatError(f"{where}: variable x{j} outside DIM = {dim}")
        c = _q(t.group(2), where) if t.group(2) else Fraction(1)
        a[j - 1] += -c if t.group(1) == "-" else c
        rest = rest.replace(t.group(0), " ", 1)
    if rest.strip() not in ("", "0"):
        raise FormatError(f"{where}: cannot read {rest.strip()!r}")
    return a, _q(rhs, where), rel


def read_ieq(text: str):
    dim, entries = _porta_sections(
        text, ("INEQUALITIES_SECTION",), ("END", "VALID", "LOWER_BOUNDS", "UPPER_BOUNDS", "ELIMINATION_ORDER"))
    out = []
    for ln, dim_here, _, s in entries:
        if dim_here is None:
            raise FormatError("missing DIM = n before the inequalities")
        out.append(parse_linear(s, dim_here, f"line {ln}"))
    return dim, out


# --------------------------------------------------------------------------------------------
# cdd / lrs

def write_ext(points, path=None) -> str:
    n = len(points[0])
    lines = ["V-representation", "begin", f" {len(points)} {n + 1} rational"]
    lines += [" 1 " + " ".join(_fmt(x) for x in v) for v in points]
    lines += ["end", ""]
    return _out("\n".join(lines), path)


def write_ine(ineqs, dim: int, path=None) -> str:
    """cdd rows b - a.x >= 0 (<= rows) and a.x - b >= 0 (>= rows); equalities in 'linearity'."""
    rows, lin = [], []
    for k, (a, b, rel) in enumerate(ineqs, 1):
        if rel == ">=":
            rows.append([-Fraction(b)] + [Fraction(x) for x in a])
        else:
            rows.append([Fraction(b)] + [-Fraction(x) for x in a])
            if rel == "==":
                lin.append(k)
    lines = ["H-representation"]
    if lin:
        lines.append("linearity " + str(len(lin)) + " " + " ".join(map(str, lin)))
    lines += ["begin", f" {len(rows)} {dim + 1} rational"]
    lines += [" " + " ".join(_fmt(x) for x in r) for r in rows]
    lines += ["end", ""]
    return _out("\n".join(lines), path)


def _cdd_body(text: str):
    lines = [l.split("*")[0].strip() for l in text.splitlines()]
    lin = set()
    try:
        b = lines.index("begin")
        e = lines.index("end")
    except ValueError:
        raise FormatError("missing begin/end") from None
    for l in lines[:b]:
        if l.startswith("linearity"):
            parts = l.split()
            lin = {int(x) for x in parts[2:]}
    head = lines[b + 1].split()
    if len(head) < 2:
        raise FormatError(f"line {b + 2}: expected 'm n rational'")
    m, n = int(head[0]) if head[0] != "***" else None, int(head[1])
    if len(head) > 2 and head[2] not in ("rational", "integer"):
        raise FormatError(f"line {b + 2}: number type {head[2]!r} is not exact")
    rows = []
    for k, l in enumerate(lines[b + 2:e], b + 3):
        if not l:
            continue
        r = [_q(t, f"line {k}") for t in l.split()]
        if len(r) != n:
            raise FormatError(f"line {k}: {len(r)} entries, expected {n}")
        rows.append(r)
    if m is not None and len(rows) != m:
        raise FormatError(f"{len(rows)} rows, header says {m}")
    return rows, lin, n - 1


def read_ext(text: str) -> list[tuple]:
    rows, _, _ = _cdd_body(text)
    out = []
    for k, r in enumerate(rows, 1):
        if r[0] != 1:
            raise FormatError(f"row {k}: only points (leading 1) are supported, not rays")
        out.append(tuple(r[1:]))
    return out


def read_ine(text: str):
    rows, lin, dim = _cdd_body(text)
    out = []
    for k, r in enumerate(rows, 1):
        # b + c.x >= 0   <=>   (-c).x <= b
        a = [-x for x in r[1:]]
        out.append((a, r[0], "==" if k in lin else "<="))
    return dim, out


# --------------------------------------------------------------------------------------------
# PANDA

def write_panda(points, names=None, maps=None, path=None) -> str:
    n = len(points[0])
    names = names or [f"x{j}" for j in range(1, n + 1)]
    lines = ["Names:", " ".join(names)]
    if maps:
        lines.append("Maps:")
        for pi in maps:  # coordinate permutation: new[pi[k]] = old[k]
            inv = [0] * n
            for k, t in enumerate(pi):
                inv[t] = k
            lines.append(" ".join(names[inv[j]] for j in range(n)))
    lines.append("Vertices:")
    lines += [" ".join(_fmt(x) for x in v) for v in points]
    lines.append("")
    return _out("\n".join(lines), path)


def read_panda_inequalities(text: str, dim: int):
    """Inequality lines in PANDA/PORTA syntax (``x1 + 2 x3 <= 4``); other lines are skipped."""
    out = []
    for ln, line in enumerate(text.splitlines(), 1):
        s = line.split("#")[0].strip()
        if not s or not re.search(r"<=|>=|==|=<|=>", s):
            continue
        s = re.sub(r"^\(\s*\d+\)\s*", "", s)
        s = re.sub(r"(\d)\s+x", r"\1x", s)
        out.append(parse_linear(s, dim, f"line {ln}"))
    return out


def _out(text: str, path):
    if path is not None:
        from ..certificates.format import write_atomic

        write_atomic(path, text)
    return text
