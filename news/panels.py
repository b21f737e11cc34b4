"""The event's sessions in the editor: a summary on each row and "Kopioi tilaisuus".

A tour of five sessions is five rows that look alike when collapsed
("Tilaisuus 1" … "Tilaisuus 5"); each row's heading now says what it is
("Kuopio, 23.3.2020 klo 12.00–14.30"), kept up to date as the editor types.
"Kopioi tilaisuus" adds a new session with the row's place, times, venue and
registration link filled in, the way a WordPress user duplicates a post: the
next city of a tour is then a matter of changing the date and the city.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel

from kumppanuus.formatting import format_datetime_range


def session_summary(session):
    """ "Kuopio, 23.3.2020 klo 12.00–14.30" (what is known of an unfinished row)."""
    parts = []
    if getattr(session, "title", ""):
        parts.append(session.title)
    start = getattr(session, "start", None)
    if start is not None:
        parts.append(format_datetime_range(start, getattr(session, "end", None)))
    return ", ".join(parts)


class SessionsPanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "news/admin/sessions_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.duplicate_label = _("Kopioi tilaisuus")
            for child in getattr(self, "children", []):
                child.session_summary = session_summary(child.instance)
