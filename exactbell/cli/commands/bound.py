"""``exactbell bound quantum FILE [--level L]``: a certified interval for the quantum maximum.

FILE is JSON: {"scenario": {"inputs": [2,2], "outputs": [2,2]},
               "conventions": {"form": "correlator"},            (optional; this is the default)
               "functional": {"terms": {"A0B0": "1", ...}}}      (any supported notation)
Any numbers of parties and outcomes (±1 observables for binary outcomes, projectors otherwise).
The NPA relaxation (cvxpy + Clarabel) gives an SOS candidate that is rounded to an exact Gram
matrix (rational upper bound); a rationalized qubit or projective strategy gives an exact lower
bound; an exact optimal qubit strategy gives an exact bound (zero width: CHSH 2√2, Mermin 4). The
certificate is written next to FILE as ``<stem>.quantum.json`` and re-checked by the trusted
checker before the interval is printed. If no exact Gram matrix is found, the certificate is
``numeric-only`` with a rigorous shifted bound.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ...certificates.format import CertificateError, parse_json_exact

DEFAULT_CONVENTIONS = {"form": "correlator", "marginals": "uniform-average",
                       "observables": "A_x = M_{0|x} - M_{1|x} (outcome a contributes (-1)^a)"}


def _approx(x) -> str:
    from fractions import Fraction

    if hasattr(x, "enclosure"):
        lo, hi = x.enclosure()
        x = (lo + hi) / 2
    x = Fraction(x)
    return f"{x.numerator / x.denominator:.10f}"


def load_functional(path: Path):
    """(functional, scenario spec, functional spec, conventions) from a user file, or CertificateError."""
    from ...behaviours import parse_rational, scenario_from_spec
    from ...kernel.functional import functional_from_spec

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CertificateError(path, "<file>", f"cannot read: {e.strerror}") from None
    obj = parse_json_exact(text, path)
    if not isinstance(obj, dict):
        raise CertificateError(path, "<root>", "must be a JSON object")
    for key in ("scenario", "functional"):
        if not isinstance(obj.get(key), dict):
            raise CertificateError(path, key, "required object is missing")
    conventions = obj.get("conventions", DEFAULT_CONVENTIONS)
    if not isinstance(conventions, dict):
        raise CertificateError(path, "conventions", "must be an object")
    try:
        sc = scenario_from_spec(obj["scenario"])
    except ValueError as e:
        raise CertificateError(path, "scenario", str(e)) from None
    try:
        F = functional_from_spec(sc, obj["functional"], conventions, lambda c: parse_rational(c))
    except (ValueError, ArithmeticError) as e:
        raise CertificateError(path, "functional", str(e)) from None
    return F, sc.to_spec(), obj["functional"], conventions


def run(args) -> int:
    """A thin layer over :func:`exactbell.api.quantum_bound`: read FILE, bound, write, re-check."""
    from ... import api
    from ...kernel.check import check_file

    path = Path(args.file)
    try:
        F, sc_spec, f_spec, conventions = load_functional(path)
        F = api.BellFunctional.from_certificate_notation(sc_spec, f_spec, conventions)
    except CertificateError as e:
        print(f"exactbell bound: {e}", file=sys.stderr)
        return 2
    except ValueError as e:
        print(f"exactbell bound: {path}: {e}", file=sys.stderr)
        return 2
    try:
        res = api.quantum_bound(F, level=args.level, check=False, exact_rounding=not args.numeric_only)
    except ValueError as e:
        print(f"exactbell bound: {path}: {e}", file=sys.stderr)
        return 2
    if not res.certified:
        print(f"exactbell bound: {path}: no exact SOS found (numeric only: quantum maximum in "
              f"[{_approx(res.lower)}, {_approx(res.upper)}]); the kernel has no numeric-only sos mode",
              file=sys.stderr)
        return 1
    stem = path.stem
    cert = res.certificate()
    cert.obj.update(id=f"user.{stem}.quantum", location=str(path.name),
                    summary=f"The quantum maximum of the functional in {path.name} lies in "
                            f"[{_approx(res.lower)}, {_approx(res.upper)}] (NPA level {args.level}).")
    out = cert.save(Path(args.out) if args.out else path.with_name(f"{stem}.quantum.json"))
    result = check_file(out)
    for line in res.log:
        print(f"  {line}")
    if not result.passed:
        print(f"exactbell bound: the written certificate did not pass: {result.detail}", file=sys.stderr)
        return 1
    print(result.statement)
    print(f"              ~ [{_approx(res.lower)}, {_approx(res.upper)}]   verdict: {result.verdict}")
    print(f"certificate: {out}  (checked in {result.seconds:.3f}s)")
    return 0


def register(sub) -> None:
    p = sub.add_parser("bound", help="certified bounds on Bell functionals")
    kinds = p.add_subparsers(dest="bound_kind", required=True)
    q = kinds.add_parser("quantum", help="certified interval for the quantum maximum (NPA + exact SOS)")
    q.add_argument("file", help="JSON file with scenario, functional and optional conventions")
    q.add_argument("--level", default="1+AB", help="NPA level: 1, 1+AB, 2, 3, ... (default 1+AB)")
    q.add_argument("--out", help="certificate path (default: <FILE stem>.quantum.json next to FILE)")
    q.add_argument("--numeric-only", action="store_true",
                   help="skip exact rounding (demonstrates the rigorous numeric-only fallback)")
    q.set_defaults(run=run)
