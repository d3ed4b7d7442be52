"""`Blackboard`: what the stages of one reader share (a trigger being read, a clause, a context).

A name no stage has set yet reads as None.  The first read of such a name makes it a class
attribute (None), so later reads of it are plain look-ups, not a failed look-up and a call."""
from __future__ import annotations

import types


class Blackboard(types.SimpleNamespace):
    def __getattr__(self, name):
        if not name.startswith("__"):
            setattr(type(self), name, None)
        return None
