"""Regions: the areas data, the people who serve them, and their pages."""

from .areas import Region
from .pages import CooperationStructure, RegionContact, RegionIndexPage, RegionPage
from .people import Person

__all__ = [
    "CooperationStructure",
    "Person",
    "Region",
    "RegionContact",
    "RegionIndexPage",
    "RegionPage",
]
