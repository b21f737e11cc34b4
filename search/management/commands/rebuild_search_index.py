import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search.index import process_pending, rebuild
from search.rebuild import RebuildRunning


class Command(BaseCommand):
    help = "Index every live page for the site search (or only retry queued failures)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending", action="store_true", help="Only retry pages whose indexing failed."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar (logs, cron)."
        )

    def handle(self, *args, pending=False, no_progress=False, **options):
        if pending:
            done, failed = process_pending()
            self.stdout.write(f"Retried: {done} indexed, {failed} still failing.")
            return
        start = time.monotonic()
        show = not no_progress and options.get("verbosity", 1) >= 1
        timings = {}
        try:
            count = rebuild(progress=self.progress(start) if show else None, timings=timings)
        except RebuildRunning as exc:
            raise CommandError(str(exc)) from exc
        if show:
            self.stdout.write("")
        done, failed = process_pending()
        seconds = time.monotonic() - start
        self.stdout.write(
            f"Indexed {count} pages in {seconds:.1f} s ({failed} failed, queued for retry)."
        )
        if timings:  # the phases of a full rebuild on PostgreSQL (search.rebuild)
            phases = ", ".join(
                f"{name} {value:.1f} s" for name, value in timings.items() if name != "total"
            )
            self.stdout.write(f"Phases: {phases}.")

    def progress(self, start):
        interactive = getattr(self.stdout, "isatty", lambda: False)() or sys.stdout.isatty()

        def report(done, total):
            total = max(total, done, 1)
            width = 30
            filled = int(width * done / total)
            rate = done / max(time.monotonic() - start, 1e-6)
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} pages, {rate:.0f}/s"
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            else:
                self.stdout.write(line)

        return report
