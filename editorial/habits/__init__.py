"""Habits editors bring from WordPress: scheduling in the footer menu, dates in
the listings, a calendar of scheduled content and upcoming events."""
