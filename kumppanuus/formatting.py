"""Dates and times in each language's own form, always in Europe/Helsinki.

One helper for session lists, news dates, feeds and the API's display strings:

    fi  10.3.2020   klo 12.00–14.30
    sv  10.3.2020   kl. 12.00–14.30
    en  10 March 2020, 12:00–14:30
"""

import datetime

from django.utils import timezone

from kumppanuus.language import current_language

EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
EN_DASH = "\u2013"


def _local(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            return timezone.localtime(value)
        return value
    return value


def format_date(value, language=None):
    """A date (or the date of a datetime) as readers of ``language`` write it."""
    if value is None:
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if current_language(language) == "en":
        return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def format_time(value, language=None):
    value = _local(value)
    if current_language(language) == "en":
        return f"{value.hour:02d}:{value.minute:02d}"
    return f"{value.hour}.{value.minute:02d}"


def format_time_range(start, end=None, language=None):
    """ "klo 12.00–14.30" / "kl. 12.00–14.30" / "12:00–14:30"."""
    language = current_language(language)
    text = format_time(start, language)
    if end is not None and _local(end) != _local(start):
        text += EN_DASH + format_time(end, language)
    prefix = {"fi": "klo ", "sv": "kl. "}.get(language, "")
    return prefix + text


def format_datetime_range(start, end=None, language=None):
    """A session's date and time: "23.3.2020 klo 12.00–14.30".

    A session that ends on a later day shows both dates.
    """
    language = current_language(language)
    if start is None:
        return ""
    start_l, end_l = _local(start), _local(end) if end else None
    sep = ", " if language == "en" else " "
    if end_l is not None and end_l.date() != start_l.date():
        left = f"{format_date(start_l, language)}{sep}{format_time_range(start_l, None, language)}"
        right = f"{format_date(end_l, language)}{sep}{format_time_range(end_l, None, language)}"
        return f"{left} {EN_DASH} {right}"
    return f"{format_date(start_l, language)}{sep}{format_time_range(start_l, end_l, language)}"


def format_date_span(start, end, language=None):
    """An event's span: "23.3.–28.4.2020" (fi, sv) or "23 March – 28 April 2020" (en)."""
    language = current_language(language)
    if start is None:
        return ""
    start_d = _local(start).date() if isinstance(start, datetime.datetime) else start
    end_d = _local(end).date() if isinstance(end, datetime.datetime) else end
    if end_d is None or end_d == start_d:
        return format_date(start_d, language)
    if language == "en":
        if start_d.year == end_d.year:
            left = f"{start_d.day} {EN_MONTHS[start_d.month - 1]}"
            return f"{left} {EN_DASH} {format_date(end_d, language)}"
        return f"{format_date(start_d, language)} {EN_DASH} {format_date(end_d, language)}"
    if start_d.year == end_d.year:
        return f"{start_d.day}.{start_d.month}.{EN_DASH}{format_date(end_d, language)}"
    return f"{format_date(start_d, language)}{EN_DASH}{format_date(end_d, language)}"


def format_datetime(value, language=None):
    """A moment: "10.3.2020 klo 12.00" / "10.3.2020 kl. 12.00" / "10 March 2020, 12:00"."""
    if value is None:
        return ""
    language = current_language(language)
    sep = ", " if language == "en" else " "
    return f"{format_date(value, language)}{sep}{format_time_range(value, None, language)}"
