"""The add-on installs into a project made with ``wagtail start``, the way the README says.

The distribution is built from the repository and installed into a folder of its own;
the project runs with that folder and itself on ``PYTHONPATH`` and nothing of the
repository, so only what the distribution ships is used (dependencies come from the
virtualenv). Settings and ``urls.py`` are taken from the README's code blocks, so the
README cannot drift from what works. The project's own ``search`` app (Wagtail 8's
template makes one) stays beside ``disclosure_search``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "portalhost"
SECTION = "## Installing the add-on into another Wagtail site"
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "var", "__pycache__", "*.pyc", "build", "*.egg-info", ".hypothesis", ".*cache", "db.sqlite3*"
)

pytestmark = pytest.mark.slow

Run = Callable[..., str]


def readme_blocks() -> tuple[str, str]:
    """The README's settings lines and ``urls.py`` for a ``wagtail start`` project."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    section = section[: section.find("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) >= 2, "the README's install section lost its settings or urls.py block"
    return blocks[0], blocks[1]


def run_in(cwd: Path, env: dict[str, str]) -> Run:
    def run(*args: str) -> str:
        result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        hint = "\nbuilding a wheel needs setuptools>=70.1 (or wheel) in the virtualenv" * ("bdist_wheel" in result.stderr)
        assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}{hint}"
        return result.stdout

    return run


