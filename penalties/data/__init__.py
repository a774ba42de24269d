"""Reading and checking `statutes/`: where it is, TOML with line numbers, the acts registry, the
article files and the whole-tree check behind `penalties check`."""
