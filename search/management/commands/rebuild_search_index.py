from django.core.management.base import BaseCommand

from search.index import process_pending, rebuild


class Command(BaseCommand):
    help = "Index every live page for the site search (or only retry queued failures)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending", action="store_true", help="Only retry pages whose indexing failed."
        )

    def handle(self, *args, pending=False, **options):
        if pending:
            done, failed = process_pending()
            self.stdout.write(f"Retried: {done} indexed, {failed} still failing.")
            return
        count = rebuild()
        done, failed = process_pending()
        self.stdout.write(f"Indexed {count} pages ({failed} failed, queued for retry).")
