"""Organisations, site settings, extra terms and the portal's sections for the demo.

The Anqing bodies and the footer facts (address, telephone, e-mail, filing numbers, host and
maintainer) come from the Anqing portal's 2008 report page. Only 003110926 is a real code (it
prefixes Anqing 索引号); the other codes are invented but carry a valid GB 11714 check digit.
The district is given an invented name because its source report does not name it.
"""

from __future__ import annotations

from .spec import OrganisationSpec, TopicSpec

CITY = "安庆市"

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec("city_office", "安庆市人民政府办公室", "003110926", "市政府办公室",
                     "安庆市振风大道100号东部新城综合写字楼", "0556-5347099"),
    OrganisationSpec("city_gov", "安庆市人民政府", "003110918", "市政府",
                     "安庆市振风大道100号东部新城综合写字楼"),
    OrganisationSpec("disclosure_office", "安庆市政务公开办公室", "003110934", "市政务公开办",
                     "安庆市振风大道100号东部新城综合写字楼", "0556-5347099"),
    OrganisationSpec("secrecy", "安庆市国家保密局", "003110950", "市保密局"),
    OrganisationSpec("archives", "安庆市档案局", "003110977", "市档案局"),
    OrganisationSpec("finance", "安庆市财政局", "003111013", "市财政局"),
    OrganisationSpec("education", "安庆市教育局", "003111056", "市教育局"),
    OrganisationSpec("hrss", "安庆市人力资源和社会保障局", "003111072", "市人社局"),
    OrganisationSpec("health", "安庆市卫生健康委员会", "003111099", "市卫生健康委"),
    OrganisationSpec("housing", "安庆市住房和城乡建设局", "003111136", "市住房城乡建设局"),
    OrganisationSpec("civil", "安庆市民政局", "003111152", "市民政局"),
    OrganisationSpec("service_center", "安庆市行政服务中心", "003111179", "市行政服务中心"),
    # Invented name: the source report (a district's annual report) omits the district's name.
    OrganisationSpec("district", "梧桐区人民政府", "485210363", "梧桐区政府"),
    OrganisationSpec("township", "平阳县龙尾乡人民政府", "146387025", "龙尾乡政府"),
)

# Footer and contact facts for 设置 › 信息公开设置. Fax and postcode are invented.
SITE_SETTINGS: dict[str, str] = {
    "organisation_name": "安庆市人民政府办公室",
    "organisation_code": "003110926",
    "address": "安庆市振风大道100号东部新城综合写字楼",
    "office_hours": "工作日 上午8:00—12:00 下午14:30—17:30",
    "phone": "0556-5347099",
    "fax": "0556-5347098",
    "email": "anqinggkb@163.com",
    "postcode": "246003",
    "host_organisation": "安庆市政务公开办公室",
    "maintainer": "安庆市经济信息中心",
    "icp_number": "皖ICP备05003765号",
    "police_number": "皖公网安备 34081102000277号",
}

SITE_NAME = "安庆市政府信息公开网"

# No national list exists for 生命周期分类: a starting set webmasters can edit (not standard).
LIFECYCLE_TERMS: tuple[str, ...] = ("出生", "上学", "就业", "婚育", "置业", "退休", "身后")

PORTAL_SLUG = "xxgk"
PORTAL_TITLE = "安庆市政府信息公开"
PORTAL_INTRO = (
    "<p>本网站是安庆市人民政府及其工作部门依法公开政府信息的统一平台。"
    "公众可通过<b>政府信息公开指南</b>了解公开范围和获取方式，通过<b>政府信息公开目录</b>按六种分类检索政府信息，"
    "对未主动公开的信息可<b>依申请公开</b>。</p>"
)

# (slug, title, intro) of the portal's sections, in navigation order.
SECTION_GUIDE = ("zhinan", "政府信息公开指南", "")
SECTION_RULES = ("zhidu", "政府信息公开制度", "本市政府信息公开工作的主要制度，按发布时间排列。")
SECTION_REPORTS = ("nianbao", "政府信息公开年报", "市政府及各县（市、区）、乡镇政府信息公开工作年度报告。")
SECTION_CATALOG = ("mulu", "政府信息公开目录", "可按组配、主题、服务对象、生命周期、体裁和信息格式六种分类浏览。")
SECTION_INTERPRETATION = ("zcjd", "政策解读", "对本市出台的重要政策文件进行文字、图解、专家和问答等形式的解读。")
SECTION_TOPICS = ("zdly", "重点领域", "按重点领域归集的政府信息，随目录更新自动汇总。")
APPLICATION_SLUG = "ysqgk"

TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(
        "czyjs", "财政预决算",
        "市级财政预算、决算及部门预算信息。",
        (("topic", "财政、金融、审计/财政"),),
    ),
    TopicSpec(
        "jiaoyu", "教育",
        "招生入学、教育规划和教育惠民政策。",
        (("topic", "科技、教育/教育"),),
    ),
    TopicSpec(
        "zcwj", "政策文件",
        "市政府及其部门作出决策的通知、意见和决定。",
        (("assembled", "决策"), ("genre", "通知"), ("genre", "意见"), ("genre", "决定")),
    ),
    TopicSpec(
        "shbz", "就业和社会保障",
        "就业创业、养老保险和社会救助方面的政策及其实施情况。",
        (("topic", "劳动、人事、监察/劳动就业"), ("topic", "劳动、人事、监察/社会保障"),
         ("topic", "民政、扶贫、救灾/社会福利")),
    ),
)
