"""Finnish, Swedish and English analysis: a query word and a document word match
when they share a term. No database needed."""

import unicodedata

import pytest

from search.analysis import analyzer_for, registry
from search.analysis.fallback import SimplemmaAnalyzer
from search.analysis.finnish import parse_wordbases


def shares_term(query, document, language="fi"):
    """True when every query word matches some document word (the index's rule)."""
    analyzer = analyzer_for(language)
    doc_terms = set()
    for word in analyzer.analyze(document):
        doc_terms |= word.all_terms
    words = analyzer.analyze_query(query)
    return bool(words) and all((w.full | w.parts) & doc_terms for w in words)


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("avustus", "Järjestöavustukset jaetaan keväällä."),
        ("avustus", "Uusi avustusmalli otetaan käyttöön."),
        ("avustus", "Valtionavustushaun tulokset julkaistiin."),
        ("Joensuu", "Tilaisuus pidettiin Joensuussa."),
        ("sote-keskus", "Hanke rahoitetaan sote-keskusohjelmalla."),
        ("hyte-neuvottelut", "Hyte-neuvotteluissa sovittiin yhteistyöstä."),
        ("Pohjois-Karjala", "Pohjois-Karjalan järjestöt kokoontuivat."),
        ("valtionavustus", "Valtionavustushaun tulokset julkaistiin."),
        ("työpaja", "Yhteisissä työpajoissa syvennyttiin teemoihin."),
    ],
)
def test_inflected_and_compound_forms_match(query, document):
    assert shares_term(query, document)


def test_hyphen_coordination_completes_the_prefix():
    document = "Sosiaali- ja terveysministeriö myönsi rahoituksen."
    assert shares_term("sosiaaliministeriö", document)
    assert shares_term("terveysministeriö", document)
    assert shares_term("mielenterveyspalvelut", "mielenterveys- ja päihdepalvelut")


def test_unknown_names_and_acronyms_lose_their_case_endings():
    assert shares_term("STEA", "Hanke on STEAn rahoittama.")
    assert shares_term("Jelli", "Materiaalit löytyvät Jellissä.")


def test_derived_word_finds_the_word_it_comes_from():
    (word,) = analyzer_for("fi").analyze("rahoitus")
    assert "rahoittaa" in word.related
    assert "rahoittaa" in analyzer_for("fi").analyze("rahoittaman")[0].full


def test_unrelated_words_do_not_match():
    assert not shares_term("avustus", "Joensuussa pidettiin tilaisuus.")
    assert not shares_term("kiertue", "Hyte-neuvotteluissa sovittiin yhteistyöstä.")


def test_nfd_and_case_are_normalised():
    nfd = unicodedata.normalize("NFD", "JÄRJESTÖAVUSTUKSET")
    assert nfd != "JÄRJESTÖAVUSTUKSET"
    assert shares_term(nfd, "järjestöavustus")
    assert shares_term("järjestöavustus", nfd)


def test_wordbases_parsing_glues_derivations_to_their_root():
    assert parse_wordbases("+valtion(valtio)+avust(avustaa)+us(+us)+haku(haku)") == (
        "valtio",
        "avustus",
        "haku",
    )
    assert parse_wordbases("+terve(terve)+yden(+ys)+huolto(huolto)") == ("terveys", "huolto")
    assert parse_wordbases("+sote(sote)+-+keskus(keskus)") == ("sote", "keskus")


def test_swedish_is_stemmed_as_swedish_not_finnish():
    swedish = analyzer_for("sv")
    assert swedish is not analyzer_for("fi")
    (word,) = swedish.analyze("kommunerna")
    assert "kommun" in word.full
    assert shares_term("kommun", "Kommunerna och välfärdsområdena", language="sv")
    assert shares_term("välfärdsområde", "Kommunerna och välfärdsområdena", language="sv")
    # Swedish stop words are dropped, Finnish ones are not Swedish stop words.
    assert swedish.analyze("och") == []


def test_english_is_lemmatised_as_english():
    assert shares_term("organisation", "Organisations in the regions", language="en")
    assert shares_term("region", "Organisations in the regions", language="en")


@pytest.mark.parametrize(
    "hostile",
    ["' OR 1=1--", ":* & | ! ( )", "\\", "a\x00b", "😀🙈", "x" * 50_000, "", "   ", "-- -"],
)
def test_hostile_text_gives_harmless_words(hostile):
    words = analyzer_for("fi").analyze_query(hostile)
    assert len(words) <= 32
    for word in words:
        for term in word.all_terms:
            assert "\x00" not in term
            assert len(term) <= 200


def test_fallback_without_voikko_still_lemmatises(monkeypatch, caplog):
    def broken():
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(registry, "_load_voikko", broken)
    registry.reset()
    try:
        with caplog.at_level("WARNING", logger="search.analysis"):
            finnish = analyzer_for("fi")
        assert isinstance(finnish, SimplemmaAnalyzer)
        assert "simplemma" in caplog.text
        assert registry.finnish_backend_status()["ok"] is False
        assert shares_term("Joensuu", "Tilaisuus pidettiin Joensuussa.")

        from search.checks import voikko_available

        (warning,) = voikko_available(None)
        assert warning.id == "search.W001"
    finally:
        monkeypatch.undo()
        registry.reset()
    assert registry.finnish_backend_status()["ok"] is True