@pytest.fixture(scope="module")
def host(tmp_path_factory) -> tuple[Path, Path, Run]:
    """A migrated ``wagtail start`` project with the add-on's wheel installed beside it."""
    tmp = tmp_path_factory.mktemp("wagtail-start")
    # A copy of the repository, so that the build leaves nothing in the working tree.
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    build = run_in(tmp, dict(os.environ))
    build("-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp / "dist"), str(source))
    (wheel,) = (tmp / "dist").glob("wagtail_disclosure-*.whl")
    target = tmp / "site-packages"
    build("-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel))

    subprocess.run([Path(sys.executable).with_name("wagtail"), "start", PROJECT], cwd=tmp, check=True, timeout=120)
    project = tmp / PROJECT
    settings_lines, urls_py = readme_blocks()
    base = project / PROJECT / "settings" / "base.py"
    base.write_text(base.read_text(encoding="utf-8") + "\n" + settings_lines, encoding="utf-8")
    (project / PROJECT / "urls.py").write_text(urls_py, encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    env.update(PYTHONPATH=os.pathsep.join([str(project), str(target)]), DJANGO_SETTINGS_MODULE=f"{PROJECT}.settings.dev")
    run = run_in(project, env)
    run("manage.py", "migrate", "--noinput", "-v0")
    return project, target, run


def test_the_distribution_ships_the_add_on_and_nothing_else(host) -> None:
    _project, target, _run = host
    shipped = {path.name for path in target.iterdir() if not path.name.endswith(".dist-info")}
    assert shipped == {"disclosure_pages", "disclosure_search", "disclosure_applications"}
    for data in (
        "disclosure_pages/templates/disclosure_pages/base.html",
        "disclosure_pages/static/disclosure_pages/css/disclosure.css",
        "disclosure_pages/migrations/0001_initial.py",
        "disclosure_pages/text/domain_terms.txt",
        "disclosure_pages/taxonomy/standard_terms.json",
        "disclosure_pages/locale/zh_Hant/LC_MESSAGES/django.mo",
        "disclosure_search/templates/disclosure_search/search_page.html",
        "disclosure_search/migrations/0001_vocabulary.py",
        "disclosure_search/locale/en/LC_MESSAGES/django.mo",
        "disclosure_applications/templates/disclosure_applications/apply.html",
        "disclosure_applications/static/disclosure_applications/applications.css",
        "disclosure_applications/migrations/0002_handler_group.py",
        "disclosure_applications/locale/zh_Hant/LC_MESSAGES/django.mo",
    ):
        assert (target / data).is_file(), data


HOST_SEARCH_APP = """
import django
django.setup()
import search, disclosure_pages, disclosure_search
from django.apps import apps
from django.core.management import call_command
from django.template.loader import get_template
call_command("check", fail_level="WARNING")
assert search.__file__.startswith({project!r}), search.__file__
assert disclosure_pages.__file__.startswith({target!r}), disclosure_pages.__file__
assert disclosure_search.__file__.startswith({target!r}), disclosure_search.__file__
assert apps.get_app_config("search").name == "search"
assert apps.get_app_config("disclosure_search").name == "disclosure_search"
assert get_template("search/search.html").origin.name.startswith({project!r})
assert get_template("disclosure_search/search_page.html")
print("beside wagtail start: ok")
"""


def test_the_add_on_and_the_projects_own_search_app_install_together(host) -> None:
    project, target, run = host
    assert "beside wagtail start: ok" in run("-c", HOST_SEARCH_APP.format(project=str(project), target=str(target)))


# Run inside the host: the minimal portal through the add-on's models, one entry written by
# an editor, approved in the confidentiality review by a reviewer and signed off by an
# approver (the default workflow every portal gets), then found by the add-on's search.
PORTAL = """
import datetime
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation
from wagtail.models import Site

from disclosure_pages.models import CatalogEntryPage, CatalogIndexPage, DisclosurePortalPage, Organisation
from disclosure_pages.moderation import roles
from disclosure_pages.moderation.models import CHECKLIST_KEYS, ConfidentialityReview
from disclosure_pages.moderation.review import record_workflow_review

APPROVAL = {"decision": "proactive", "exemption_ground": "", "checklist": CHECKLIST_KEYS,
            "acknowledge_findings": "on", "comment": "已逐项核对。"}
TITLE = "关于做好2024年防汛工作的通知"


def person(name, role):
    user = get_user_model().objects.create_user(name, f"{name}@example.gov.cn", "not-a-real-password")
    user.groups.add(Group.objects.get(name=role))
    return user


editor, reviewer, approver = person("editor", roles.EDITORS), person("reviewer", roles.REVIEWERS), \\
    person("approver", roles.APPROVERS)


def found(query):
    response = Client().get("/api/search/", {"q": query})
    assert response.status_code == 200, response.content[:500]
    return response.json()["count"]


def draft(parent, page):
    page.live, page.owner = False, editor
    parent.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def publish_reviewed(page):
    state = page.get_workflow().start(page, editor)
    review = state.current_task_state.specific
    record_workflow_review(review.task.specific, review, reviewer, "approve", APPROVAL)
    state.refresh_from_db()
    page.refresh_from_db()
    assert not page.live, "approved but not yet signed off"
    if isinstance(page, CatalogEntryPage):
        assert found("防汛") == 0
    state.current_task_state.specific.approve(user=approver)
    page.refresh_from_db()
    assert page.live
    return page


portal = publish_reviewed(draft(Site.objects.get(is_default_site=True).root_page,
                                DisclosurePortalPage(title="政府信息公开", slug="xxgk")))
catalog = publish_reviewed(draft(portal, CatalogIndexPage(title="政府信息公开目录", slug="catalog")))
organisation = Organisation.objects.create(name="滨江市应急管理局", code="003110926")
entry = publish_reviewed(draft(catalog, CatalogEntryPage(
    title=TITLE, slug="fangxun", publisher=organisation, publish_date=datetime.date(2024, 6, 2))))

review = ConfidentialityReview.objects.approvals().get(page_id=entry.pk)
assert review.reviewer == reviewer and entry.index_number, (review, entry.index_number)
assert found("防汛") == 1
page = Client().get("/search/", {"q": "防汛"})
assert page.status_code == 200 and entry.url in page.content.decode(), page.content[:500]
assert Client().get(entry.url).status_code == 200

with translation.override("zh-hant"):  # the add-on's catalogs, shipped in its packages
    assert translation.gettext("发布机构") == "發佈機構"
    assert translation.gettext("信息公开检索") == "信息公開檢索"
applied = Client().post("/api/applications/", {
    "applicant_type": "natural_person", "name": "张三", "id_number": "11010519491231002X",
    "phone": "13800000000", "organisation": "003110926", "description": "2024年防汛工作通知的全文",
    "delivery": "online"}, content_type="application/json")
assert applied.status_code == 201, applied.content[:500]
assert Client().get("/applications/apply/").status_code == 200
print("reviewed entry published and found: ok")
"""


def test_a_reviewed_entry_is_published_and_found_in_the_host(host) -> None:
    project, _target, run = host
    (project / "portal.py").write_text(PORTAL, encoding="utf-8")
    assert "reviewed entry published and found: ok" in run("portal.py")
