"""The encoded law as frozen values: provisions, versions and sanctions, kinds of punishment and their
measures, sources, the General Parts' dated rules, the MCI and the USD/KZT rate series; and the
arithmetic of entry into force and the reading of amendment footnotes. No I/O: `penalties.data`
reads `statutes/` into these values (tests/test_layout.py checks it)."""
