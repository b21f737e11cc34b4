"""``manage.py import_wordpress EXPORT.xml [--dry-run] [--uploads DIR] [--mapping FILE]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wpimport.importer import Importer
from wpimport.mapping import Mapping, MappingError
from wpimport.wxr import ExportError


class Command(BaseCommand):
    help = (
        "Tuo WordPress-sivuston vientitiedoston (WXR): uutiset, sivut, tapahtumat, kuvat, "
        "käännösryhmät ja uudelleenohjaukset. Aja ensin --dry-run. / Imports a WordPress "
        "export (WXR); run with --dry-run first."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="WordPressin vientitiedosto (Työkalut → Vie)")
        parser.add_argument(
            "--dry-run", action="store_true", help="raportti ilman tallennusta / report only"
        )
        parser.add_argument(
            "--uploads", help="paikallinen kopio wp-content/uploads-kansiosta / local uploads"
        )
        parser.add_argument("--mapping", help="kategorioiden ja avainsanojen kartoitus (JSON/TOML)")
        parser.add_argument(
            "--csv",
            help="uudelleenohjausten CSV vanhalle palvelimelle (oletus: EXPORT.redirects.csv)",
        )
        parser.add_argument("--json", action="store_true", help="raportti JSON-muodossa")

    def handle(self, *args, **options):
        export = Path(options["export"])
        if not export.is_file():
            raise CommandError(f"Vientitiedostoa ei löydy: {export}")
        uploads = options["uploads"]
        if uploads and not Path(uploads).is_dir():
            raise CommandError(f"Uploads-kansiota ei löydy: {uploads}")
        try:
            mapping = Mapping.load(options["mapping"]) if options["mapping"] else None
        except MappingError as exc:
            raise CommandError(f"Kartoitustiedosto ei kelpaa: {exc}") from exc
        csv_path = options["csv"] or export.with_suffix(".redirects.csv")
        try:
            importer = Importer(
                export,
                uploads=uploads,
                mapping=mapping,
                dry_run=options["dry_run"],
                csv_path=csv_path,
            )
        except ExportError as exc:
            raise CommandError(f"Ei WordPressin vientitiedosto: {exc}") from exc
        report = importer.run()
        self.stdout.write(report.as_json() if options["json"] else report.as_text())
        if not options["dry_run"] and not options["json"]:
            self.stdout.write(f"Uudelleenohjaukset vanhalle palvelimelle: {csv_path}")
