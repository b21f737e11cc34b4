"""Admin furniture of the editorial app: Finnish date entry, its styles, and the
Finnish wording of Wagtail's own strings (editorial/wagtail_strings.py).

- ``editorial/static/editorial/datetime.js`` (every admin page): what an editor
  types into a date or time field is never replaced by the picker; the time list
  has quarter hours.
- ``editorial/templates/wagtailadmin/widgets/datetime_input.html``: "Suomen aikaa"
  beside every datetime field (the admin works in Europe/Helsinki time).
- The formats themselves are settings (``WAGTAIL_DATETIME_FORMAT`` …) and
  ``editorial/formats/`` (the input formats of each admin language).
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def finnish_date_entry():
    return format_html('<script src="{}"></script>', static("editorial/datetime.js"))


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))
