"""Adding up numbers written out in words, for the Russian and Kazakh readers of quoted sanctions."""


class NumberReader:
    """Words in order: units and tens add up, "hundred" and "thousand" multiply what came before,
    anything else ends the number being read."""

    def __init__(self):
        self.found: list[int] = []
        self.current = self.total = 0
        self.active = False

    def end(self) -> None:
        if self.active:
            self.found.append(self.total + self.current)
        self.current = self.total = 0
        self.active = False

    def number(self, value: int) -> None:
        """A whole number given at once (digits, or a one-word multiple)."""
        self.end()
        self.found.append(value)

    def add(self, value: int) -> None:
        self.current += value
        self.active = True

    def hundred(self) -> None:
        self.current = (self.current or 1) * 100
        self.active = True

    def thousand(self) -> None:
        self.total += (self.current or 1) * 1000
        self.current, self.active = 0, True

    def result(self) -> list[int]:
        self.end()
        return self.found
