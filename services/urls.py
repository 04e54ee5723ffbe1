from django.urls import path

from services import exports
from services.views import directory

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
    path("donnees/structures.json", exports.structures_json, name="structures_json"),
    path("donnees/services.json", exports.services_json, name="services_json"),
    path("donnees/structures.csv", exports.structures_csv, name="structures_csv"),
    path("donnees/services.csv", exports.services_csv, name="services_csv"),
]
