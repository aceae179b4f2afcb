"""Results monitoring: programmes, theories of change, logframes, indicators and disaggregated
results, reported per country and period and rolled up to the programme.

Entry points: models/ (one concept per module), workflow.py (open, enter, submit, return,
approve; approved reports lock), validation.py, aggregation.py, status.py (rules as data),
dashboard.py, importing.py (XLSX/CSV), diagram.py (server-side SVG; bar charts from core.charts), toc.py
(versions and comparison), demo.py (GLO.ACT 2015-2019 from its final report).
"""
