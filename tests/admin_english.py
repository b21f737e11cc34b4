"""English (and poor Finnish) that editors met in the Finnish admin (issue 11).

One list, used by every test that walks the admin as a role in Finnish: a page
showing any of these fails the walk. The fixes live in editorial/wagtail_strings.py
(the project's Finnish catalogue for Wagtail's and wagtail-localize's strings).
"""

# English Wagtail and wagtail-localize strings on the editors' paths.
KNOWN_ENGLISH = (
    "The page could not be created due to validation errors",
    "The page could not be saved due to validation errors",
    "Autosave is paused",
    "Publish in ",
    "Changes requested at",
    "Enter a valid date/time",
    "Enter a valid date.",
)

# Finnish in Wagtail's own catalogue that says the wrong thing.
POOR_FINNISH = (
    "Tarkastatettavana",
    "Maa-asetusto",  # also "Maa-asetustot" (languages)
    "Isäntä",  # parent page
    "tageista",  # keywords
    "Lähetä työnkulkuun",  # "Lähetä hyväksyttäväksi"
)

KNOWN_BAD = KNOWN_ENGLISH + POOR_FINNISH


def bad_strings_in(text):
    """The known English or poor Finnish strings found in ``text`` (a page's visible text)."""
    return [string for string in KNOWN_BAD if string in text]
