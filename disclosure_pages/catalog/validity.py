"""有效性 of a catalog entry: its own module, so the listing's filters need not import the models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Validity(models.TextChoices):
    IN_FORCE = "in_force", _("现行有效")
    AMENDED = "amended", _("已修改")
    REPEALED = "repealed", _("已废止")
    EXPIRED = "expired", _("已失效")
    NOT_YET = "not_yet", _("尚未生效")
