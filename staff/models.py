from django.conf import settings
from django.db import models


class FirstStaffPassword(models.Model):
    """The one-time password printed for the first staff account, kept as its hash until the owner replaces it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    password = models.CharField(max_length=128, help_text="The account's password hash when it was created.")

    class Meta:
        verbose_name = "first staff account's one-time password"

    def __str__(self):
        return str(self.user)

    @property
    def replaced(self):
        return self.user.password != self.password
