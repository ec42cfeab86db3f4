"""Search benchmark: synthetic catalog entries in bulk, bulk indexing, timed queries.

Used by ``manage.py bench_search``. Why it is built the way it is:

* Wagtail creates a page at about 20 pages/s (treebeard locks, revisions, signals,
  the moderation guard), so 100,000 entries would take well over an hour. Entries are
  inserted in bulk instead: treebeard paths are computed here, base ``Page`` rows go in
  with ``bulk_create`` and the ``CatalogEntryPage`` rows (multi-table inheritance,
  which ``bulk_create`` refuses) with one ``executemany`` per batch.
* The confidentiality invariant is respected, not bypassed: rows are inserted as
  drafts, one approved 主动公开 review per entry is bulk-created (with the fingerprint
  of exactly the inserted content, so a later save by an editor passes the model-layer
  guard too) and only then are the rows switched live, which the database trigger of
  migration 0005 checks row by row.
* 索引号 are rendered with the configured format from our own per-(organisation, year)
  counters, and the ``IndexNumberSequence`` rows are moved past them, so numbers stay
  unique if the data is kept and editors publish more entries for those organisations.
* The benchmark publishes under its own organisations (codes ``BENCH…``) in its own
  portal, so cleaning up never touches real data.
* Review records are immutable by design (and on PostgreSQL a trigger refuses to
  delete them); cleaning up leaves them, which is harmless: page ids are never reused.
"""

from __future__ import annotations

import datetime
import json
import logging
import random
import re
import statistics
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TextIO, TypeVar

import opencc
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Site

from disclosure_pages.catalog.index_numbers import (
    IndexNumberSequence,
    index_number_format_for,
    render_index_number,
)
from disclosure_pages.catalog.models import (
    CatalogEntryPage,
    CatalogIndexPage,
    DisclosureMode,
    normalise_doc_number,
)
from disclosure_pages.moderation.fingerprint import content_fingerprint
from disclosure_pages.moderation.models import CHECKLIST_KEYS, ConfidentialityReview, Decision, Outcome, Source
from disclosure_pages.moderation.passes import bulk_publication_passes
from disclosure_pages.moderation.review import record_legacy_approval
from disclosure_pages.pagebase import BasePage
from disclosure_pages.portal.models import DisclosurePortalPage
from disclosure_pages.taxonomy.models import ClassificationTerm, Dimension, Organisation
from disclosure_pages.text.cleaning import cjk_count, clean_text

T = TypeVar("T")

DEFAULT_SEED_DIR = Path("/work/shared/seeds")
PORTAL_SLUG_PREFIX = "bench-search-"
ORG_CODE_PREFIX = "BENCH"
REVIEW_COMMENT = "bench_search: synthetic benchmark entry"

# ----------------------------------------------------------------------- built-in text

