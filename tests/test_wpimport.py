"""WordPress import (``manage.py import_wordpress``) of a realistic export
(tests/wpimport_fixture.py).

Run through the management command and checked where a user notices: the
report, the pages in the tree and on the public site, the old addresses.
"""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from home.models import ContentPage
from news.models import EventPage, NewsArticlePage
from tests.wpimport_fixture import SITE, write_export
from wpimport.models import ImportedItem

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


@pytest.fixture
def export(tmp_path, demo_site):
    return write_export(tmp_path)


def run(export, *extra, dry_run=False):
    out = io.StringIO()
    args = [str(export.xml), "--uploads", str(export.uploads), "--json", *extra]
    if dry_run:
        args.append("--dry-run")
    call_command("import_wordpress", *args, stdout=out)
    return json.loads(out.getvalue())


def page_of(post_id):
    ledger = ImportedItem.objects.get(site=SITE, key=f"post:{post_id}")
    return Page.objects.get(pk=ledger.object_id).specific


EXPECTED_COUNTS = {
    "attachment": {"inherit": {"fi": 5}},
    "nav_menu_item": {"publish": {"fi": 1}},
    "page": {"publish": {"fi": 3, "sv": 1}},
    "post": {
        "publish": {"fi": 2, "sv": 2, "en": 1},
        "draft": {"fi": 1},
        "trash": {"fi": 1},
        "private": {"fi": 1},
        "auto-draft": {"fi": 1},
    },
    "tribe_events": {"publish": {"fi": 1}},
    "tribe_venue": {"publish": {"fi": 1}},
}


def test_dry_run_reports_everything_and_saves_nothing(export):
    pages_before = Page.objects.count()
    report = run(export, dry_run=True)

    assert report["dry_run"] is True
    assert report["counts"] == EXPECTED_COUNTS
    # 5 published posts + draft + private, 4 pages, 1 event; 3 new files (one the same
    # as another, one missing)
    assert report["actions"]["created"] == 7 + 4 + 1 + 3
    assert report["unmapped"]["shortcode"] == {"contact-form-7": [10]}
    assert report["unmapped"]["block"] == {"wp:table": [13]}
    assert "category:uutiset" in report["terms"]["unmapped"]
    assert report["terms"]["unmapped"]["post_tag:sote"] == [10, 13]
    assert set(report["missing_media"]) == {"2021/02/kadonnut.jpg", "2022/01/puuttuva.jpg"}
    assert report["unresolvable_links"] == {f"{SITE}/2019/01/poistettu-uutinen/": [10]}
    assert report["redirects"]["created"] > 10

    assert Page.objects.count() == pages_before
    assert not ImportedItem.objects.exists()
    assert not Redirect.objects.filter(old_path__startswith="/2023/").exists()
    assert not Image.objects.filter(title="kuva").exists()


def test_import_creates_the_site_and_a_second_run_changes_nothing(export):
    dry = run(export, dry_run=True)
    first = run(export)
    # The real run counts what the dry run promised.
    assert first["counts"] == dry["counts"]
    assert first["actions"] == dry["actions"]
    assert {k: v["action"] for k, v in first["items"].items()} == {
        k: v["action"] for k, v in dry["items"].items()
    }
    assert first["unmapped"] == dry["unmapped"]

    revisions = Revision.objects.count()
    pages = Page.objects.count()
    images = Image.objects.count()
    redirects = Redirect.objects.count()

    second = run(export)
    assert "created" not in second["actions"] and "updated" not in second["actions"]
    assert second["actions"]["unchanged"] == first["actions"]["created"] + 1  # + the reused file
    assert second["redirects"].get("created", 0) == 0
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages
    assert Image.objects.count() == images
    assert Redirect.objects.count() == redirects


def test_posts_become_published_articles_with_their_dates_author_and_keywords(export, client):
    run(export)
    article = page_of(10)
    assert isinstance(article, NewsArticlePage)
    assert article.live
    assert article.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert article.get_parent().get_parent().locale.language_code == "fi"
    assert article.date == datetime.date(2023, 5, 10)
    assert article.first_published_at == datetime.datetime(2023, 5, 10, 6, 30, tzinfo=datetime.UTC)
    assert article.author.name == "Maija Meikäläinen"
    assert article.author.live
    # Keywords are case-insensitive: the demo's "sote" and "järjestöt" are reused.
    assert {k.name.lower() for k in article.keywords.all()} == {
        "uutiset",
        "kainuu",
        "sote",
        "järjestöt",
    }
    assert article.lead == "Yhteistyösopimus allekirjoitettiin toukokuussa."
    # Through the normal publishing path: a revision and the audit log.
    assert article.live_revision is not None
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish").exists()
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Järjestöt kokoontuivat" in response.content.decode()


