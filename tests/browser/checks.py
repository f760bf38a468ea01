"""What the browser suite checks, and on which pages: axe-core, the Nu Html Checker and layout.

The checks return every problem they find as readable text (an empty list when there is none),
so a failing test prints them all at once rather than the first.
"""

import datetime
import json
import subprocess
import tempfile
from datetime import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from claims.models import Source
from faq.models import Question
from images.models import Picture
from notices.models import NoticeKind, Placement, SiteNotice
from practice.models import Clinic, ClinicPhoto, OpeningHours, Provider, SpecialHours, Weekday
from tests.images.conftest import encoded, photo
from treatments.models import Condition, PatientNotice, Treatment
from visits.models import PatientDocument, VisitGuide

NODE_MODULES = settings.BASE_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "screenshots"

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
# The narrowest common phones, and the most common one, for text at 200%.
SMALL_PHONES = [{**PHONE, "viewport": {"width": width, "height": 780}} for width in (360, 390)]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def fill_in_clinic_details():
    """Enter what staff add before going live (the launch content has none), so checks see that markup too."""
    clinic = Clinic.objects.get()
    clinic.phone = "(310) 555-0100"
    clinic.email = "frontdesk@example.com"
    clinic.street_address = "2600 Example Boulevard, Suite 100"
    clinic.postal_code = "90505"
    clinic.callback_promise = "by the end of the next working day"
    clinic.save()
    OpeningHours.objects.bulk_create(
        OpeningHours(clinic=clinic, weekday=day, opens=time(9), closes=time(17))
        for day in Weekday
        if day <= Weekday.FRIDAY
    )
    fill_in_visit_details(clinic)
    return clinic


def fill_in_everything():
    """A clinic with every field staff can fill in, at lengths real content reaches, on top of the launch content.

    A long name, phone, address, hours and a call-back promise; the stem cell page with the notice
    California requires, numbered sources, credentials, a portrait and a medical reviewer on every page that has one.
    """
    clinic = fill_in_clinic_details()
    clinic.name = "BioHealth Pain Management and Regenerative Medicine Center of the South Bay"
    clinic.save()
    doctor = Provider.objects.get(slug="rostam-khoshsar")
    doctor.credentials = "MD, FAAPMR, Diplomate of the American Board of Anesthesiology"
    doctor.role = "Interventional pain management physician and medical director"
    doctor.save()
    add_portrait(doctor)
    reviewed = {"reviewed_by": doctor, "last_reviewed": datetime.date.today()}
    for model in (Treatment, Condition, Question):
        model.objects.update(**reviewed)
    treatment = Treatment.objects.get(slug="stem-cell-therapy")
    notice = PatientNotice.objects.create(
        title="Notice to consumers: stem cell treatments not approved by the FDA",
        body="<p>THIS NOTICE MUST BE PROVIDED TO YOU UNDER CALIFORNIA LAW. This health care practitioner performs "
        "one or more stem cell therapies that have not yet been approved by the United States Food and Drug "
        "Administration. You are encouraged to consult with your primary care physician prior to undergoing a "
        "stem cell therapy.</p>",
    )
    treatment.notices.set([notice])
    add_illustration(treatment)
    add_clinic_photos(clinic)
    for record in (treatment, *treatment.conditions.all()):
        for order in range(3):
            Source.objects.create(
                record=record,
                order=order,
                title="Mesenchymal stem cell injections for the treatment of osteoarthritis of the knee: "
                "a systematic review and meta-analysis of randomised controlled trials",
                publisher="Journal of Bone and Joint Surgery, American Volume",
                year=2024,
                doi=f"10.2106/JBJS.23.0{order}123",
                date_checked=datetime.date.today(),
            )
    return clinic


def add_portrait(provider):
    """The provider's portrait, as a phone takes one (3:4, upright): on their page and the home page."""
    provider.portrait = Picture.objects.create(
        image=SimpleUploadedFile("portrait.jpg", encoded(photo(1500, 2000), "JPEG")),
        alt_text=f"{provider} smiling in a white coat in the consulting room",
    )
    provider.save()


def add_illustration(record):
    """An illustration with a caption and a credit, on a treatment's or a condition's page."""
    record.picture = Picture.objects.create(
        image=SimpleUploadedFile("diagram.png", encoded(photo(1600, 900), "PNG")),
        alt_text="A diagram of the knee joint, with the injection point marked",
        caption="Where the injection goes, seen from the front of the knee",
        credit="Drawing: the clinic",
    )
    record.save()


def add_clinic_photos(clinic):
    """Photos of the entrance and the parking, with captions, on the home and Plan your visit pages."""
    for order, caption in enumerate(
        ["The entrance on Example Boulevard, between the pharmacy and the bank", "Free parking behind the building"]
    ):
        picture = Picture.objects.create(
            image=SimpleUploadedFile("clinic.jpg", encoded(photo(1200, 900), "JPEG")),
            alt_text=caption.split(",")[0],
            caption=caption,
        )
        ClinicPhoto.objects.create(clinic=clinic, picture=picture, order=order)


