from django.urls import path

from permanences import agenda, views

app_name = "permanences"

urlpatterns = [
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda.ics", agenda.agenda_ics, name="agenda_ics"),
    path("agenda/lieux/<slug:slug>.ics", agenda.lieu_ics, name="lieu_ics"),
    path("agenda/themes/<slug:code>.ics", agenda.theme_ics, name="theme_ics"),
    path("agenda/imprimer/", agenda.print_month, name="print_month"),
    path("espace/accompagnements/", views.accompagnement_list, name="accompagnement_list"),
    path("espace/accompagnements/nouveau/", views.accompagnement_new, name="accompagnement_new"),
    path("espace/accompagnements/<int:pk>/", views.accompagnement_edit, name="accompagnement_edit"),
]
