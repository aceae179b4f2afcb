"""Core: reference data shared by every module (countries, regions, organisations), the base
layout, country scoping of records, health check and logging.

Entry points: `models.Country` / `models.Region`, `scoping.visible_to(user, queryset)`,
`views.healthz`.
"""
