"""``exactbell causal-bound FILE``: exact causal bound of a user correlation function α_{a,x}."""
from __future__ import annotations

import sys


def run(args) -> int:
    from ...causal.polytope import causal_bound, load_correlation
    from ...certificates.format import CertificateError, dump_certificate

    try:
        sc, alpha = load_correlation(args.file)
        cb = causal_bound(sc, alpha)
        print(dump_certificate({"causal_bound": str(cb.value), "vertices": cb.vertices,
                                "optimal": [d for _, d in cb.optimal]}), end="")
    except (CertificateError, ValueError, OSError) as e:
        print(f"exactbell causal-bound: {e}", file=sys.stderr)
        return 2
    return 0


def register(sub) -> None:
    p = sub.add_parser("causal-bound", help="max of a correlation function over the causal polytope")
    p.add_argument("file", help='JSON: {"scenario": {...}, "coefficients": [...]} or {"scenario": ..., "terms": [...]}')
    p.set_defaults(run=run)
