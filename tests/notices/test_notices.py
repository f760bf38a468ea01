"""Site notices appear where staff place them, with who approved them, and the admin lists those not set up."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from notices.models import NoticeKind, Placement, SiteNotice
from practice.models import Provider
from tests.conftest import page_text

pytestmark = pytest.mark.django_db


def notice(placement, title, **fields):
    values = {"slug": title.lower().replace(" ", "-"), "body": f"<p>Wording of {title}.</p>", "is_published": True}
    return SiteNotice.objects.create(placement=placement, title=title, **{**values, **fields})


def test_footer_notice_is_on_every_page(client):
    notice(Placement.FOOTER, "Language help")
    for path in ["/", "/treatments/stem-cell-therapy/", "/faq/", "/request-consultation/"]:
        assert "Wording of Language help." in page_text(client.get(path)), path


def test_form_notice_is_on_the_consultation_form_only(client):
    notice(Placement.FORM, "Good Faith Estimate")
    assert "Wording of Good Faith Estimate." in page_text(client.get("/request-consultation/"))
    assert "Wording of Good Faith Estimate." not in page_text(client.get("/"))


def test_treatment_notice_is_on_every_treatment_page_before_the_request_button(client, make_treatment):
    notice(Placement.TREATMENTS, "Open Payments")
    make_treatment("Nerve block")
    for path in ["/treatments/stem-cell-therapy/", "/treatments/nerve-block/"]:
        text = page_text(client.get(path))
        assert text.index("Wording of Open Payments.") < text.index("Request a consultation"), path
    assert "Wording of Open Payments." not in page_text(client.get("/faq/"))


def test_own_page_notice_is_linked_from_the_footer_and_shows_its_approval(client):
    reviewer = Provider.objects.get(slug="rostam-khoshsar")
    notice(
        Placement.OWN_PAGE, "Nondiscrimination notice", reviewed_by=reviewer, last_reviewed=datetime.date(2026, 11, 2)
    )
    home = client.get("/")
    assert '<a href="/notices/nondiscrimination-notice/">Nondiscrimination notice</a>' in home.content.decode()
    assert "Wording of Nondiscrimination notice." not in page_text(home)

    page = page_text(client.get("/notices/nondiscrimination-notice/"))
    assert "Wording of Nondiscrimination notice." in page
    assert "Approved by Dr. Rostam Khoshsar on 2 November 2026. Next review due November 2027." in page


def test_unpublished_notice_is_shown_nowhere(client):
    notice(Placement.FOOTER, "Draft footer", is_published=False)
    notice(Placement.OWN_PAGE, "Draft page", is_published=False)
    assert "Draft footer" not in page_text(client.get("/"))
    assert "Draft page" not in page_text(client.get("/"))
    assert client.get("/notices/draft-page/").status_code == 404


def test_own_page_notice_is_in_the_sitemap(client):
    notice(Placement.OWN_PAGE, "Privacy practices")
    assert "/notices/privacy-practices/</loc>" in client.get("/sitemap.xml").content.decode()


def test_saving_a_notice_retires_cached_pages(client):
    client.get("/")  # cached
    notice(Placement.FOOTER, "Language help")
    assert "Wording of Language help." in page_text(client.get("/"))


@pytest.fixture
def notices_admin(django_user_model):
    user = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["notices", "practice"]))
    client = Client()
    client.force_login(user)
    return client


def test_admin_lists_the_commonly_needed_notices_not_set_up_yet(notices_admin):
    notice(Placement.OWN_PAGE, "Privacy practices", kind=NoticeKind.PRIVACY_PRACTICES)
    notice(Placement.FOOTER, "Language help draft", kind=NoticeKind.LANGUAGE_HELP, is_published=False)
    response = notices_admin.get("/admin/notices/sitenotice/")
    checklist = response.content.decode().split('id="notice-checklist-heading"')[1].split("</section>")[0]

    assert "Notice of Privacy Practices (HIPAA)" not in checklist
    for kind in [NoticeKind.NONDISCRIMINATION, NoticeKind.LANGUAGE_HELP, NoticeKind.OPEN_PAYMENTS]:
        assert f'href="/admin/notices/sitenotice/add/?kind={kind.value}"' in checklist
        assert str(kind.label) in checklist


def test_checklist_link_starts_the_notice_with_its_kind_and_a_title(notices_admin):
    response = notices_admin.get("/admin/notices/sitenotice/add/?kind=open-payments")
    form = response.context["adminform"].form
    assert form.initial["kind"] == "open-payments"
    assert form.initial["title"] == "Open Payments database notice"


def test_notice_page_has_structured_data_and_breadcrumbs(client):
    notice(Placement.OWN_PAGE, "Nondiscrimination notice")
    body = client.get("/notices/nondiscrimination-notice/").content.decode()
    data = json.loads(body.split('<script type="application/ld+json">')[1].split("</script>")[0])
    types = {item["@type"] for item in data["@graph"]}
    assert {"MedicalClinic", "BreadcrumbList"} <= types


def test_content_editors_may_edit_notices_holiday_hours_and_the_visit_page():
    from django.contrib.auth.models import Group

    granted = set(Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True))
    for model in ["sitenotice", "visitguide", "patientdocument", "specialhours"]:
        assert {f"change_{model}", f"view_{model}"} <= granted, model
