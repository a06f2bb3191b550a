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
