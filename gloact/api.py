"""The read-only public HTTP API (Django Ninja); each app contributes a router."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="gloact API",
    version="1",
    description="Public, read-only access to gloact's published data.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

from gloact.caselaw.api import router as caselaw_router  # noqa: E402  (routers attach after the API exists)

api.add_router("/", caselaw_router)
