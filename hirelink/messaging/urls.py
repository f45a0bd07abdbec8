from django.urls import path

from hirelink.messaging import views

app_name = "messaging"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("messages/<int:message_id>/", views.message_detail, name="message_detail"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/<int:template_id>/", views.template_edit, name="template_edit"),
]