def test_content_maps_to_our_blocks_and_keeps_unmapped_text(export):
    run(export)
    classic = [(b.block_type, b.value) for b in page_of(10).body]
    types = [t for t, _ in classic]
    assert types.count("image") == 3  # [caption] and [gallery ids="101,102"]
    caption = next(v for t, v in classic if t == "image")
    assert caption["caption"] == "Osallistujia kokouksessa"
    assert caption["alt_text"] == "Kokouksen osallistujia"
    assert any(t == "video" and "youtube.com" in v["url"] for t, v in classic)
    # The unknown shortcode's text is kept (and reported).
    assert any(t == "paragraph" and "contact-form-7" in v.source for t, v in classic)

    blocks = [(b.block_type, b.value) for b in page_of(13).body]
    types = [t for t, _ in blocks]
    assert types[:4] == ["paragraph", "heading", "quote", "image"]
    heading = blocks[1][1]
    assert (heading["text"], heading["level"]) == ("Päivän anti", "h3")
    assert blocks[2][1]["text"] == "Yhdessä olemme enemmän."
    assert blocks[2][1]["attribution"] == "Puheenjohtaja"
    assert blocks[3][1]["caption"] == "Lava aamulla"
    assert any(t == "paragraph" and "<li>Työpajat</li>" in v.source for t, v in blocks)
    attachment = next(v for t, v in blocks if t == "attachment")
    assert attachment["document"].title == "Toimintasuunnitelma 2024"
    assert any(t == "video" and "vimeo.com" in v["url"] for t, v in blocks)
    assert any(t == "paragraph" and "Aika Ohjelma" in v.source for t, v in blocks)  # wp:table


def test_images_are_not_duplicated_and_variants_fold_into_the_original(export):
    report = run(export)
    kuvat = Image.objects.filter(file_hash__in=[i.file_hash for i in Image.objects.all()])
    # 2023/05/kuva.jpg and 2023/06/kuva.jpg are different pictures; 2023/07/kuva-kopio.jpg
    # is the May file again.
    assert report["items"]["101"]["action"] == "created"
    assert report["items"]["102"]["action"] == "created"
    assert report["items"]["103"]["action"] == "reused"
    assert report["media"]["images created"] == 2
    images = {b.value["image"].pk for b in page_of(10).body if b.block_type == "image"}
    # the -300x200 variant in [caption] and id 101 in [gallery] are one image
    assert len(images) == 2
    may = ImportedItem.objects.get(site=SITE, key="file:2023/05/kuva.jpg").object_id
    june = ImportedItem.objects.get(site=SITE, key="file:2023/06/kuva.jpg").object_id
    assert images == {may, june}
    assert Image.objects.get(pk=may).description == "Kokouksen osallistujia"
    assert kuvat.filter(file_hash=Image.objects.get(pk=may).file_hash).count() == 1
    assert Document.objects.filter(title="Toimintasuunnitelma 2024").count() == 1


def test_translation_groups_are_linked(export):
    run(export)
    fi, sv, en = page_of(10), page_of(11), page_of(12)
    assert fi.translation_key == sv.translation_key == en.translation_key
    assert (fi.locale.language_code, sv.locale.language_code, en.locale.language_code) == (
        "fi",
        "sv",
        "en",
    )
    assert {p.pk for p in fi.get_translations()} == {sv.pk, en.pk}
    assert sv.get_parent().get_parent().locale.language_code == "sv"
    assert page_of(13).translation_key == page_of(14).translation_key
    assert page_of(20).translation_key == page_of(23).translation_key
    assert page_of(13).translation_key != fi.translation_key


def test_pages_keep_their_hierarchy(export, client):
    run(export)
    jarjesto, hallitus, yhteystiedot = page_of(20), page_of(21), page_of(22)
    assert isinstance(jarjesto, ContentPage)
    assert jarjesto.get_parent().specific_class.__name__ == "HomePage"
    assert hallitus.get_parent().pk == jarjesto.pk
    assert yhteystiedot.get_parent().pk == hallitus.pk
    assert client.get(yhteystiedot.url).status_code == 200
    # A headless frontend gets the content page typed from the API too.
    data = client.get("/api/v3/resolve/", {"path": hallitus.url}).json()
    assert data["meta"]["type"] == "home.ContentPage"
    assert data["body"][0] == {
        "type": "heading",
        "value": {"text": "Jäsenet", "level": "h2"},
        "id": data["body"][0]["id"],
    }
    assert page_of(23).get_parent().locale.language_code == "sv"


