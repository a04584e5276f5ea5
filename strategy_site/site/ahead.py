"""Work beside the build: forked copies of the build process render the pages, and write the downloads, while
this process frames, writes and indexes the pages.

A site's pages are rendered from templates (half a large build's work) and then framed in the theme, written
and handed to the search index, one after the other. On a machine with a second processor core, a forked copy
of the build renders the pages in the order MkDocs writes them and sends each one's HTML down a pipe, so the
two halves of the work overlap. The pipe holds a few pages: the copy never gets far ahead, and memory does not
grow with the site. Another copy (a forked.Copy, started by the plugin) writes the files that need no page
(the charts, maps and open data) at the same time, as Sphinx's parallel builds fork their workers.

It is only an accelerator: a page the copy could not make (a template error, or a page too slow to convert)
is made again here, where the error is reported as it always is, and so is every page after it; if the other
work fails, it is done again here too. A build without it writes the same bytes (tests/test_pages_ahead.py
compares them).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Sequence

from strategy_site.forked import stop

# Below this many pages, starting the copy costs more than it saves (the demonstration site has 142).
FROM_PAGES = 400
_HEADER = struct.Struct(">II")  # the lengths of a page's path and of its HTML, in bytes
_NOT_MADE = 0xFFFFFFFF  # in place of the HTML's length: the copy could not make this page


class PagesAhead:
    """The content of ``paths``, made by ``render`` in a copy of this process, in that order. ``take(path)`` gives a
    page's HTML, or None when the copy did not make it (make it here)."""

    def __init__(self, paths: Sequence[str], render: Callable[[str], str]) -> None:
        self._made: dict[str, str] = {}  # pages read from the pipe before they were asked for
        self._stopped = False
        read_end, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the copy: render, send, and leave without running the build's exit handlers
            os.close(read_end)
            _send_all(write_end, paths, render)
        os.close(write_end)
        self._pipe = os.fdopen(read_end, "rb")

    def take(self, path: str) -> str | None:
        if path in self._made:
            return self._made.pop(path)
        while (record := self._next()) is not None:
            made, html = record
            if made == path:
                return html
            self._made[made] = html
        return None

    def _next(self) -> tuple[str, str] | None:
        """The next page from the pipe; None once the copy has sent the last, or stopped."""
        if self._stopped:
            return None
        header = self._pipe.read(_HEADER.size)
        if len(header) < _HEADER.size:
            self._stopped = True  # the copy stopped before saying it was done
            return None
        path_length, html_length = _HEADER.unpack(header)
        made = self._pipe.read(path_length).decode("utf-8")
        if html_length == _NOT_MADE or (path_length == 0 and html_length == 0):
            self._stopped = True  # it could not make this page (make it and the rest here), or it is done
            return None
        return made, self._pipe.read(html_length).decode("utf-8")

    def close(self) -> None:
        """Stop the copy if it is still running, and wait for it. Safe to call more than once."""
        if self._pid > 0:
            self._pipe.close()  # a copy still writing gets a broken pipe and leaves
        stop(self._pid)
        self._pid = 0


def _send_all(pipe: int, paths: Sequence[str], render: Callable[[str], str]) -> None:
    """In the copy: render each page and send it, say when all are sent (an empty record), and leave. Never returns."""
    try:
        with os.fdopen(pipe, "wb") as out:
            for path in paths:
                name = path.encode("utf-8")
                try:
                    html = render(path).encode("utf-8")
                except BaseException:  # noqa: BLE001  # the build, not the copy, reports it: it makes the page again
                    out.write(_HEADER.pack(len(name), _NOT_MADE) + name)
                    return
                out.write(_HEADER.pack(len(name), len(html)) + name + html)
                out.flush()  # at once, so the build never waits for a page that is made
            out.write(_HEADER.pack(0, 0))
    finally:
        os._exit(0)
