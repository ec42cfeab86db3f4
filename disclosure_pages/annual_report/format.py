"""The statutory layout of the annual report's statistical tables.

Labels come from the national format (国办公开办函〔2021〕30号, and the 2019 trial
format 国办公开办函〔2019〕60号); keys are ours. Every cell is addressed by a flat key
``t<table>.<row>.<column>`` so that a report's figures are one JSON object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

FORMAT_2021 = "2021"
FORMAT_2019 = "2019"
FORMAT_LEGACY = "legacy"

SECTION_HEADINGS = [
    _("一、总体情况"),
    _("二、主动公开政府信息情况"),
    _("三、收到和处理政府信息公开申请情况"),
    _("四、政府信息公开行政复议、行政诉讼情况"),
    _("五、存在的主要问题及改进情况"),
    _("六、其他需要报告的事项"),
]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    decimal: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    group: str = ""  # label of the row-spanning group cell, e.g. （三）不予公开
    level: int = 0


@dataclass(frozen=True)
class SubTable:
    key: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def cell(self, row: str, column: str) -> str:
        return f"t2.{self.key}.{row}.{column}"


# Reports of the 2008 regime (seeds 001, 003, 004) used seven parts; the six fields of a
# report hold them with 收费及减免 reported under 六.
LEGACY_SECTION_HEADINGS = [
    _("一、概述"),
    _("二、主动公开政府信息情况"),
    _("三、依申请公开政府信息办理情况"),
    _("四、因政府信息公开申请行政复议、提起行政诉讼的情况"),
    _("五、存在的主要问题及改进措施"),
    _("六、其他需要报告的事项（含收费及减免情况）"),
]


@dataclass(frozen=True)
class ReportFormat:
    version: str
    label: str
    table2: tuple[SubTable, ...]
    table3_rows: tuple[Row, ...]
    section_headings: tuple[str, ...] = tuple(SECTION_HEADINGS)

    @property
    def has_tables(self) -> bool:
        return bool(self.table2)

    def cell_keys(self) -> list[str]:
        keys = [t.cell(r.key, c.key) for t in self.table2 for r in t.rows for c in t.columns]
        keys += [table3_cell(r.key, c.key) for r in self.table3_rows for c in TABLE3_COLUMNS]
        keys += [table4_cell(g.key, c.key) for g in TABLE4_GROUPS for c in TABLE4_COLUMNS]
        return keys

    def decimal_keys(self) -> set[str]:
        return {t.cell(r.key, c.key) for t in self.table2 for r in t.rows for c in t.columns if c.decimal}


TABLE3_COLUMNS = (
    Column("natural", _("自然人")),
    Column("business", _("商业企业")),
    Column("research", _("科研机构")),
    Column("nonprofit", _("社会公益组织")),
    Column("legal", _("法律服务机构")),
    Column("other", _("其他")),
    Column("total", _("总计")),
)
TABLE3_PARTY_COLUMNS = tuple(c.key for c in TABLE3_COLUMNS[:-1])
LEGAL_PERSON_GROUP = _("法人或其他组织")


def table3_cell(row: str, column: str) -> str:
    return f"t3.{row}.{column}"


TABLE4_COLUMNS = (
    Column("upheld", _("结果维持")),
    Column("corrected", _("结果纠正")),
    Column("other", _("其他结果")),
    Column("pending", _("尚未审结")),
    Column("total", _("总计")),
)


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    parent: str = ""


TABLE4_GROUPS = (
    Group("review", _("行政复议")),
    Group("direct_suit", _("未经复议直接起诉"), _("行政诉讼")),
    Group("suit_after_review", _("复议后起诉"), _("行政诉讼")),
)


def table4_cell(group: str, column: str) -> str:
    return f"t4.{group}.{column}"


def _table3_rows(split_other: bool) -> tuple[Row, ...]:
    withheld = _("（三）不予公开")
    unable = _("（四）无法提供")
    declined = _("（五）不予处理")
    other = _("（六）其他处理")
    rows = [
        Row("new", _("一、本年新收政府信息公开申请数量")),
        Row("carried_in", _("二、上年结转政府信息公开申请数量")),
        Row("disclosed", _("（一）予以公开"), "", 1),
        Row("partly", _("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "", 1),
        Row("withheld_1", _("1.属于国家秘密"), withheld, 2),
        Row("withheld_2", _("2.其他法律行政法规禁止公开"), withheld, 2),
        Row("withheld_3", _("3.危及“三安全一稳定”"), withheld, 2),
        Row("withheld_4", _("4.保护第三方合法权益"), withheld, 2),
        Row("withheld_5", _("5.属于三类内部事务信息"), withheld, 2),
        Row("withheld_6", _("6.属于四类过程性信息"), withheld, 2),
        Row("withheld_7", _("7.属于行政执法案卷"), withheld, 2),
        Row("withheld_8", _("8.属于行政查询事项"), withheld, 2),
        Row("unable_1", _("1.本机关不掌握相关政府信息"), unable, 2),
        Row("unable_2", _("2.没有现成信息需要另行制作"), unable, 2),
        Row("unable_3", _("3.补正后申请内容仍不明确"), unable, 2),
        Row("declined_1", _("1.信访举报投诉类申请"), declined, 2),
        Row("declined_2", _("2.重复申请"), declined, 2),
        Row("declined_3", _("3.要求提供公开出版物"), declined, 2),
        Row("declined_4", _("4.无正当理由大量反复申请"), declined, 2),
        Row("declined_5", _("5.要求行政机关确认或重新出具已获取信息"), declined, 2),
    ]
    if split_other:
        rows += [
            Row("other_1", _("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), other, 2),
            Row("other_2", _("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), other, 2),
            Row("other_3", _("3.其他"), other, 2),
        ]
    else:
        rows.append(Row("other", _("（六）其他处理"), "", 1))
    rows += [Row("total", _("（七）总计"), "", 1), Row("carried_out", _("四、结转下年度继续办理"))]
    return tuple(rows)


RESULT_HEADING = _("三、本年度办理结果")
# Rows whose sum is （七）总计.
NON_RESULT_ROWS = {"new", "carried_in", "total", "carried_out"}

_INT = _("本年处理决定数量")

FORMATS: dict[str, ReportFormat] = {
    FORMAT_2021: ReportFormat(
        FORMAT_2021,
        _("2021年版（国办公开办函〔2021〕30号）"),
        (
            SubTable(
                "item1",
                _("第二十条第（一）项"),
                (Column("issued", _("本年制发件数")), Column("repealed", _("本年废止件数")), Column("in_force", _("现行有效件数"))),
                (Row("rules", _("规章")), Row("normative", _("行政规范性文件"))),
            ),
            SubTable("item5", _("第二十条第（五）项"), (Column("decisions", _INT),), (Row("licensing", _("行政许可")),)),
            SubTable(
                "item6",
                _("第二十条第（六）项"),
                (Column("decisions", _INT),),
                (Row("penalty", _("行政处罚")), Row("enforcement", _("行政强制"))),
            ),
            SubTable(
                "item8",
                _("第二十条第（八）项"),
                (Column("amount", _("本年收费金额（单位：万元）"), decimal=True),),
                (Row("fees", _("行政事业性收费")),),
            ),
        ),
        _table3_rows(split_other=True),
    ),
    FORMAT_2019: ReportFormat(
        FORMAT_2019,
        _("2019年试行版（国办公开办函〔2019〕60号）"),
        (
            SubTable(
                "item1",
                _("第二十条第（一）项"),
                (Column("made", _("本年新制作数量")), Column("published", _("本年新公开数量")), Column("total", _("对外公开总数量"))),
                (Row("rules", _("规章")), Row("normative", _("规范性文件"))),
            ),
            SubTable(
                "item5",
                _("第二十条第（五）项"),
                (Column("last_year", _("上一年项目数量")), Column("change", _("本年增/减")), Column("decisions", _("处理决定数量"))),
                (Row("licensing", _("行政许可")), Row("other_services", _("其他对外管理服务事项"))),
            ),
            SubTable(
                "item6",
                _("第二十条第（六）项"),
                (Column("last_year", _("上一年项目数量")), Column("change", _("本年增/减")), Column("decisions", _("处理决定数量"))),
                (Row("penalty", _("行政处罚")), Row("enforcement", _("行政强制"))),
            ),
            SubTable(
                "item8",
                _("第二十条第（八）项"),
                (Column("last_year", _("上一年项目数量")), Column("change", _("本年增/减"))),
                (Row("fees", _("行政事业性收费")),),
            ),
            SubTable(
                "item9",
                _("第二十条第（九）项"),
                (Column("projects", _("采购项目数量")), Column("amount", _("采购总金额"), decimal=True)),
                (Row("procurement", _("政府集中采购")),),
            ),
        ),
        _table3_rows(split_other=False),
    ),
    FORMAT_LEGACY: ReportFormat(
        FORMAT_LEGACY, _("2019年以前（无统一统计表）"), (), (), tuple(LEGACY_SECTION_HEADINGS)
    ),
}

# "本年增/减" may be negative in the 2019 format.
SIGNED_COLUMNS = {"change"}

FORMAT_CHOICES = [(f.version, f.label) for f in FORMATS.values()]


@cache
def get_format(version: str) -> ReportFormat:
    return FORMATS.get(version, FORMATS[FORMAT_2021])


def default_format_for_year(year: int) -> str:
    if year >= 2021:
        return FORMAT_2021
    if year >= 2019:
        return FORMAT_2019
    return FORMAT_LEGACY
