"""StreamField blocks shared by the prose of every disclosure page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("标题"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("二级标题")), ("h3", _("三级标题")), ("h4", _("四级标题"))],
        default="h2",
        label=_("级别"),
    )

    class Meta:
        icon = "title"
        label = _("小标题")
        template = "disclosure_pages/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("段落"),
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
    )
    table = TableBlock(label=_("表格"))
    document = DocumentChooserBlock(label=_("附件链接"))

    class Meta:
        label = _("正文")


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("问"))
    answer = blocks.RichTextBlock(label=_("答"), features=["bold", "ol", "ul", "link"])

    class Meta:
        icon = "help"
        label = _("问答")
        template = "disclosure_pages/blocks/question_answer.html"


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("步骤"))
    description = blocks.TextBlock(label=_("说明"))
    time_limit = blocks.CharBlock(label=_("时限"), required=False, help_text=_("例如：20个工作日"))

    class Meta:
        icon = "list-ol"
        label = _("办理步骤")
