from django.urls import path

from diagnostics import views

app_name = "diagnostics"

urlpatterns = [
    path("diagnostics/", views.diagnostic_list, name="list"),
    path("diagnostics/<slug:slug>/", views.diagnostic_detail, name="detail"),
    path("espace/bilans/", views.bilan_years, name="bilans"),
    path("espace/bilans/<int:year>/", views.bilan, name="bilan"),
    path("espace/bilans/<int:year>.csv", views.bilan_csv, name="bilan_csv"),
    path(
        "espace/bilans/<int:year>/accompagnements.csv",
        views.accompagnements_csv,
        name="accompagnements_csv",
    ),
]
