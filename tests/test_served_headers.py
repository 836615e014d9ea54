"""Issue 10 §5 through the real server: `giamngheo serve` sends the security headers and no `server:` banner."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import httpx

from tests.test_one_heartbeat import free_port, start, wait_until_serving


def test_the_served_login_page_has_the_security_headers_and_no_server_banner(tmp_path: Path) -> None:
    port = free_port()
    server = start(f"sqlite:///{tmp_path}/giamngheo.db", tmp_path / "serve.log", "serve", "--port", str(port))
    try:
        wait_until_serving(port)
        headers = httpx.get(f"http://127.0.0.1:{port}/login", timeout=5).headers
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)

    assert "server" not in headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