# Used when no seed files are available (outside development machines and CI). Written
# in the register of disclosure documents so that segmentation meets realistic words.
BUILTIN_SENTENCES: tuple[str, ...] = (
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步做好政府信息公开工作，现将有关事项通知如下。",
    "各单位要高度重视政府信息公开工作，明确分管领导和工作机构，配备专职工作人员。",
    "严格落实保密审查制度，坚持先审查、后公开，一事一审、全面审查的原则。",
    "对涉及国家秘密、商业秘密和个人隐私的政府信息，依法不予公开。",
    "公民、法人或者其他组织可以通过互联网、信函、传真等方式提出政府信息公开申请。",
    "行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。",
    "不能当场答复的，应当自收到申请之日起二十个工作日内予以答复。",
    "本年度主动公开政府信息一千二百余条，其中规范性文件四十五件。",
    "全年共受理依申请公开二百一十三件，按时答复率百分之百。",
    "因政府信息公开工作被申请行政复议三件、提起行政诉讼一件，均已依法办结。",
    "进一步规范财政预算决算和三公经费公开，细化公开内容，方便群众查阅。",
    "加强政府网站信息公开专栏建设，及时更新政府信息公开指南和公开目录。",
    "重点做好征地拆迁、保障性住房、食品药品安全、环境保护等领域信息公开。",
    "建立健全虚假或者不完整信息澄清机制，及时回应社会关切。",
    "组织开展政府信息公开业务培训，提高工作人员的业务水平和依法公开意识。",
    "政府信息公开工作年度报告应当于每年一月三十一日前向社会公布。",
    "社会保险、社会救助、扶贫救灾等民生领域的政策措施应当及时主动公开。",
    "行政许可、行政处罚等行政执法信息自作出决定之日起七个工作日内公开。",
    "各乡镇人民政府要在便民服务中心设置政府信息公开查阅点。",
    "对申请人申请公开的信息不属于本机关公开职责的，应当告知申请人并说明理由。",
    "做好重大行政决策预公开工作，广泛听取公众意见，提高决策透明度。",
    "建立政务舆情回应机制，对涉及本地区的重要舆情及时发布权威信息。",
    "本办法自印发之日起施行，由市人民政府办公室负责解释。",
    "请各县（市、区）人民政府、市政府各部门结合实际认真贯彻执行。",
    "存在的主要问题是公开内容不够全面，部分单位信息更新不够及时。",
    "下一步，我们将继续完善工作机制，推进决策、执行、管理、服务、结果公开。",
    "按照谁公开、谁审查、谁负责的原则，严格执行发布前保密审查程序。",
    "市财政局会同有关部门编制了本年度部门预算并向社会公开。",
    "依法依规公开建设项目批准和实施信息，接受社会监督。",
    "申请人对答复不服的，可以依法申请行政复议或者提起行政诉讼。",
)

TITLE_TEMPLATES: tuple[str, ...] = (
    "关于印发{subject}的通知",
    "关于{subject}的通知",
    "关于{subject}的实施意见",
    "{organ}关于{subject}的公告",
    "{organ}{year}年{subject}情况报告",
    "关于进一步加强{subject}的意见",
    "{organ}关于{subject}的批复",
    "关于公布{subject}的决定",
)
SUBJECTS: tuple[str, ...] = (
    "政府信息公开工作要点",
    "政务公开标准化规范化建设",
    "安全生产专项整治",
    "防汛抗旱工作",
    "财政预算决算公开",
    "三公经费使用管理",
    "保障性住房分配",
    "城乡居民医疗保险",
    "行政许可事项清单",
    "行政处罚裁量基准",
    "重大行政决策程序",
    "征地补偿安置",
    "生态环境保护督察整改",
    "食品药品安全监管",
    "义务教育阶段招生入学",
    "城市生活垃圾分类",
    "农村人居环境整治",
    "优化营商环境",
    "疫情防控常态化",
    "政府信息依申请公开办理",
    "保密审查制度",
    "政务新媒体管理",
    "乡村振兴重点任务",
    "养老服务体系建设",
    "最低生活保障标准",
    "建设项目环境影响评价",
    "权责清单动态调整",
    "政府采购意向公开",
)
KEYWORDS: tuple[str, ...] = (
    "政务公开",
    "信息公开",
    "依申请公开",
    "主动公开",
    "保密审查",
    "财政",
    "预算",
    "三公经费",
    "安全生产",
    "防汛",
    "环境保护",
    "行政许可",
    "行政处罚",
    "社会保障",
    "教育",
    "住房",
    "医疗卫生",
    "营商环境",
    "乡村振兴",
    "年度报告",
)
ORGANISATION_NAMES: tuple[tuple[str, str], ...] = (
    ("滨江市人民政府办公室", "滨政办"),
    ("滨江市财政局", "滨财"),
    ("滨江市教育局", "滨教"),
    ("滨江市生态环境局", "滨环"),
    ("滨江市应急管理局", "滨应急"),
    ("滨江市住房和城乡建设局", "滨建"),
    ("滨江市人力资源和社会保障局", "滨人社"),
    ("滨江市卫生健康委员会", "滨卫健"),
    ("滨江市市场监督管理局", "滨市监"),
    ("滨江市自然资源和规划局", "滨自然资源"),
    ("滨江市民政局", "滨民"),
    ("滨江市数据资源管理局", "滨数据"),
)

