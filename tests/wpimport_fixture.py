"""A realistic WordPress export (WXR 1.2) written by the tests, not downloaded.

A small Finnish association site with Polylang (fi, sv, en), The Events Calendar
and a classic/Gutenberg mix, as WordPress 6 exports it ("Työkalut → Vie"):

- posts in three languages, linked in Polylang translation groups
  (``language`` and ``post_translations`` terms on each item);
- categories and tags; a category meant for a region (``kainuu``);
- nested pages (``wp:post_parent``), one of them Swedish;
- attachments: ``kuva.jpg`` uploaded in two different months (different files),
  a third attachment whose file is byte-for-byte the first (uploaded twice),
  content that points at the ``-300x200`` size variant, a PDF, and one attachment
  whose file is missing from the uploads folder;
- shortcodes ([caption], [embed], [gallery], [video], [pdf], and an unknown
  [contact-form-7]); Gutenberg blocks (paragraph, heading, quote, image, list,
  separator, file, embed, video, and an unknown ``wp:table``);
- a ``tribe_events`` event with a venue; a draft, a trashed post, a private
  post, an auto-draft and a navigation menu item.

``write_export(tmp_path)`` writes ``export.xml`` and an ``uploads/`` folder and
returns their paths; ``ITEMS`` describes what the tests expect.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image as PILImage

SITE = "https://vanha.jarjesto.fi"
UPLOADS = f"{SITE}/wp-content/uploads"


@dataclass
class Export:
    xml: Path
    uploads: Path


def _jpeg(colour, size=(640, 400)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _pdf(text):
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% " + text.encode() + b"\ntrailer<<>>\n%%EOF"
    )


# The files in the uploads folder (relative paths as WordPress stores them).
KUVA_MAY = _jpeg((200, 40, 40))
KUVA_JUNE = _jpeg((40, 40, 200))
FILES = {
    "2023/05/kuva.jpg": KUVA_MAY,
    "2023/05/kuva-300x200.jpg": _jpeg((200, 40, 40), (300, 200)),
    "2023/06/kuva.jpg": KUVA_JUNE,
    "2023/06/kuva-1024x640.jpg": _jpeg((40, 40, 200), (1024, 640)),
    "2023/07/kuva-kopio.jpg": KUVA_MAY,  # the May picture uploaded a second time
    "2023/06/toimintasuunnitelma.pdf": _pdf("Toimintasuunnitelma 2024"),
}


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def term(domain, slug, name):
    return f'<category domain="{domain}" nicename="{slug}">{cdata(name)}</category>'


def meta(key, value):
    return (
        f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(str(value))}</wp:meta_value></wp:postmeta>"
    )


def item(
    post_id,
    title,
    *,
    post_type="post",
    status="publish",
    slug=None,
    date="2023-05-10 09:30:00",
    content="",
    excerpt="",
    parent=0,
    creator="maija",
    link=None,
    terms=(),
    metas=(),
    attachment_url=None,
    comments=(),
):
    slug = slug if slug is not None else ""
    if link is None:
        if post_type == "post" and status == "publish":
            link = f"{SITE}/{date[:4]}/{date[5:7]}/{slug}/"
        else:
            link = f"{SITE}/?p={post_id}"
    gmt = f"{date[:11]}{int(date[11:13]) - 3:02d}{date[13:]}"
    parts = [
        f"<title>{escape(title)}</title>",
        f"<link>{escape(link)}</link>",
        "<pubDate>Wed, 10 May 2023 06:30:00 +0000</pubDate>",
        f"<dc:creator>{cdata(creator)}</dc:creator>",
        f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>',
        "<description></description>",
        f"<content:encoded>{cdata(content)}</content:encoded>",
        f"<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>",
        f"<wp:post_id>{post_id}</wp:post_id>",
        f"<wp:post_date>{cdata(date)}</wp:post_date>",
        f"<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>",
        f"<wp:post_modified>{cdata(date)}</wp:post_modified>",
        f"<wp:post_modified_gmt>{cdata(gmt)}</wp:post_modified_gmt>",
        "<wp:comment_status>closed</wp:comment_status>",
        "<wp:ping_status>closed</wp:ping_status>",
        f"<wp:post_name>{cdata(slug)}</wp:post_name>",
        f"<wp:status>{cdata(status)}</wp:status>",
        f"<wp:post_parent>{parent}</wp:post_parent>",
        "<wp:menu_order>0</wp:menu_order>",
        f"<wp:post_type>{cdata(post_type)}</wp:post_type>",
        "<wp:post_password></wp:post_password>",
        "<wp:is_sticky>0</wp:is_sticky>",
    ]
    if attachment_url:
        parts.append(f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>")
    parts.extend(terms)
    parts.extend(metas)
    for n, (author, text) in enumerate(comments, start=1):
        parts.append(
            f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
            f"<wp:comment_author>{cdata(author)}</wp:comment_author>"
            f"<wp:comment_content>{cdata(text)}</wp:comment_content>"
            "<wp:comment_approved>1</wp:comment_approved></wp:comment>"
        )
    return "<item>" + "".join(parts) + "</item>"


def lang(code, group=None):
    names = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
    terms = [term("language", code, names[code])]
    if group:
        terms.append(term("post_translations", group, group))
    return terms


def attachment(post_id, path, title, *, alt="", date="2023-05-02 12:00:00", parent=0):
    metas = [meta("_wp_attached_file", path)]
    if alt:
        metas.append(meta("_wp_attachment_image_alt", alt))
    return item(
        post_id,
        title,
        post_type="attachment",
        status="inherit",
        slug=title.lower().replace(" ", "-"),
        date=date,
        parent=parent,
        link=f"{SITE}/?attachment_id={post_id}",
        attachment_url=f"{UPLOADS}/{path}",
        metas=metas,
    )


CLASSIC_FI = (
    "Järjestöt kokoontuivat keskustelemaan yhteistyöstä hyvinvointialueen kanssa.\n\n"
    '[caption id="attachment_101" align="alignnone" width="300"]'
    f'<img class="size-medium wp-image-101" src="{UPLOADS}/2023/05/kuva-300x200.jpg" '
    'alt="Kokouksen osallistujia" width="300" height="200" /> Osallistujia kokouksessa[/caption]'
    "\n\n"
    f'Lue myös <a href="{SITE}/2023/06/jarjestopaiva/">järjestöpäivän kooste</a> ja '
    f'<a href="{SITE}/jarjesto/hallitus/">hallituksen esittely</a>. '
    f'Vanha linkki <a href="{SITE}/2019/01/poistettu-uutinen/">poistettuun uutiseen</a>.'
    "\n\n"
    "[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n\n"
    '[gallery ids="101,102"]\n\n'
    '[contact-form-7 id="55" title="Yhteydenotto"]\n\n'
    f'<img src="{UPLOADS}/2022/01/puuttuva.jpg" alt="Puuttuu" />'
)

GUTENBERG_FI = (
    "<!-- wp:paragraph -->\n<p>Järjestöpäivä kokosi <strong>120</strong> osallistujaa.</p>\n"
    "<!-- /wp:paragraph -->\n\n"
    '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Päivän anti</h3>\n'
    "<!-- /wp:heading -->\n\n"
    '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Yhdessä olemme enemmän.</p>'
    "<cite>Puheenjohtaja</cite></blockquote>\n<!-- /wp:quote -->\n\n"
    '<!-- wp:image {"id":102,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large">'
    f'<img src="{UPLOADS}/2023/06/kuva-1024x640.jpg" alt="Järjestöpäivän lava" '
    'class="wp-image-102"/><figcaption class="wp-element-caption">Lava aamulla</figcaption>'
    "</figure>\n<!-- /wp:image -->\n\n"
    "<!-- wp:list -->\n<ul><li>Työpajat</li><li>Paneeli</li></ul>\n<!-- /wp:list -->\n\n"
    '<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->\n\n'
    '<!-- wp:file {"id":104,"href":"'
    f'{UPLOADS}/2023/06/toimintasuunnitelma.pdf"'
    '} -->\n<div class="wp-block-file"><a href="'
    f'{UPLOADS}/2023/06/toimintasuunnitelma.pdf">Toimintasuunnitelma 2024</a></div>\n'
    "<!-- /wp:file -->\n\n"
    '<!-- wp:embed {"url":"https://vimeo.com/123456","type":"video",'
    '"providerNameSlug":"vimeo"} -->\n<figure class="wp-block-embed"><div>'
    "https://vimeo.com/123456</div></figure>\n<!-- /wp:embed -->\n\n"
    '<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr><td>Aika</td>'
    "<td>Ohjelma</td></tr></tbody></table></figure>\n<!-- /wp:table -->"
)

EVENT_CONTENT = (
    "<!-- wp:paragraph -->\n<p>Tervetuloa kevätseminaariin!</p>\n<!-- /wp:paragraph -->\n\n"
    '[video src="https://video.example.fi/kevatseminaari.mp4"]'
)


def build_items():
    g1, g2 = "pll_64a1b2c3d4e5f", "pll_64a1b2c3d4e60"
    uutiset = term("category", "uutiset", "Uutiset")
    nyheter = term("category", "nyheter", "Nyheter")
    news = term("category", "news", "News")
    kainuu = term("category", "kainuu", "Kainuu")
    sote = term("post_tag", "sote", "Sote")
    jarjestot = term("post_tag", "jarjestot", "Järjestöt")
    return [
        # Media first, as WordPress exports them.
        attachment(101, "2023/05/kuva.jpg", "kuva", alt="Kokouksen osallistujia"),
        attachment(102, "2023/06/kuva.jpg", "kuva", alt="Järjestöpäivän lava"),
        attachment(103, "2023/07/kuva-kopio.jpg", "kuva kopio"),
        attachment(104, "2023/06/toimintasuunnitelma.pdf", "Toimintasuunnitelma 2024"),
        attachment(105, "2021/02/kadonnut.jpg", "kadonnut"),
        # A Polylang group in three languages (classic editor).
        item(
            10,
            "Järjestöt ja hyvinvointialue sopivat yhteistyöstä",
            slug="jarjestot-ja-hyvinvointialue",
            date="2023-05-10 09:30:00",
            content=CLASSIC_FI,
            excerpt="Yhteistyösopimus allekirjoitettiin toukokuussa.",
            comments=[("Liisa", "Hienoa!"), ("Pekka", "Milloin seuraava kokous?")],
            terms=[uutiset, kainuu, sote, jarjestot, *lang("fi", g1)],
        ),
        item(
            11,
            "Organisationerna och välfärdsområdet kom överens",
            slug="organisationerna-och-valfardsomradet",
            date="2023-05-11 10:00:00",
            content="Organisationerna träffades för att diskutera samarbete.",
            creator="erik",
            terms=[nyheter, *lang("sv", g1)],
        ),
        item(
            12,
            "NGOs and the wellbeing services county agree",
            slug="ngos-and-the-county-agree",
            date="2023-05-12 08:00:00",
            content="<!-- wp:paragraph -->\n<p>The NGOs met.</p>\n<!-- /wp:paragraph -->",
            terms=[news, *lang("en", g1)],
        ),
        # A Gutenberg post in Finnish and Swedish.
        item(
            13,
            "Järjestöpäivä kokosi toimijat",
            slug="jarjestopaiva",
            date="2023-06-15 12:00:00",
            content=GUTENBERG_FI,
            terms=[uutiset, sote, *lang("fi", g2)],
        ),
        item(
            14,
            "Organisationsdagen samlade aktörerna",
            slug="organisationsdagen",
            date="2023-06-16 12:00:00",
            content='[pdf href="' + UPLOADS + '/2023/06/toimintasuunnitelma.pdf"]Plan[/pdf]',
            creator="erik",
            terms=[nyheter, *lang("sv", g2)],
        ),
        # Not published: a draft, a trashed post, a private post, an auto-draft.
        item(
            15,
            "Luonnos: syksyn koulutukset",
            status="draft",
            date="2023-08-01 10:00:00",
            content="Keskeneräinen teksti.",
            terms=[uutiset, *lang("fi")],
        ),
        item(
            16,
            "Poistettu tiedote",
            status="trash",
            slug="poistettu-tiedote__trashed",
            date="2023-04-01 10:00:00",
            content="Vanha tiedote.",
            terms=[uutiset, *lang("fi")],
        ),
        item(
            17,
            "Hallituksen sisäinen muistio",
            status="private",
            slug="hallituksen-muistio",
            date="2023-04-02 10:00:00",
            content="Vain hallitukselle.",
            terms=[*lang("fi")],
        ),
        item(18, "Automaattinen luonnos", status="auto-draft", date="2023-04-03 10:00:00"),
        # Nested pages (Finnish, with a Swedish translation of the parent).
        item(
            20,
            "Järjestö",
            post_type="page",
            slug="jarjesto",
            date="2022-01-10 10:00:00",
            link=f"{SITE}/jarjesto/",
            content="<p>Olemme alueellinen järjestöverkosto.</p>",
            terms=lang("fi", "pll_page20"),
        ),
        item(
            21,
            "Hallitus",
            post_type="page",
            slug="hallitus",
            parent=20,
            date="2022-01-11 10:00:00",
            link=f"{SITE}/jarjesto/hallitus/",
            content="<h2>Jäsenet</h2>\n<p>Puheenjohtaja ja kuusi jäsentä.</p>",
            terms=lang("fi"),
        ),
        item(
            22,
            "Yhteystiedot",
            post_type="page",
            slug="yhteystiedot",
            parent=21,
            date="2022-01-12 10:00:00",
            link=f"{SITE}/jarjesto/hallitus/yhteystiedot/",
            content="<p>Ota yhteyttä sihteeriin.</p>",
            terms=lang("fi"),
        ),
        item(
            23,
            "Organisationen",
            post_type="page",
            slug="organisationen",
            date="2022-01-13 10:00:00",
            link=f"{SITE}/sv/organisationen/",
            content="<p>Vi är ett regionalt nätverk.</p>",
            terms=lang("sv", "pll_page20"),
        ),
        # The Events Calendar.
        item(
            30,
            "Kevätseminaari",
            post_type="tribe_events",
            slug="kevatseminaari",
            date="2023-03-01 10:00:00",
            link=f"{SITE}/tapahtuma/kevatseminaari/",
            content=EVENT_CONTENT,
            terms=[term("tribe_events_cat", "koulutus", "Koulutus"), *lang("fi")],
            metas=[
                meta("_EventStartDate", "2023-04-20 09:00:00"),
                meta("_EventEndDate", "2023-04-20 15:30:00"),
                meta("_EventVenueID", "31"),
                meta("_EventURL", "https://ilmoittaudu.example.fi/kevat"),
            ],
        ),
        item(
            31,
            "Kuopion kaupungintalo",
            post_type="tribe_venue",
            slug="kuopion-kaupungintalo",
            link=f"{SITE}/paikka/kuopion-kaupungintalo/",
            metas=[meta("_VenueCity", "Kuopio"), meta("_VenueAddress", "Suokatu 42")],
        ),
        item(
            40,
            "Etusivu",
            post_type="nav_menu_item",
            slug="40",
            link=f"{SITE}/?p=40",
        ),
    ]


def channel(items):
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Vanha järjestösivusto</title>
	<link>{SITE}</link>
	<description>Järjestöverkosto</description>
	<language>fi</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{SITE}</wp:base_site_url>
	<wp:base_blog_url>{SITE}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata("maija")}</wp:author_login><wp:author_email>{cdata("maija@example.fi")}</wp:author_email><wp:author_display_name>{cdata("Maija Meikäläinen")}</wp:author_display_name><wp:author_first_name>{cdata("Maija")}</wp:author_first_name><wp:author_last_name>{cdata("Meikäläinen")}</wp:author_last_name></wp:author>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login>{cdata("erik")}</wp:author_login><wp:author_email>{cdata("erik@example.fi")}</wp:author_email><wp:author_display_name>{cdata("Erik Exempel")}</wp:author_display_name><wp:author_first_name>{cdata("Erik")}</wp:author_first_name><wp:author_last_name>{cdata("Exempel")}</wp:author_last_name></wp:author>
	<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>{cdata("uutiset")}</wp:category_nicename><wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata("Uutiset")}</wp:cat_name></wp:category>
	<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>{cdata("nyheter")}</wp:category_nicename><wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata("Nyheter")}</wp:cat_name></wp:category>
	<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>{cdata("news")}</wp:category_nicename><wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata("News")}</wp:cat_name></wp:category>
	<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>{cdata("kainuu")}</wp:category_nicename><wp:category_parent>{cdata("uutiset")}</wp:category_parent><wp:cat_name>{cdata("Kainuu")}</wp:cat_name></wp:category>
	<wp:tag><wp:term_id>6</wp:term_id><wp:tag_slug>{cdata("sote")}</wp:tag_slug><wp:tag_name>{cdata("Sote")}</wp:tag_name></wp:tag>
	<wp:tag><wp:term_id>7</wp:term_id><wp:tag_slug>{cdata("jarjestot")}</wp:tag_slug><wp:tag_name>{cdata("Järjestöt")}</wp:tag_name></wp:tag>
	<wp:term><wp:term_id>8</wp:term_id><wp:term_taxonomy>{cdata("language")}</wp:term_taxonomy><wp:term_slug>{cdata("fi")}</wp:term_slug><wp:term_name>{cdata("Suomi")}</wp:term_name><wp:term_description>{cdata('a:3:{{s:6:"locale";s:5:"fi_FI";s:3:"rtl";i:0;s:9:"flag_code";s:2:"fi";}}')}</wp:term_description></wp:term>
	<wp:term><wp:term_id>9</wp:term_id><wp:term_taxonomy>{cdata("language")}</wp:term_taxonomy><wp:term_slug>{cdata("sv")}</wp:term_slug><wp:term_name>{cdata("Svenska")}</wp:term_name><wp:term_description>{cdata('a:3:{{s:6:"locale";s:5:"sv_SE";s:3:"rtl";i:0;s:9:"flag_code";s:2:"se";}}')}</wp:term_description></wp:term>
	<wp:term><wp:term_id>10</wp:term_id><wp:term_taxonomy>{cdata("language")}</wp:term_taxonomy><wp:term_slug>{cdata("en")}</wp:term_slug><wp:term_name>{cdata("English")}</wp:term_name><wp:term_description>{cdata('a:3:{{s:6:"locale";s:5:"en_GB";s:3:"rtl";i:0;s:9:"flag_code";s:2:"gb";}}')}</wp:term_description></wp:term>
	<generator>https://wordpress.org/?v=6.4.2</generator>
{"".join(items)}
</channel>
</rss>
"""


def write_export(directory: Path, items=None) -> Export:
    directory = Path(directory)
    uploads = directory / "uploads"
    for relative, data in FILES.items():
        path = uploads / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    xml = directory / "export.xml"
    xml.write_text(channel(items if items is not None else build_items()), encoding="utf-8")
    return Export(xml=xml, uploads=uploads)
