"""The register's vocabularies. Applicant types and outcomes are the columns and rows of
table 三 of the annual report (2021 format), so that statistics are a count, not a mapping."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantType(models.TextChoices):
    """API values; ``column`` gives the table 三 column (disclosure_pages.annual_report.format)."""

    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICES = "legal_services", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他")

    @property
    def column(self) -> str:
        return TABLE3_COLUMN[self]

    @property
    def is_person(self) -> bool:
        return self is ApplicantType.NATURAL_PERSON


TABLE3_COLUMN = {
    ApplicantType.NATURAL_PERSON: "natural",
    ApplicantType.COMMERCIAL: "business",
    ApplicantType.RESEARCH: "research",
    ApplicantType.PUBLIC_INTEREST: "nonprofit",
    ApplicantType.LEGAL_SERVICES: "legal",
    ApplicantType.OTHER_ORG: "other",
}


class IdType(models.TextChoices):
    ID_CARD = "id_card", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    OTHER = "other", _("其他身份证明")


class Delivery(models.TextChoices):
    PAPER = "paper", _("纸质")
    EMAIL = "email", _("电子邮件")
    DISC = "disc", _("光盘")
    POST = "post", _("邮寄")
    PICKUP = "pickup", _("自行领取")
    ONLINE = "online", _("在线查看")


class Channel(models.TextChoices):
    """How the application arrived (第三十一条 fixes the date of receipt per channel)."""

    ONLINE = "online", _("网上申请")
    LETTER = "letter", _("信函")
    FAX = "fax", _("传真")
    IN_PERSON = "in_person", _("当面提交")
    EMAIL = "email", _("电子邮件")


class Status(models.TextChoices):
    RECEIVED = "received", _("办理中")
    CORRECTION = "correction", _("待补正")
    CONSULTING = "consulting", _("征求意见中")
    EXTENDED = "extended", _("已延期")
    REPLY_IN_REVIEW = "reply_in_review", _("答复审查中")
    ANSWERED = "answered", _("已答复")
    WITHDRAWN = "withdrawn", _("已撤回")
    LAPSED = "lapsed", _("逾期未补正，不再处理")

    @property
    def is_open(self) -> bool:
        return self not in CLOSED


CLOSED = frozenset({Status.ANSWERED, Status.WITHDRAWN, Status.LAPSED})


class Outcome(models.TextChoices):
    """Values are table 三's row keys; ``article`` is the Regulation's basis cited in the notice."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTLY = "partly", _("部分公开")
    WITHHELD_1 = "withheld_1", _("不予公开：属于国家秘密")
    WITHHELD_2 = "withheld_2", _("不予公开：其他法律行政法规禁止公开")
    WITHHELD_3 = "withheld_3", _("不予公开：危及“三安全一稳定”")
    WITHHELD_4 = "withheld_4", _("不予公开：保护第三方合法权益")
    WITHHELD_5 = "withheld_5", _("不予公开：属于三类内部事务信息")
    WITHHELD_6 = "withheld_6", _("不予公开：属于四类过程性信息")
    WITHHELD_7 = "withheld_7", _("不予公开：属于行政执法案卷")
    WITHHELD_8 = "withheld_8", _("不予公开：属于行政查询事项")
    UNABLE_1 = "unable_1", _("无法提供：本机关不掌握相关政府信息")
    UNABLE_2 = "unable_2", _("无法提供：没有现成信息需要另行制作")
    UNABLE_3 = "unable_3", _("无法提供：补正后申请内容仍不明确")
    DECLINED_1 = "declined_1", _("不予处理：信访举报投诉类申请")
    DECLINED_2 = "declined_2", _("不予处理：重复申请")
    DECLINED_3 = "declined_3", _("不予处理：要求提供公开出版物")
    DECLINED_4 = "declined_4", _("不予处理：无正当理由大量反复申请")
    DECLINED_5 = "declined_5", _("不予处理：要求行政机关确认或重新出具已获取信息")
    OTHER_1 = "other_1", _("其他处理：申请人无正当理由逾期不补正")
    OTHER_2 = "other_2", _("其他处理：申请人逾期未按收费通知要求缴纳费用")
    OTHER_3 = "other_3", _("其他处理：其他")

    @property
    def article(self) -> str:
        return ARTICLES[self]

    @property
    def releases_information(self) -> bool:
        """Replies that hand over government information, which must pass 保密审查 first."""
        return self in (Outcome.DISCLOSED, Outcome.PARTLY)


ARTICLES = {
    Outcome.DISCLOSED: "第三十六条第（二）项",
    Outcome.PARTLY: "第三十七条",
    Outcome.WITHHELD_1: "第十四条",
    Outcome.WITHHELD_2: "第十四条",
    Outcome.WITHHELD_3: "第十四条",
    Outcome.WITHHELD_4: "第十五条、第三十二条",
    Outcome.WITHHELD_5: "第十六条第一款",
    Outcome.WITHHELD_6: "第十六条第二款",
    Outcome.WITHHELD_7: "第十六条第二款",
    Outcome.WITHHELD_8: "第三十六条第（三）项",
    Outcome.UNABLE_1: "第三十六条第（四）项、第（五）项",
    Outcome.UNABLE_2: "第三十八条",
    Outcome.UNABLE_3: "第三十条",
    Outcome.DECLINED_1: "第三十九条第一款",
    Outcome.DECLINED_2: "第三十六条第（六）项",
    Outcome.DECLINED_3: "第三十九条第二款",
    Outcome.DECLINED_4: "第三十五条",
    Outcome.DECLINED_5: "第三十六条第（三）项",
    Outcome.OTHER_1: "第三十条",
    Outcome.OTHER_2: "第四十二条",
    Outcome.OTHER_3: "第三十六条第（七）项",
}
