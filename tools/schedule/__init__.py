"""Schedule planning: an optimising stripboard scheduler (OR-Tools CP-SAT), day out of days, call sheets, exports.

model.py (the problem and how a plan is measured), baseline.py (the classic stripboard sort),
solver.py (CP-SAT), dood.py, callsheet.py, stripboard.py, export.py, tools.py (agent tools).
"""
