from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content of the reference site (`make run`); not part of the wheel."""

    name = "demo"
    verbose_name = "Demo"
    default_auto_field = "django.db.models.BigAutoField"
