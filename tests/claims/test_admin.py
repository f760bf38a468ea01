import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pytest_django.asserts import assertInHTML

from claims.models import ClaimAcknowledgement, Source
from tests.conftest import form_data, page_text
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
RISKY = "Stem cells cure knee pain."


@pytest.fixture
def draft(make_treatment):
    return make_treatment("Nerve block", summary=RISKY, is_published=False)


def change_url(obj):
    return reverse("admin:treatments_treatment_change", args=[obj.pk])


def test_risky_wording_is_shown_next_to_its_field_with_why_and_what_to_do(admin_client, draft):
    response = admin_client.get(change_url(draft))
    summary_help = str(response.context["adminform"].form["summary"].help_text)
    assert '"cure knee pain"' in summary_help
    assert "Promise of a cure" in summary_help
    assert "strong scientific evidence" in summary_help
    assert "may reduce pain for some patients" in summary_help
    assert '<li lang="en">' in summary_help  # the explanation is marked with the language it is written in


def test_saving_a_draft_with_risky_wording_is_allowed_and_warns(admin_client, draft):
    data = form_data(admin_client.get(change_url(draft))) | {"body": "<p>It will stop the pain for good.</p>"}
    response = admin_client.post(change_url(draft), data, follow=True)
    assert response.redirect_chain[-1][0] == change_url(draft)  # back on the page, where warnings show
    assert "wording warning(s) to look at" in page_text(response)
    draft.refresh_from_db()
    assert draft.body == "<p>It will stop the pain for good.</p>"


def test_publishing_risky_wording_needs_an_acknowledgement_with_reason_and_source(admin_client, draft, admin_user):
    source = Source.objects.create(record=draft, title="A trial", publisher="A journal", year=2024)
    data = form_data(admin_client.get(change_url(draft))) | {"is_published": "on"}

    refused = admin_client.post(change_url(draft), data)
    assert refused.status_code == 200
    assert "unresolved warning" in page_text(refused)
    assert not Treatment.objects.get(pk=draft.pk).is_published

    incomplete = admin_client.post(change_url(draft), data | {"acknowledge_claims": "on"})
    assert "Say why this wording is supported." in page_text(incomplete)
    assert "Choose the source that supports this wording." in page_text(incomplete)

    accepted = admin_client.post(
        change_url(draft),
        data
        | {"acknowledge_claims": "on", "acknowledgement_reason": "Trial result", "acknowledgement_source": source.pk},
    )
    assert accepted.status_code == 302
    assert Treatment.objects.get(pk=draft.pk).is_published
    (ack,) = ClaimAcknowledgement.objects.for_record(draft)
    assert (ack.rule, ack.phrase, ack.reason, ack.source, ack.acknowledged_by) == (
        "cure",
        "cure knee pain",
        "Trial result",
        source,
        admin_user,
    )
    assert ack.acknowledged_at is not None


def test_publishing_risky_wording_from_the_list_is_refused(admin_client, draft):
    url = reverse("admin:treatments_treatment_changelist")
    data = form_data(admin_client.get(url))
    index = next(key for key, value in data.items() if key.endswith("-id") and value == str(draft.pk)).split("-")[1]
    response = admin_client.post(url, data | {f"form-{index}-is_published": "on", "_save": "Save"})
    assert response.status_code == 200
    assert not Treatment.objects.get(pk=draft.pk).is_published


def test_safe_wording_publishes_without_any_acknowledgement(admin_client, make_treatment):
    treatment = make_treatment("Nerve block", summary="It may reduce pain for some patients.", is_published=False)
    data = form_data(admin_client.get(change_url(treatment))) | {"is_published": "on"}
    assert admin_client.post(change_url(treatment), data).status_code == 302
    assert Treatment.objects.get(pk=treatment.pk).is_published


def test_check_claims_lists_unresolved_warnings_and_fails(capsys, draft):
    with pytest.raises(CommandError, match="unresolved wording warning"):
        call_command("check_claims")
    out = capsys.readouterr().out
    assert '"cure knee pain"' in out and "Nerve block" in out


def test_check_claims_reports_per_language(capsys, draft):
    with pytest.raises(CommandError):
        call_command("check_claims")
    lines = capsys.readouterr().out.splitlines()
    english = next(line for line in lines if line.startswith("English: "))
    assert int(english.split()[1]) >= 1
    assert "Español: 0 unresolved wording warning(s)." in lines


def test_check_claims_passes_once_every_warning_is_resolved(capsys, admin_user):
    from claims.checker import checked_models, unresolved

    for model in checked_models():
        for record in model.objects.all():
            for finding in unresolved(record):
                source = Source.objects.create(record=record, title="Evidence")
                ClaimAcknowledgement.objects.create(
                    record=record,
                    rule=finding.rule.code,
                    phrase=finding.phrase,
                    reason="Checked",
                    source=source,
                    acknowledged_by=admin_user,
                )
    call_command("check_claims")
    assert "No unresolved wording warnings." in capsys.readouterr().out


def test_launch_content_findings_are_reported_not_rewritten():
    """The checker reports the clinic's own wording; the clinic decides what to change."""
    from claims.checker import check_record

    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    phrases = {finding.phrase for finding in check_record(treatment)}
    assert "promotes regeneration of healthy tissue" in phrases
    assert treatment.summary.startswith("Stem cell therapy promotes regeneration of healthy tissue")


def test_the_wording_checks_section_is_not_named_like_insurance_claims(admin_client):
    """Staff reach recorded acknowledgements through "Wording checks and sources", not "Claims and sources"."""
    response = admin_client.get(reverse("admin:claims_claimacknowledgement_changelist"))
    section = reverse("admin:app_list", args=["claims"])
    assertInHTML(f'<a href="{section}">Wording checks and sources</a>', response.content.decode())
    assert "Claims and sources" not in page_text(response)


def test_a_flagged_question_is_refused_with_words_true_for_a_question(admin_client, make_question):
    """Questions have no sources, so their page asks for other wording rather than a source it cannot take."""
    question = make_question("Does it hurt?", answer=f"<p>{RISKY}</p>", is_published=False)
    url = reverse("admin:faq_question_change", args=[question.pk])
    refused = admin_client.post(url, form_data(admin_client.get(url)) | {"is_published": "on"})
    assert refused.status_code == 200
    text = page_text(refused)
    assert "Questions have no sources of their own, so flagged wording here cannot be kept" in text
    assert "Sources" not in text
    assert "I have checked these warnings" not in text


def test_a_flagged_question_in_a_treatments_page_is_refused_with_words_true_for_a_question(admin_client, draft):
    """A question edited in its treatment's page is told the same, not to go and acknowledge it on its own page."""
    url = change_url(draft)
    data = form_data(admin_client.get(url))
    prefix = next(key for key in data if key.endswith("-TOTAL_FORMS") and "question" in key).removesuffix(
        "-TOTAL_FORMS"
    )
    data |= {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-question": "Does it hurt?",
        f"{prefix}-0-answer": f"<p>{RISKY}</p>",
        f"{prefix}-0-is_published": "on",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    text = page_text(response)
    assert "Questions have no sources of their own" in text
    assert "open the record on its own page" not in text
