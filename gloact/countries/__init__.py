"""Country profiles: legal framework, readiness self-assessment, stakeholders, requests for
assistance and national statistics, one page per country."""
