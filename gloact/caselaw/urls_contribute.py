"""The contributor workspace, the editorial review and the public "suggest a case" page."""

from django.urls import path

from . import views_contribute as views

app_name = "contribute"
urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("new/", views.new_case, name="new"),
    path("model-case/", views.model_case, name="model_case"),
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/received/", views.suggestion_received, name="suggestion_received"),
    path("suggestions/", views.suggestion_queue, name="suggestion_queue"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="suggestion_detail"),
    path("suggestions/<int:pk>/file/", views.suggestion_file, name="suggestion_file"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<str:public_id>/", views.review, name="review"),
    path("review/<str:public_id>/comment/", views.add_comment, name="comment"),
    path("review/<str:public_id>/transition/", views.transition, name="transition"),
    path("review/<str:public_id>/diff/", views.diff, name="diff"),
    path("comments/<int:pk>/resolve/", views.resolve_comment, name="resolve_comment"),
    path("cases/<str:public_id>/edit/", views.edit_case, name="edit"),
    path("cases/<str:public_id>/autosave/", views.autosave, name="autosave"),
]
