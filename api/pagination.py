"""Limit/offset paging with the same envelope as v3 (``{"count", "items"}``).

Unlike v3's paginator (400 for a limit over ``WAGTAILAPI_LIMIT_MAX``), bounds
are part of the typed parameters, so a negative or huge limit or offset is a
422 naming the parameter, and an offset too large for PostgreSQL's bigint
never reaches the database.
"""

from django.conf import settings
from ninja import Field, Schema

MAX_LIMIT = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100
MAX_OFFSET = 1_000_000


class PageParams(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")

    def slice(self, items):
        return items[self.offset : self.offset + self.limit]
