from django.urls import path

from hirelink.workflows import views

app_name = "workflows"
urlpatterns = [
    path("", views.review_list, name="review_list"),
    path("reviews/<int:review_id>/", views.review_detail, name="review_detail"),
    path("rules/", views.rule_list, name="rule_list"),
    path("rules/new/", views.rule_edit, name="rule_new"),
    path("rules/<int:rule_id>/", views.rule_edit, name="rule_edit"),
    path("runs/", views.run_list, name="run_list"),
    path("tasks/<int:task_id>/done/", views.task_complete, name="task_complete"),
]
