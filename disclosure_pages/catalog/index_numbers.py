"""索引号 allocation: organisation code, year and a per-organisation, per-year sequence.

Numbers are handed out when an entry is first published, from a counter row per
(organisation, year) that is incremented inside the caller's transaction. The
increment is a single ``UPDATE … SET last_value = last_value + 1``: PostgreSQL
holds the row lock until commit and SQLite (IMMEDIATE transactions) holds the
database write lock, so two entries published at the same moment queue on that
row and never read the same value. A unique constraint on the entry's number is
the last line of defence; numbers are never reused, so a failed publish leaves a gap.
"""

from __future__ import annotations

import datetime
import string

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting

PLACEHOLDERS = {"org_code", "year", "month", "seq"}


class IndexNumberSequence(models.Model):
    organisation = models.ForeignKey(
        "disclosure_pages.Organisation", on_delete=models.PROTECT, verbose_name=_("发布机构")
    )
    year = models.PositiveIntegerField(_("年份"))
    last_value = models.PositiveIntegerField(_("已用流水号"), default=0)

    class Meta:
        verbose_name = _("索引号流水号")
        verbose_name_plural = _("索引号流水号")
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="unique_sequence_per_org_year")]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_value}"


def validate_index_number_format(value: str) -> None:
    """Refuse formats that could not produce a distinct number per entry."""
    if not value:
        return
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        raise ValidationError(_("索引号格式有误：%(error)s"), params={"error": exc}) from exc
    unknown = fields - PLACEHOLDERS
    if unknown:
        raise ValidationError(
            _("未知占位符：%(names)s。可用：{org_code} {year} {month} {seq}"),
            params={"names": ", ".join(sorted(unknown))},
        )
    if "seq" not in fields:
        raise ValidationError(_("索引号格式必须包含流水号 {seq}。"))
    try:
        render_index_number(value, org_code="000000000", date=datetime.date(2024, 1, 1), seq=1)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(_("索引号格式有误：%(error)s"), params={"error": exc}) from exc


def render_index_number(fmt: str, *, org_code: str, date: datetime.date, seq: int) -> str:
    return fmt.format(org_code=org_code, year=date.year, month=f"{date.month:02d}", seq=seq)


def next_sequence_value(organisation_id: int, year: int) -> int:
    """Increment and return the counter for (organisation, year); call inside a transaction."""
    with transaction.atomic():
        updated = IndexNumberSequence.objects.filter(organisation_id=organisation_id, year=year).update(
            last_value=F("last_value") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    IndexNumberSequence.objects.create(organisation_id=organisation_id, year=year, last_value=1)
                return 1
            except IntegrityError:
                # Somebody created the row between our UPDATE and INSERT: take the next value.
                IndexNumberSequence.objects.filter(organisation_id=organisation_id, year=year).update(
                    last_value=F("last_value") + 1
                )
        return IndexNumberSequence.objects.values_list("last_value", flat=True).get(
            organisation_id=organisation_id, year=year
        )


def index_number_format_for(site) -> str:
    # The site settings validate formats with this module: read them through the registry.
    DisclosureSettings = apps.get_model("disclosure_pages", "DisclosureSettings")
    if site is not None:
        fmt = DisclosureSettings.for_site(site).index_number_format
        if fmt:
            return fmt
    return get_setting("DISCLOSURE_INDEX_NUMBER_FORMAT")


def allocate_index_number(entry) -> str:
    """A fresh 索引号 for ``entry`` (a catalog entry with a publisher and a publish date)."""
    model = type(entry)
    organisation = entry.publisher
    date = entry.publish_date or datetime.date.today()
    fmt = index_number_format_for(entry.get_site() if entry.url_path else None)
    org_code = organisation.index_code
    for _attempt in range(1000):
        seq = next_sequence_value(organisation.pk, date.year)
        number = render_index_number(fmt, org_code=org_code, date=date, seq=seq)
        # A webmaster may have changed the format so that it repeats an older number:
        # skip forward rather than reuse one.
        if not model.objects.filter(index_number=number).exists():
            return number
    raise RuntimeError(f"No free index number for {org_code} in {date.year}")
