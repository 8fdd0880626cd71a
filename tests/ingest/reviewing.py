"""`kg review` started for the tests: a real server process on a free loopback port, its token
read from the page (as the page's own script reads it), stopped afterwards."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.query.test_endpoint import free_port
from tests.servers import Reply, fetch


@dataclass(frozen=True)
class Running:
    """A running `kg review`: its root URL (ending in /), its origin and the page's token."""

    root: str
    origin: str
    token: str

    def post(self, path: str, body: object, origin: str | None = None, token: str | None = None,
             host: str | None = None, raw: bytes | None = None) -> Reply:
        """A write as the page makes it; each header can be replaced by a foreign one."""
        headers = {"Content-Type": "application/json", "Origin": origin or self.origin,
                   "X-Review-Token": self.token if token is None else token}
        if host is not None:
            headers["Host"] = host
        data = raw if raw is not None else json.dumps(body).encode()
        return fetch(self.root + path, data=data, headers=headers, method="POST")


@contextmanager
def kg_review(project: Path, draft: str | None) -> Iterator[Running]:
    """`kg review [DRAFT]` on a free port; without a draft, the token is read from the first draft's page."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kg", "review", *([draft] if draft else []),
                               "--project", str(project), "--port", str(port), "--no-browser"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            if server.poll() is not None:
                raise RuntimeError(f"kg review stopped: {server.stderr.read().decode() if server.stderr else ''}")
            try:
                page = fetch(root + f"draft/{draft or sorted((project / 'data' / 'drafts').glob('*.yaml'))[0].stem}",
                             timeout=1)
                if page.status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("kg review did not start within 30 s")
        token = re.search(r'<meta name="review-token" content="([^"]+)">', page.text)
        assert token is not None
        yield Running(root, root.rstrip("/"), token.group(1))
    finally:
        server.terminate()
        server.wait(timeout=10)
