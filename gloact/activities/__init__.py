"""Activities and trainings, the capacity-building record: workplans and their activities
(planning.py: planned versus delivered), the participants registry (registry.py: one person across
events, merges), attendance entered or imported (attendance_import.py), certificates
(certificates.py), pre- and post-tests (scoring.py), follow-up surveys by personal link
(followup.py, run daily by tasks.py), the training-of-trainers cascade (cascade.py) and the
monitoring indicators computed from these records (feeds.py)."""
