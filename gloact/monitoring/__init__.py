"""Results monitoring: programmes, theories of change, logframes, indicators and disaggregated
results, reported per country and period and rolled up to the programme."""
