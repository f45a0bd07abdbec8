from django.urls import path

from hirelink.screening import views

app_name = "screening"
urlpatterns = [
    path("", views.position_list, name="position_list"),
    path("positions/<int:position_id>/rules/", views.rule_editor, name="rule_editor"),
    path("positions/<int:position_id>/rules/assistant/", views.rule_assistant, name="rule_assistant"),
    path("positions/<int:position_id>/rules/versions/", views.rule_versions, name="rule_versions"),
    path(
        "positions/<int:position_id>/rules/versions/<int:ruleset_id>/restore/",
        views.rule_restore,
        name="rule_restore",
    ),
    path("positions/<int:position_id>/rescreen/", views.rescreen, name="rescreen"),
    path("positions/<int:position_id>/upload/", views.upload, name="upload"),
    path("imports/<int:bulk_id>/", views.bulk_detail, name="bulk_detail"),
    path("applications/<int:application_id>/", views.application_verdict, name="application_verdict"),
]
