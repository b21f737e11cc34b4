"""Local development: `make run` uses these."""

from .base import *

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
