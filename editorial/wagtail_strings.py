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
        "Kirjoita asiasana ja paina Enter tai pilkkua. Kirjoittaessasi näet jo "
        "käytössä olevat asiasanat ehdotuksina."
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
    # Found by the admin walk (tests/test_admin_roles_finnish.py): Wagtail's
    # strings that its Finnish catalogue leaves in English, on the roles' screens.
    gettext_noop("%(objects)s items selected"): "%(objects)s kohdetta valittu",
    gettext_noop("All %(objects)s snippets on this screen selected"): (
        "Kaikki %(objects)s pätkää tässä näkymässä valittu"
    ),
    gettext_noop("Exploring"): "Sivupuu",
    gettext_noop("More options for '%(title)s'"): "Lisää toimintoja: %(title)s",
    gettext_noop("Sort menu order"): "Muuta sivujen järjestystä",
    gettext_noop("Unpublish selected pages"): "Poista valitut sivut julkaisusta",
    gettext_noop(
        "Pages created here will not be accessible at any URL. To add pages to an "
        "existing site, create them as children of the homepage."
    ): "Tänne luodut sivut eivät näy missään osoitteessa. Lisää sivut etusivun alle.",
    gettext_noop("Any"): "Kaikki",
    gettext_noop("Anyone"): "Kuka tahansa",
    gettext_noop("Has child pages"): "On alasivuja",
    gettext_noop("Edited by"): "Muokkaaja",
    gettext_noop("Date updated"): "Päivitetty",
    gettext_noop("Locked by"): "Lukitsija",
    gettext_noop("By task"): "Vaiheittain",
    gettext_noop("Task submitted by"): "Lähettäjä",
    gettext_noop("Minimum"): "Vähintään",
    gettext_noop("Maximum"): "Enintään",
    gettext_noop("Usage count"): "Käyttökerrat",
    gettext_noop("Usage count: (high to low)"): "Käyttökerrat (eniten ensin)",
    gettext_noop("Usage count: (low to high)"): "Käyttökerrat (vähiten ensin)",
    gettext_noop("Sort by '%(label)s' in ascending order."): (
        "Järjestä sarakkeen ”%(label)s” mukaan nousevaan järjestykseen."
    ),
    gettext_noop("Sort by '%(label)s' in descending order."): (
        "Järjestä sarakkeen ”%(label)s” mukaan laskevaan järjestykseen."
    ),
    gettext_noop(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in ascending order."
    ): "Järjestä sivun ”%(parent)s” alasivut sarakkeen ”%(label)s” mukaan nousevaan järjestykseen.",
    gettext_noop(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in descending order."
    ): "Järjestä sivun ”%(parent)s” alasivut sarakkeen ”%(label)s” mukaan laskevaan järjestykseen.",
    gettext_noop("Search all pages…"): "Hae kaikilta sivuilta…",
    gettext_noop("To be created by %(user)s"): "Luoja: %(user)s",
    gettext_noop("Is commenting action"): "Kommentointi",
    gettext_noop("Translation of %(instance)s into %(locale)s"): (
        "Käännös: %(instance)s (%(locale)s)"
    ),
    # The edit form: status, comments, checks and the side panels.
    gettext_noop("Saved"): "Tallennettu",
    gettext_noop("Go to the first error"): "Siirry ensimmäiseen virheeseen",
    gettext_noop("Actions (footer)"): "Toiminnot (alapalkki)",
    gettext_noop("Once live anyone can view"): "Julkaistuna näkyy kaikille",
    gettext_noop("But only those with publishing permissions can make them effective."): (
        "Muutokset tulevat voimaan vasta, kun julkaisija julkaisee ne."
    ),
    gettext_noop("Toggle status"): "Näytä tai piilota tila",
    gettext_noop("Toggle comments"): "Näytä tai piilota kommentit",
    gettext_noop("Toggle preview"): "Näytä tai piilota esikatselu",
    gettext_noop("Toggle checks"): "Näytä tai piilota tarkistukset",
    gettext_noop("Toggle minimap"): "Näytä tai piilota sisällysluettelo",
    gettext_noop("Toggle section"): "Avaa tai sulje osio",
    gettext_noop("Checks"): "Tarkistukset",
    gettext_noop("Content metrics"): "Sisällön mittarit",
    gettext_noop("Readability"): "Luettavuus",
    gettext_noop("Show issue"): "Näytä ongelma",
    gettext_noop("This data explained"): "Mitä luvut kertovat",
    gettext_noop("How we calculate our metrics"): "Miten luvut lasketaan",
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds "
        "for different languages."
    ): "Lukuaika lasketaan sanamäärästä; kullekin kielelle käytetään sen omaa lukunopeutta.",
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, "
        "and calculate the number of words."
    ): "Sivun esikatselusta poimitaan pääsisältö, muotoilut poistetaan ja sanat lasketaan.",
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ): (
        "Luettavuus lasketaan sanojen ja virkkeiden pituudesta. Pitkät virkkeet ja sanat "
        "heikentävät luettavuutta."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for '
        "more information on how content metrics are calculated."
    ): (
        'Lisätietoa lukujen laskemisesta on <a href="%(guide_link)s" target="_blank">'
        "sisällön tarkistusten oppaassa</a> (englanniksi)."
    ),
    gettext_noop(
        "Correct the validation errors to resume preview (saving will highlight errors)"
    ): ("Korjaa lomakkeen virheet, niin esikatselu jatkuu (tallennus näyttää virheet)"),
    gettext_noop("A network error occurred"): "Verkkovirhe",
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor "
        "in a separate tab to view the last saved version."
    ): (
        "Tarkista verkkoyhteys ennen kuin jatkat. Avaa muokkausnäkymä uuteen "
        "välilehteen nähdäksesi viimeksi tallennetun version."
    ),
    gettext_noop("View latest version"): "Näytä uusin versio",
    gettext_noop("Schedule to publish"): "Ajasta julkaisu",
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule '
        'to publish" option'
    ): "Ajastus tulee voimaan vasta, kun valitset ”Ajasta julkaisu”.",
    # The workflow: who may edit a page sent for approval.
    gettext_noop("Sent to %(task_name)s %(started_at)s"): (
        "Lähetetty hyväksyttäväksi (%(task_name)s) %(started_at)s"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"): (
        "Vain hyväksyjät voivat muokata ja hyväksyä tämän (%(model_name)s)"
    ),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."): (
        "Vain tämän vaiheen hyväksyjät voivat muokata tätä (%(model_name)s)."
    ),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ): (
        "Hyväksyjät voivat muokata tätä (%(model_name)s) – lukitse, jos et halua muiden "
        "hyväksyjien muokkaavan"
    ),
    # Everywhere: the header, the keyboard shortcuts, the account menu.
    gettext_noop("Close dialog"): "Sulje ikkuna",
    gettext_noop("Edit account avatar"): "Muokkaa profiilikuvaa",
    gettext_noop("Wagtail %(current_version)s editor guide"): (
        "Wagtailin muokkausopas (versio %(current_version)s)"
    ),
    gettext_noop("Show keyboard shortcuts"): "Näytä pikanäppäimet",
    gettext_noop("Close modal dialogs (like this one)"): "Sulje ikkunat (kuten tämä)",
    gettext_noop("Add or show comments"): "Lisää tai näytä kommentit",
    gettext_noop("Application"): "Yleiset",
    gettext_noop("Text editing"): "Tekstin muokkaus",
    gettext_noop("Section"): "Osio",
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ): "Pikanäppäimet ovat käytössä. Voit poistaa ne käytöstä %(account_link)s.",
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ): "Pikanäppäimet eivät ole käytössä. Voit ottaa ne käyttöön %(account_link)s.",
    gettext_noop("account"): "tilin asetuksissa",
    gettext_noop("Snug"): "Tiivis",
}

