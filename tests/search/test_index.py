"""The search index follows every change staff make, on both databases, with no re-indexing by hand."""

import datetime
import io
from unittest import mock

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.utils import timezone

from search.models import Document
from search.query import search
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def urls(query):
    return [result.url for result in search(query).results]


def test_a_new_page_is_found_as_soon_as_it_is_saved(make_treatment):
    make_treatment("Ozone therapy", summary="Ozone gas injected into a joint.")
    assert urls("ozone") == ["/treatments/ozone-therapy/"]


def test_an_edit_replaces_the_old_words_at_once(make_treatment):
    treatment = make_treatment("Nerve block", body="<p>A numbing medicine.</p>")
    treatment.body = "<p>A steroid injection.</p>"
    treatment.save()
    assert "/treatments/nerve-block/" in urls("steroid")
    assert "/treatments/nerve-block/" not in urls("numbing")


def test_a_changed_address_is_the_one_results_link_to(make_treatment):
    treatment = make_treatment("Nerve block")
    treatment.slug = "nerve-blocks"
    treatment.save()
    assert urls("nerve block")[0] == "/treatments/nerve-blocks/"


def test_a_deleted_page_is_gone_from_the_results_and_the_index(make_question):
    question = make_question("Is ozone safe?")
    question.delete()
    assert urls("ozone") == []
    assert not Document.objects.filter(title="Is ozone safe?").exists()


def test_an_unpublished_page_is_not_found_until_it_is_published_again(make_treatment):
    treatment = make_treatment("Ozone therapy")
    Treatment.objects.filter(pk=treatment.pk).update(is_published=False)  # even without a save signal
    assert urls("ozone") == []
    Treatment.objects.filter(pk=treatment.pk).update(is_published=True)
    assert urls("ozone") == ["/treatments/ozone-therapy/"]


def test_a_scheduled_page_appears_and_disappears_on_its_dates_by_itself(make_treatment):
    now = timezone.now()
    make_treatment(
        "Ozone therapy",
        publish_at=now + datetime.timedelta(days=1),
        unpublish_at=now + datetime.timedelta(days=2),
    )
    assert urls("ozone") == []
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=1, hours=1)):
        assert urls("ozone") == ["/treatments/ozone-therapy/"]
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=2, hours=1)):
        assert urls("ozone") == []


def test_a_question_in_a_topic_that_is_unpublished_is_not_found(make_question, make_topic):
    topic = make_topic("Ozone")
    make_question("Is ozone safe?", topic=topic)
    topic.is_published = False
    topic.save()
    assert urls("ozone safe") == []


def test_a_treatment_follows_the_names_of_the_conditions_it_is_linked_to(make_treatment, make_condition):
    condition = make_condition("Tailbone pain")
    treatment = make_treatment("Ganglion impar block", conditions=[condition])
    assert "/treatments/ganglion-impar-block/" in urls("tailbone")
    condition.name = "Coccyx pain"
    condition.save()
    assert "/treatments/ganglion-impar-block/" in urls("coccyx")
    assert "/treatments/ganglion-impar-block/" not in urls("tailbone")
    treatment.conditions.remove(condition)
    assert "/treatments/ganglion-impar-block/" not in urls("coccyx")
    condition.treatments.add(treatment)  # linked from the condition's side
    assert "/treatments/ganglion-impar-block/" in urls("coccyx")
    condition.delete()
    assert "/treatments/ganglion-impar-block/" not in urls("coccyx")


def test_a_draft_conditions_name_does_not_find_the_treatment(make_treatment, make_condition):
    make_treatment("Ganglion impar block", conditions=[make_condition("Tailbone pain", is_published=False)])
    assert urls("tailbone") == []


def test_simple_pages_are_found_while_they_are_on_the_site():
    page = FlatPage.objects.create(url="/chaperones/", title="Chaperones", content="<p>Ask for a chaperone.</p>")
    assert urls("chaperones") == []  # on no site yet
    page.sites.add(1)
    assert urls("chaperones") == ["/chaperones/"]
    page.registration_required = True
    page.save()
    assert urls("chaperones") == []


def test_rebuilding_the_index_finds_what_changed_without_signals(make_treatment):
    treatment = make_treatment("Nerve block")
    Treatment.objects.filter(pk=treatment.pk).update(summary="Ozone gas.")
    assert urls("ozone") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert urls("ozone") == ["/treatments/nerve-block/"]
    assert urls("stem cells")[0] == "/treatments/stem-cell-therapy/"
