"""Build the public site of a checked partnership through MkDocs.

The site is built into a folder beside ``site/`` and swapped in only when the
build succeeds, so a failed build leaves the previous site exactly as it was.
On Linux the swap is one system call, so there is never a moment without a
``site/``, even if the build is killed.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import functools
import logging
import os
import re
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from strategy_site.findings import Finding
from strategy_site.model.project import Project
from strategy_site.site.plugin import StrategySitePlugin
from strategy_site.site.search_index import SearchNotIndexed

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows: builds are not locked against each other
    fcntl = None

AT_FDCWD = -100  # renameat2's "relative to the working directory", from <fcntl.h>
RENAME_EXCHANGE = 2  # from <linux/fs.h>


class SiteNotBuilt(Exception):
    """MkDocs, a page template or the configuration stopped the build; the message says why, in one line."""


def site_config(config_file: Path) -> MkDocsConfig:
    """The site's configuration, read and validated by MkDocs; SiteNotBuilt when it is not valid."""
    try:
        return load_config(str(config_file))
    except MkDocsException as error:
        raise SiteNotBuilt(f"the configuration in {config_file} is not valid: {error}") from error


def build_site(config: MkDocsConfig, project: Project, findings: list[Finding], *, site_dir: Path | None = None,
               today: dt.date | None = None) -> Path:
    """Build the site of ``project`` (checked, with no errors) as ``config`` (from site_config) says, and swap it in.

    Returns the site folder. Raises SiteNotBuilt with the reason, or OSError when the site cannot be
    written; either way the previous site is as it was.
    """
    problems = ProblemLog()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(problems)
    try:
        plugin = strategy_plugin(config)
        if plugin is None:
            raise SiteNotBuilt(f"{config.config_file_path} does not list the strategy-site plugin under plugins")
        plugin.use(project, findings, today)
        given = Path(os.path.abspath(site_dir or config.site_dir))
        refuse_to_replace(given, Path(config.config_file_path).resolve().parent, Path(config.docs_dir).resolve())
        target = given.resolve()
        build_into(config, target)
        return target
    except (MkDocsException, jinja2.TemplateError) as error:
        raise SiteNotBuilt(why_not_built(error, problems)) from error
    except SearchNotIndexed as error:
        raise SiteNotBuilt(str(error)) from error
    finally:
        mkdocs_log.removeHandler(problems)


_UMASK = os.umask(0o022)  # read once, while importing: setting it is the only way to read it
os.umask(_UMASK)


def refuse_to_replace(site_dir: Path, project_dir: Path, source_dir: Path) -> None:
    """A build replaces its site folder whole, so the folder must be a site, or new, and hold nothing else of the
    partnership's: never the repository, a folder around it, the sources, a file, or a link to somewhere else."""
    resolved = site_dir.resolve()
    fix = "choose a new folder for the site, such as site/ inside the repository"
    if site_dir.is_symlink():
        raise SiteNotBuilt(f"the site folder {site_dir} is a link to {resolved}, which the build would replace: {fix}")
    if resolved == project_dir or resolved in project_dir.parents or resolved == source_dir or source_dir in resolved.parents:
        raise SiteNotBuilt(f"the site folder {site_dir} would replace the partnership's own files ({project_dir}): {fix}")
    if resolved.exists() and not resolved.is_dir():
        raise SiteNotBuilt(f"the site folder {site_dir} is a file, which the build would replace: {fix}")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / "index.html").is_file():
        raise SiteNotBuilt(f"the folder {site_dir} holds files but no site (no index.html), and the build would replace "
                           f"them all: {fix}, or empty this one")


def strategy_plugin(config: MkDocsConfig) -> StrategySitePlugin | None:
    """The strategy-site plugin listed in the configuration, if it is."""
    return next((p for p in config.plugins.values() if isinstance(p, StrategySitePlugin)), None)


def why_not_built(error: MkDocsException | jinja2.TemplateError, problems: ProblemLog) -> str:
    """Why MkDocs or a page template stopped the build, in one line."""
    if isinstance(error, jinja2.TemplateError):
        return f"{_template_place(error)}a page template failed: {str(error).rstrip('.')}"
    return "; ".join(message.rstrip(".") for message in problems.messages) or str(error).rstrip(".")


def _template_place(error: jinja2.TemplateError) -> str:
    """Where in a page template the error is, as "file:line: ", found from the error or its traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}: "
    # Jinja rewrites tracebacks so that template frames carry the template's own file and line.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""


class ProblemLog(logging.Handler):
    """MkDocs logs why a build failed and then raises a bare "Aborted"; keep the why to show it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if re.fullmatch(r"Error (reading|building) page '[^']*':", message):
            return  # MkDocs' heading for the reason, which follows on its own
        self.messages.append(message.removeprefix("Error running build: ").removeprefix("Config value 'plugins': "))


def build_into(config: MkDocsConfig, site_dir: Path, *, serve_url: str | None = None) -> None:
    """Build into a fresh folder beside ``site_dir`` and swap it in when the build succeeds.

    Raises OSError when the site cannot be written; ``site_dir`` is then as it was.
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with _locked(site_dir):
        _repair(site_dir)
        _remove_leftovers(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
        staging.chmod(0o777 & ~_UMASK)  # mkdtemp makes it private; the site is published
        try:
            config.site_dir = str(staging)
            mkdocs_build(config, serve_url=serve_url)
            _swap_in(staging, site_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # the failed build, or the retired site after a swap


@contextlib.contextmanager
def _locked(site_dir: Path) -> Iterator[None]:
    """Hold a lock beside ``site_dir``: two builds at once would remove each other's folders."""
    if fcntl is None:
        yield
        return
    with open(site_dir.parent / f".{site_dir.name}.lock", "a") as lock:  # closing it releases the lock
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _leftovers(site_dir: Path, kind: str) -> list[Path]:
    """The ``.site-build-*`` or ``.site-old-*`` folders beside ``site_dir``."""
    prefix = f".{site_dir.name}-{kind}-"
    return [path for path in site_dir.parent.iterdir() if path.name.startswith(prefix) and path.is_dir()]


def _repair(site_dir: Path) -> None:
    """Put the previous site back if a build was killed between the two renames of the fallback swap."""
    retired = _leftovers(site_dir, "old")
    if retired and not site_dir.exists():
        # A .site-old-* folder is always a whole site: it is renamed away before it is removed.
        max(retired, key=lambda path: path.stat().st_mtime).rename(site_dir)


def _remove_leftovers(site_dir: Path) -> None:
    """Remove the folders that killed builds left behind (the lock keeps other builds' folders safe)."""
    for path in _leftovers(site_dir, "build") + _leftovers(site_dir, "old"):
        shutil.rmtree(path, ignore_errors=True)


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Make ``staging`` the site; afterwards ``staging`` holds the retired site, if there was one."""
    if not site_dir.exists():
        staging.rename(site_dir)  # nothing to replace: one rename is atomic
    elif not _exchange(staging, site_dir):
        retired = staging.with_name(staging.name.replace("-build-", "-old-"))
        site_dir.rename(retired)  # from here until the next rename there is no site_dir: _repair undoes a kill
        try:
            staging.rename(site_dir)
        except OSError:
            retired.rename(site_dir)
            raise
        retired.rename(staging)  # so that a partly removed old site never has an "-old-" name


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one system call; False where the system cannot (then nothing has changed)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS):  # the kernel or the file system has no RENAME_EXCHANGE
        return False
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """The C library's renameat2 (Linux, glibc 2.28 or later), or None."""
    if not sys.platform.startswith("linux"):
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        function.restype = ctypes.c_int
    return function
