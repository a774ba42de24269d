"""Reading and checking `statutes/`: where it is, TOML with line numbers, the article files and the
whole-tree check behind `penalties check`."""
