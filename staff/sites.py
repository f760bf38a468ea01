import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import OneTimeCodeForm


def needs_second_factor(request):
    """Signed in with a password, but not yet with a one-time code, where the site asks for one."""
    user = request.user
    return (
        settings.ADMIN_REQUIRE_2FA
        and user.is_active
        and user.is_staff
        and not (hasattr(user, "is_verified") and user.is_verified())
    )


class ClinicAdminSite(admin.AdminSite):
    """The admin, where (if ADMIN_REQUIRE_2FA) staff give a code from an authenticator app after their password.

    Staff without an authenticator yet set one up on their first sign-in: the page shows a QR
    code, and the first correct code confirms it. Once set up, only that app's codes work; a
    superuser can remove a lost one under "TOTP devices" so its owner sets up a new one.
    """

    site_header = "BioHealth website administration"
    site_title = "BioHealth website"

    def has_permission(self, request):
        return super().has_permission(request) and not needs_second_factor(request)

    def get_urls(self):
        return [path("sign-in/code/", self.second_factor, name="second_factor"), *super().get_urls()]

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if request.method == "GET" and needs_second_factor(request):
            return redirect(f"{reverse('admin:second_factor', current_app=self.name)}?{request.GET.urlencode()}")
        return super().login(request, extra_context)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def second_factor(self, request):
        if not needs_second_factor(request):
            return redirect("admin:index" if self.has_permission(request) else "admin:login")
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        enrolling = device is None
        if enrolling:
            device, _ = TOTPDevice.objects.get_or_create(
                user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
            )
        form = OneTimeCodeForm(request.POST or None, device=device)
        if form.is_valid():
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
                next_url = reverse("admin:index", current_app=self.name)
            return redirect(next_url)
        context = {
            **self.each_context(request),
            "title": "Set up sign-in codes" if enrolling else "Enter your sign-in code",
            "form": form,
            "enrolling": enrolling,
        }
        if enrolling:
            context |= {"qr_code": qr_svg(device.config_url), "secret": device_secret(device)}
        return TemplateResponse(request, "staff/second_factor.html", context)


def qr_svg(data):
    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8).save(out)
    svg = out.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - generated here from the device's own URL


def device_secret(device):
    """The key as people type it into an app: base32 in groups of four."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
