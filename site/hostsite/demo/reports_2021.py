"""Annual reports in the 2021 national format, with statistics that satisfy every rule of
``annual_report/validation.py``.

All figures are DEMO FIGURES, not the Anqing office's published statistics. Only the
per-applicant cells are written here; the 总计 column, the （七）总计 row and row 四 are
computed by the format's own rules, and 2024's 二、上年结转 is 2023's 四、结转下年度继续办理.
"""

from __future__ import annotations

from disclosure_applications.statistics import table3
from disclosure_pages.annual_report.format import (
    FORMAT_2021,
    TABLE3_PARTY_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    get_format,
    table3_cell,
    table4_cell,
)

from .spec import ReportSpec

Parties = tuple[int, int, int, int, int, int]  # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他


def _zero() -> Parties:
    return (0, 0, 0, 0, 0, 0)


def build_statistics(
    table2: dict[str, int | str],
    new: Parties,
    carried_in: Parties,
    results: dict[str, Parties],
    table4: dict[str, tuple[int, int, int, int]],
) -> tuple[dict[str, int | str], Parties]:
    """Every cell of a 2021-format report, and the row 四 carried into next year."""
    fmt = get_format(FORMAT_2021)
    result_rows = [r.key for r in fmt.table3_rows if r.key not in {"new", "carried_in", "total", "carried_out"}]
    unknown = set(results) - set(result_rows)
    if unknown:
        raise ValueError(f"unknown result rows: {sorted(unknown)}")
    rows: dict[str, Parties] = {"new": new, "carried_in": carried_in}
    rows.update({key: results.get(key, _zero()) for key in result_rows})
    totals = tuple(sum(rows[key][i] for key in result_rows) for i in range(6))
    carried_out = tuple(new[i] + carried_in[i] - totals[i] for i in range(6))
    if min(carried_out) < 0:
        raise ValueError("more applications handled than received and carried in")
    rows["total"] = totals  # type: ignore[assignment]
    rows["carried_out"] = carried_out  # type: ignore[assignment]

    cells: dict[str, int | str] = dict(table2)
    for row, parties in rows.items():
        for column, value in zip(TABLE3_PARTY_COLUMNS, parties, strict=True):
            cells[table3_cell(row, column)] = value
        cells[table3_cell(row, "total")] = sum(parties)
    for group, (upheld, corrected, other, pending) in table4.items():
        values = {"upheld": upheld, "corrected": corrected, "other": other, "pending": pending}
        values["total"] = sum(values.values())
        cells.update({table4_cell(group, column): value for column, value in values.items()})
    return cells, carried_out  # type: ignore[return-value]


# Applications carried in from 2022 (a year not in the demo).
CARRIED_IN_2023: Parties = (2, 0, 0, 0, 0, 0)

STATS_2023, CARRIED_OUT_2023 = build_statistics(
    table2={
        "t2.item1.rules.issued": 2, "t2.item1.rules.repealed": 1, "t2.item1.rules.in_force": 21,
        "t2.item1.normative.issued": 16, "t2.item1.normative.repealed": 9, "t2.item1.normative.in_force": 138,
        "t2.item5.licensing.decisions": 0,
        "t2.item6.penalty.decisions": 0, "t2.item6.enforcement.decisions": 0,
        "t2.item8.fees.amount": "0",
    },
    new=(46, 5, 0, 1, 3, 1),
    carried_in=CARRIED_IN_2023,
    results={
        "disclosed": (18, 2, 0, 0, 1, 0),
        "partly": (4, 1, 0, 0, 0, 0),
        "withheld_4": (1, 0, 0, 0, 0, 0),
        "withheld_6": (2, 0, 0, 0, 0, 0),
        "unable_1": (12, 1, 0, 1, 1, 0),
        "unable_2": (1, 0, 0, 0, 0, 0),
        "declined_1": (3, 0, 0, 0, 0, 0),
        "declined_2": (2, 0, 0, 0, 0, 0),
        "other_1": (2, 0, 0, 0, 0, 0),
    },
    table4={"review": (2, 0, 1, 0), "direct_suit": (1, 0, 0, 1), "suit_after_review": (1, 0, 0, 0)},
)

STATS_2024, CARRIED_OUT_2024 = build_statistics(
    table2={
        "t2.item1.rules.issued": 1, "t2.item1.rules.repealed": 0, "t2.item1.rules.in_force": 22,
        "t2.item1.normative.issued": 14, "t2.item1.normative.repealed": 11, "t2.item1.normative.in_force": 141,
        "t2.item5.licensing.decisions": 0,
        "t2.item6.penalty.decisions": 0, "t2.item6.enforcement.decisions": 0,
        "t2.item8.fees.amount": "0",
    },
    new=(58, 7, 1, 0, 2, 2),
    carried_in=CARRIED_OUT_2023,
    results={
        "disclosed": (22, 3, 1, 0, 1, 1),
        "partly": (5, 1, 0, 0, 0, 0),
        "withheld_1": (1, 0, 0, 0, 0, 0),
        "withheld_4": (2, 0, 0, 0, 0, 0),
        "withheld_5": (1, 0, 0, 0, 0, 0),
        "unable_1": (14, 2, 0, 0, 1, 1),
        "unable_3": (1, 0, 0, 0, 0, 0),
        "declined_1": (4, 0, 0, 0, 0, 0),
        "declined_4": (1, 0, 0, 0, 0, 0),
        "other_1": (3, 0, 0, 0, 0, 0),
        "other_2": (1, 0, 0, 0, 0, 0),
        "other_3": (1, 0, 0, 0, 1, 0),
    },
    table4={"review": (3, 1, 0, 1), "direct_suit": (1, 0, 1, 0), "suit_after_review": (0, 0, 0, 1)},
)

