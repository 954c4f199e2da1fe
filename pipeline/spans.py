"""Which span holds which: for every inner span, the first outer span (in the
outers' order) that holds it, in O((n + m) log n) instead of n x m."""
from bisect import bisect_left


class _PrefixMin:
    """A Fenwick tree: lower a slot, read the smallest value of slots 1..k."""

    def __init__(self, size: int, empty: int):
        self.tree = [empty] * (size + 1)
        self.empty = empty

    def lower(self, slot: int, value: int) -> None:
        while slot < len(self.tree):
            self.tree[slot] = min(self.tree[slot], value)
            slot += slot & -slot

    def smallest(self, slots: int) -> int:
        best = self.empty
        while slots > 0:
            best = min(best, self.tree[slots])
            slots -= slots & -slots
        return best


def first_holding(outers: list, inners: list) -> list:
    """outers, inners: (start, end) pairs. For each inner, the index of the first
    outer with start <= inner start and inner end <= end, or None. The inners
    are swept by start; the outers starting before are kept in a tree by end
    (largest first), so those ending at or after the inner are a prefix."""
    ends = sorted({end for _, end in outers})
    slot = {end: len(ends) - i for i, end in enumerate(ends)}  # largest end in slot 1
    tree = _PrefixMin(len(ends), len(outers))
    by_start = sorted(range(len(outers)), key=lambda i: outers[i][0])
    found, added = [None] * len(inners), 0
    for j in sorted(range(len(inners)), key=lambda j: inners[j][0]):
        start, end = inners[j]
        while added < len(by_start) and outers[by_start[added]][0] <= start:
            index = by_start[added]
            tree.lower(slot[outers[index][1]], index)
            added += 1
        first = tree.smallest(len(ends) - bisect_left(ends, end))
        found[j] = first if first < len(outers) else None
    return found
