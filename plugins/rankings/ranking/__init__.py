"""Ranks and what they add up to (ranks.py, records.py), and the corrections git tells of (corrections.py)."""
