from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    """Crawl everything public; not the staff admin or the consultation form's thank-you page."""
    lines = [
        "User-agent: *",
        f"Disallow: /{getattr(settings, 'ADMIN_URL', 'admin/')}",
        f"Disallow: {reverse('consultations:thanks')}",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('django.contrib.sitemaps.views.sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
