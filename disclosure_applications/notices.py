"""The reply notice (告知书) drafted for each outcome; the handler edits the draft before review.

The draft names the application, the ground with its article of the Regulation, and the
applicant's remedies. It addresses the applicant by the masked name: the reviewers who
read it are not handlers of the body and do not see personal data.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from disclosure_pages.templatetags.disclosure_tags import cn_date

from .choices import Outcome
from .models import Application

#: The sentence of each outcome group; ``reason`` is the outcome's ground, ``article`` its basis.
_BODIES = {
    "disclosed": gettext_noop(
        "经审查，您申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》%(article)s的规定，现予以公开，相关信息见所附文件。"
    ),
    "partly": gettext_noop(
        "经审查，您申请获取的政府信息中含有不应当公开的内容，根据《中华人民共和国政府信息公开条例》%(article)s的规定，本机关对能够作区分处理的部分予以提供，见所附文件。不予公开的部分及理由：〔请写明〕。"
    ),
    "withheld": gettext_noop(
        "经审查，您申请获取的政府信息%(reason)s，根据《中华人民共和国政府信息公开条例》%(article)s的规定，不予公开。"
    ),
    "unable": gettext_noop(
        "经查，%(reason)s，根据《中华人民共和国政府信息公开条例》%(article)s的规定，本机关无法提供。"
    ),
    "declined": gettext_noop(
        "经审查，您的申请属于%(reason)s的情形，根据《中华人民共和国政府信息公开条例》%(article)s的规定，本机关不予处理。"
    ),
    "other": gettext_noop(
        "您的申请%(reason)s，根据《中华人民共和国政府信息公开条例》%(article)s的规定，本机关不再处理。"
    ),
}


def _group(outcome: Outcome) -> str:
    return outcome.value.rsplit("_", 1)[0] if "_" in outcome.value else outcome.value


def _reason(outcome: Outcome) -> str:
    label = str(outcome.label)
    return label.split("：", 1)[1] if "：" in label else label


def draft_notice(application: Application, outcome: str, today: datetime.date) -> str:
    """The notice for ``outcome``, to be edited by the handler."""
    outcome = Outcome(outcome)
    description = application.description.strip().replace("\n", " ")
    if len(description) > 120:
        description = description[:120] + "……"
    body = _(_BODIES[_group(outcome)]) % {"reason": _reason(outcome), "article": outcome.article}
    opening = _(
        "本机关于%(received)s收到您提出的政府信息公开申请（受理编号：%(number)s），申请获取“%(description)s”。"
    ) % {
        "received": cn_date(application.received_on),
        "number": application.number,
        "description": description,
    }
    remedy = _(
        "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。"
    )
    return "\n\n".join(
        [
            f"{application.masked_name}：",
            f"　　{opening}{body}",
            f"　　{remedy}",
            f"{application.organisation.name}\n{cn_date(today)}",
        ]
    )
