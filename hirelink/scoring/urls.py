from django.urls import path

from hirelink.scoring import views

app_name = "scoring"

urlpatterns = [
    path("sessions/<int:session_id>/report/", views.report_page, name="report"),
    path("sessions/<int:session_id>/report.pdf", views.report_pdf, name="report_pdf"),
    path("sessions/<int:session_id>/progress/", views.report_progress, name="report_progress"),
    path("sessions/<int:session_id>/retry/", views.report_retry, name="report_retry"),
]