# What citizens look for, in Simplified; each is also asked in HK and Taiwan form.
QUERY_NEEDS: tuple[str, ...] = (
    "政府信息公开",
    "信息公开年报",
    "依申请公开",
    "主动公开",
    "保密审查",
    "政府信息公开指南",
    "财政预算",
    "三公经费",
    "部门决算",
    "政府采购",
    "安全生产",
    "防汛抗旱",
    "征地补偿",
    "保障性住房",
    "最低生活保障",
    "医疗保险",
    "义务教育招生",
    "垃圾分类",
    "环境影响评价",
    "行政许可",
    "行政处罚",
    "行政复议",
    "营商环境",
    "乡村振兴",
    "养老服务",
    "政务公开标准化",
    "食品药品安全",
    "权责清单",
    "重大行政决策",
    "信息公开申请答复期限",
    "社会保险",
    "滨江市财政局",
    "国办发〔2019〕26号",
    "滨政办〔2021〕12号",
    "生态环境保护督察",
    "公开目录",
    "政务新媒体",
    "虚假信息澄清",
    "工作要点",
    "实施意见",
)

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")


# ----------------------------------------------------------------------- helpers


@cache
def converter(config: str) -> opencc.OpenCC:
    """OpenCC converters are costly to build and safe to reuse."""
    return opencc.OpenCC(config)


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: the value a person reading "p95" expects, no interpolation."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def load_sentences(seed_dir: Path | None) -> tuple[list[str], str]:
    """Sentences from the seed files (cleaned), or the built-in list; with a description."""
    sentences: list[str] = []
    files = sorted(seed_dir.glob("*.txt")) if seed_dir is not None and seed_dir.is_dir() else []
    for path in files:
        text = clean_text(path.read_text(encoding="utf-8", errors="replace"))
        for piece in _SENTENCE_END.split(text):
            piece = " ".join(piece.split())
            if 8 <= len(piece) <= 160 and cjk_count(piece) >= 6:
                sentences.append(piece)
    sentences = list(dict.fromkeys(sentences))
    if len(sentences) >= 20:
        return sentences, f"{len(sentences)} sentences from {len(files)} seed files in {seed_dir}"
    return list(BUILTIN_SENTENCES), f"{len(BUILTIN_SENTENCES)} built-in sentences (no seed files found)"


# ----------------------------------------------------------------------- fixtures


@dataclass
class Fixture:
    """The benchmark's own portal, catalog and organisations."""

    portal: DisclosurePortalPage
    catalog: CatalogIndexPage
    organisations: list[tuple[Organisation, str]]  # (organisation, 文号 prefix)
    created_organisations: list[int] = field(default_factory=list)


def _publish(parent: Any, page: Any) -> Any:
    """Create and publish one page the way an editor would (approval, then publish)."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    record_legacy_approval(revision, None, source=Source.DEMO, comment=REVIEW_COMMENT)
    revision.publish()
    page.refresh_from_db()
    return page


def create_fixture() -> Fixture:
    """A live benchmark portal with a catalog under the default site's root, and organisations."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise RuntimeError("No default site: run migrations first.")
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    portal = _publish(
        site.root_page,
        DisclosurePortalPage(title="政府信息公开（检索基准测试）", slug=f"{PORTAL_SLUG_PREFIX}{stamp}"),
    )
    catalog = _publish(portal, CatalogIndexPage(title="政府信息公开目录", slug="catalog"))
    organisations: list[tuple[Organisation, str]] = []
    created: list[int] = []
    for number, (name, prefix) in enumerate(ORGANISATION_NAMES, start=1):
        organisation, was_created = Organisation.objects.get_or_create(
            code=f"{ORG_CODE_PREFIX}{number:03d}0", defaults={"name": name, "short_name": prefix}
        )
        organisations.append((organisation, prefix))
        if was_created:
            created.append(organisation.pk)
    return Fixture(portal, catalog, organisations, created)