def fill_in_visit_details(clinic):
    """Holiday hours, languages, the visit page, a patient document, site notices and urgent-help signs."""
    clinic.languages_spoken = "English, Spanish"
    clinic.latitude, clinic.longitude = "33.835849", "-118.340628"
    clinic.save()
    soon = timezone.localdate() + datetime.timedelta(days=10)
    SpecialHours.objects.create(clinic=clinic, date=soon, reason="Thanksgiving")
    SpecialHours.objects.create(
        clinic=clinic,
        date=soon + datetime.timedelta(days=1),
        reason="Day after Thanksgiving",
        is_closed=False,
        opens=time(9),
        closes=time(13),
    )
    VisitGuide.objects.create(
        parking="Free parking behind the building. Two accessible spaces by the entrance.",
        public_transport="Torrance Transit line 2 stops outside.",
        step_free_entrance=True,
        lift=True,
        accessible_restroom=True,
        access_notes="Use the main door on Example Boulevard.",
        what_to_bring="<ul><li>Photo ID</li><li>Your insurance card</li><li>A list of your medicines</li></ul>",
        insurance="<p>Call us to check whether we accept your plan.</p>",
        self_pay="<p>Ask us for a Good Faith Estimate before your visit.</p>",
        patient_portal_url="https://portal.example.com/",
    )
    PatientDocument.objects.create(
        title="New patient health questionnaire",
        description="Fill it in at home and bring it with you.",
        file=ContentFile(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", name="questionnaire.pdf"),
        is_published=True,
    )
    for kind, placement, title in [
        (NoticeKind.LANGUAGE_HELP, Placement.FOOTER, "Language help"),
        (NoticeKind.NONDISCRIMINATION, Placement.OWN_PAGE, "Nondiscrimination notice"),
        (NoticeKind.GOOD_FAITH_ESTIMATE, Placement.FORM, "Good Faith Estimate"),
        (NoticeKind.OPEN_PAYMENTS, Placement.TREATMENTS, "Open Payments database"),
    ]:
        SiteNotice.objects.create(
            kind=kind,
            placement=placement,
            title=title,
            slug=slugify(title),
            is_published=True,
            body=f"<p>The clinic's approved wording of the {title.lower()} goes here.</p>",
        )
    Condition.objects.filter(slug="chronic-back-pain").update(
        warning_signs="New numbness in the groin or legs\nLoss of bladder or bowel control\nPain after a fall"
    )


# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def open_all_answers(page):
    """Open every <details> so checks see the answers too, not just the questions."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


def axe_violations(page):
    """Run axe-core on the page as it is now; one line per violation, with its rule, impact and nodes.

    The script is evaluated through the DevTools protocol rather than added as a <script> tag, so a
    Content-Security-Policy on the page cannot block it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {node['target']}: {node.get('failureSummary', '')}" for node in violation["nodes"])
        for violation in results["violations"]
    ]


def nu_html_errors(documents, files=()):
    """Check HTML documents ({name: html}), and any CSS or SVG `files`, in one run of the Nu Html Checker.

    Returns one line per error or warning, starting with the document's name; info messages are left out.
    """
    names = {str(Path(path).resolve()): str(path) for path in files}
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{number}.html"
            path.write_text(html, encoding="utf-8")
            names[str(path.resolve())] = name
        result = subprocess.run(  # noqa: S603 - a fixed command over our own files
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
            + ["--also-check-css", "--also-check-svg", *names],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    problems = []
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        path = message.get("url", "").removeprefix("file:")
        kind = "warning" if message["type"] == "info" else message["type"]
        extract = " ".join(message.get("extract", "").split())
        problems.append(
            f"{names.get(path, path)} line {message.get('lastLine', '?')}: {kind}: {message['message']}\n    {extract}"
        )
    return problems


# A page "scrolls sideways" when its content is wider than the window. On a phone the window is the layout
# viewport (clientWidth): the visual one (innerWidth) grows to fit content that is too wide.
HORIZONTAL_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Elements that stick out past the right edge of the window, the way a phone would cut them off.
BEYOND_THE_WINDOW = """() => {
  const edge = document.documentElement.clientWidth;
  const beyond = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > edge + 1) {
      beyond.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(box.right));
    }
  }
  return beyond;
}"""

LARGE_TEXT = {"standard": 32, "fixed": 26}  # the browser's text size doubled, from 16px


def open_with_large_text(new_context, size, path):
    """A page opened with the browser's own text size doubled, as a person sets it (zoom would rescale everything)."""
    context = new_context(**size)
    page = context.new_page()
    context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": LARGE_TEXT})
    response = page.goto(path)
    return page, response


# Elements whose content is cut off: more content than box, with the overflow hidden or clipped,
# or text cut with an ellipsis. Scrolling boxes (overflow: auto) are not cut off: content is
# reachable. Nor is text hidden for screen readers only, in a 1px box on purpose.
CLIPPED_ELEMENTS = """() => {
  const clipped = [];
  for (const el of document.querySelectorAll('body, body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
    const hides = v => v === 'hidden' || v === 'clip';
    const cutX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const cutY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
    if (cutX || cutY || ellipsis) {
      clipped.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : ''));
    }
  }
  return clipped;
}"""
