"""About 40 demo applications (依申请公开) over two years: every applicant type, every state
and outcome of table 三, some overdue, a consultation, extensions and corrections.

Deterministic (a fixed random seed) and built only when the demo bodies have none yet.
Names are obviously invented (演示申请人); identity numbers carry a valid check digit.
Replies are written by the demo handler and released by the demo reviewer (the ``handler``
and ``reviewer`` logins of ``make run`` when they exist), each with its review record.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure_applications import register, reply_drafts, reply_reviews, transitions
from disclosure_applications.choices import ApplicantType, Channel, Delivery, IdType, Outcome
from disclosure_applications.models import Application, ApplicationEvent, OfficeHandler, load_calendar
from disclosure_applications.notices import draft_notice
from disclosure_applications.replies import REPLY_CHECKLIST_KEYS
from disclosure_pages.models import Organisation
from disclosure_pages.moderation.roles import REVIEWERS

Kind = ApplicationEvent.Kind
BODIES = ("city_office", "finance", "housing", "civil", "education")
WANTED = (
    "{year}年度本单位部门预算及“三公”经费预算说明",
    "关于老旧小区改造项目（{year}年第二批）的立项批复文件",
    "{year}年城乡低保资金发放情况汇总表",
    "某路段拆迁安置补偿标准的文件及文号",
    "{year}年义务教育学校招生划片方案",
    "本单位{year}年行政处罚决定书目录",
)
# Steps after receipt, by plan; ("answered", outcome) replies on the day given (working days),
# ("reply_submitted", outcome) leaves the reply in review.
PLANS: list[tuple[tuple[str, int, str], ...]] = [
    ((Kind.ANSWERED, 8, outcome),) for outcome in Outcome.values if outcome != Outcome.OTHER_1
] + [
    ((Kind.CORRECTION_REQUESTED, 3, ""), (Kind.CORRECTED, 8, ""), (Kind.ANSWERED, 20, Outcome.DISCLOSED)),
    ((Kind.CORRECTION_REQUESTED, 5, ""), (Kind.LAPSED, 25, "")),
    ((Kind.CORRECTION_REQUESTED, 2, ""), (Kind.CORRECTED, 6, ""), (Kind.ANSWERED, 18, Outcome.UNABLE_3)),
    ((Kind.EXTENDED, 15, "20"), (Kind.ANSWERED, 30, Outcome.PARTLY)),
    ((Kind.CONSULTATION_STARTED, 4, ""), (Kind.CONSULTATION_ENDED, 15, ""), (Kind.ANSWERED, 22, Outcome.WITHHELD_4)),
    ((Kind.WITHDRAWN, 6, ""),),
    ((Kind.ANSWERED, 3, Outcome.DISCLOSED),),
    ((Kind.ANSWERED, 12, Outcome.DECLINED_2),),
    ((Kind.REPLY_SUBMITTED, 10, Outcome.PARTLY),),  # written, waiting for its review
]


def _id_number(rng: random.Random) -> str:
    digits = f"340802{rng.randint(1950, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return digits + "10X98765432"[sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11]


def _credit_code(rng: random.Random) -> str:
    return "9134080" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(11))


def _actor(username: str, fallback: str, group: str | None = None):
    """The ``make run`` login if there is one, else a demo person who cannot log in."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user, created = User.objects.get_or_create(username=fallback, defaults={"first_name": fallback})
        if created:
            user.set_unusable_password()
            user.save()
            if group:
                user.groups.add(*Group.objects.filter(name=group))
    return user


def _reply(application: Application, outcome: str, day: datetime.date, handler, reviewer, *, approve: bool) -> None:
    """A reply as the office writes it: the drafted notice, a document when information is given."""
    documents = []
    if Outcome(outcome).releases_information:
        text = f"{application.description}\n（演示文件：{application.organisation.name}提供的信息。）\n"
        documents.append(SimpleUploadedFile(f"reply-{application.number}.txt", text.encode(), "text/plain"))
    notice = draft_notice(application, outcome, day)
    reply_drafts.save_draft(application, outcome=outcome, notice=notice, user=handler, uploads=documents)
    reply_drafts.submit(application, handler)
    if not approve:
        return
    reply = Application.objects.get(pk=application.pk).reply
    reply_reviews.approve(reply, reviewer, checklist=REPLY_CHECKLIST_KEYS, acknowledged=True, comment="已核对。", on=day)


def build(orgs: dict[str, Organisation]) -> int:
    """Create the demo applications unless the demo bodies already have some; returns how many."""
    bodies = [orgs[key] for key in BODIES]
    handler = _actor("handler", "演示办理人")
    for body in bodies:
        OfficeHandler.objects.get_or_create(user=handler, organisation=body)
    if Application.objects.filter(organisation__in=bodies).exists():
        return 0
    reviewer = _actor("reviewer", "演示审查员", REVIEWERS)
    rng = random.Random(20250601)
    calendar, today = load_calendar(), timezone.localdate()
    types = list(ApplicantType)
    # Ten still open (some overdue, some not yet due, one awaiting correction): 40 in all.
    plans = [*PLANS, *[((Kind.ANSWERED, 5, Outcome.DISCLOSED),)] * 2, *[()] * 9, ((Kind.CORRECTION_REQUESTED, 2, ""),)]
    made = 0
    for number, plan in enumerate(plans):
        received = calendar.next_working_day(
            today - datetime.timedelta(days=rng.randint(10, 60) if len(plan) < 2 and number >= 30 else rng.randint(60, 700))
        ).date
        kind = types[number % len(types)]
        person = kind is ApplicantType.NATURAL_PERSON
        application = Application(
            organisation=bodies[number % len(bodies)],
            applicant_type=kind,
            name=f"演示申请人{number + 1:02d}" if person else f"演示{kind.label}{number + 1:02d}",
            id_type=IdType.ID_CARD if person else IdType.CREDIT_CODE,
            id_number=_id_number(rng) if person else _credit_code(rng),
            phone=f"0556-53{rng.randint(10000, 99999)}",
            email=f"applicant{number + 1:02d}@example.cn",
            description=rng.choice(WANTED).format(year=received.year - 1),
            delivery=rng.choice(list(Delivery)),
            channel=rng.choice(list(Channel)),
        )
        register.receive(application, received=received)
        for step, after, value in plan:
            day = calendar.add(received, after).date
            if day > today:
                break
            if step in (Kind.ANSWERED, Kind.REPLY_SUBMITTED):
                _reply(application, value, day, handler, reviewer, approve=step == Kind.ANSWERED)
                continue
            note = {Kind.CORRECTION_REQUESTED: "请补充所需信息的文号或形成时间。", Kind.EXTENDED: "经本机关政府信息公开工作机构负责人同意，延长答复期限。"}.get(step, "")  # noqa: E501
            days = {Kind.EXTENDED: int(value or 0), Kind.CORRECTION_REQUESTED: 10}.get(step, 0)
            approved_by = "政府信息公开工作机构负责人（演示）" if step == Kind.EXTENDED else ""
            transitions.record(application, step, day, days=days, note=note, approved_by=approved_by, user=handler)
        made += 1
    return made
