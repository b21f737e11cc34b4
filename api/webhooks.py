"""Publish webhooks: queue on commit, sign, send outside the request, retry with backoff.

``enqueue_*`` only insert ``WebhookDelivery`` rows (called after the
publishing transaction commits), so a slow or dead receiver never slows a
publish. ``send_due`` (``manage.py send_webhooks``, run by the scheduled job)
posts each due delivery: the JSON body exactly as stored, signed with
HMAC-SHA256 under the endpoint's secret as ``X-Kumppanuus-Signature:
sha256=<hex>``. A delivery succeeds on a 2xx answer; otherwise it is tried
again after 1, 2, 4, … minutes (at most ``WEBHOOK_MAX_ATTEMPTS`` times, then
marked failed). Redirects are not followed: a receiver answers where it is
configured. Every attempt's status is kept for the admin's delivery log.
"""

import datetime
import hashlib
import hmac
import json
import urllib.error
import urllib.request
import uuid

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from .context import DETAIL_URL_NAMES
from .models.webhooks import WebhookDelivery, WebhookEndpoint

SIGNATURE_HEADER = "X-Kumppanuus-Signature"
EVENT_HEADER = "X-Kumppanuus-Event"
DELIVERY_HEADER = "X-Kumppanuus-Delivery"
USER_AGENT = "Kumppanuus-Webhooks/1"


def _setting(name, default):
    return getattr(settings, name, default)


def max_attempts():
    return _setting("WEBHOOK_MAX_ATTEMPTS", 8)


def timeout():
    return _setting("WEBHOOK_TIMEOUT", 10)


def backoff(attempts):
    """Seconds before the next try after ``attempts`` failures: 1, 2, 4 … minutes, at most 6 h."""
    return min(60 * 2 ** (attempts - 1), 6 * 60 * 60)


def sign(secret, body):
    digest = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _base_url():
    return (_setting("WAGTAILAPI_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def _absolute(path):
    return _base_url() + path if path else None


def _api_url(page_event):
    if page_event.kind != "published":
        return None
    if page_event.page_type in DETAIL_URL_NAMES:
        name = DETAIL_URL_NAMES[page_event.page_type]
        return _absolute(reverse(f"wagtailapi_v3:{name}", args=[page_event.page_id]))
    if page_event.new_path:
        query = urlencode({"path": page_event.new_path})
        return _absolute(reverse("wagtailapi_v3:resolve")) + f"?{query}"
    return None


def _envelope(event):
    now = timezone.localtime().isoformat()
    return {"event_id": str(uuid.uuid4()), "event": event, "timestamp": now}


def _queue(event, payload):
    endpoints = [e for e in WebhookEndpoint.objects.filter(is_active=True) if e.wants(event)]
    if not endpoints:
        return []
    body = json.dumps(payload, ensure_ascii=False)
    now = timezone.now()
    return WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event=event, body=body, next_attempt_at=now)
        for endpoint in endpoints
    )


def enqueue_page_event(page_event):
    public = page_event.kind == "published"
    payload = {
        **_envelope(page_event.event),
        "page_id": page_event.page_id,
        "type": page_event.page_type,
        "locale": page_event.locale,
        "translation_key": page_event.translation_key,
        # Gone pages: where they were; published or moved ones: where they are (and were).
        "old_path": page_event.old_path if public else page_event.old_path or page_event.new_path,
        "new_path": page_event.new_path if public else None,
        "url": _absolute(page_event.new_path) if public else None,
        "api_url": _api_url(page_event),
    }
    if not public:
        payload["reason"] = page_event.kind
    return _queue(page_event.event, payload)


def enqueue_object_event(event, object_id, label):
    return _queue(event, {**_envelope(event), "object_id": object_id, "type": label})


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is an answer (a failure), not a place to post again


_opener = urllib.request.build_opener(_NoRedirects)


def post(delivery):
    """Send one delivery: (HTTP status or None, error text)."""
    request = urllib.request.Request(  # noqa: S310 (http(s) URLs only: a URLField)
        delivery.endpoint.url,
        data=delivery.body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(delivery.endpoint.secret, delivery.body),
            EVENT_HEADER: delivery.event,
            DELIVERY_HEADER: str(delivery.pk),
        },
    )
    try:
        with _opener.open(request, timeout=timeout()) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:1000]


def attempt(delivery):
    now = timezone.now()
    active = delivery.endpoint.is_active
    status, error = post(delivery) if active else (None, "Endpoint disabled.")
    delivery.attempts += 1
    delivery.response_status = status
    delivery.locked_until = None
    if status is not None and 200 <= status < 300:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.error = ""
    else:
        delivery.error = error or f"HTTP {status}"
        if delivery.attempts >= max_attempts() or not active:
            delivery.status = WebhookDelivery.Status.FAILED
        else:
            delivery.next_attempt_at = now + datetime.timedelta(seconds=backoff(delivery.attempts))
    delivery.save()
    return delivery


def _unclaimed(now):
    return Q(locked_until__isnull=True) | Q(locked_until__lt=now)


def claim(pk, now):
    """Take one delivery for this sender, so that two senders never post it twice."""
    lease = now + datetime.timedelta(seconds=timeout() * 3)
    pending = WebhookDelivery.objects.filter(pk=pk, status=WebhookDelivery.Status.PENDING)
    return pending.filter(_unclaimed(now)).update(locked_until=lease) == 1


def prune(now):
    keep = datetime.timedelta(days=_setting("WEBHOOK_LOG_DAYS", 30))
    WebhookDelivery.objects.exclude(status=WebhookDelivery.Status.PENDING).filter(
        created_at__lt=now - keep
    ).delete()


def send_due(limit=100):
    """Post every delivery that is due (up to ``limit``); returns the deliveries tried."""
    now = timezone.now()
    due = (
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING)
        .filter(_unclaimed(now), next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    tried = []
    for pk in list(due):
        if claim(pk, now):
            tried.append(attempt(WebhookDelivery.objects.select_related("endpoint").get(pk=pk)))
    prune(now)
    return tried
