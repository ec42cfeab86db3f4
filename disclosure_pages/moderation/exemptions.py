"""The Regulation's exemption grounds (不予公开依据), carried in taxonomy/standard_terms.json."""

from __future__ import annotations

import json
from functools import cache

from django.utils.translation import gettext_lazy as _

from ..taxonomy.standard_terms import STANDARD_TERMS_FILE

# Labels repeated here so that gettext can translate them.
LABELS = {
    "state_secret": _("属于国家秘密"),
    "prohibited_by_law": _("其他法律行政法规禁止公开"),
    "three_securities_one_stability": _("危及“三安全一稳定”（国家安全、公共安全、经济安全、社会稳定）"),
    "third_party_rights": _("保护第三方合法权益（商业秘密、个人隐私等）"),
    "internal_affairs": _("属于三类内部事务信息（人事管理、后勤管理、内部工作流程）"),
    "process_information": _("属于四类过程性信息（讨论记录、过程稿、磋商信函、请示报告）"),
    "enforcement_files": _("属于行政执法案卷"),
    "administrative_inquiry": _("属于行政查询事项"),
}


@cache
def exemption_grounds() -> list[dict]:
    data = json.loads(STANDARD_TERMS_FILE.read_text("utf-8"))["exemption_grounds_不予公开依据"]
    return [g for g in data if g["key"] in LABELS]


def exemption_choices() -> list[tuple[str, str]]:
    choices = []
    for ground in exemption_grounds():
        article = ground["article"] if ground["article"].startswith("第") else ""
        label = f"{LABELS[ground['key']]}（{article}）" if article else str(LABELS[ground["key"]])
        choices.append((ground["key"], label))
    return choices
