"""The FastAPI application: JSON API under ``/api``, server-rendered pages, local static files.

Every error is answered in kind: JSON ``{"error": message}`` under ``/api`` (and for anything that
is not a page), an HTML page elsewhere. Status codes: 400 bad input (broken JSON or multipart, a
rejected text), 403 cross-site write, 404 unknown id or path, 405 wrong method, 413 request too
large, 422 bad parameters. A catch-all turns anything unexpected into a logged 500 without details.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from readout import __version__
from readout.web.database import WebDatabase
from readout.web.queries import FilterError, country_names
from readout.web.review import ReviewError
from readout.web.search import QueryError

log = logging.getLogger("readout.web")
HERE = Path(__file__).resolve().parent
MAX_REQUEST_BYTES = 64 * 1024 * 1024
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class TooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request too large (more than {limit // (1024 * 1024)} MB); "
                              "send fewer or smaller files per request")


class Guard:
    """Refuses, before the app sees them: requests for other hosts (DNS rebinding, when bound to
    loopback), cross-site writes (another web page posting to this server), and bodies over the
    size limit. Adds security headers to every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: set[str] | None, max_bytes: int) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        as_html = not _json_path(scope.get("path", ""), headers.get("accept", ""))
        if self.allowed_hosts is not None and _hostname(host) not in self.allowed_hosts:
            await _send_error(send, 400, f"unexpected Host header {host[:80]!r}; this server answers to "
                                         f"{', '.join(sorted(self.allowed_hosts))}", as_html)
            return
        if scope["method"] in UNSAFE_METHODS:
            origin = headers.get("origin")
            if (origin is not None and urlsplit(origin).netloc.lower() != host.lower()) or \
                    headers.get("sec-fetch-site") == "cross-site":
                await _send_error(send, 403, "cross-site request refused: write to this server from its own pages "
                                             "or from a client that sends no Origin header", as_html)
                return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            status = 413 if length.isdigit() else 400
            await _send_error(send, status, TooLarge(self.max_bytes).detail if status == 413 else "bad Content-Length",
                              as_html)
            return

        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise TooLarge(self.max_bytes)
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                # same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with
                # the pages' own form posts, which the cross-site check above would refuse.
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                         (b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY")]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except TooLarge as e:
            if started:
                raise
            await _send_error(send, 413, e.detail, as_html)


def _hostname(host: str) -> str:
    """The name in a Host header, without the port: ``[::1]:8000`` -> ``[::1]``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _send_error(send: Send, status: int, error: str, as_html: bool) -> None:
    response: Response
    if as_html:  # a refused form post still gets a page
        page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error {status} · readout</title>'
                f'<link rel="stylesheet" href="/static/readout.css"></head><body><main><h1>Cannot do that ({status})</h1>'
                f'<p class="error-message">{escape(error)}</p><p><a href="/">Back to the timeline</a></p></main></body></html>')
        response = HTMLResponse(page, status_code=status)
    else:
        response = JSONResponse({"error": error}, status_code=status)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def _json_path(path: str, accept: str) -> bool:
    if path.startswith(("/api", "/openapi")):
        return True
    return "text/html" not in accept and "application/json" in accept


def wants_json(request: Request) -> bool:
    return _json_path(request.url.path, request.headers.get("accept", ""))


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    if wants_json(request):
        return JSONResponse({"error": message, **extra}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[int, str]:
    parts = []
    status = 422
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            status = 400
            return status, f"the request body is not valid JSON: {err.get('ctx', {}).get('error', err.get('msg'))}"
        loc = [str(x) for x in err.get("loc", ())]
        where = f"{loc[0]} field {'.'.join(loc[1:])!r}" if len(loc) > 1 else (loc[0] if loc else "request")
        where = where.replace("query field", "query parameter").replace("path field", "path parameter")
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return status, "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path[:200]}"
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path[:200]}"
        response = error_response(request, exc.status_code, detail)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        status, message = _validation_message(exc)
        return error_response(request, status, message)

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(ReviewError)
    async def review_error(request: Request, exc: ReviewError) -> Response:
        return error_response(request, exc.status, str(exc))

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error; the server log has the details")


def _templates() -> Jinja2Templates:
    from readout.web import views

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, quote=lambda s: quote(str(s), safe=""),
                       country_names=country_names(), **views.template_globals())
    env.filters.update(views.template_filters())
    return Jinja2Templates(env=env)


def create_app(db: WebDatabase | str | Path, *, allowed_hosts: set[str] | None = None,
               max_request_bytes: int = MAX_REQUEST_BYTES) -> FastAPI:
    """The web app on ``db`` (a path is opened now and closed when the app shuts down).

    ``allowed_hosts``: the host names (without port) to answer (None = any); ``readout serve`` passes
    the loopback names unless ``--allow-remote`` is given, which stops DNS-rebinding pages.
    """
    database = db if isinstance(db, WebDatabase) else WebDatabase(db)
    owned = not isinstance(db, WebDatabase)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            database.close()

    from readout.web import api, pages

    app = FastAPI(
        title="readout",
        version=__version__,
        summary="Source-grounded event records from news about diplomatic contacts and conflicts.",
        description=api.DESCRIPTION,
        docs_url=None, redoc_url=None,  # Swagger UI and ReDoc load from a CDN; /api-docs is rendered here
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.db = database
    app.state.templates = _templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _install_errors(app)
    app.openapi = lambda: api.openapi_schema(app)  # type: ignore[method-assign]
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, max_bytes=max_request_bytes)  # type: ignore[arg-type]

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def html(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status)
