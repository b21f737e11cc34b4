"""The API app's own tables: headless settings, the change feed and publish webhooks."""

from .changes import PageChange
from .settings import HeadlessSettings
from .webhooks import WebhookDelivery, WebhookEndpoint

__all__ = ["HeadlessSettings", "PageChange", "WebhookDelivery", "WebhookEndpoint"]
