"""What the browser suite checks, and on which pages: axe-core, the Nu Html Checker and layout.

The checks return every problem they find as readable text (an empty list when there is none),
so a failing test prints them all at once rather than the first.
"""

import json
import subprocess
import tempfile
from datetime import time
from pathlib import Path

from django.conf import settings

from practice.models import Clinic, OpeningHours, Weekday

NODE_MODULES = settings.BASE_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "screenshots"

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
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
    return clinic


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


# A page "scrolls sideways" when its content is wider than the window.
HORIZONTAL_OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"

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
