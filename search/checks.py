"""``manage.py check`` says when Finnish search runs without Voikko."""

from django.core.checks import Warning, register

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
