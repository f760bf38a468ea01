"""The provider page with a 12-megapixel phone portrait loads on a phone without layout shift and with pictures no
larger than they are shown, as Lighthouse (Google's own page audit, pinned in package.json) measures it."""

import io
import json
import os
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from images.models import Picture
from practice.models import Provider
from tests.images.conftest import phone_exif, photo

from .checks import LIGHTHOUSE, fill_in_everything
from .conftest import CHROMIUM, CHROMIUM_ARGS, require

METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "speed-index",
    "cumulative-layout-shift",
)


def lighthouse(url):
    """Lighthouse's report on `url`, as on a mid-range phone on a slow 4G network (its default, simulated)."""
    result = subprocess.run(  # noqa: S603 - our own tool and address
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def provider_with_phone_portrait(site_url):
    """A filled-in provider page whose portrait is a 12-megapixel phone photo, with its GPS position."""
    require("chromium", "lighthouse")
    fill_in_everything()
    buffer = io.BytesIO()
    photo(4032, 3024).save(buffer, "JPEG", quality=90, exif=phone_exif())
    doctor = Provider.objects.get(slug="rostam-khoshsar")
    doctor.portrait = Picture.objects.create(
        image=SimpleUploadedFile("IMG_1234.JPG", buffer.getvalue()),
        alt_text="Dr. Rostam Khoshsar smiling in a white coat in the consulting room",
    )
    doctor.save()
    return site_url + doctor.get_absolute_url()


def test_the_provider_page_with_a_phone_portrait_does_not_shift_and_sends_pictures_no_larger_than_shown(
    provider_with_phone_portrait,
):
    report = lighthouse(provider_with_phone_portrait)
    audits = report["audits"]
    assert report["configSettings"]["formFactor"] == "mobile"
    metrics = {name: audits[name]["numericValue"] for name in METRICS}
    # The score itself (100 on a quiet machine, README) moves with the machine's load: its simulated timings
    # start from the CPU time Chromium took here. Layout shift and picture sizes do not.
    print(f"Lighthouse mobile: performance {report['categories']['performance']['score']}, {metrics}")
    assert audits["cumulative-layout-shift"]["numericValue"] == 0
    for audit in ("unsized-images", "uses-responsive-images", "modern-image-formats", "uses-optimized-images"):
        assert audits[audit]["score"] == 1, (audit, audits[audit].get("details"))
    portrait = [
        request for request in audits["network-requests"]["details"]["items"] if "/media/pictures/" in request["url"]
    ]
    assert [request["mimeType"] for request in portrait] == ["image/avif"]
    assert portrait[0]["transferSize"] < 40_000
    print(f"Portrait on the phone: {portrait[0]['url'].rsplit('/', 1)[1]}, {portrait[0]['transferSize']} bytes")
