"""Structured logging: one JSON object per line in production, readable key=value locally."""

import logging
import os
import time

import structlog

PRE_CHAIN = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]
RENDERER = (
    structlog.processors.JSONRenderer()
    if os.environ.get("GLOACT_ENV") == "production"
    else structlog.dev.ConsoleRenderer(colors=False)
)

structlog.configure(
    processors=[*PRE_CHAIN, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
    logger_factory=structlog.stdlib.LoggerFactory(),
    wrapper_class=structlog.stdlib.BoundLogger,
    cache_logger_on_first_use=True,
)

request_log = structlog.get_logger("gloact.request")


class RequestLogMiddleware:
    """Logs method, path, status and duration of each request (never query strings or bodies,
    which may carry personal data)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        level = logging.WARNING if response.status_code >= 500 else logging.INFO
        request_log.log(
            level,
            "request",
            method=request.method,
            path=request.path,
            status=response.status_code,
            ms=round((time.perf_counter() - started) * 1000, 1),
        )
        return response
