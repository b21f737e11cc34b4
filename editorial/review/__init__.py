"""Review feedback: what a publisher's "Pyydä muutoksia" leaves for the editor.

- ``feedback.py``: the change request of an object (who asked, when, the comment),
  shown as a message on its edit page and in the submitter's dashboard panel.
- ``compare.py``: "Vertaa edelliseen versioon" for a never-published page compares
  with the previous version that differs, or with an empty page for a first version.
- ``hooks.py``: the admin hooks (imported by editorial/wagtail_hooks.py).

The workflow e-mails are templates in editorial/templates/wagtailadmin/notifications/.
"""
