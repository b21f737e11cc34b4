"""``GET /api/v3/resolve/?path=…``: a frontend's catch-all route in one call.

Any public path in any language, with or without its trailing slash, answers
what the HTML site shows there, typed: a page (the same schema as its typed
detail, ``meta.type`` telling which), a keyword page, or a redirect (from
``wagtail.contrib.redirects``, including those Wagtail creates when a page is
moved or renamed) with its status and target. Anything else, and any page the
public may not see, is a 404 problem document. With a valid
``preview_token`` for the page at that path, its latest draft is answered,
also at a path that only the draft has so far (a new page's).
"""

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import Resolver404, reverse
from django.urls import resolve as resolve_url
from django.utils import translation
from ninja import Field as QueryField
from ninja import Query, Router, Schema
from pydantic import Discriminator, Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from kumppanuus.visibility import visible
from news.models import Keyword

from .common import PageRef, Translation
from .context import Context
from .errors import check_query, problems
from .images import ImageParams
from .preview import grant, granted_draft
from .schemas import PAGE_TYPES
from .shape import Field, Shape, nested_schema, nested_shape

router = Router(tags=["resolve"])
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class ResolveParams(Schema):
    path: str = QueryField(
        ...,
        min_length=1,
        max_length=2000,
        description="A public path such as `/sv/nyheter/…/` (trailing slash optional).",
    )
    preview_token: str | None = QueryField(
        None, max_length=2000, description="Shows the latest draft of the page it was made for."
    )


def normalise(path):
    """``/sv/nyheter/x`` → ``/sv/nyheter/x/``; query string and fragment dropped."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    parts = [part for part in path.strip().split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


# --- keyword pages (a view, not a page: /fi/asiasanat/<slug>/) ---------------------------


def keyword_path(keyword, language):
    with translation.override(language):
        return reverse("news:keyword", args=[keyword.slug])


def _keyword_list(url_name, **extra):
    def resolve(keyword, ctx):
        return ctx.api_url(url_name, keyword=keyword.slug, locale=ctx.language, **extra)

    return resolve


def _keyword_translations(keyword, ctx):
    return [
        {
            "locale": code,
            "id": keyword.pk,
            "url": ctx.absolute(keyword_path(keyword, code)),
            "detail_url": ctx.api_url("resolve", path=keyword_path(keyword, code)),
        }
        for code in LANGUAGES
        if code != ctx.language
    ]


KEYWORD_META = Shape(
    "KeywordMeta",
    [
        Field("type", Literal["news.Keyword"], lambda k, ctx: "news.Keyword"),
        Field("locale", str, lambda k, ctx: ctx.language),
        Field("slug", str, lambda k, ctx: k.slug),
        Field("path", str, lambda k, ctx: keyword_path(k, ctx.language)),
        Field("html_url", str, lambda k, ctx: ctx.absolute(keyword_path(k, ctx.language))),
        Field(
            "detail_url",
            str,
            lambda k, ctx: ctx.api_url("resolve", path=keyword_path(k, ctx.language)),
        ),
    ],
)
KEYWORD_PAGE = Shape(
    "KeywordDetail",
    [
        Field("id", int, lambda k, ctx: k.pk),
        Field("title", str, lambda k, ctx: k.label),
        Field("meta", KEYWORD_META.schema(), KEYWORD_META.dump),
        Field("keyword", nested_schema(Keyword), nested_shape(Keyword).dump),
        Field("translations", list[Translation], _keyword_translations),
        Field("news_url", str, _keyword_list("news_list")),
        Field("events_url", str, _keyword_list("events_list")),
    ],
)


# --- redirects -------------------------------------------------------------------------


@dataclass
class RedirectAnswer:
    old_path: str
    permanent: bool
    location: str
    path: str | None  # the target's public path on this site, if it is here
    page: Page | None  # the target page, if the redirect points at one


def answer_redirect(redirect, old_path, ctx):
    if redirect.redirect_page_id:
        page = visible(Page.objects.filter(pk=redirect.redirect_page_id)).first()
        if page is None:
            raise Http404("Nothing at this path.")  # never reveal where a hidden page is
        location, path = ctx.page_url(page), ctx.page_path(page)
    else:
        page, location = None, ctx.absolute(redirect.link or "")
        local = location.startswith(ctx.base_url + "/")
        path = location[len(ctx.base_url) :] if local else None
    return RedirectAnswer(old_path, redirect.is_permanent, location, path, page)


REDIRECT_META = Shape(
    "RedirectMeta",
    [
        Field(
            "type", Literal["wagtailredirects.Redirect"], lambda a, ctx: "wagtailredirects.Redirect"
        ),
        Field("path", str, lambda a, ctx: a.old_path),
    ],
)
REDIRECT = Shape(
    "RedirectDetail",
    [
        Field("meta", REDIRECT_META.schema(), REDIRECT_META.dump),
        Field("status_code", Literal[301, 302], lambda a, ctx: 301 if a.permanent else 302),
        Field("location", str, lambda a, ctx: a.location),
        Field("path", str | None, lambda a, ctx: a.path),
        Field("page", PageRef | None, lambda a, ctx: a.page and ctx.page_ref(a.page)),
        Field(
            "resolve_url",
            str | None,
            lambda a, ctx: a.path and ctx.api_url("resolve", path=a.path),
        ),
    ],
)


# --- routing ------------------------------------------------------------------------------


def route(path):
    """(language, (kind, value)) of what the site serves at ``path``; kind is "page" (the
    path below the language's home page) or "keyword" (its slug); (language, None) if neither."""
    language = path.split("/")[1]
    if language not in LANGUAGES:
        return None, None
    with translation.override(language):
        try:
            match = resolve_url(path)
        except Resolver404:
            return language, None
    if match.view_name == "news:keyword":
        return language, ("keyword", match.kwargs["slug"])
    if match.view_name == "wagtail_serve":
        return language, ("page", match.args[0] if match.args else "")
    return language, None


def find_page(request, language, below_home):
    """The page at that position in any state (drafts too: a preview may ask), or None."""
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=language).first()
    if site is None or locale is None:
        return None
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return None
    found = Page.objects.filter(url_path=home.url_path + below_home).select_related("locale")
    return found.first()


