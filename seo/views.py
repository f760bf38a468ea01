from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    """Crawl everything public but the consultation form's thank-you page.

    The staff admin is left out: its address is kept secret (ADMIN_URL), and its pages tell search
    engines not to index them themselves.
    """
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('consultations:thanks')}",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('django.contrib.sitemaps.views.sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
