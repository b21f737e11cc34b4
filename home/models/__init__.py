"""The home page of each language."""

from .pages import HomePage

__all__ = ["HomePage"]
