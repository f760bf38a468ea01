import datetime

from django.core.validators import validate_email
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from languages.spoken import SpokenLanguagesField, codes_of, names_of
from publishing.fields import RichTextField
from publishing.models import FirstOnPage, Orderable, Publishable, SearchEngineFields
from publishing.text import phone_href
from translations.shown import TranslatedQuerySet


def validate_email_lines(value):
    for line in value.splitlines():
        if line.strip():
            validate_email(line.strip())


class Clinic(models.Model):
    """The practice's own details: one record, shown in the header, footer and home page."""

    name = models.CharField(max_length=120)
    tagline = models.CharField(max_length=200, blank=True, help_text="Shown under the clinic's name on the home page.")
    introduction = RichTextField(help_text="The home page's introduction.")
    phone = models.CharField(
        max_length=30, blank=True, help_text="As patients should dial it, e.g. (310) 555-0100. Shown on every page."
    )
    email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=50, blank=True)
    postal_code = models.CharField("ZIP code", max_length=20, blank=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="Optional, with longitude: the clinic's position on a map, e.g. 33.835849. Given to search engines.",
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text="e.g. -118.340628"
    )
    medical_disclaimer = models.TextField(
        default="The information on this site is general information, not medical advice. In an emergency, call 911.",
        help_text="Shown at the foot of every page.",
    )
    intake_emails = models.TextField(
        "intake email addresses",
        blank=True,
        validators=[validate_email_lines],
        help_text="Who is told when a consultation request arrives: one address per line. "
        "The email only says that a request arrived, never who sent it.",
    )
    callback_promise = models.CharField(
        "when we get back to patients",
        max_length=100,
        blank=True,
        help_text='Finishes the sentence "Someone from our front desk will contact you ..." on the page patients '
        'see after sending a request, e.g. "by the end of the next working day". Leave empty to promise no time.',
    )
    languages_spoken = models.CharField(
        max_length=200,
        blank=True,
        help_text='The languages staff can help patients in, separated by commas, e.g. "English, Spanish". '
        "Shown on the Plan your visit page.",
    )
    sharing_picture = models.ForeignKey(
        "images.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Optional: the picture shown when a page is shared in a message or on social media, unless the "
        "page has its own (a provider's portrait, a treatment's picture). A landscape photo works best.",
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("practice:home")

    @classmethod
    def load(cls):
        """The clinic's record, or an unsaved blank one before the first set-up."""
        upcoming = SpecialHours.objects.upcoming()
        return cls.objects.select_related("sharing_picture").prefetch_related(
            "opening_hours", Prefetch("special_hours", queryset=upcoming)
        ).first() or cls(name="")

    @property
    def intake_email_list(self):
        return [line.strip() for line in self.intake_emails.splitlines() if line.strip()]

    @property
    def phone_href(self):
        return phone_href(self.phone)

    @property
    def locality(self):
        """'Torrance, CA 90503': the part of the address a patient recognises."""
        city_state = ", ".join(part for part in (self.city, self.state) if part)
        return " ".join(part for part in (city_state, self.postal_code) if part)

    @property
    def language_list(self):
        return [language.strip() for language in self.languages_spoken.split(",") if language.strip()]

    def weekly_hours(self):
        """Monday to Sunday, each day with its opening times (an empty list when closed)."""
        days = {day: [] for day in Weekday}
        for hours in self.opening_hours.all():
            days[hours.weekday].append(hours)
        return list(days.items())


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="opening_hours_close_after_open",
                violation_error_message="Closing time must be after opening time.",
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class SpecialHoursQuerySet(models.QuerySet):
    def upcoming(self, days=None):
        """From today (the clinic's date) for the next SPECIAL_HOURS_AHEAD_DAYS days, soonest first."""
        today = timezone.localdate()
        until = today + datetime.timedelta(days=days or SPECIAL_HOURS_AHEAD_DAYS)
        return self.filter(date__gte=today, date__lte=until)


# Closures and changed hours are shown this many days ahead.
SPECIAL_HOURS_AHEAD_DAYS = 60


class SpecialHours(models.Model):
    """A date with hours other than the usual ones: a holiday closure, or a shorter day."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="special_hours")
    date = models.DateField()
    reason = models.CharField(max_length=80, help_text='Shown to patients, e.g. "Thanksgiving".')
    is_closed = models.BooleanField("closed all day", default=True)
    opens = models.TimeField(null=True, blank=True, help_text="Only when open that day.")
    closes = models.TimeField(null=True, blank=True, help_text="Only when open that day.")

    objects = SpecialHoursQuerySet.as_manager()

    class Meta:
        ordering = ["date", "opens"]
        verbose_name = "holiday or special hours"
        verbose_name_plural = "holidays and special hours"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_closed=True, opens__isnull=True, closes__isnull=True)
                | models.Q(is_closed=False, opens__isnull=False, closes__gt=models.F("opens")),
                name="special_hours_closed_or_open_then_close",
                violation_error_message="Either tick “closed all day”, or give an opening time and a later "
                "closing time.",
            )
        ]

    def __str__(self):
        if self.is_closed:
            return f"{self.date:%d %B %Y}: closed ({self.reason})"
        return f"{self.date:%d %B %Y}: {self.opens:%H:%M}-{self.closes:%H:%M} ({self.reason})"


class ClinicPhoto(Orderable):
    """A photo of the clinic (its entrance, the building, parking, the waiting room): patients know it on arrival."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="photos")
    picture = models.ForeignKey(
        "images.Picture",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Shown on the home page and the Plan your visit page, with its caption: for example "
        "“The entrance, between the pharmacy and the bank”.",
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "photo of the clinic"
        verbose_name_plural = "photos of the clinic"

    def __str__(self):
        return str(self.picture)


class Provider(Publishable, SearchEngineFields, Orderable):
    """A clinician patients can see at the clinic."""

    honorific = models.CharField(max_length=20, blank=True, help_text='For example "Dr."')
    name = models.CharField(max_length=120, help_text="Full name, without title or credentials.")
    slug = models.SlugField(unique=True, help_text="The provider's web address: /providers/<slug>/")
    credentials = models.CharField(max_length=120, blank=True, help_text='For example "MD" or "MD, FAAPMR".')
    role = models.CharField(max_length=120, blank=True, help_text='For example "Pain management physician".')
    bio = RichTextField()
    portrait = models.ForeignKey(
        "images.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Optional: a photo of the provider, shown on their page and the home page. Upload it with the + "
        "button or under Pictures.",
    )
    email = models.EmailField(
        blank=True, help_text="Only used to send this provider reminders of pages due for review. Never shown."
    )
    languages_spoken = SpokenLanguagesField(
        "languages spoken with patients", help_text="Shown on the provider's page, in the language of the page."
    )

    # Its page lists the first 12 treatments it performs, so it stays short and quick; all of them
    # are on the treatments list.
    page_treatments = FirstOnPage("treatments", 12)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("practice:provider_detail", args=[self.slug])

    @property
    def language_codes(self):
        return codes_of(self.languages_spoken)

    @property
    def language_names(self):
        return names_of(self.language_codes)

    @property
    def display_name(self):
        """'Dr. Rostam Khoshsar, MD'."""
        full = " ".join(p for p in (self.honorific, self.name) if p)
        return f"{full}, {self.credentials}" if self.credentials else full
