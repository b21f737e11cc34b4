"""The home page of each language and general content pages."""

from .pages import ContentPage, HomePage

__all__ = ["ContentPage", "HomePage"]
