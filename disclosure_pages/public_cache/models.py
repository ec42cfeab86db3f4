from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row: how many changes citizens could see the database has taken (see the package's docstring).

    Copies are keyed by ``token``, a random value drawn anew at each change, not by the count:
    a database restored from a backup, or made again from scratch, counts the same numbers
    again, and a shared cache still holds copies made under them.
    """

    value = models.BigIntegerField(_("内容版本"), default=0)
    token = models.CharField(_("版本标识"), max_length=32, default="")

    class Meta:
        db_table = "disclosure_pages_public_cache_generation"
        verbose_name = _("公开内容版本")
        verbose_name_plural = _("公开内容版本")
