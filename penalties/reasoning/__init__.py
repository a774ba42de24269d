"""The legal steps shared by every entry point (scalar, batch, CLI): lex mitior and the partial order of
punishments."""
