"""What each user chose about reminders, what was sent to them, and their calendar link."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forebygg.reminders.enums import ReminderKind


class ReminderSetting(models.Model):
    """A user's choice to receive reminders by e-mail; without a row they are on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_setting"
    )
    wanted = models.BooleanField(_("vill ha påminnelser"), default=True)

    class Meta:
        verbose_name = _("val av påminnelser")
        verbose_name_plural = _("val av påminnelser")

    def __str__(self) -> str:
        return f"{self.user}: {'på' if self.wanted else 'av'}"


class SentReminder(models.Model):
    """One reminder e-mailed to one user, kept so that it is never sent again.

    A reminder is about one thing (`kind` + `object_id`) with one date (`due_on`); `stage` is
    how many days before that date it was sent (60, 7, 0). A new date, such as an agreement
    renewed or a new lägesbild decided, starts over.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("typ"), max_length=16, choices=ReminderKind.choices)
    object_id = models.PositiveIntegerField()
    due_on = models.DateField(_("datum"))
    stage = models.SmallIntegerField(_("dagar före"))
    sent_at = models.DateTimeField(_("skickad"), auto_now_add=True)

    class Meta:
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "object_id", "due_on", "stage"], name="one_reminder_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.object_id} {self.due_on} ({self.stage})"


class CalendarFeed(models.Model):
    """A user's personal calendar link. Only a hash of its secret is stored (docs/security.md)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"))

    class Meta:
        verbose_name = _("kalenderlänk")
        verbose_name_plural = _("kalenderlänkar")

    def __str__(self) -> str:
        return str(self.user)
