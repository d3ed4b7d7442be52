"""Writing output files safely: whole or not at all, and only where the user pointed.

A file is written to a temporary sibling and renamed into place, so a crash or a full disk never
leaves half a file; an existing symlink at the target is refused rather than followed into some
other place.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KGError


def write_output(path: str | os.PathLike, data: bytes | str) -> Path:
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if target.is_symlink():
        raise KGError(f"{target}: is a symlink; refusing to write through it (remove it or name the real file)")
    if target.is_dir():
        raise KGError(f"{target}: is a directory; name a file")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise KGError(f"{target}: cannot write ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise KGError(f"{target}: cannot write ({e.strerror or e})") from None
    return target
