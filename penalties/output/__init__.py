"""Words and shapes for people and programs: notices, numbers and terms per language, text, JSON and
`docs/coverage.md`."""
