from django.contrib.auth import views as auth_views
from django.urls import path

from services import exports
from services.views import accounts, directory, orientations

app_name = "services"

urlpatterns = [
    path("services/", directory.directory, name="directory"),
    path("services/<slug:slug>/", directory.detail, name="detail"),
    path("services/<slug:slug>/facile/", directory.facile, name="facile"),
    path("structures/<slug:slug>/", directory.structure, name="structure"),
    path("espace/services-a-verifier/", directory.stale, name="stale"),
    path(
        "espace/services-a-verifier/<int:pk>/verifie/",
        directory.mark_verified,
        name="mark_verified",
    ),
    path("espace/orientations/", orientations.orientation_list, name="orientations"),
    path("espace/orientations/nouvelle/", orientations.orientation_new, name="orientation_new"),
    path("espace/orientations/<int:pk>/", orientations.orientation_detail, name="orientation"),
    path(
        "espace/orientations/<int:pk>/reponse/",
        orientations.orientation_answer,
        name="orientation_answer",
    ),
    path(
        "espace/orientations/<int:pk>/retrait/",
        orientations.orientation_withdraw,
        name="orientation_withdraw",
    ),
    # The accounts of conseillers and partners, run by the coordination.
    path("espace/comptes/", accounts.account_list, name="accounts"),
    path("espace/comptes/nouveau/", accounts.account_new, name="account_new"),
    path("espace/comptes/<int:pk>/", accounts.account_detail, name="account"),
    path(
        "espace/comptes/<int:pk>/desactiver/",
        accounts.account_deactivate,
        name="account_deactivate",
    ),
    path(
        "espace/comptes/<int:pk>/reactiver/",
        accounts.account_reactivate,
        name="account_reactivate",
    ),
    path("espace/comptes/<int:pk>/debloquer/", accounts.account_unlock, name="account_unlock"),
    path(
        "espace/comptes/<int:pk>/lien-mot-de-passe/",
        accounts.account_send_link,
        name="account_send_link",
    ),
    # A forgotten password, for every account: Django's views and token.
    path(
        "comptes/mot-de-passe/",
        accounts.ForgottenPasswordView.as_view(),
        name="password_reset",
    ),
    path(
        "comptes/mot-de-passe/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "comptes/mot-de-passe/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "comptes/mot-de-passe/<uidb64>/<token>/",
        accounts.ChoosePasswordView.as_view(),
        name="password_reset_confirm",
    ),
    path("donnees/structures.json", exports.structures_json, name="structures_json"),
    path("donnees/services.json", exports.services_json, name="services_json"),
    path("donnees/structures.csv", exports.structures_csv, name="structures_csv"),
    path("donnees/services.csv", exports.services_csv, name="services_csv"),
]
