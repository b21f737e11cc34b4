"""Manage webhook endpoints from scripts: ``webhooks add URL --secret S``, ``list``, ``remove``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from api.models.webhooks import EVENT_NAMES, WebhookEndpoint


class Command(BaseCommand):
    help = "Add, list or remove webhook endpoints (also managed in the admin: Settings → Webhooks)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Add an endpoint.")
        add.add_argument("url")
        add.add_argument("--secret", help="Signing secret (default: a new random one, printed).")
        add.add_argument(
            "--events",
            default=",".join(EVENT_NAMES),
            help=f"Comma-separated events (default: all): {', '.join(EVENT_NAMES)}.",
        )
        add.add_argument("--description", default="")
        actions.add_parser("list", help="List endpoints.")
        remove = actions.add_parser("remove", help="Remove an endpoint by id or URL.")
        remove.add_argument("endpoint", help="Its id or URL.")

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")(**options)

    def do_add(self, url, secret, events, description, **options):
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise CommandError(f"Not an http(s) URL: {url}") from error
        chosen = [event.strip() for event in events.split(",") if event.strip()]
        unknown = sorted(set(chosen) - set(EVENT_NAMES))
        if unknown:
            raise CommandError(f"Unknown events: {', '.join(unknown)}")
        endpoint = WebhookEndpoint(url=url, events=chosen, description=description)
        if secret:
            endpoint.secret = secret
        endpoint.save()
        self.stdout.write(f"Added webhook {endpoint.pk}: {url} ({', '.join(chosen)})")
        if not secret:
            self.stdout.write(f"Secret: {endpoint.secret}")

    def do_list(self, **options):
        for endpoint in WebhookEndpoint.objects.order_by("pk"):
            state = "on" if endpoint.is_active else "off"
            self.stdout.write(
                f"{endpoint.pk}\t{state}\t{endpoint.url}\t{','.join(endpoint.events)}"
            )

    def do_remove(self, endpoint, **options):
        found = WebhookEndpoint.objects.filter(url=endpoint)
        if endpoint.isdigit():
            found = found | WebhookEndpoint.objects.filter(pk=int(endpoint))
        count = found.count()
        if not count:
            raise CommandError(f"No webhook {endpoint}")
        found.delete()
        self.stdout.write(f"Removed {count} webhook(s).")
