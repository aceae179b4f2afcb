"""Reports and open data: progress reports generated from the data (build.py builds, render.py
writes HTML, PDF and DOCX) after administrator-edited templates (models.py), narrative entered per
period, the public results page of each programme with its CSV and XLSX (public.py, map.py), and
the IATI activity export and import (iati/)."""
