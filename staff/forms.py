import math
import re

from django import forms
from django.utils import timezone

RECOVERY_CODE = re.compile(r"[a-z2-7]{8}")


class OneTimeCodeForm(forms.Form):
    """The code from the authenticator app, or (once set up) one of the one-time recovery codes."""

    code = forms.CharField(
        label="6-digit code",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def __init__(self, *args, device, recovery=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.recovery = recovery
        self.used_device = None
        if recovery is not None:
            self.fields["code"].help_text = "Lost your phone? Enter one of your recovery codes instead."

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).lower()
        if re.fullmatch(r"\d{6}", code):
            device = self.device
        elif self.recovery is not None and RECOVERY_CODE.fullmatch(code):
            device = self.recovery
        else:
            raise forms.ValidationError(
                "Enter the 6 digits your authenticator app shows"
                + (", or one of your recovery codes." if self.recovery is not None else ".")
            )
        allowed, details = device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(f"Too many wrong codes in a row. {wait(details)}, then try again.")
        if not device.verify_token(code):
            allowed, details = device.verify_is_allowed()
            if device is self.recovery:
                problem, then = "That recovery code is not right, or was used already.", "try another"
            else:
                problem, then = "That code is not right, or has expired.", "enter the newest code your app shows"
            raise forms.ValidationError(
                f"{problem} {wait(details) + ', then ' + then if not allowed else then.capitalize()}."
            )
        self.used_device = device
        return code


def wait(details):
    """'Wait 2 seconds': how long the device refuses codes after wrong ones."""
    seconds = max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
    return f"Wait {seconds} second{'s' if seconds != 1 else ''}"
