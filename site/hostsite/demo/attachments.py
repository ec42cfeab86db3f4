"""Small attachment files, generated as text at load time so the repository holds no binaries.

All budget figures are demo figures (万元), not the city's real budget.
"""

from __future__ import annotations

from .spec import AttachmentSpec

BUDGET_2020_CSV = AttachmentSpec(
    title="安庆市2020年市级一般公共预算支出表",
    filename="aq-2020-budget-expenditure.csv",
    content=(
        "科目,2019年执行数（万元）,2020年预算数（万元）,增减（%）\n"
        "一般公共服务支出,98650,101230,2.6\n"
        "公共安全支出,61420,63880,4.0\n"
        "教育支出,152300,160150,5.2\n"
        "科学技术支出,38760,42110,8.6\n"
        "社会保障和就业支出,121540,129870,6.9\n"
        "卫生健康支出,70210,75460,7.5\n"
        "城乡社区支出,186300,171950,-7.7\n"
        "农林水支出,54780,57320,4.6\n"
        "合计,783960,801970,2.3\n"
    ),
)

DEPARTMENT_BUDGET_2023_CSV = AttachmentSpec(
    title="安庆市2023年市级部门预算收支总表",
    filename="aq-2023-department-budget.csv",
    content=(
        "项目,预算数（万元）\n"
        "一、一般公共预算拨款收入,412560\n"
        "二、政府性基金预算拨款收入,86340\n"
        "三、事业收入,35120\n"
        "四、其他收入,6980\n"
        "收入合计,541000\n"
        "一、基本支出,228470\n"
        "二、项目支出,312530\n"
        "支出合计,541000\n"
        "其中：“三公”经费,1865\n"
    ),
)

APPLICATION_FORM_TXT = AttachmentSpec(
    title="安庆市政府信息公开申请表（文本格式）",
    filename="aq-application-form.txt",
    content=(
        "安庆市政府信息公开申请表\n"
        "\n"
        "申请人信息\n"
        "  公民：姓名＿＿＿＿ 身份证件名称及号码＿＿＿＿ 联系电话＿＿＿＿ 通信地址＿＿＿＿ 电子邮箱＿＿＿＿\n"
        "  法人或者其他组织：名称＿＿＿＿ 统一社会信用代码＿＿＿＿ 联系人＿＿＿＿ 联系电话＿＿＿＿\n"
        "\n"
        "所需政府信息\n"
        "  名称、文号或者便于查询的其他特征性描述：＿＿＿＿\n"
        "\n"
        "获取方式（可多选）：纸质文本 / 电子邮件 / 光盘 / 当面查阅、抄录\n"
        "\n"
        "申请人签名或盖章：＿＿＿＿        申请日期：＿＿年＿＿月＿＿日\n"
        "\n"
        "说明：申请表可当面提交，也可邮寄或在线提交。申请内容不明确的，受理机关将在7个工作日内一次性告知补正。\n"
    ),
)
