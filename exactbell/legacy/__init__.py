"""Schema-1 certificates and their 58 per-kind checkers, kept only until every bundled
certificate is regenerated as a kernel kind. Nothing here is part of the trusted kernel: a
legacy row shows no decided statement, is not pinned, and is marked ``legacy`` in reports."""
from __future__ import annotations


def check_legacy(path):
    from .checkers import check_file

    r = check_file(path)
    from ..kernel.check import Result

    return Result(id=r.id, claim=r.claim, paper=r.paper, kind=f"legacy:{r.kind}", expected=r.expected,
                  verdict=r.verdict, passed=r.passed, seconds=r.seconds, detail=r.detail, path=r.path,
                  location=r.location, statement="", summary=r.statement, pin="legacy", bracket=r.bracket)
