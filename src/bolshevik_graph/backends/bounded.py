"""Running a read on the embedded engine within a memory budget (and optionally a time limit).

grafeo allocates in Rust: when an allocation fails it aborts the whole process (a Rust
``handle_alloc_error``), so a memory limit inside the process turns a huge query into a crash
rather than an error. So the read runs in a forked child whose address space is capped at what
the process already uses plus the budget; the child sends its rows back through a pipe, and if
it dies (the allocator's abort) the parent reports the limit in one line. The fork shares the
loaded engine copy-on-write, so it costs a few milliseconds, not a reload. Linux only (it reads
``/proc/self/status``); elsewhere the read runs in the process, unbounded.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import BolshevikGraphError, QueryError

_STATUS = Path("/proc/self/status")


def can_bound() -> bool:
    """True where a read can run in a capped child (Linux: fork, /proc and RLIMIT_AS)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    return hasattr(os, "fork") and hasattr(resource, "RLIMIT_AS") and _STATUS.exists()


def address_space() -> int:
    """Bytes of address space this process uses now (VmSize)."""
    for line in _STATUS.read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")  # pragma: no cover - every Linux has it


def run_bounded[T](work: Callable[[], T], memory: int | None, seconds: float | None = None) -> T:
    """``work()`` run in a child allowed ``memory`` more bytes of address space than this process
    uses and at most ``seconds`` of wall time; its result or its error, or a QueryError naming
    the limit it went over. With neither limit, or where :func:`can_bound` is false, ``work``
    runs here."""
    if (memory is None and seconds is None) or not can_bound():
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_end)
        _child(work, memory, write_end)
    os.close(write_end)
    payload: bytes | None = b""
    try:
        payload = _receive(read_end, seconds)
    except BaseException:  # Ctrl-C while waiting: the child goes too
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_end)
        if payload is None:  # out of time
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if payload is None:
        raise QueryError(f"the query ran longer than {seconds:g} s and was stopped (--timeout)")
    if not payload:
        raise QueryError(
            f"the query needed more than {(memory or 0) // 2**20:,} MB of memory beyond the "
            "loaded graph and was stopped (raise --max-memory, or narrow the query)"
        )
    try:
        kind, value = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, ValueError):  # killed halfway through writing
        raise QueryError("the query was stopped before it could send its rows") from None
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


def _child[T](work: Callable[[], T], memory: int | None, write_end: int) -> None:
    """Run ``work`` with the address space capped, send its outcome, and exit at once (an
    allocator abort or a MemoryError sends nothing)."""
    try:
        import resource

        faulthandler.disable()  # an allocator abort is reported by the parent, in one line
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # and dumps no core
        if memory is not None:
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(resource.RLIMIT_AS, (address_space() + memory, hard))
        try:
            outcome: tuple[str, object] = ("ok", work())
        except BolshevikGraphError as err:
            outcome = ("error", err)
        except MemoryError:
            return  # reported by the parent as over the limit
        except Exception as err:  # any other failure, as one line
            outcome = ("error", QueryError(f"the query failed: {type(err).__name__}: {err}"))
        view = memoryview(pickle.dumps(outcome))
        while view:
            view = view[os.write(write_end, view) :]
        os.close(write_end)  # the parent reads to the end now, not once this process is gone
    finally:
        os._exit(0)


def _receive(read_end: int, seconds: float | None) -> bytes | None:
    """Everything the child writes (empty if it died first), or None when time ran out."""
    deadline = None if seconds is None else time.monotonic() + seconds
    chunks: list[bytes] = []
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([read_end], [], [], wait)
        if not ready:
            return None
        chunk = os.read(read_end, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