def find_redirect(request, path):
    site = Site.find_for_request(request)
    redirects = Redirect.get_for_site(site).select_related("redirect_page")
    return redirects.filter(old_path=Redirect.normalise_path(path)).first()


# --- the endpoint ---------------------------------------------------------------------------


def _type_of(value):
    return value["meta"]["type"] if isinstance(value, dict) else value.meta.type


_ANSWERS = [
    *((label, page_type.detail_schema) for label, page_type in PAGE_TYPES.items()),
    ("news.Keyword", KEYWORD_PAGE.schema()),
    ("wagtailredirects.Redirect", REDIRECT.schema()),
]
Resolved = Annotated[
    Union[tuple(Annotated[schema, Tag(label)] for label, schema in _ANSWERS)],  # noqa: UP007
    Discriminator(_type_of),
]


def answer_page(page, ctx, granted, response):
    page_type = PAGE_TYPES.get(page.specific_class._meta.label if page.specific_class else "")
    if page_type is None:
        return None
    preview = granted_draft(granted, page.pk, response)
    if preview is not None:
        page, ctx.preview = preview, True
    elif visible(Page.objects.filter(pk=page.pk)).exists():
        page = page.specific
    else:
        return None
    ctx.pages = [page]
    return page_type.detail(page, ctx)


@router.get(
    "/",
    response={200: Resolved, **problems(401, 404, 422)},
    url_name="resolve",
    operation_id="resolve",
    summary="Resolve a public path",
)
def resolve_path(
    request,
    response: HttpResponse,
    params: ResolveParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    """The page, keyword page or redirect at a public path, typed by `meta.type`."""
    check_query(request, {*ResolveParams.model_fields, *ImageParams.model_fields})
    path = normalise(params.path)
    granted = grant(params.preview_token)
    language, target = route(path)
    ctx = Context(request, renditions=images.specs(), language=language)
    if target and target[0] == "keyword":
        keyword = Keyword.objects.filter(slug=target[1]).first()
        if keyword is not None:
            with translation.override(language):
                return KEYWORD_PAGE.dump(keyword, ctx)
    if target and target[0] == "page":
        page = find_page(request, language, target[1])
        answer = page and answer_page(page, ctx, granted, response)
        if answer:
            return answer
    redirect = find_redirect(request, path)
    if redirect is not None:
        return REDIRECT.dump(answer_redirect(redirect, path, ctx), ctx)
    raise Http404("Nothing at this path.")
