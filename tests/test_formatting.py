"""Dates and times as each language writes them (Europe/Helsinki)."""

import datetime

from kumppanuus.formatting import (
    format_date,
    format_date_span,
    format_datetime_range,
    format_time_range,
)

from .factories import helsinki


def test_dates_in_each_language():
    day = datetime.date(2020, 3, 10)
    assert format_date(day, "fi") == "10.3.2020"
    assert format_date(day, "sv") == "10.3.2020"
    assert format_date(day, "en") == "10 March 2020"


def test_time_ranges_in_each_language():
    start, end = helsinki(2020, 3, 10, 12), helsinki(2020, 3, 10, 14, 30)
    assert format_time_range(start, end, "fi") == "klo 12.00–14.30"
    assert format_datetime_range(start, end, "sv") == "10.3.2020 kl. 12.00–14.30"
    assert format_datetime_range(start, end, "en") == "10 March 2020, 12:00–14:30"


def test_utc_values_are_shown_in_helsinki_time():
    utc = datetime.datetime(2020, 3, 23, 10, 0, tzinfo=datetime.UTC)
    assert format_time_range(utc, None, "fi") == "klo 12.00"


def test_event_date_span():
    start, end = helsinki(2020, 3, 23, 12), helsinki(2020, 4, 28, 11, 30)
    assert format_date_span(start, end, "fi") == "23.3.–28.4.2020"
    assert format_date_span(start, end, "en") == "23 March – 28 April 2020"