# ----------------------------------------------------------------------- generation


class EntryFactory:
    """Random but plausible entry content from sentences; a third in Traditional script."""

    def __init__(self, sentences: list[str], organisations: list[tuple[Organisation, str]], rng: random.Random):
        self.sentences = sentences
        self.organisations = organisations
        self.rng = rng
        terms = list(ClassificationTerm.objects.filter(is_active=True).values_list("pk", "dimension", "parent_id"))
        self.terms = {
            Dimension.ASSEMBLED: [pk for pk, dim, _ in terms if dim == Dimension.ASSEMBLED],
            Dimension.TOPIC: [pk for pk, dim, parent in terms if dim == Dimension.TOPIC and parent],
            Dimension.GENRE: [pk for pk, dim, _ in terms if dim == Dimension.GENRE],
        }
        self.doc_counter = 0

    def _term(self, dimension: str) -> int | None:
        choices = self.terms.get(dimension) or []
        return self.rng.choice(choices) if choices else None

    def content(self) -> dict[str, Any]:
        """Field values of one entry (child and base fields), script chosen at random."""
        rng = self.rng
        organisation, prefix = rng.choice(self.organisations)
        publish_date = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(18 * 365))
        title = rng.choice(TITLE_TEMPLATES).format(
            subject=rng.choice(SUBJECTS), organ=organisation.name, year=publish_date.year
        )
        self.doc_counter += 1
        bracket = rng.choice(("〔〕", "[]", "【】", "〔〕"))
        doc_number = (
            f"{prefix}{bracket[0]}{publish_date.year}{bracket[1]}{rng.randint(1, 199)}号" if rng.random() < 0.7 else ""
        )
        paragraphs = [
            "".join(rng.sample(self.sentences, k=min(len(self.sentences), rng.randint(1, 4))))
            for _ in range(rng.randint(1, 5))
        ]
        summary = rng.choice(self.sentences)[:300]
        keywords = " ".join(rng.sample(KEYWORDS, k=rng.randint(1, 4)))
        script = rng.random()
        config = "s2hk" if script < 0.2 else "s2twp" if script < 0.33 else None
        if config is not None:
            convert = converter(config).convert
            title, summary, keywords = convert(title), convert(summary), convert(keywords)
            paragraphs = [convert(p) for p in paragraphs]
            doc_number = doc_number.replace("号", "號")
        body = [{"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())} for p in paragraphs]
        return {
            "title": title[:255],
            "publisher": organisation,
            "doc_number": doc_number,
            "doc_number_normalised": normalise_doc_number(doc_number),
            "written_date": publish_date - datetime.timedelta(days=rng.randint(0, 20)),
            "publish_date": publish_date,
            "keywords": keywords[:200],
            "summary": summary,
            "body": json.dumps(body, ensure_ascii=False),
            "assembled_category_id": self._term(Dimension.ASSEMBLED),
            "topic_category_id": self._term(Dimension.TOPIC),
            "genre_category_id": self._term(Dimension.GENRE),
        }


class IndexNumbers:
    """Unique 索引号 in the configured format, from in-memory per-(organisation, year) counters."""

    def __init__(self, site: Any, organisations: Iterable[Organisation]):
        self.format = index_number_format_for(site)
        organisation_ids = [o.pk for o in organisations]
        self.counters: dict[tuple[int, int], int] = {
            (org, year): value
            for org, year, value in IndexNumberSequence.objects.filter(
                organisation_id__in=organisation_ids
            ).values_list("organisation_id", "year", "last_value")
        }
        self.used: set[str] = set(
            CatalogEntryPage.objects.filter(publisher_id__in=organisation_ids)
            .exclude(index_number=None)
            .values_list("index_number", flat=True)
        )

    def allocate(self, organisation: Organisation, date: datetime.date) -> str:
        key = (organisation.pk, date.year)
        while True:
            self.counters[key] = self.counters.get(key, 0) + 1
            number = render_index_number(
                self.format, org_code=organisation.index_code, date=date, seq=self.counters[key]
            )
            if number not in self.used:
                self.used.add(number)
                return number

    def save(self) -> None:
        """Move the database counters past the numbers used, so editors never get one twice."""
        for (organisation_id, year), value in self.counters.items():
            updated = IndexNumberSequence.objects.filter(
                organisation_id=organisation_id, year=year, last_value__lt=value
            ).update(last_value=value)
            if not updated:
                IndexNumberSequence.objects.get_or_create(
                    organisation_id=organisation_id, year=year, defaults={"last_value": value}
                )


# ----------------------------------------------------------------------- creation


@dataclass
class CreationResult:
    ids: list[int]
    seconds: float

    @property
    def rate(self) -> float:
        return len(self.ids) / max(self.seconds, 1e-9)


def _child_insert_sql() -> tuple[str, list[Any]]:
    fields = list(CatalogEntryPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(CatalogEntryPage._meta.db_table)
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", fields  # noqa: S608 (names from the model)


def create_entries(
    fixture: Fixture,
    total: int,
    sentences: list[str],
    *,
    rng: random.Random,
    batch_size: int = 2000,
    progress: TextIO | None = None,
) -> CreationResult:
    """Insert ``total`` live, reviewed catalog entries under ``fixture.catalog`` in batches."""
    catalog = CatalogIndexPage.objects.get(pk=fixture.catalog.pk)
    factory = EntryFactory(sentences, fixture.organisations, rng)
    numbers = IndexNumbers(catalog.get_site(), [o for o, _ in fixture.organisations])
    content_type = ContentType.objects.get_for_model(CatalogEntryPage)
    child_sql, child_fields = _child_insert_sql()
    depth = catalog.depth + 1
    step = catalog.get_last_child()._get_lastpos_in_path() if catalog.numchild else 0
    created: list[int] = []
    started = time.perf_counter()
    with tqdm(total=total, desc="create", unit="entry", file=progress, disable=progress is None) as bar:
        for batch_start in range(0, total, batch_size):
            size = min(batch_size, total - batch_start)
            entries: list[CatalogEntryPage] = []
            for offset in range(size):
                step += 1
                number = batch_start + offset + 1
                values = factory.content()
                slug = f"entry-{number}"
                entry = CatalogEntryPage(
                    path=CatalogEntryPage._get_path(catalog.path, depth, step),
                    depth=depth,
                    numchild=0,
                    locale_id=catalog.locale_id,
                    live=False,
                    has_unpublished_changes=False,
                    draft_title=values["title"],
                    slug=slug,
                    url_path=f"{catalog.url_path}{slug}/",
                    content_type=content_type,
                    disclosure_mode=DisclosureMode.PROACTIVE,
                    **values,
                )
                entry.index_number = numbers.allocate(values["publisher"], values["publish_date"])
                entries.append(entry)
            with transaction.atomic():
                _insert_batch(entries, child_sql, child_fields)
            created.extend(e.pk for e in entries)
            bar.update(size)
        with transaction.atomic():
            numbers.save()
            BasePage.objects.filter(pk=catalog.pk).update(numchild=F("numchild") + total)
    return CreationResult(created, time.perf_counter() - started)


def _insert_batch(entries: list[CatalogEntryPage], child_sql: str, child_fields: list[Any]) -> None:
    """Base rows (drafts), child rows, approvals of exactly this content, then live."""
    # The fingerprint is taken before the pk exists: pk, path, live and 索引号 are not content.
    fingerprints = [content_fingerprint(entry) for entry in entries]
    base_fields = [f.attname for f in BasePage._meta.concrete_fields if not f.primary_key]
    bases = [BasePage(**{name: getattr(entry, name) for name in base_fields}) for entry in entries]
    BasePage.objects.bulk_create(bases)
    for entry, base in zip(entries, bases, strict=True):
        entry.pk = entry.page_ptr_id = base.pk
    rows = [[f.get_db_prep_save(f.pre_save(entry, True), connection) for f in child_fields] for entry in entries]
    with connection.cursor() as cursor:
        cursor.executemany(child_sql, rows)
    reviews = ConfidentialityReview.objects.bulk_create(
        ConfidentialityReview(
            page_id=entry.pk,
            fingerprint=fingerprint,
            page_title=entry.title[:255],
            organisation_name=entry.publisher.name[:100],
            outcome=Outcome.APPROVED,
            decision=Decision.PROACTIVE,
            checklist=CHECKLIST_KEYS,
            comment=REVIEW_COMMENT,
            reviewer_name="系统",
            source=Source.DEMO,
        )
        for entry, fingerprint in zip(entries, fingerprints, strict=True)
    )
    now = timezone.now()
    # The database triggers let a row go live only with a pass naming its approval above.
    page_ids = [e.pk for e in entries]
    with bulk_publication_passes(page_ids, {r.page_id: r.pk for r in reviews}):
        BasePage.objects.filter(pk__in=page_ids).update(live=True, first_published_at=now, last_published_at=now)


# ----------------------------------------------------------------------- indexing


@dataclass
class IndexingResult:
    count: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.count / max(self.seconds, 1e-9)


def index_entries(
    backend: Any, ids: list[int], *, batch_size: int = 500, progress: TextIO | None = None
) -> IndexingResult:
    """Index the entries through ``backend.add_bulk``: the same work a rebuild does for them.

    jieba's dictionary is loaded first: a one-off cost per process, not per entry.
    """
    from disclosure_pages.text.segment import get_tokenizer

    get_tokenizer()
    started = time.perf_counter()
    count = 0
    with tqdm(total=len(ids), desc="index", unit="entry", file=progress, disable=progress is None) as bar:
        for chunk in chunks(ids, batch_size):
            objects = list(CatalogEntryPage.get_indexed_objects().filter(pk__in=chunk).select_related("publisher"))
            with transaction.atomic():
                backend.add_bulk(CatalogEntryPage, objects)
            count += len(objects)
            bar.update(len(chunk))
    return IndexingResult(count, time.perf_counter() - started)


# ----------------------------------------------------------------------- queries


@dataclass
class QueryResult:
    latencies_ms: list[float]
    counts: list[int]
    by_form: dict[str, list[float]]
    slowest: list[tuple[float, str]]
    timeouts: int = 0

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p95(self) -> float:
        return percentile(self.latencies_ms, 0.95)

    @property
    def max(self) -> float:
        return max(self.latencies_ms, default=0.0)

    @property
    def median_count(self) -> float:
        return statistics.median(self.counts) if self.counts else 0.0


def query_forms() -> list[tuple[str, str]]:
    """(form, query) for every need: Simplified, Hong Kong and Taiwan phrasing."""
    queries: list[tuple[str, str]] = []
    for need in QUERY_NEEDS:
        queries.append(("zh-hans", need))
        queries.append(("zh-hk", converter("s2hk").convert(need)))
        queries.append(("zh-tw", converter("s2twp").convert(need)))
    return queries


class _DropInterrupted(logging.Filter):
    """Hide the service's traceback for a query the benchmark itself interrupted."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        text = str(error or "").lower()
        return not ("interrupted" in text or "statement timeout" in text or "canceling statement" in text)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Abort the database work of one search after ``seconds`` (SQLite and PostgreSQL).

    A query plan whose cost grows with the square of the matches can run for minutes at
    catalog scale; the benchmark records such a search as a timeout (its latency is then
    a lower bound) instead of hanging. The search service turns the error into an empty,
    ``degraded`` result, exactly as a visitor would see it.
    """
    if not seconds:
        yield
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        raw = connection.connection
        deadline = time.perf_counter() + seconds
        raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 20_000)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
    elif connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [int(seconds * 1000)])
            yield
    else:
        yield


def run_queries(
    total: int,
    *,
    rng: random.Random,
    search: Callable[[str], Any] | None = None,
    warmup: int = 3,
    timeout: float | None = 10.0,
    progress: TextIO | None = None,
) -> QueryResult:
    """Time ``total`` first-page searches (page size 10, relevance) after a short warm-up.

    The first pass goes through every need in every form once, in order, so that small
    runs still cover all three scripts; further queries are drawn at random.
    """
    if search is None:
        from disclosure_search.service import search_pages

        def search(query: str) -> Any:
            return search_pages(query, page=1, page_size=10, sort="relevance")

    pool = query_forms()
    result = QueryResult([], [], {}, [])
    quiet = _DropInterrupted()
    service_logger = logging.getLogger("disclosure_search")
    service_logger.addFilter(quiet)
    try:
        for _form, query in pool[:warmup]:
            with time_limit(timeout):
                search(query)  # jieba's dictionary, OpenCC, the page cache: not the query
        with tqdm(total=total, desc="query", unit="q", file=progress, disable=progress is None) as bar:
            for number in range(total):
                form, query = pool[number] if number < len(pool) else rng.choice(pool)
                started = time.perf_counter()
                with time_limit(timeout):
                    results = search(query)
                elapsed = (time.perf_counter() - started) * 1000
                if getattr(results, "degraded", False):
                    result.timeouts += 1
                else:
                    result.counts.append(int(getattr(results, "count", 0)))
                result.latencies_ms.append(elapsed)
                result.by_form.setdefault(form, []).append(elapsed)
                result.slowest.append((elapsed, query))
                bar.update(1)
    finally:
        service_logger.removeFilter(quiet)
    result.slowest = sorted(result.slowest, reverse=True)[:5]
    return result


# ----------------------------------------------------------------------- cleanup


def delete_fixture(fixture: Fixture, ids: list[int], *, backend_is_database: bool, batch_size: int = 900) -> int:
    """Delete the entries in bulk, then the portal the Wagtail way; returns reviews left behind."""
    content_type = ContentType.objects.get_for_model(CatalogEntryPage)
    entry_table = connection.ops.quote_name(CatalogEntryPage._meta.db_table)
    for chunk in chunks(ids, batch_size):
        with transaction.atomic():
            if backend_is_database:
                from wagtail.search.models import IndexEntry

                IndexEntry.objects.filter(
                    content_type_id=content_type.pk, object_id__in=[str(pk) for pk in chunk]
                )._raw_delete(IndexEntry.objects.db)
            placeholders = ", ".join(["%s"] * len(chunk))
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {entry_table} WHERE page_ptr_id IN ({placeholders})", list(chunk))  # noqa: S608
            BasePage.objects.filter(pk__in=chunk)._raw_delete(BasePage.objects.db)
    BasePage.objects.filter(pk=fixture.catalog.pk).update(numchild=0)
    with transaction.atomic():
        DisclosurePortalPage.objects.get(pk=fixture.portal.pk).delete()
        if fixture.created_organisations:
            IndexNumberSequence.objects.filter(organisation_id__in=fixture.created_organisations).delete()
            for organisation in Organisation.objects.filter(pk__in=fixture.created_organisations):
                organisation.delete()
    return len(ids)  # one immutable review record per entry stays
