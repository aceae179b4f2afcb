"""A process-wide SQLite setting that must be made before the library starts, so before Python's
sqlite3 module is first imported (importing it starts the library): settings.py makes it.

Memory statistics off (SQLITE_CONFIG_MEMSTATUS). With them on, every allocation of every
connection takes one global mutex, so statements on several threads wait for each other: the
parts of a text search split by case ids (caselaw/search/index.py) took as long side by side as
one after the other. Off, two threads take half the time, and one statement runs about 10 %
faster. SQLite then stops counting its memory and enforcing a soft heap limit; gloact uses neither.
"""

import ctypes
import ctypes.util
import sys

_SQLITE_CONFIG_MEMSTATUS = 9  # sqlite3.h


def library() -> ctypes.CDLL | None:
    """The SQLite library that Python's sqlite3 module is linked with (loaded once per process)."""
    try:  # on Linux by its soname: find_library runs ldconfig, 18 ms at every start
        return ctypes.CDLL("libsqlite3.so.0")
    except OSError:
        name = ctypes.util.find_library("sqlite3")
        return ctypes.CDLL(name) if name else None


def turn_off_memory_statistics() -> bool:
    """Whether memory statistics are now off. Not when the sqlite3 module is loaded already (the
    library has started and refuses the setting) or the library is not found: SQLite then keeps
    its default, which is slower with threads, not wrong."""
    if "_sqlite3" in sys.modules:
        return False
    sqlite = library()
    return sqlite is not None and sqlite.sqlite3_config(_SQLITE_CONFIG_MEMSTATUS, ctypes.c_int(0)) == 0
