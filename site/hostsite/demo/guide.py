"""Two revisions of the disclosure guide (政府信息公开指南): 2019 (after the revised Regulation)
and 2024 (with the information-processing fee rules of 国办函〔2020〕109号).

Time limits are the Regulation's: 20 working days to reply (+20 with approval), 7 to ask for
corrections, 15 for third parties, 20 to publish proactively after information is formed.
"""

from __future__ import annotations

from typing import Any

_BODY: dict[str, str] = {
    "body_name": "安庆市人民政府办公室（安庆市政务公开办公室）",
    "body_address": "安庆市振风大道100号东部新城综合写字楼",
    "body_office_hours": "工作日 上午8:00—12:00，下午14:30—17:30（法定节假日除外）",
    "body_phone": "0556-5347099",
    "body_fax": "0556-5347098",
    "body_email": "anqinggkb@163.com",
    "body_postcode": "246003",
    "body_website": "http://aqxxgk.anqing.gov.cn/",
}

READING_ROOMS: tuple[dict[str, str], ...] = (
    {"name": "安庆市档案馆政府公开信息查阅中心", "address": "安庆市档案馆一楼查阅大厅",
     "opening_hours": "工作日 8:30—11:30，14:30—17:00", "phone": "0556-5340217"},
    {"name": "安庆市图书馆政府信息查阅点", "address": "安庆市图书馆二楼综合阅览室",
     "opening_hours": "周二至周日 9:00—17:00", "phone": "0556-5340365"},
    {"name": "安庆市行政服务中心政府信息查阅点", "address": "安庆市行政服务中心一楼综合服务窗口",
     "opening_hours": "工作日 9:00—17:00", "phone": "0556-5340158"},
)

_SCOPE = (
    "<p>本机关依照《中华人民共和国政府信息公开条例》第十九条、第二十条、第二十一条的规定，主动公开下列政府信息：</p>"
    "<ol><li>机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名；</li>"
    "<li>市政府规章和行政规范性文件；</li>"
    "<li>国民经济和社会发展规划、专项规划及相关政策；</li>"
    "<li>财政预算、决算信息；</li>"
    "<li>重大建设项目的批准和实施情况；</li>"
    "<li>扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况；</li>"
    "<li>突发公共事件的应急预案、预警信息及应对情况；</li>"
    "<li>法律、法规、规章和国家有关规定要求主动公开的其他政府信息。</li></ol>"
    "<p>具体内容见本网站“政府信息公开目录”，可按组配、主题、服务对象、生命周期、体裁和信息格式分类浏览。</p>"
)

_CHANNELS = (
    "<p>主动公开的政府信息通过以下方式公开：</p>"
    "<ul><li>安庆市政府信息公开网及市政府门户网站；</li>"
    "<li>《安庆市人民政府公报》；</li>"
    "<li>市政府新闻发布会以及报刊、广播、电视等媒体；</li>"
    "<li>设在市档案馆、市图书馆和市行政服务中心的政府信息查阅点。</li></ul>"
)

_STEPS: tuple[tuple[str, str, str], ...] = (
    ("提出申请", "申请人填写政府信息公开申请表，当面提交或者通过信函、在线平台提交。书写确有困难的，可以口头提出，由受理机构代为填写。", ""),
    ("登记受理", "受理机构对申请进行登记，确定收到申请的日期：当面提交的以提交之日为准，邮寄的以签收之日为准，网上提交的以双方确认之日为准。", ""),
    ("补正告知", "申请内容不明确的，受理机构一次性告知申请人需要补正的事项和合理的补正期限；答复期限自收到补正申请之日起计算。", "7个工作日内"),
    ("征求第三方意见", "公开可能损害第三方合法权益的，书面征求第三方意见；第三方逾期未提出意见的，由本机关依法决定。征求意见时间不计入答复期限。", "第三方15个工作日内答复"),
    ("作出答复", "能够当场答复的当场答复；不能当场答复的，在法定期限内作出书面答复。", "20个工作日内"),
    ("延期答复", "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人。", "延长不超过20个工作日"),
)

_APPLICATION_CHANNELS = (
    "<ul><li>当面申请：到市行政服务中心依申请公开受理窗口填写申请表；</li>"
    "<li>信函申请：邮寄至工作机构办公地址，信封注明“政府信息公开申请”；</li>"
    "<li>在线申请：通过本网站的<a href=\"/applications/apply/\">在线申请平台</a>填写并提交，凭受理编号和查询码<a href=\"/applications/track/\">查询办理进度</a>。</li></ul>"
    "<p>申请应当包括申请人的姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，"
    "以及获取信息的方式和途径。</p>"
)

_FEES_2019 = (
    "<p>行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，"
    "可以收取信息处理费，具体办法按国家规定执行。</p>"
)

_FEES_2024 = (
    "<p>本机关依申请提供政府信息，原则上不收取费用。申请人申请的数量、频次明显超过合理范围的，"
    "依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，每件申请只能选择下列一种方式：</p>"
    "<ul><li><b>按件计收</b>：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；"
    "11—30件（含30件）的部分，每件100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。</li>"
    "<li><b>按量计收</b>：同一申请的信息量30页以下（含30页）的，不收费；31—100页的部分，每页10元；"
    "101—200页的部分，每页20元；201页以上的部分，每页40元。</li></ul>"
    "<p>申请人逾期未按收费通知缴纳费用的，本机关不再处理该申请。</p>"
)

_SUPERVISION = (
    "<p>公民、法人或者其他组织认为本机关未依法履行政府信息公开义务的，可以向安庆市政务公开办公室投诉、举报，"
    "电话0556-5347099。</p>"
    "<p>认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>"
)

GUIDES: tuple[dict[str, Any], ...] = (
    {
        "slug": "2019", "title": "安庆市人民政府办公室政府信息公开指南（2019年修订）", "revision_year": 2019,
        "introduction": (
            "<p>为方便公民、法人和其他组织获取政府信息，根据2019年修订的《中华人民共和国政府信息公开条例》，"
            "编制本指南。本指南自2019年5月15日起施行。</p>"
        ),
        "fees": _FEES_2019,
    },
    {
        "slug": "2024", "title": "安庆市人民政府办公室政府信息公开指南（2024年修订）", "revision_year": 2024,
        "introduction": (
            "<p>本指南根据《中华人民共和国政府信息公开条例》和《政府信息公开信息处理费管理办法》修订，"
            "说明本机关政府信息的分类、编排体系和获取方式。2019年版指南同时废止，仍可在本栏目查阅。</p>"
        ),
        "fees": _FEES_2024,
    },
)


def guide_fields(guide: dict[str, Any]) -> dict[str, Any]:
    """Model field values of one guide revision (shared parts plus the revision's own)."""
    return {
        **_BODY,
        "title": guide["title"],
        "revision_year": guide["revision_year"],
        "introduction": guide["introduction"],
        "proactive_scope": _SCOPE,
        "proactive_channels": _CHANNELS,
        "proactive_time_limit": "属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开",
        "application_channels": _APPLICATION_CHANNELS,
        "application_steps": [
            {"type": "step", "value": {"title": t, "description": d, "time_limit": limit}} for t, d, limit in _STEPS
        ],
        "fees": guide["fees"],
        "supervision": _SUPERVISION,
    }
