"""The import report: the same in a dry run and a real run, as text or JSON."""

from __future__ import annotations

import json
from collections import Counter, defaultdict


class Report:
    def __init__(self, dry_run):
        self.dry_run = dry_run
        # post type → status → language → count (every item of the export)
        self.counts = defaultdict(lambda: defaultdict(Counter))
        self.outcomes = {}  # post id → (action, detail): every item, nothing left out
        self.actions = Counter()  # created / updated / unchanged / skipped / deleted in Wagtail
        self.terms = {"mapped": Counter(), "unmapped": defaultdict(set)}
        self.converted = {"block": Counter(), "shortcode": Counter()}
        self.unmapped_content = defaultdict(lambda: defaultdict(list))  # kind → name → ids
        self.omitted_content = defaultdict(list)
        self.missing_media = defaultdict(set)  # path/url → post ids
        self.unresolvable_links = defaultdict(set)
        self.media = Counter()
        self.redirects = Counter()
        self.not_imported = Counter()  # comments and the like: counted, not imported
        self.warnings = []

    # -- collected during conversion --------------------------------------------------
    def mapped(self, kind, name):
        self.converted[kind][name] += 1

    def unmapped(self, kind, name, post_id):
        self.unmapped_content[kind][name].append(post_id)

    def omitted(self, name, post_id):
        self.omitted_content[name].append(post_id)

    def outcome(self, item, action, detail=""):
        self.outcomes[item.post_id] = (item.post_type, action, detail)
        self.actions[action] += 1

    # -- output --------------------------------------------------------------------------
    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "counts": {
                post_type: {status: dict(langs) for status, langs in statuses.items()}
                for post_type, statuses in sorted(self.counts.items())
            },
            "actions": dict(self.actions),
            "items": {
                str(post_id): {"type": t, "action": a, "detail": d}
                for post_id, (t, a, d) in sorted(self.outcomes.items())
            },
            "terms": {
                "mapped": dict(self.terms["mapped"]),
                "unmapped": {k: sorted(v) for k, v in sorted(self.terms["unmapped"].items())},
            },
            "converted": {k: dict(v) for k, v in self.converted.items()},
            "unmapped": {
                kind: {name: sorted(set(ids)) for name, ids in names.items()}
                for kind, names in self.unmapped_content.items()
            },
            "unmapped_counts": {
                kind: {name: len(ids) for name, ids in names.items()}
                for kind, names in self.unmapped_content.items()
            },
            "omitted": {name: sorted(set(ids)) for name, ids in self.omitted_content.items()},
            "missing_media": {k: sorted(v) for k, v in sorted(self.missing_media.items())},
            "unresolvable_links": {
                k: sorted(v) for k, v in sorted(self.unresolvable_links.items())
            },
            "media": dict(self.media),
            "redirects": dict(self.redirects),
            "not_imported": dict(self.not_imported),
            "warnings": self.warnings,
        }

    def as_json(self):
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def as_text(self):
        data = self.as_dict()
        head = "KOEAJO / DRY RUN: nothing was saved" if self.dry_run else "TUONTI / IMPORT"
        lines = [head, "", "Items (type / status / language: count)"]
        for post_type, statuses in data["counts"].items():
            for status, langs in statuses.items():
                per_language = ", ".join(f"{lang} {n}" for lang, n in sorted(langs.items()))
                lines.append(f"  {post_type:<14} {status:<10} {per_language}")
        verb = "would be " if self.dry_run else ""
        lines += ["", "Actions"]
        for action, n in sorted(data["actions"].items()):
            lines.append(f"  {verb}{action}: {n}")
        sections = [
            ("Unmapped categories and tags (became keywords)", data["terms"]["unmapped"]),
            (
                "Unmapped shortcodes (text kept as a paragraph)",
                data["unmapped"].get("shortcode", {}),
            ),
            ("Unmapped blocks (text kept as a paragraph)", data["unmapped"].get("block", {})),
            ("Unmapped HTML (text kept as a paragraph)", data["unmapped"].get("html", {})),
            ("Omitted layout elements (nothing to keep)", data["omitted"]),
            ("Missing media (not in the uploads folder)", data["missing_media"]),
            ("Links that cannot be resolved", data["unresolvable_links"]),
        ]
        for title, entries in sections:
            lines += ["", f"{title}: {len(entries)}"]
            for name, ids in entries.items():
                lines.append(f"  {name}  (items {', '.join(str(i) for i in ids)})")
        lines += ["", "Skipped items"]
        for post_id, entry in data["items"].items():
            if entry["action"] in ("skipped", "deleted in Wagtail"):
                lines.append(f"  {post_id} {entry['type']}: {entry['detail']}")
        lines += ["", "Media: " + ", ".join(f"{k} {v}" for k, v in sorted(data["media"].items()))]
        lines += [
            "Redirects: " + ", ".join(f"{k} {v}" for k, v in sorted(data["redirects"].items()))
        ]
        if data["not_imported"]:
            lines.append(
                "Not imported: "
                + ", ".join(f"{k} {v}" for k, v in sorted(data["not_imported"].items()))
            )
        for warning in self.warnings:
            lines.append(f"Warning: {warning}")
        return "\n".join(lines) + "\n"
