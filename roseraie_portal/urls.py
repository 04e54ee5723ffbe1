from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from roseraie_portal import views
from roseraie_portal.forms import LoginForm

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url="/static/img/favicon.svg", permanent=True)),
    ),
]

# French without prefix, every other language under its own prefix (/en/, /ar/).
# /healthz is answered by roseraie_portal.health.HealthCheckMiddleware.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("services.urls")),
    path("", include("permanences.urls")),
    path("", include("ateliers.urls")),
    path("", include("diagnostics.urls")),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("donnees-personnelles/", views.privacy_notice, name="privacy_notice"),
    path("preferences/facile/", views.toggle_falc, name="toggle_falc"),
    path(
        "comptes/connexion/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("comptes/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("espace/", views.espace, name="espace"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "roseraie_portal.views.bad_request"
handler403 = "roseraie_portal.views.permission_denied"
handler404 = "roseraie_portal.views.page_not_found"
handler500 = "roseraie_portal.views.server_error"
