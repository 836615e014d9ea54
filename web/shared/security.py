"""Security headers on every response, and the Origin check on state-changing requests (issue 10 §5).

A plain ASGI middleware wrapped around the whole application, outside Starlette's own error
middleware, so pages, the API, static files, redirects, error pages and even a 500 get the headers.

The Origin check comes on top of the CSRF token (forms) and the X-CSRF-Token header (cookie API
writes): a POST, PUT, PATCH or DELETE whose Origin — or, without one, Referer — is not the app's own
origin nor one of GIAMNGHEO_ALLOWED_ORIGINS is refused with 403. A request carrying neither header is
let through: browsers send Origin on every non-GET request (Fetch standard), so only a non-browser
client (curl, a script, the tests) sends neither, and such a client cannot ride a victim's cookie,
which is what the check is about; the CSRF token still applies to it. Origin "null" (a sandboxed or
privacy-stripped page) is refused. Calls with a bearer token are exempt: no cookie, no cross-site risk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI

from application.core.settings import Settings
from web.shared.api_errors import api_error

Scope = dict[str, Any]

# No inline script or style anywhere (the templates keep both in web/static/), no framing, no plugins;
# forms post only to the app itself.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    # Household pages' addresses carry ids: another site gets no Referer; the app's own pages do (Origin check).
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# Only over HTTPS (GIAMNGHEO_SECURE_COOKIES): a year, as browsers' preload lists expect.
STRICT_TRANSPORT = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
REFUSED = (
    "Yêu cầu bị từ chối: nó được gửi từ một trang web khác, không phải từ Sổ giảm nghèo. "
    "Hãy mở Sổ giảm nghèo trực tiếp rồi thao tác lại."
)


def install_security(app: FastAPI, settings: Settings) -> None:
    """Wraps the whole middleware stack (Starlette builds it on the first request)."""
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: SecurityMiddleware(build(), settings)  # type: ignore[method-assign]


def header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else "null"


def sent_origin(scope: Scope) -> str | None:
    """The Origin header, else the Referer's origin; None when the request carries neither."""
    origin = header(scope, b"origin").strip()
    if origin:
        return origin.lower().rstrip("/")
    referer = header(scope, b"referer").strip()
    return origin_of(referer) if referer else None


class SecurityMiddleware:
    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.headers = HEADERS + ([STRICT_TRANSPORT] if settings.secure_cookies else [])
        self.allowed = {origin.lower().rstrip("/") for origin in settings.allowed_origins}

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_headers(message.get("headers", []), self.headers)
            await send(message)

        if self.foreign(scope):
            await refuse(scope, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def foreign(self, scope: Scope) -> bool:
        if scope["method"] not in UNSAFE_METHODS or header(scope, b"authorization").lower().startswith("bearer "):
            return False
        origin = sent_origin(scope)
        if origin is None:
            return False
        own = f"{scope.get('scheme', 'http')}://{header(scope, b'host')}".lower()
        return origin != own and origin not in self.allowed


def with_headers(existing: Iterable[tuple[bytes, bytes]], added: list[tuple[bytes, bytes]]) -> list[Any]:
    names = {name for name, _ in added} | {b"server"}
    return [(name, value) for name, value in existing if name.lower() not in names] + added


async def refuse(scope: Scope, send: Any) -> None:
    """403 with the Vietnamese reason: the API's one error shape, or a small page for the browser."""
    if scope["path"].startswith("/api/"):
        body, kind = json.dumps(api_error(REFUSED), ensure_ascii=False).encode(), b"application/json"
    else:
        body, kind = refusal_page().encode(), b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def refusal_page() -> str:
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không thực hiện được – Sổ giảm nghèo'
        '</title><link rel="stylesheet" href="/static/style.css"></head><body><main><h1>Không thực hiện được</h1>'
        f'<p class="error" role="alert">{escape(REFUSED)}</p><p><a href="/">Về trang chủ</a></p></main></body></html>'
    )
