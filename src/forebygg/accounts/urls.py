from django.contrib.auth import views as auth_views
from django.urls import path

from forebygg.accounts import account, views

app_name = "accounts"
urlpatterns = [
    path(
        "logga-in/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("inbjudan/<str:token>/", views.invitation, name="invitation"),
    path("konto/", account.account, name="account"),
    path("konto/paminnelser/", account.reminders, name="reminders"),
    path("konto/kalender/ny/", account.calendar_new, name="calendar_new"),
    path("konto/kalender/stang-av/", account.calendar_off, name="calendar_off"),
    path("kalender/<str:token>.ics", account.calendar_feed, name="calendar_feed"),
]
