"""IATI 2.03 activity files of a monitoring programme.

- export.py: the programme as a hierarchy-1 activity and each partner country as a hierarchy-2
  activity, with organisations, budget and results (`build_activities`, `write_activity_file`);
- figures.py: which approved figures go out (per period, per place, with sex and age breakdown);
- rules.py and validation.py: the official XSD plus the standard's result rules, as messages with
  line numbers (`validate_activity_file`);
- importing.py: results of an activity file into a programme, all or nothing (`import_results`).
"""
