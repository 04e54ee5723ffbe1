from django.urls import path

from ateliers import views

app_name = "ateliers"

urlpatterns = [
    path("ateliers/", views.atelier_list, name="list"),
    path("ateliers.ics", views.ateliers_ics, name="ics"),
    path("ateliers/<int:pk>/", views.atelier_detail, name="detail"),
    path("ateliers/<int:pk>/inscription/", views.register, name="register"),
    path("ateliers/<int:pk>.ics", views.atelier_ics, name="atelier_ics"),
    path("ateliers/mon-inscription/<str:token>/", views.inscription_page, name="inscription"),
    path(
        "ateliers/mon-inscription/<str:token>/annuler/",
        views.inscription_cancel,
        name="inscription_cancel",
    ),
    path("espace/ateliers/", views.espace_list, name="espace_list"),
    path("espace/ateliers/<int:pk>/inscrire/", views.espace_register, name="espace_register"),
    path("espace/ateliers/<int:pk>/presences/", views.attendance, name="attendance"),
]
