"""Every model of the add-on, so that Django and migrations find them in one place."""

from .annual_report.models import AnnualReportIndexPage, AnnualReportPage
from .article.models import DisclosureArticleIndexPage, DisclosureArticlePage
from .catalog.index_numbers import IndexNumberSequence
from .catalog.models import (
    CatalogEntryAttachment,
    CatalogEntryMixin,
    CatalogEntryPage,
    CatalogIndexPage,
    DisclosureScope,
    Validity,
)
from .guide.models import GuideIndexPage, GuidePage, ReadingRoom
from .interpretation.models import InterpretationForm, InterpretationIndexPage, PolicyInterpretationPage, PolicyLink
from .mixins import DisclosurePageMixin
from .moderation.models import ConfidentialityReview, Outcome
from .moderation.passes import PublicationPass
from .moderation.published_files import PublishedFile
from .moderation.tasks import ConfidentialityReviewTask, SignOffTask
from .portal.models import DisclosurePortalPage
from .public_cache.models import ContentGeneration
from .site_settings import DisclosureSettings
from .taxonomy.models import ClassificationTerm, Dimension, Organisation
from .topic.models import TopicIndexPage, TopicPage
from .visibility import DisclosureMode

__all__ = [
    "AnnualReportIndexPage",
    "AnnualReportPage",
    "CatalogEntryAttachment",
    "ConfidentialityReview",
    "ConfidentialityReviewTask",
    "ContentGeneration",
    "Outcome",
    "CatalogEntryMixin",
    "CatalogEntryPage",
    "CatalogIndexPage",
    "ClassificationTerm",
    "Dimension",
    "DisclosureArticleIndexPage",
    "DisclosureArticlePage",
    "DisclosureMode",
    "DisclosurePageMixin",
    "DisclosurePortalPage",
    "DisclosureScope",
    "DisclosureSettings",
    "GuideIndexPage",
    "GuidePage",
    "IndexNumberSequence",
    "InterpretationForm",
    "InterpretationIndexPage",
    "Organisation",
    "PolicyInterpretationPage",
    "PolicyLink",
    "PublicationPass",
    "PublishedFile",
    "ReadingRoom",
    "SignOffTask",
    "TopicIndexPage",
    "TopicPage",
    "Validity",
]
