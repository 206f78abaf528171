"""Child processes of a bench (a sandbox OTA in its own process) that never outlive the bench.

A bench killed by Ctrl-C, ``timeout`` or ``kill -9`` used to leave its sandbox listening on a port.
Three layers, because each covers what the others cannot:

* on Linux the child asks the kernel for SIGTERM when its parent dies (``PR_SET_PDEATHSIG``):
  this is the only one that survives ``kill -9`` of the bench;
* ``atexit`` terminates it on a normal exit or an exception;
* SIGTERM to the bench becomes ``SystemExit``, so ``atexit`` runs then too.
"""

from __future__ import annotations

import atexit
import ctypes
import signal
import subprocess
import sys

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child, between fork and exec
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: atexit and the SIGTERM handler still apply
        pass


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def _exit_on_sigterm(_signum, _frame) -> None:
    raise SystemExit(143)


def start_child(args: list[str], **popen) -> subprocess.Popen:
    """``subprocess.Popen(args, **popen)`` that ends when the bench ends, however it ends."""
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    preexec = _die_with_parent if sys.platform.startswith("linux") else None
    process = subprocess.Popen(args, preexec_fn=preexec, **popen)
    atexit.register(_stop, process)
    return process
