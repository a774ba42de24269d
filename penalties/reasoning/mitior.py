"""Lex mitior: which of several versions is the milder, as a documented partial order.

Version B is *no harsher* than version A for an offender when
- every main alternative of B exists in A, with B's maximum ≤ A's maximum and B's minimum ≤ A's
  minimum (an absent minimum counts as zero, an absent maximum as unbounded; bounds in different
  units are incomparable);
- every main alternative of A still exists in B: removing an alternative takes a choice away
  from the court, which is harsher when the removed one was the milder (CC 99(3): "twenty years or
  life" became "life") and milder when it was the harsher; ranking different kinds of punishment
  against each other is not encoded, so a removal makes the versions incomparable;
- every additional punishment of B exists in A with a maximum no greater, and is mandatory in B
  only if it is mandatory in A (dropping an additional punishment is milder).
B is *milder* than A when B is no harsher than A and A is not no harsher than B. Two versions
where neither is no harsher than the other are *incomparable*: the library does not guess, it
returns both and warns. An abolished version is milder than any version with a sanction.
"""

from __future__ import annotations

from ..law.provisions import Item, Version

_UNBOUNDED = None


def _le_bound(b, a, absent_is_zero: bool) -> bool | None:
    """b ≤ a for two Measures or None; None when the units differ."""
    if b is None and a is None:
        return True
    if absent_is_zero:
        if b is None:
            return True
        if a is None:
            return b.value == 0
    else:  # an absent maximum is unbounded
        if a is None:
            return True
        if b is None:
            return False
    if a.unit != b.unit:
        return None
    return b.value <= a.value


def _item_le(b: Item, a: Item) -> bool:
    if b.kind != a.kind:
        return False
    if a.lifelong and not b.lifelong:
        return True
    if b.lifelong and not a.lifelong:
        return False
    return bool(_le_bound(b.max, a.max, absent_is_zero=False)) and bool(_le_bound(b.min, a.min, absent_is_zero=True))


def no_harsher(b: Version, a: Version, offender: str) -> bool:
    """True when version `b` is no harsher than version `a` for `offender`."""
    if b.abolished:
        return True
    if a.abolished:
        return False
    sb, sa = b.sanction_for(offender), a.sanction_for(offender)
    for item in sb.main:
        if not any(_item_le(item, other) for other in sa.main):
            return False
    if {i.kind for i in sa.main} - {i.kind for i in sb.main}:
        return False
    for item in sb.additional:
        matches = [o for o in sa.additional if _item_le(item, o)]
        if not matches or (item.mandatory and not any(o.mandatory for o in matches)):
            return False
    return True


def compare(a: Version, b: Version, offender: str) -> str:
    """`"milder"` if b is milder than a, `"harsher"`, `"equal"`, or `"incomparable"`."""
    b_le_a, a_le_b = no_harsher(b, a, offender), no_harsher(a, b, offender)
    if b_le_a and a_le_b:
        return "equal"
    if b_le_a:
        return "milder"
    if a_le_b:
        return "harsher"
    return "incomparable"


def mildest(candidates: tuple[Version, ...], offender: str) -> tuple[Version, tuple[Version, ...]]:
    """The version to apply among `candidates` (the first is the one in force when the offence was
    committed), and the versions it could not be compared with."""
    chosen = candidates[0]
    undecided: list[Version] = []
    for later in candidates[1:]:
        verdict = compare(chosen, later, offender)
        if verdict == "milder":
            chosen = later
        elif verdict == "incomparable":
            undecided.append(later)
    undecided = [v for v in undecided if compare(chosen, v, offender) == "incomparable"]
    return chosen, tuple(undecided)