def test_drafts_private_and_trashed_items(export, client):
    report = run(export)
    draft = page_of(15)
    assert not draft.live
    assert draft.latest_revision is not None
    assert client.get("/?p=15").status_code != 301
    private = page_of(17)
    assert not private.live
    assert "private" in report["items"]["17"]["detail"]
    assert report["items"]["16"] == {
        "type": "post",
        "action": "skipped",
        "detail": "in the WordPress trash",
    }
    assert not ImportedItem.objects.filter(key="post:16").exists()
    assert not NewsArticlePage.objects.filter(title="Poistettu tiedote").exists()
    assert report["items"]["18"]["action"] == "skipped"
    assert report["items"]["40"]["action"] == "skipped"


def test_events_calendar_event_becomes_an_event_with_a_session(export):
    run(export)
    event = page_of(30)
    assert isinstance(event, EventPage)
    session = event.sessions.get()
    helsinki = timezone.get_default_timezone()
    assert session.start == datetime.datetime(2023, 4, 20, 9, 0, tzinfo=helsinki)
    assert session.end == datetime.datetime(2023, 4, 20, 15, 30, tzinfo=helsinki)
    assert session.title == "Kuopio"
    assert session.venue == "Kuopion kaupungintalo, Suokatu 42"
    assert event.starts_at == session.start
    assert event.registration_url == "https://ilmoittaudu.example.fi/kevat"
    assert any(b.block_type == "video" for b in event.body)


def test_every_old_permalink_redirects_to_its_page(export, client):
    run(export)
    expected = {
        "/2023/05/jarjestot-ja-hyvinvointialue/": page_of(10),
        "/?p=10": page_of(10),
        "/2023/05/organisationerna-och-valfardsomradet/": page_of(11),
        "/?p=12": page_of(12),
        "/2023/06/jarjestopaiva/": page_of(13),
        "/jarjesto/": page_of(20),
        "/jarjesto/hallitus/yhteystiedot/": page_of(22),
        "/?page_id=21": page_of(21),
        "/tapahtuma/kevatseminaari/": page_of(30),
    }
    for old, page in expected.items():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url, old
        assert client.get(response["Location"]).status_code == 200
    # Polylang's old Swedish address happens to be the new one: it answers the page itself.
    assert page_of(23).url == "/sv/organisationen/"
    assert client.get("/sv/organisationen/").status_code == 200
    keyword = client.get("/tag/sote/")
    assert keyword.status_code == 301
    assert keyword["Location"] == "/fi/asiasanat/sote/"
    assert client.get(keyword["Location"]).status_code == 200
    assert client.get("/category/nyheter/")["Location"] == "/sv/amnesord/nyheter/"
    # Polylang's archive address in a language other than the site's own
    assert client.get("/sv/category/nyheter/")["Location"] == "/sv/amnesord/nyheter/"


def test_redirect_csv_for_the_old_host(export):
    run(export)
    rows = list(csv.reader(export.xml.with_suffix(".redirects.csv").open(encoding="utf-8")))
    assert rows[0] == ["old_url", "new_url"]
    table = dict(rows[1:])
    assert table[f"{SITE}/?p=10"] == page_of(10).full_url
    assert table[f"{SITE}/tag/sote"] == "http://testserver/fi/asiasanat/sote/"


def test_mapping_file_maps_categories_to_regions_and_nothing(export, tmp_path, client):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        '[categories]\nuutiset = "ignore"\nnyheter = "ignore"\nnews = "ignore"\n'
        'kainuu = { region = "kainuu" }\n\n[tags]\nsote = { keyword = "Sote-uudistus" }\n',
        encoding="utf-8",
    )
    report = run(export, "--mapping", str(mapping))
    article = page_of(10)
    assert {k.name.lower() for k in article.keywords.all()} == {"sote-uudistus", "järjestöt"}
    assert [r.code for r in article.regions.all()] == ["kainuu"]
    assert "category:uutiset" not in report["terms"]["unmapped"]
    assert report["terms"]["unmapped"] == {
        "post_tag:jarjestot": [10],
        "tribe_events_cat:koulutus": [30],
    }
    region = client.get("/category/kainuu/")
    assert region.status_code == 301
    assert "kainuu" in region["Location"]


