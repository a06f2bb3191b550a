"""Pinned claims: ``proofs/<paper>/claims.toml`` maps each certificate id to the decided statement and verdict
it must have (``["C000-08.p=3/4"]``, ``verdict = "verified"``, ``statement = "..."``), reviewed by people."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .envelope import CertificateError, read_bytes

PIN_FILE = "claims.toml"


@lru_cache(maxsize=64)
def _pins(folder: str) -> dict | None:
    path = Path(folder) / PIN_FILE
    if not path.exists():
        return None
    try:
        table = tomllib.loads(read_bytes(path).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise CertificateError(path, "<file>", f"not a valid pin file: {e}") from None
    for cid, pin in table.items():
        if not (isinstance(pin, dict) and set(pin) == {"statement", "verdict"}
                and all(isinstance(v, str) for v in pin.values())):
            raise CertificateError(path, cid, "a pin has exactly the string keys statement and verdict")
    return table


def pin_for(cert_path) -> tuple[str, dict | None]:
    """(pin file, its table) for a certificate; None when the folder pins nothing (a user's own certificates)."""
    folder = Path(cert_path).resolve().parent
    return str(folder / PIN_FILE), _pins(str(folder))
