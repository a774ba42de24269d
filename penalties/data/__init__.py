"""Reading and checking `statutes/` into the values of `penalties.law`: where it is, TOML with line
numbers, the checker, the loaders (acts, articles, General Parts, MCI, rates, sentencing rules), the
builder of article files from readings, and the store that owns every cache of what was read."""
