import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from staff.models import FirstStaffPassword


class Command(BaseCommand):
    """On a new install, create the first staff account with a one-time random password.

    Does nothing once any staff account exists, so it is safe to run on every start.
    """

    help = "Create the first staff account (with a random password) if there is none."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_staff=True).exists():
            return
        password = secrets.token_urlsafe(16)
        user = User.objects.create_superuser(username=username, email="", password=password)
        FirstStaffPassword.objects.create(user=user, password=user.password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created staff account {username!r} with password {password}\n"
                f"It is shown only this once: sign in at {reverse('admin:index')}: you will be asked to replace it. "
                "If sign-in codes are on (ADMIN_REQUIRE_2FA), the first sign-in sets up an authenticator app."
            )
        )
