"""Images for frontends: alt text, original size, focal point and a choice of renditions.

A consumer picks renditions with ``?renditions=`` from a fixed vocabulary
(named crops, or widths such as ``w640``) and ``?image_format=webp``; a fixed
vocabulary keeps the number of files the server may be asked to generate
bounded. Without a choice the three default sizes are served.
"""

from typing import Literal

from ninja import Field, Schema
from pydantic import field_validator
from wagtail.images.models import SourceImageIOError

#: Named renditions (name → Wagtail filter spec).
PRESETS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
    "square": "fill-600x600",
    "og": "fill-1200x630",
}
#: Widths a consumer may ask for as ``w<width>`` (srcset candidates).
WIDTHS = (160, 320, 480, 640, 800, 1024, 1280, 1600, 1920)
VOCABULARY = {**PRESETS, **{f"w{width}": f"width-{width}" for width in WIDTHS}}
DEFAULT_NAMES = ("thumbnail", "medium", "large")
DEFAULT_RENDITIONS = tuple((name, PRESETS[name]) for name in DEFAULT_NAMES)


class ImageParams(Schema):
    renditions: list[str] = Field(
        [],
        description="Image renditions to include (repeat or comma-separate): "
        + ", ".join(PRESETS)
        + ", or a width "
        + ", ".join(f"w{w}" for w in WIDTHS)
        + ". Default: thumbnail, medium, large.",
    )
    image_format: Literal["original", "webp"] = Field(
        "original", description="`webp` converts every rendition to WebP."
    )

    @field_validator("renditions")
    @classmethod
    def known_names(cls, values):
        names = [part.strip() for value in values for part in value.split(",") if part.strip()]
        unknown = [name for name in names if name not in VOCABULARY]
        if unknown:
            raise ValueError(f"Unknown rendition: {', '.join(unknown)}.")
        return list(dict.fromkeys(names))

    def specs(self):
        """(name, filter spec) pairs, in the order asked for."""
        names = self.renditions or DEFAULT_NAMES
        suffix = "|format-webp" if self.image_format == "webp" else ""
        return tuple((name, VOCABULARY[name] + suffix) for name in names)


def focal_point(image):
    if not image.has_focal_point():
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width,
        "height": image.focal_point_height,
    }


def rendition(image, spec):
    try:
        found = image.get_rendition(spec)
    except (SourceImageIOError, OSError):
        return None  # the original file is missing: leave this size out, not the response
    return {"url": found.full_url, "width": found.width, "height": found.height}


def serialize_image(image, renditions, alt=None):
    """An image with its original size, alt text, focal point and the chosen renditions."""
    if image is None:
        return None
    built = {name: rendition(image, spec) for name, spec in renditions}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt if alt is not None else image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "focal_point": focal_point(image),
        "renditions": {name: value for name, value in built.items() if value},
    }
