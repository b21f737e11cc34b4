"""``manage.py check`` says when Finnish search runs without Voikko (search.W001) and
whether PostgreSQL search uses the tiered GIN pool for every query (search.I002, the
default) or the RUM index for one-word queries (search.I001, ``SEARCH_POSTGRES_RUM``)."""

from django.core.checks import Info, Warning, register

from .analysis import finnish_backend_status


@register()
def voikko_available(app_configs, **kwargs):
    status = finnish_backend_status()
    if status.get("ok"):
        return []
    return [
        Warning(
            "Voikko could not be loaded; Finnish search uses the simplemma fallback "
            "(inflected forms only, no compound parts).",
            hint="Install Debian's libvoikko1 and voikko-fi (sudo apt-get install "
            f"libvoikko1 voikko-fi), then run manage.py rebuild_search_index. "
            f"Error: {status.get('error')}",
            id="search.W001",
        )
    ]


@register()
def rum_index(app_configs, **kwargs):
    """Say whether PostgreSQL search reads its top results from the RUM index."""
    from django.conf import settings
    from django.db import DatabaseError, connection

    from . import engine

    if connection.vendor != "postgresql":
        return []
    try:
        engine.forget_rum()
        present = engine.rum_installed()
    except DatabaseError:
        return []  # not migrated yet, or no database: nothing to say
    tiers = (
        "the pages whose title and keywords, lead, or text match every word, "
        f"{engine.TIER_POOL:,} newest per tier"
    )
    wanted = getattr(settings, "SEARCH_POSTGRES_RUM", False)
    if present and wanted:
        return [
            Info(
                "Search re-ranks one-word queries' best matches from the RUM index "
                f"(search_entry_vector_rum), and for several words a tiered pool: {tiers}.",
                id="search.I001",
            )
        ]
    if not wanted:
        return [
            Info(f"Search re-ranks a tiered pool from the GIN indexes: {tiers}.", id="search.I002")
        ]
    return [
        Info(
            "SEARCH_POSTGRES_RUM = True, but the rum extension or its index is missing: "
            f"search re-ranks a tiered pool from the GIN indexes: {tiers}.",
            hint="Install Debian's postgresql-<major>-rum (make system-deps as root), then "
            "run manage.py migrate search 0002 && manage.py migrate search.",
            id="search.I002",
        )
    ]
