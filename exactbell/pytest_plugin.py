"""pytest plugin (entry point ``pytest11``): certificate files are test items.

``pytest proofs/`` checks every certificate below ``proofs/``; ``pytest --exactbell-proofs=DIR``
collects a user's own certification suite. A JSON file is collected when it lies below a folder
named ``proofs`` or below a folder given with ``--exactbell-proofs``.
"""
from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("exactbell")
    group.addoption("--exactbell-proofs", action="append", default=[], metavar="DIR",
                    help="collect exactbell certificate files below DIR")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    known = early_config.known_args_namespace
    for d in getattr(known, "exactbell_proofs", None) or []:
        if d not in args:
            args.append(d)


def _roots(config) -> list[Path]:
    return [Path(d).resolve() for d in config.getoption("exactbell_proofs") or []]


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix != ".json" or file_path.name.startswith("."):
        return None
    resolved = file_path.resolve()
    under_root = any(r == resolved or r in resolved.parents for r in _roots(parent.config))
    if under_root or "proofs" in resolved.parent.parts:
        return CertificateFile.from_parent(parent, path=file_path)
    return None


class CertificateFile(pytest.File):
    def collect(self):
        yield CertificateItem.from_parent(self, name=self.path.stem)


class CertificateFailure(Exception):
    pass


class CertificateItem(pytest.Item):
    def runtest(self):
        from .kernel.check import check_file

        result = check_file(self.path)
        self.user_properties.append(("verdict", result.verdict))
        if not result.passed:
            raise CertificateFailure(result.detail)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CertificateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"certificate {self.name}"
