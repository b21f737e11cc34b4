"""Images and documents for every editorial group (issue 11).

Wagtail checks image and document rights per collection (GroupCollectionPermission);
``setup_editorial`` grants them on the root collection. The test goes through the
admin's own image chooser as each role: the upload tab is there, an upload is
chosen at once, and the image listing answers.
"""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy

from editorial.setup import WAGTAIL_DEFAULT_GROUPS, setup_editorial

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}
UPLOADERS = ["toimittaja", "julkaisija", "aluetoimittaja"]


def _user(username):
    return get_user_model().objects.get(username=username)


def png(colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return SimpleUploadedFile("kuva.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("username", UPLOADERS)
def test_uploaders_can_add_and_choose_images_and_documents(username):
    user = _user(username)
    for policy in (image_policy, document_policy):
        assert policy.user_has_permission(user, "add"), (username, policy)
        assert policy.user_has_permission(user, "choose"), (username, policy)


def test_translators_choose_but_do_not_upload():
    user = _user("kaantaja")
    assert image_policy.user_has_permission(user, "choose")
    assert not image_policy.user_has_permission(user, "add")
    assert not document_policy.user_has_permission(user, "add")


def test_only_publishers_delete_other_peoples_files():
    image = get_image_model().objects.create(
        title="Jonkun muun kuva", file=png(), uploaded_by_user=_user("aluetoimittaja")
    )
    assert image_policy.user_has_permission_for_instance(_user("julkaisija"), "delete", image)
    assert not image_policy.user_has_permission_for_instance(_user("toimittaja"), "delete", image)
    # Publishers may fix anyone's image; an editor their own uploads.
    assert image_policy.user_has_permission_for_instance(_user("julkaisija"), "change", image)
    assert not image_policy.user_has_permission_for_instance(_user("toimittaja"), "change", image)
    own = get_image_model().objects.create(
        title="Oma kuva", file=png(), uploaded_by_user=_user("aluetoimittaja")
    )
    assert image_policy.user_has_permission_for_instance(_user("aluetoimittaja"), "delete", own)


def test_wagtails_default_groups_are_gone_and_setup_is_idempotent():
    setup_editorial()
    setup_editorial()
    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()


@pytest.mark.parametrize("username", UPLOADERS)
def test_editor_uploads_in_the_image_chooser_and_the_image_is_chosen(client, username):
    client.force_login(_user(username))
    chooser = client.get(reverse("wagtailimages_chooser:choose"), **HOST)
    assert chooser.status_code == 200
    html = json.loads(chooser.content)["html"]
    assert 'id="tab-label-upload"' in html or 'href="#tab-upload"' in html, html[:1500]

    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": f"Kuva {username}", "image-chooser-upload-file": png()},
        **HOST,
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["step"] == "chosen", data
    image = get_image_model().objects.get(pk=data["result"]["id"])
    assert image.title == f"Kuva {username}"
    assert image.uploaded_by_user == _user(username)
    assert client.get(reverse("wagtailimages:index"), **HOST).status_code == 200


def test_editor_uploads_a_document_in_the_chooser(client):
    client.force_login(_user("toimittaja"))
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Esityslista",
            "document-chooser-upload-file": SimpleUploadedFile(
                "esityslista.txt", b"Esityslista", content_type="text/plain"
            ),
        },
        **HOST,
    )
    data = json.loads(response.content)
    assert data["step"] == "chosen", data
    assert get_document_model().objects.filter(title="Esityslista").exists()