def test_nothing_is_dropped_without_a_report_entry(export):
    report = run(export)
    from tests.wpimport_fixture import build_items

    ids = {int(i.split("<wp:post_id>")[1].split("<")[0]) for i in build_items()}
    assert {int(k) for k in report["items"]} == ids
    for entry in report["items"].values():
        assert entry["action"] in ("created", "reused", "used", "skipped")
        if entry["action"] == "skipped":
            assert entry["detail"]
    assert report["omitted"] == {"wp:separator": [13]}
    assert report["not_imported"] == {"comments": 2}


def test_an_item_an_editor_deleted_stays_deleted(export, client):
    run(export)
    article = page_of(13)
    article.delete()
    report = run(export)
    assert report["items"]["13"]["action"] == "deleted in Wagtail"
    assert not NewsArticlePage.objects.filter(title="Järjestöpäivä kokosi toimijat").exists()
    assert client.get("/2023/06/jarjestopaiva/").status_code != 301
    again = run(export)
    assert again["items"]["13"]["action"] == "deleted in Wagtail"


def test_changed_item_is_updated_and_an_editors_edit_is_kept(export, tmp_path):
    run(export)
    text = export.xml.read_text(encoding="utf-8")
    export.xml.write_text(
        text.replace("The NGOs met.", "The NGOs met again.").replace(
            "Keskeneräinen teksti.", "Muokattu luonnos."
        ),
        encoding="utf-8",
    )
    draft = page_of(15).get_latest_revision_as_object()
    draft.title = "Toimittajan otsikko"
    draft.save_revision()

    report = run(export)
    assert report["items"]["12"]["action"] == "updated"
    assert "The NGOs met again." in page_of(12).body[0].value.source
    assert report["items"]["15"]["action"] == "skipped"
    assert "edited in Wagtail" in report["items"]["15"]["detail"]
    assert page_of(15).get_latest_revision_as_object().title == "Toimittajan otsikko"


def test_text_report_and_bad_input(export, tmp_path):
    out = io.StringIO()
    call_command(
        "import_wordpress",
        str(export.xml),
        "--uploads",
        str(export.uploads),
        "--dry-run",
        stdout=out,
    )
    text = out.getvalue()
    assert "DRY RUN" in text
    assert "contact-form-7" in text
    assert "2022/01/puuttuva.jpg" in text

    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel>", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_wordpress", str(broken))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>',
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        call_command("import_wordpress", str(bomb))
    mapping = tmp_path / "bad.json"
    mapping.write_text('{"categories": {"uutiset": {"region": 5}}}', encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_wordpress", str(export.xml), "--mapping", str(mapping))


def test_wpml_groups_a_broken_image_and_hostile_links(tmp_path, demo_site):
    from tests.wpimport_fixture import attachment, item, meta

    def wpml(language, group):
        return [
            meta("_wpml_import_language_code", language),
            meta("_wpml_import_translation_group", group),
        ]

    export = write_export(
        tmp_path,
        items=[
            item(50, "WPML-uutinen", slug="wpml-uutinen", metas=wpml("fi", "7")),
            item(51, "WPML-nyhet", slug="wpml-nyhet", metas=wpml("sv", "7")),
            item(
                52,
                "Vihamielinen",
                slug="vihamielinen",
                content='<p>Klikkaa <a href="javascript:alert(1)">tästä</a></p>\n\n'
                "[embed]javascript:alert(2)[/embed]",
            ),
            attachment(60, "2024/01/rikki.jpg", "rikki"),
        ],
    )
    (export.uploads / "2024/01").mkdir(parents=True)
    (export.uploads / "2024/01/rikki.jpg").write_bytes(b"not a picture")
    report = run(export)
    assert report["counts"]["post"] == {"publish": {"fi": 2, "sv": 1}}
    assert report["items"]["60"]["action"] == "skipped"
    assert "2024/01/rikki.jpg: not a readable image; not imported" in report["warnings"]
    assert report["unresolvable_links"] == {"javascript:alert(1)": [52]}
    body = [b.value.source for b in page_of(52).body]
    assert body == ["<p>Klikkaa tästä</p>", "<p>javascript:alert(2)</p>"]  # text, no link
    fi, sv = page_of(50), page_of(51)
    assert fi.translation_key == sv.translation_key
    assert (fi.locale.language_code, sv.locale.language_code) == ("fi", "sv")
