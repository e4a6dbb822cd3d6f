"""Grading the book's homework with nbgrader: sandboxed, parallel, checked for tampering.

``python -m grading --help`` lists the commands; ``grading/FORMAT.md`` says how an
assignment notebook is written; ``book/instructor_guide.md`` walks a teacher
through a term.
"""
import os
import sys

# nbgrader runs the `alembic` command (installed beside this Python) when it
# creates a gradebook; make it findable even if the virtualenv is not activated.
_bin = os.path.dirname(sys.executable)
if _bin not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = os.pathsep.join(p for p in (_bin, os.environ.get("PATH")) if p)
