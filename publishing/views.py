from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import View

from .models import PreviewLink


class DraftPreviewMixin:
    """Detail views: drafts are 404 for visitors, previewable by staff who can view them."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


@method_decorator(never_cache, name="dispatch")
class PreviewView(View):
    """A draft read through a review link: no sign-in, never indexed, gone once expired or revoked."""

    def get(self, request, token):
        link = PreviewLink.from_token(token)
        if link is None or link.record is None:
            raise Http404("This review link has expired or was withdrawn.")
        record = link.record
        opts = record._meta
        response = render(
            request,
            f"{opts.app_label}/{opts.model_name}_detail.html",
            {"object": record, opts.model_name: record, "preview_link": link},
        )
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
