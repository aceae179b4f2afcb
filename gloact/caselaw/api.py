"""Case law API router (read-only, public)."""

from ninja import Router

router = Router(tags=["case law"])