_TABLE_NOTE = "<p>具体情况见下表。</p>"


def _applications(stats: dict[str, int | str]) -> str:
    """The section-one sentence on applications, taken from the table so the two never disagree."""
    return (
        f"全年新收申请{stats['t3.new.total']}件，上年结转{stats['t3.carried_in.total']}件，"
        f"办结{stats['t3.total.total']}件，结转下年度{stats['t3.carried_out.total']}件。"
    )

CITY_OFFICE_2023 = ReportSpec(
    slug="aq-szfb-2023", title="安庆市人民政府办公室2023年政府信息公开工作年度报告",
    organisation="city_office", year=2023, published="2024-01-26", format_version=FORMAT_2021,
    statistics=STATS_2023,
    sections=(
        "<p>2023年，市政府办公室坚持以公开为常态、不公开为例外，围绕稳经济、惠民生加强政策公开和解读，规范依申请公开办理，"
        "政府信息公开工作取得新进展。</p>"
        "<p><b>主动公开。</b>全年主动公开政府信息1.2万余条，其中市政府及市政府办公室文件86件，均同步在政府信息公开目录中编目。</p>"
        f"<p><b>依申请公开。</b>{_applications(STATS_2023)}答复文书全部使用统一模板，依据和救济途径告知完整。</p>"
        "<p><b>政府信息管理。</b>开展规范性文件集中清理，在公开目录中标注文件有效性；落实公文公开属性源头认定。</p>"
        "<p><b>平台建设。</b>优化政府信息公开专栏，新增政策文件库检索功能。</p>"
        "<p><b>监督保障。</b>将政务公开纳入目标管理绩效考核，开展季度检查并通报。</p>",
        _TABLE_NOTE,
        _TABLE_NOTE,
        _TABLE_NOTE,
        "<p>存在的问题：一是政策解读形式较为单一，图解、音视频解读比例不高；二是个别申请答复说理不够充分。</p>"
        "<p>改进措施：一是丰富解读形式，重要政策同步推出图解；二是加强答复文书审核，开展依申请公开业务培训。</p>",
        "<p>本年度未收取信息处理费。全年办理人大代表建议和政协委员提案的结果均已公开。</p>",
    ),
)

CITY_OFFICE_2024 = ReportSpec(
    slug="aq-szfb-2024", title="安庆市人民政府办公室2024年政府信息公开工作年度报告",
    organisation="city_office", year=2024, published="2025-01-24", format_version=FORMAT_2021,
    statistics=STATS_2024,
    sections=(
        "<p>2024年，市政府办公室围绕高效办成一件事和优化营商环境，加大政策公开、解读和回应力度，政府信息公开工作持续规范。</p>"
        "<p><b>主动公开。</b>全年主动公开政府信息1.3万余条，集成办理事项的办事指南全部在线公开。</p>"
        f"<p><b>依申请公开。</b>{_applications(STATS_2024)}</p>"
        "<p><b>政府信息管理。</b>修订政府信息公开指南，按信息处理费管理办法明确收费标准。</p>"
        "<p><b>平台建设。</b>政府信息公开目录支持按六类分类和发布机构组合检索。</p>"
        "<p><b>监督保障。</b>开展年度政务公开考核，考核结果已通报。</p>",
        _TABLE_NOTE,
        _TABLE_NOTE,
        _TABLE_NOTE,
        "<p>存在的问题：基层政务公开标准化规范化水平不均衡。改进措施：加强对县（市）区的业务指导，推动公开向村（居）延伸。</p>",
        "<p>本年度依照国办函〔2020〕109号发出信息处理费缴费通知1件，申请人逾期未缴纳，未实际收取信息处理费。</p>",
    ),
)

MODERN_REPORTS: tuple[ReportSpec, ...] = (CITY_OFFICE_2023, CITY_OFFICE_2024)


def register_report(organisation, year: int, published: str) -> ReportSpec:
    """The civil affairs bureau's report of ``year``, whose table 三 is counted from the demo
    register (``disclosure_applications``), cell by cell, as 按申请登记填写表三 does."""
    stats: dict[str, int | str] = {
        "t2.item1.rules.issued": 0, "t2.item1.rules.repealed": 0, "t2.item1.rules.in_force": 0,
        "t2.item1.normative.issued": 3, "t2.item1.normative.repealed": 1, "t2.item1.normative.in_force": 27,
        "t2.item5.licensing.decisions": 112,
        "t2.item6.penalty.decisions": 2, "t2.item6.enforcement.decisions": 0,
        "t2.item8.fees.amount": "0",
    }  # fmt: skip
    stats.update(table3(organisation.pk, year))
    stats.update({table4_cell(group.key, column.key): 0 for group in TABLE4_GROUPS for column in TABLE4_COLUMNS})
    return ReportSpec(
        slug=f"aq-mzj-{year}", title=f"{organisation.name}{year}年政府信息公开工作年度报告",
        organisation="civil", year=year, published=published, format_version=FORMAT_2021,
        statistics=stats,
        sections=(
            f"<p>{year}年，市民政局依托依申请公开登记办理全部申请，答复经保密审查后发出。</p>"
            f"<p><b>依申请公开。</b>{_applications(stats)}表三由申请登记逐格统计生成。</p>",
            _TABLE_NOTE, _TABLE_NOTE, _TABLE_NOTE,
            "<p>存在的问题：个别申请补正告知不够具体。改进措施：统一补正告知书模板。</p>",
            "<p>本年度未收取信息处理费。</p>",
        ),
    )  # fmt: skip
