"""The mapping file: what each WordPress category and tag becomes.

JSON or TOML (by the file's suffix)::

    [categories]
    uutiset = "ignore"                 # nothing (the posts are news anyway)
    kainuu = { region = "kainuu" }     # the region (its code)
    sote = { keyword = "Sote-uudistus" }

    [tags]
    jarjestot = "keyword"              # a keyword with the tag's own name

A term not in the file becomes a keyword with its own name and is listed as
unmapped in the report. ``default = "ignore"`` at the top level changes that.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

SECTIONS = {"category": "categories", "post_tag": "tags", "tribe_events_cat": "event_categories"}


class MappingError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    kind: str  # keyword, region, ignore
    value: str = ""


class Mapping:
    def __init__(self, data=None):
        data = data or {}
        if not isinstance(data, dict):
            raise MappingError("the mapping must be an object / table")
        self.default = data.get("default", "keyword")
        if self.default not in ("keyword", "ignore"):
            raise MappingError('"default" must be "keyword" or "ignore"')
        self.sections = {}
        for taxonomy, section in SECTIONS.items():
            entries = data.get(section, {})
            if not isinstance(entries, dict):
                raise MappingError(f'"{section}" must be an object / table')
            self.sections[taxonomy] = {
                str(slug): self._target(section, slug, v) for slug, v in entries.items()
            }

    @staticmethod
    def _target(section, slug, value):
        if value is None or value in ("ignore", "none", ""):
            return Target("ignore")
        if value == "keyword":
            return Target("keyword")
        if isinstance(value, dict) and len(value) == 1:
            ((kind, target),) = value.items()
            if kind in ("keyword", "region") and isinstance(target, str) and target.strip():
                return Target(kind, target.strip())
        raise MappingError(
            f'{section}.{slug}: use "keyword", "ignore", {{keyword = "…"}} or {{region = "code"}}'
        )

    @classmethod
    def load(cls, path):
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise MappingError(f"cannot read {path}: {exc}") from exc
        try:
            data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
        except (ValueError, tomllib.TOMLDecodeError) as exc:
            raise MappingError(f"{path}: {exc}") from exc
        return cls(data)

    def target(self, term):
        """(Target, mapped?) for a category, tag or event category."""
        found = self.sections.get(term.taxonomy, {}).get(term.slug)
        if found is not None:
            if found.kind == "keyword" and not found.value:
                return Target("keyword", term.name), True
            return found, True
        if self.default == "ignore":
            return Target("ignore"), False
        return Target("keyword", term.name), False
