"""News articles, events and the keywords ("Asiasanat") they share."""

from .articles import ArticleRelatedPage, NewsArticlePage
from .events import EventPage, EventSession
from .indexes import EventIndexPage, NewsIndexPage
from .keywords import ArticleKeyword, EventKeyword, Keyword
from .listing import ArticleListingRow, listing_keys

__all__ = [
    "ArticleKeyword",
    "ArticleListingRow",
    "ArticleRelatedPage",
    "EventIndexPage",
    "EventKeyword",
    "EventPage",
    "EventSession",
    "Keyword",
    "NewsArticlePage",
    "NewsIndexPage",
    "listing_keys",
]
