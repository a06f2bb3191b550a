"""Figures drawn from certified data. Each module defines ``PLOTS = {name: draw}`` where
``draw(outdir: Path) -> Path`` writes one PNG (atomically) and returns its path."""
from __future__ import annotations

import importlib
import pkgutil


def discover() -> dict:
    plots = {}
    for mod in pkgutil.iter_modules(__path__):
        m = importlib.import_module(f"{__name__}.{mod.name}")
        for name, fn in getattr(m, "PLOTS", {}).items():
            if name in plots:
                raise RuntimeError(f"duplicate plot name {name!r}")
            plots[name] = fn
    return plots


def save_figure(fig, path) -> None:
    """Save a matplotlib figure via a temporary file + rename (never a half-written PNG)."""
    import os
    import tempfile
    from pathlib import Path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".png", dir=path.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=120, bbox_inches="tight")
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; a figure is for sharing
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def finish(fig, ax, outdir, filename: str, legend_size: int = 7):
    """Legend, atomic save to ``outdir/filename`` and close; returns the path."""
    from pathlib import Path

    import matplotlib.pyplot as plt

    ax.legend(fontsize=legend_size)
    path = Path(outdir) / filename
    save_figure(fig, path)
    plt.close(fig)
    return path


# -- reading decided certificates ---------------------------------------------------------------
# A figure plots only what the kernel decided: the Result of ``check_file`` (statement, bracket) and
# the certificate's parameters as the kernel reads them. The statement is the kernel's canonical
# text (pinned in claims.toml); the helpers below read numbers back from it.


def decided(path):
    """(Result, kernel Context) of a certificate that passes ``check_file``; raises otherwise."""
    from ..kernel.check import check_file
    from ..kernel.envelope import load
    from ..kernel.params import Context

    r = check_file(path)
    if not r.passed:
        raise RuntimeError(f"certificate {path} does not pass: {r.detail}")
    return r, Context.of(load(path))


def poly(text: str, *names):
    """The kernel's polynomial of a statement's text ("-1/4 + 3/4 t", "(-8 nu + 16 nu^2) + 2 v2")."""
    import re

    from ..kernel.poly import Poly

    return Poly.parse(re.sub(r"(?<=[\w)]) (?=[\w(])", "*", text.strip()), set(names))


def pieces(statement: str, name: str) -> list:
    """[(a, b, c0, c1)]: the decided piecewise-affine value "f on [a, b]; ..., for all NAME in ..."."""
    from fractions import Fraction

    out = []
    for part in statement.split(f", for all {name} in ", 1)[0].rsplit(" = ", 1)[1].split("; "):
        f, ab = part.split(" on [")
        c = poly(f, name).univariate_coefficients(name) + [Fraction(0)]
        out.append((*map(Fraction, ab.rstrip("]").split(", ")), c[0], c[1]))
    return out


def value_at(statement: str, name: str):
    """The decided exact value "... = VALUE, at NAME = ..." of a single optimum."""
    import re
    from fractions import Fraction

    return Fraction(re.search(rf" = (-?\d+(?:/\d+)?), at {name} = ", statement).group(1))
