"""Language analysis for the search index: text in, comparable terms out.

Every language has an :class:`~search.analysis.base.Analyzer`; the index and
the query go through the same one, so a query word and a document word match
when they share a term (a base form or, in Finnish, a compound part).
"""

from .registry import analyzer_for, finnish_backend_status

__all__ = ["analyzer_for", "finnish_backend_status"]
