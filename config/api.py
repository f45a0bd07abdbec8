"""The JSON API under /api/v1/ (Django Ninja, OpenAPI 3 at /api/v1/openapi.json)."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(title="HireLink API", version="1.0.0", urls_namespace="api")
api.add_router("/interview/", "hirelink.interviews.api.router")  # candidate AI interview (issue 4)
api.add_router("/scoring/", "hirelink.scoring.api.router")  # interview reports (issue 5)
api.add_router("/screening/", "hirelink.screening.api.router")  # résumé intake and rule screening (issue 3)
