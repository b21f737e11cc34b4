"""StreamField blocks shared by articles, events and region pages."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from kumppanuus.formatting import format_date
from kumppanuus.safe_links import neutralise_links, safe_url


class SafeURLStructBlock(blocks.StructBlock):
    """A block with a ``url``: in the API, a code-running link comes out empty
    (``kumppanuus.safe_links``; the templates use the ``safe_url`` filter)."""

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context=context)
        if data.get("url"):
            data["url"] = safe_url(data["url"])
        return data


def _empty_is_empty_comparison():
    """Wagtail's text comparison, with a missing value shown as nothing (not "None")."""
    from wagtail.admin.compare import CharBlockComparison

    class EmptyIsEmptyComparison(CharBlockComparison):
        def htmldiff(self):
            self.val_a = "" if self.val_a is None else self.val_a
            self.val_b = "" if self.val_b is None else self.val_b
            return super().htmldiff()

        def htmlvalue(self, val):
            return super().htmlvalue("" if val is None else val)

    return EmptyIsEmptyComparison


class OptionalCharBlock(blocks.CharBlock):
    """A text that may be left empty (or be missing from an older revision): the
    admin's revision comparison shows it as nothing, where Wagtail shows "None".
    Migrations keep naming Wagtail's CharBlock: the stored value is the same."""

    canonical_module_path = "wagtail.blocks.CharBlock"

    def get_comparison_class(self):
        return _empty_is_empty_comparison()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("otsikko"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("taso"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Väliotsikko")
        template = "kumppanuus/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("lainaus"))
    attribution = OptionalCharBlock(label=_("lähde"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Lainaus")
        template = "kumppanuus/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("kuva"))
    caption = OptionalCharBlock(label=_("kuvateksti"), required=False, max_length=300)
    alt_text = OptionalCharBlock(
        label=_("vaihtoehtoinen teksti"),
        required=False,
        max_length=300,
        help_text=_("Kuvaus ruudunlukijalle; jätä tyhjäksi, jos kuva on koriste."),
    )

    class Meta:
        icon = "image"
        label = _("Kuva")
        template = "kumppanuus/blocks/image.html"


class AvailabilityStructValue(blocks.StructValue):
    def is_available(self, today=None):
        """False once the "available until" date has passed (Europe/Helsinki)."""
        until = self.get("available_until")
        if not until:
            return True
        today = today or timezone.localdate()
        return today <= until


class OptionalDateBlock(blocks.DateBlock):
    """A date that may be left empty. The admin's revision comparison shows an empty
    date as nothing (Wagtail shows "None") and a date the Finnish way (20.1.2027).
    Migrations keep naming Wagtail's DateBlock: the stored value is the same."""

    canonical_module_path = "wagtail.blocks.DateBlock"

    def render_basic(self, value, context=None):
        return "" if value is None else format_date(value)


class VideoBlock(SafeURLStructBlock):
    """A video or recording that may only be shown until a given date.

    A plain URL rather than Wagtail's EmbedBlock: oEmbed look-ups go out to the
    provider at save time, which fails on closed networks and for the
    NGO-hosted streaming services our users often link to.
    """

    title = blocks.CharBlock(label=_("otsikko"), max_length=200)
    url = blocks.URLBlock(label=_("osoite"))
    available_until = OptionalDateBlock(
        label=_("katsottavissa asti"),
        required=False,
        help_text=_("Päivän jälkeen sivulla näytetään ilmoitus upotuksen sijaan."),
    )

    class Meta:
        icon = "media"
        label = _("Video tai tallenne")
        template = "kumppanuus/blocks/video.html"
        value_class = AvailabilityStructValue


class AttachmentBlock(SafeURLStructBlock):
    """A slide deck, memo or other material: an uploaded document or a link."""

    title = blocks.CharBlock(label=_("otsikko"), max_length=300)
    document = DocumentChooserBlock(label=_("tiedosto"), required=False)
    url = blocks.URLBlock(label=_("tai linkki"), required=False)
    description = OptionalCharBlock(label=_("kuvaus"), required=False, max_length=300)
    available_until = OptionalDateBlock(label=_("saatavilla asti"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Liite tai materiaali")
        template = "kumppanuus/blocks/attachment.html"
        value_class = AvailabilityStructValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("document") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Valitse tiedosto tai anna linkki."))}
            )
        return value


class LinkBlock(SafeURLStructBlock):
    title = blocks.CharBlock(label=_("linkin teksti"), max_length=300)
    url = blocks.URLBlock(label=_("osoite"))

    class Meta:
        icon = "link"
        label = _("Linkki")


class ReadMoreBlock(blocks.StructBlock):
    heading = OptionalCharBlock(
        label=_("otsikko"), required=False, max_length=200, default="Lue lisää"
    )
    links = blocks.ListBlock(LinkBlock(), label=_("linkit"))

    class Meta:
        icon = "list-ul"
        label = _("Lue lisää -linkit")
        template = "kumppanuus/blocks/read_more.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Kappale"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="kumppanuus/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    attachment = AttachmentBlock()
    read_more = ReadMoreBlock()

    def get_api_representation(self, value, context=None):
        """Wagtail's representation, with rich text links neutralised first, so
        that every output format (``rich_text_format``) is made from safe markup."""
        return [
            {
                "type": child.block.name,
                "value": child.block.get_api_representation(self._safe(child), context=context),
                "id": child.id,
            }
            for child in value or []
        ]

    @staticmethod
    def _safe(child):
        if isinstance(child.block, blocks.RichTextBlock) and child.value is not None:
            return RichText(neutralise_links(child.value.source))
        return child.value
