from django.core.management.base import BaseCommand

from editorial.setup import setup_editorial


class Command(BaseCommand):
    help = (
        "Creates the fi/sv/en locales, the editorial groups (Toimittajat, Julkaisijat, "
        "Kääntäjät, Aluetoimittajat – <alue>) with their permissions and the approval "
        "workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        setup = setup_editorial()
        if setup.created:
            self.stdout.write("Created: " + ", ".join(setup.created))
        self.stdout.write(self.style.SUCCESS("Editorial groups and workflow ready."))
