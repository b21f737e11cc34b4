"""The project's Finnish wording of Wagtail's and wagtail-localize's own strings.

Wagtail 8's Finnish catalogue leaves a quarter of the admin in English and words
some of the rest poorly ("Tarkastatettavana", "Maa-asetustot" for languages,
"Isäntä" for a parent page, "tageista" for keywords). Django looks a msgid up in
the catalogues of ``INSTALLED_APPS`` in order, and ``editorial`` comes before
Wagtail's apps, so the Finnish given here (``editorial/locale/fi``) wins on every
admin screen. ``gettext_noop`` marks the msgids for ``make messages``; the
Swedish and English catalogues leave them empty, so Wagtail's own wording stays.

FINNISH maps each Wagtail msgid (English, exactly as Wagtail writes it) to its
Finnish here; ``tests/test_admin_finnish.py`` checks that the compiled catalogue
answers each one. Strings of the admin's JavaScript (the translation editor's
"Publish in …") live in the djangojs catalogue of the reference site
(``locale/fi/LC_MESSAGES/djangojs.po``): Django's JavaScript catalogues read
only their own package and ``LOCALE_PATHS``.
"""

from django.utils.translation import gettext_noop

FINNISH = {
    # Poor Finnish in Wagtail's catalogue.
    gettext_noop("In Moderation"): "Hyväksyttävänä",
    gettext_noop("Locale"): "Kieli",
    gettext_noop("Locales"): "Kielet",
    gettext_noop("Locale: "): "Kieli: ",
    gettext_noop("Switch locales"): "Vaihda kieltä",
    gettext_noop("Parent"): "Yläsivu",
    gettext_noop("Parent page"): "Yläsivu",
    gettext_noop("New parent page"): "Uusi yläsivu",
    gettext_noop("Select a new parent page"): "Valitse uusi yläsivu",
    gettext_noop("A comma-separated list of tags."): (
        "Kirjoita asiasana ja paina Enter tai pilkku. Olemassa olevat asiasanat "
        "ehdotetaan kirjoittaessa."
    ),
    gettext_noop("Please provide a comma-separated list of tags."): (
        "Erota asiasanat toisistaan pilkulla."
    ),
    gettext_noop("Tags"): "Asiasanat",
    # The workflow's name is left out: an editor sends a page "for approval".
    # xgettext:no-python-format
    gettext_noop("Submit to %(workflow_name)s"): "Lähetä hyväksyttäväksi",
    # xgettext:no-python-format
    gettext_noop("Resubmit to %(task_name)s"): "Lähetä uudelleen hyväksyttäväksi",
    # English that editors meet on their everyday path.
    gettext_noop("The page could not be created due to validation errors."): (
        "Sivua ei voitu luoda, koska lomakkeessa on virheitä. Korjaa merkityt kentät."
    ),
    gettext_noop("The page could not be saved due to validation errors."): (
        "Sivua ei voitu tallentaa, koska lomakkeessa on virheitä. Korjaa merkityt kentät."
    ),
    gettext_noop("Autosave is paused"): "Automaattinen tallennus on tauolla",
    gettext_noop("Changes requested at"): "Muutoksia pyydetty vaiheessa",
    gettext_noop("Changes requested %(finished_at)s"): "Muutoksia pyydetty %(finished_at)s",
    # Dates typed the Finnish way are read (editorial/formats); anything else
    # gets an error that says what to type.
    gettext_noop("Enter a valid date/time."): (
        "Anna päivä ja kellonaika muodossa 10.2.2027 12.00."
    ),
    gettext_noop("Enter a valid date."): "Anna päivä muodossa 20.1.2027.",
    gettext_noop("Enter a valid time."): "Anna kellonaika muodossa 12.00.",
}

# The translation editor (wagtail-localize's JavaScript): "Publish in ruotsi".
FINNISH_JS = {
    "Publish in ": "Julkaise kieliversio: ",
}
