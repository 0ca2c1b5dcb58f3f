"""`in_two(fn, items)`: [fn(i) for i in items], the second half in a forked
process while this one does the first; used for the per-page content checks
of hooks/rules.py (3.3 s in one process at 1000 posts, about 1.9 s in two).

The child is a fork (os.fork): it has everything this process has (the
firm facts, the Markdown engine) and sends back only the results, pickled,
through a pipe, or the exception it raised. Results come back in order and
the first item in order that fails raises, as in one process: the first
half is done (and raises) first. One process instead when the list is
short, on one core, or in `make serve` (a fork must not copy the preview
server's threads); `SITE_ONE_PROCESS=1` forces it (to compare or debug).
What the child logs is sent back too and logged here after the first half's
(the order of one process), so `mkdocs build --strict` counts its warnings.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

from sitebuild.buildinfo import serving

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 400  # below this a fork costs more than it saves (the site today: 64 pages)
ONE_PROCESS_ENV = "SITE_ONE_PROCESS"


def one_process(count: int, min_items: int | None = None) -> bool:
    return (count < (MIN_ITEMS if min_items is None else min_items) or (os.cpu_count() or 1) < 2 or serving()
            or os.environ.get(ONE_PROCESS_ENV) == "1" or not hasattr(os, "fork"))


def in_two(fn: Callable[[T], R], items: Sequence[T], min_items: int | None = None) -> list[R]:
    if one_process(len(items), min_items):
        return [fn(item) for item in items]
    half = len(items) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the second half, then out without running any cleanup of the parent's
        os.close(read_end)
        code = 0
        records: list[tuple[str, logging.LogRecord]] = []
        logging.Logger.callHandlers = lambda self, record: records.append((self.name, _plain(record)))  # type: ignore[method-assign]
        try:
            try:
                outcome: tuple[bool, object] = (True, [fn(item) for item in items[half:]])
            except BaseException as err:  # noqa: BLE001 - every error goes back to the parent
                outcome = (False, err)
            data = pickle.dumps((records, outcome))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001 - e.g. an exception that cannot be pickled
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        first = [fn(item) for item in items[:half]]
    except BaseException:
        _reap(pid, read_end)
        raise
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data or os.waitstatus_to_exitcode(status) != 0:
        # The child could not send its answer: do its half here, so the
        # result (or the error) is the same as in one process.
        return first + [fn(item) for item in items[half:]]
    records, (ok, value) = pickle.loads(data)  # noqa: S301 - our own child's bytes
    for name, record in records:  # after the first half's, as in one process; --strict counts them here
        logging.getLogger(name).handle(record)
    if not ok:
        raise value
    return first + value


def _plain(record: logging.LogRecord) -> logging.LogRecord:
    """A record that pickles: its message already formatted, no traceback object."""
    record.msg, record.args, record.exc_info = record.getMessage(), None, None
    return record


def _reap(pid: int, read_end: int) -> None:
    """The first half failed: the child's answer no longer matters, so it is
    stopped rather than waited for."""
    os.close(read_end)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
