"""Moderation: nothing unreviewed reaches a citizen, and no one person writes, reviews and signs off alone.

Page types plug in; moderation never imports them. A page type is moderated when it has
``is_disclosure_page`` (``DisclosurePageMixin`` sets it) and may declare, see that mixin:
``organisation_field``, ``non_content_fields`` and ``publication_refusal()``.

* The invariant: ``guard`` (every save), ``publication`` and ``passes`` (what the database
  triggers of migration 0007 let through), ``fingerprint`` (what a review covers),
  ``workflow`` (every workflow has the review step), ``scheduling`` (``publish_scheduled``).
* Reviews: ``models`` (the immutable records), ``tasks`` (保密审查 and 审核签发), ``review``,
  ``forms``, ``checklist``, ``exemptions``, ``prescreen/`` (warnings), ``diff``, ``review_modal``,
  ``history``, ``panels`` (the queue), ``admin_views`` (the report).
* People: ``four_eyes`` and ``authorship``, ``grants``, ``roles``, ``actor``, ``audit``.
* Files: ``files``, ``published_files``, ``file_changes``.
* Wiring: ``receivers`` (from ``AppConfig.ready``), ``wagtail_hooks`` and ``people_hooks``,
  ``middleware``.
"""
