from django.db import models

PUBLISHED = "published"
TOMBSTONES = ("unpublished", "expired", "deleted")
KINDS = [(PUBLISHED, PUBLISHED), *((kind, kind) for kind in TOMBSTONES)]


class PageChange(models.Model):
    """The latest public change of one page, for the change feed (``api.changes``).

    One row per page, rewritten at each change and stamped with the time it
    was recorded: a consumer that reads everything after its last position
    sees each changed page once, in its latest state. Rows for unpublished,
    expired and deleted pages are tombstones, kept for
    ``API_CHANGES_TOMBSTONE_DAYS``. No foreign key: a deleted page keeps its row.
    """

    page_id = models.PositiveIntegerField(unique=True)
    translation_key = models.UUIDField()
    locale = models.CharField(max_length=16)
    page_type = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=KINDS)
    #: the public path when the page was last public (``/fi/uutiset/…/``)
    path = models.CharField(max_length=2048, blank=True)
    first_published_at = models.DateTimeField(null=True)
    changed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["changed_at", "page_id"], name="api_change_position")]

    def __str__(self):
        return f"{self.page_type} {self.page_id} {self.kind} at {self.changed_at}"
