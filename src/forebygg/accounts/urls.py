from django.contrib.auth import views as auth_views
from django.urls import path

from forebygg.accounts import views

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
]
