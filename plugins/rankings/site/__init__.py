"""The site model: the ranked tables indexed once (model.py, with build_model, the front door), the directories
every page shares, and each page's model (pages.py) with its charts' data (chart_data.py). No language here."""
