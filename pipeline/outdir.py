"""All-or-nothing output folders: a run's files appear together or not at all.

A run writes every output file into a hidden sibling folder ``.OUT.lvextract-new`` and, only
when all of them are written and synced, swaps that folder with ``OUT``:

- on Linux with one atomic ``renameat2(RENAME_EXCHANGE)``, after which the sibling holds the
  previous set and is deleted;
- elsewhere (or on a file system without it) with two renames, ``OUT`` ->
  ``.OUT.lvextract-old`` then the new folder -> ``OUT``.

Files in ``OUT`` that lvextract does not write (say an ``eval/`` folder; any table file of
any ``--format`` counts as written) are moved into the new folder just before the swap, so
they survive it: a run with ``--format parquet`` drops the CSVs of an earlier CSV run. The
previous set stays in place until the swap; whatever interrupts a run (an exception, Ctrl-C,
SIGTERM, SIGKILL, a power cut) leaves ``OUT`` holding either the complete previous set or
the complete new one. What a killed run leaves beside ``OUT`` is repaired by
:func:`recover`, which every run calls first: a half-built new folder is deleted (after
giving back the other files it may have taken), and a previous set caught between the two
renames is put back.

One run at a time per output folder: a run holds an exclusive lock on the hidden file
``.OUT.lvextract-lock`` beside it from start to publish (``flock``, released by the kernel
when the process dies, however it dies), and a second run into the same folder stops at
once with :class:`OutputFolderError` instead of mixing its files with the first's.

A folder that is not empty and holds no lvextract manifest is the user's, not an output:
it is refused rather than replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.formats import FORMATS, TABLES, file_name

OUTPUT_FILES = frozenset({*(f"{table}.csv" for table in TABLES), "manifest.json"})
"""The files of a default (CSV) run."""
MANAGED_FILES = OUTPUT_FILES | frozenset(
    file_name(table, fmt) for table in TABLES for fmt in FORMATS
)
"""Every file lvextract may write into an output folder (any ``--format``): a run replaces
them all, and carries over only other entries."""
SCRATCH_NAMES = frozenset({".lvextract-spill"})
"""Working folders inside the staging folder; never given back to ``OUT``."""


def _carried(name: str) -> bool:
    """Whether an entry of an output folder is the user's (carried over a swap)."""
    return name not in MANAGED_FILES and name not in SCRATCH_NAMES


class OutputFolderError(ValueError):
    """An output folder lvextract refuses to replace (a file, the working folder, a mount)."""


def staging_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lvextract-new"


def retired_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lvextract-old"


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lvextract-lock"


def is_output_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a manifest that lvextract wrote."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "lvextract_version" in manifest


def check_output_folder(out: Path) -> Path:
    """The resolved output folder, or :class:`OutputFolderError` when replacing it is unsafe."""
    resolved = out.resolve()
    if resolved.exists() and not resolved.is_dir():
        raise OutputFolderError(f"{out} exists and is not a folder")
    cwd = Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise OutputFolderError(f"{out} is the current folder or holds it; choose a subfolder")
    if resolved == Path.home().resolve() or resolved.parent == resolved:
        raise OutputFolderError(f"{out} is the home or root folder; choose a subfolder")
    if resolved.is_dir() and os.path.ismount(resolved):
        raise OutputFolderError(f"{out} is a mount point; choose a subfolder of it")
    if resolved.is_dir() and any(resolved.iterdir()) and not is_output_folder(resolved):
        raise OutputFolderError(
            f"{out} is not empty and holds no lvextract output (no manifest.json of a run); "
            "choose a new or empty folder"
        )
    return resolved


@contextlib.contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Hold the output folder's lock; :class:`OutputFolderError` if another run holds it.

    The lock file is removed on release, while still locked; a run that opened it just
    before checks after locking that the name still points at the file it locked, so two
    runs never both believe they hold it. A killed run's file is reused by the next."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock
        yield
        return
    path = lock_path(out)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            os.close(fd)
            raise OutputFolderError(
                f"another lvextract run is writing {out}; wait for it or choose another folder"
            ) from err
        with contextlib.suppress(FileNotFoundError):
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                break
        os.close(fd)  # removed by the run that held it: lock the new one
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        os.close(fd)


def recover(out: Path) -> None:
    """Repair what an interrupted run left beside ``out`` (idempotent)."""
    new, old = staging_path(out), retired_path(out)
    if old.exists():
        if out.exists():
            shutil.rmtree(old)
        else:  # stopped between the two renames: the previous set goes back
            os.rename(old, out)
    if new.exists():
        if out.is_dir():  # give back what was carried over for the swap
            for entry in sorted(new.iterdir()):
                if _carried(entry.name) and not os.path.lexists(out / entry.name):
                    os.rename(entry, out / entry.name)
        shutil.rmtree(new)


@contextlib.contextmanager
def output_set(out: Path) -> Iterator[Path]:
    """Yield an empty folder to write a run's files into; on success it becomes ``out``.

    If the body raises (or the process dies), ``out`` is left as it was.
    """
    out = check_output_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(out):
        recover(out)
        staging = staging_path(out)
        staging.mkdir()
        try:
            yield staging
            fsync_dir(staging)
            _publish(staging, out)
        except BaseException:
            recover(out)
            raise


def _publish(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
    else:
        for entry in sorted(out.iterdir()):
            if _carried(entry.name) and not os.path.lexists(staging / entry.name):
                os.rename(entry, staging / entry.name)
        if exchange(staging, out):
            shutil.rmtree(staging)  # now the previous set
        else:
            old = retired_path(out)
            os.rename(out, old)
            os.rename(staging, out)
            shutil.rmtree(old)
    fsync_dir(out.parent)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def fsync_dir(path: Path) -> None:
    """Make a folder's entries durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
