"""Cutting a query process off the network: the second wall behind kg/query/guard.py.

Oxigraph runs SERVICE for real (an HTTP POST to any IRI) and pyoxigraph has no switch to turn
that off, so the processes that run untrusted queries move into a new, empty network
namespace before they open the store: no interface but a loopback that is down, so every
connection, to 127.0.0.1 as much as to anywhere, fails with "Network is unreachable".

unshare(CLONE_NEWNET) needs CAP_SYS_ADMIN (root); otherwise a new user namespace comes with it
(CLONE_NEWUSER, allowed to ordinary users on most Linux systems, for a single-threaded process,
hence before the store starts its threads). Called through libc with ctypes, so it works on
Python 3.11 (os.unshare is 3.12+). Where neither is permitted (not Linux, a container whose
seccomp profile forbids unshare) `NetworkNotCut` says why and the caller decides.
"""

from __future__ import annotations

import ctypes
import os
import sys

from kg.errors import KgError

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


class NetworkNotCut(KgError):
    """This process could not be moved off the network."""


def cut_off_network() -> None:
    """Move this process into a new network namespace with no way out, or raise NetworkNotCut."""
    if not sys.platform.startswith("linux"):
        raise NetworkNotCut(f"cannot cut a process off the network on {sys.platform}: that needs Linux namespaces")
    libc = ctypes.CDLL(None, use_errno=True)
    for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return
    reason = os.strerror(ctypes.get_errno())
    raise NetworkNotCut(f"cannot cut the query process off the network: unshare: {reason}",
                        "run as root, allow unprivileged user namespaces, or let the container call unshare")
