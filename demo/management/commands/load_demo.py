from django.conf import settings
from django.core.management.base import BaseCommand

from demo.loader import DEMO_ADMIN, DemoLoader


class Command(BaseCommand):
    help = "Loads the demo content (regions, the seed news and the tour event) and demo users."

    def handle(self, *args, **options):
        loader = DemoLoader(stdout=self.stdout)
        loader.run()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({loader.created} objects created).")
        )
        username, password = DEMO_ADMIN
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write(f"Admin: {admin_url}  user: {username}  password: {password}")
        for username, password, role in loader.demo_users:
            self.stdout.write(f"  user: {username}  password: {password}  ({role})")
