"""Models of the editorial app (Django finds them here)."""

from editorial.translations.models import PublishTogether, PublishTogetherItem

__all__ = ["PublishTogether", "PublishTogetherItem"]
