"""Send the queued webhook deliveries that are due (run it beside ``publish_scheduled``)."""

import time

from django.core.management.base import BaseCommand

from api.webhooks import send_due


class Command(BaseCommand):
    help = "Send due webhook deliveries once, or keep sending with --loop SECONDS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            type=float,
            metavar="SECONDS",
            help="Keep running, looking for due deliveries every SECONDS (a worker process).",
        )

    def handle(self, *args, loop=None, **options):
        while True:
            for delivery in send_due():
                self.stdout.write(
                    f"{delivery.status} {delivery.event} → {delivery.endpoint.url} "
                    f"({delivery.response_status or delivery.error})"
                )
            if not loop:
                return
            time.sleep(loop)