# The translation editor (wagtail-localize's JavaScript): "Publish in ruotsi".
FINNISH_JS = {
    "Publish in ": "Julkaise kieliversio: ",
    # "Lataa" is both download and upload in Finnish: say which.
    "Download PO file": "Lataa PO-tiedosto koneellesi",
    "Download PO file and input translations offline": (
        "Lataa PO-tiedosto koneellesi ja käännä se ilman verkkoyhteyttä."
    ),
    "Upload PO file": "Tuo käännetty PO-tiedosto",
    "Upload translated PO file to submit translations": (
        "Tuo käännetty PO-tiedosto, niin sen käännökset tallentuvat tähän."
    ),
    # wagtail-localize's editor strings without Finnish.
    "Applying editor lock": "Lukitaan muokkaus",
    "Removing editor lock": "Poistetaan muokkauksen lukitus",
    "Fetching %s information...": "Haetaan tietoja: %s…",
    "Revert to %s version": "Palaa versioon: %s",
    "Uses %s version": "Käyttää versiota: %s",
    "Stop Synced translation": "Lopeta käännöksen synkronointi",
    "Stopping Synced translation": "Lopetetaan käännöksen synkronointia",
    "There are unsaved segments. Please save or cancel them before leaving.": (
        "Osa käännöksistä on tallentamatta. Tallenna tai peru ne ennen kuin poistut."
    ),
    "Translate all missing strings with ": "Käännä kaikki puuttuvat tekstit palvelulla ",
    # Wagtail's admin scripts (autosave, the editor) without Finnish.
    "A network error occurred.": "Verkkovirhe.",
    "A server error occurred.": "Palvelinvirhe.",
    "Autosave in progress…": "Tallennetaan automaattisesti…",
    "Changes have been autosaved.": "Muutokset on tallennettu automaattisesti.",
    "Search options…": "Hakuvaihtoehdot…",
    "The editor just crashed. Content has been reset to the last saved version.": (
        "Muokkain kaatui. Sisältö palautettiin viimeksi tallennettuun versioon."
    ),
    "Toggle section": "Avaa tai sulje osio",
}
