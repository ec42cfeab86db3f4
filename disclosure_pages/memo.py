"""Values computed once per object within a pass (an indexing pass, a bulk publication).

A pass asks for the same page's text or content several times (index columns, pre-screen,
fingerprint, recorded files); within the pass each object's value is computed once. Keyed
by object identity (the object is kept, so its id cannot be reused) and dropped when the
outermost pass ends, so an object changed after the pass is read afresh. Per thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class PassMemo(Generic[T]):
    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self._local = threading.local()

    @contextmanager
    def active(self) -> Iterator[None]:
        outer = getattr(self._local, "values", None)
        self._local.values = {} if outer is None else outer
        try:
            yield
        finally:
            self._local.values = outer

    def __call__(self, obj: Any) -> T:
        values = getattr(self._local, "values", None)
        if values is None:
            return self.compute(obj)
        entry = values.get(id(obj))
        if entry is None or entry[0] is not obj:
            entry = values[id(obj)] = (obj, self.compute(obj))
        return entry[1]
