"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Chromium and Java come from the system; axe-core, the Nu Html Checker and Lighthouse from node_modules
(`npm ci`, run by `make test`). When one is missing, the tests that need it are skipped with the
Debian packages to install, except under CI=true, where a missing tool fails them: CI must always
run the whole browser suite.
"""

import os
import shutil

import pytest
from django.db import connections

from tests.conftest import tool_missing

from .checks import (
    AXE_SCRIPT,
    DESKTOP,
    LIGHTHOUSE,
    PHONE,
    SCREENSHOTS,
    VNU_JAR,
    axe_violations,
    fill_in_clinic_details,
    fill_in_everything,
    nu_html_errors,
)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # Chromium's sandbox refuses to run as root, as CI does.
    "--disable-gpu",
    # The machines have no network beyond the site under test: no update checks, sync or first-run fetches.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(tool):
    """Why `tool` cannot be used here, saying how to install it; None when it can."""
    if tool == "chromium" and not os.access(CHROMIUM, os.X_OK):
        return "Chromium is not installed: apt-get install chromium chromium-driver"
    if tool == "java" and not shutil.which("java"):
        return "Java is not installed: apt-get install default-jre-headless"
    if tool == "axe-core" and not AXE_SCRIPT.exists():
        return "axe-core is not in node_modules: run `npm ci` (needs the Debian package npm)"
    if tool == "vnu.jar" and not VNU_JAR.exists():
        return "vnu-jar is not in node_modules: run `npm ci` (needs the Debian package npm)"
    if tool == "lighthouse" and not LIGHTHOUSE.exists():
        return "Lighthouse is not in node_modules: run `npm ci` (needs the Debian package npm)"
    return None


def require(*tools):
    """Skip the current test when a tool is missing; under CI=true, fail it instead."""
    problems = [problem for problem in map(_missing, tools) if problem]
    if problems:
        tool_missing("; ".join(problems))


@pytest.fixture(scope="session")
def _connections_before_playwright(django_db_setup):
    return {alias: connections[alias] for alias in connections}


@pytest.fixture(scope="session")
def playwright(_connections_before_playwright, playwright):
    """Playwright, with the test database connections Django had before it started.

    Django keeps connections per thread, but asgiref keeps them per async context once an event
    loop runs in the thread, as Playwright's does from here on. Without this, tests would get
    fresh connections: on SQLite a second connection to the in-memory test database (not the one
    shared with the live server), and without the migrations' data for serialized rollback.
    """
    for alias, connection in _connections_before_playwright.items():
        connections[alias] = connection
    return playwright


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch the system's Chromium: Playwright's own browser download is not available here."""
    require("chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages open on the live server, so tests can write page.goto("/faq/")."""
    return live_server.url


@pytest.fixture
def site_url(live_server, transactional_db, django_db_serialized_rollback):
    """The live site's address, its database as migrations left it: launch content, staff groups.

    The live server reads the database from another thread, so these tests cannot run inside a
    rolled-back transaction: the tables are flushed after each test. Serialized rollback puts the
    migrations' data back before each one. Its flush leaves the tables empty (no content types
    either), so every live-server test should ask for `site_url` (or a fixture built on it).
    """
    return live_server.url


@pytest.fixture
def clinic_details(site_url):
    """The live site with the phone, address and opening hours that staff enter before going live."""
    return fill_in_clinic_details()


@pytest.fixture(params=["launch content", "everything filled in"])
def content(request, site_url):
    """Each page twice: with the bare launch content, and with every field staff can fill in, at full length."""
    if request.param == "everything filled in":
        fill_in_everything()
    return request.param


@pytest.fixture
def new_context(new_context):
    """pytest-playwright's new_context(**options), with the browser's own /favicon.ico requests answered locally.

    Chromium asks for /favicon.ico by itself on pages without an icon link (the admin's), after
    the page has loaded; answered by the live server, such a request could reach the database
    while the test is over and its data are being flushed.
    """

    def make(**options):
        context = new_context(**options)
        context.route("**/favicon.ico", lambda route: route.fulfill(status=404))
        return context

    return make


@pytest.fixture
def context(new_context, site_url):
    """A desktop browser window (1280x900) on the live site."""
    return new_context(**DESKTOP)


@pytest.fixture
def phone_page(new_context, site_url):
    """A phone-sized (375x812) touch browser on the live site."""
    return new_context(**PHONE).new_page()


@pytest.fixture
def no_script_page(new_context, site_url):
    """A desktop browser with JavaScript switched off."""
    return new_context(**DESKTOP, java_script_enabled=False).new_page()


@pytest.fixture
def axe():
    """axe(page) -> the page's accessibility violations, one readable line each (empty when none)."""
    require("axe-core")
    return axe_violations


@pytest.fixture
def nu_html_checker():
    """nu_html_checker({name: html}) -> the documents' HTML errors, checked in one run of Java."""
    require("java", "vnu.jar")
    return nu_html_errors


@pytest.fixture(scope="session")
def screenshots_folder():
    """test-artifacts/screenshots/, emptied once per run so it shows only this run's pages."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
