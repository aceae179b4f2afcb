from django.urls import path

from . import views_learning as views

urlpatterns = [
    path("learning/<int:pk>/", views.learning, name="learning"),
    path("learning/<int:pk>/test/<str:kind>/", views.build_test, name="build_test"),
    path("learning/<int:pk>/test/<str:kind>/answers/<int:participant_pk>/", views.record_answers, name="record_answers"),
    path("learning/<int:pk>/scores/", views.paper_scores, name="paper_scores"),
    path("learning/<int:pk>/cascade/", views.cascade_tree, name="cascade"),
    path("learning/<int:pk>/cascade/<int:participant_pk>/", views.trainer_track, name="trainer_track"),
    # Public, without login: the event's satisfaction form and the personal follow-up links.
    path("feedback/<str:token>/", views.feedback, name="feedback"),
    path("follow-up/", views.followup_rates, name="followup_rates"),
    path("follow-up/<str:token>/", views.followup_answer, name="followup_answer"),
]
