"""nbgrader's ``Execute`` step, hardened for untrusted notebooks.

``SafeExecute`` replaces ``nbgrader.preprocessors.Execute`` in the autograde
pipeline that ``python -m grading autograde`` configures. Compared with nbgrader:

* the kernel is the ``dl-sandbox`` kernel spec (``grading.sandbox``), reached over
  Unix sockets (ZMQ ``ipc``) because the sandbox has no network at all;
* a cell that kills the kernel (out of memory, CPU limit, ``os._exit``) gets an
  error output and 0 points, the kernel is restarted, the earlier cells are
  replayed silently, and grading goes on with the next cell (nbgrader would
  abandon the whole submission);
* a cell that ignores the interrupt after its timeout is treated the same way;
* after the last cell the integrity guard's findings are read from the kernel
  and written, with any kernel deaths, to ``$DL_GRADING_REPORT_DIR/<notebook>.json``,
  a folder the sandboxed kernel cannot see.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import uuid

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbformat.notebooknode import NotebookNode
from traitlets import Integer, Unicode

from nbgrader.preprocessors import Execute

REPORT_ENV = "DL_GRADING_REPORT_DIR"


class IPCKernelManager(AsyncKernelManager):
    """A kernel manager that talks to its kernel over Unix sockets.

    The sockets sit next to the connection file, in the runtime folder the
    sandbox binds into the kernel's view of the filesystem.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        super().__init__(**kwargs)

    async def _async_pre_start_kernel(self, **kw):
        runtime = jupyter_runtime_dir()  # JUPYTER_RUNTIME_DIR: one per submission
        os.makedirs(runtime, exist_ok=True)
        key = uuid.uuid4().hex[:8]
        self.ip = os.path.join(runtime, f"k{key}")
        if not self.connection_file or os.path.dirname(self.connection_file) != runtime:
            self.connection_file = os.path.join(runtime, f"kernel-{key}.json")
        return await super()._async_pre_start_kernel(**kw)


def _student_view(graded_dir):
    """A fresh working directory for the kernel holding only what the student may see.

    nbgrader runs the kernel in the folder of the notebook it grades, and that notebook, written
    there just before, carries the hidden tests it restored. The kernel instead starts in an
    empty folder of this submission's runtime directory (which the sandbox keeps visible), with
    copies of the assignment's other files -- data files handed out with the release or submitted
    with it -- and no notebook at all. The graded folder itself stays outside the sandbox's view.
    """
    work = os.path.join(jupyter_runtime_dir(), "work")
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    if graded_dir and os.path.isdir(graded_dir):
        shutil.copytree(graded_dir, work, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints", "timestamp.txt"))
    return work


def _error_output(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"\x1b[0;31m{ename}\x1b[0m: {evalue}"])


class SafeExecute(Execute):
    """``Execute`` that survives dead kernels and reports integrity findings."""

    max_restarts = Integer(3, help="Kernel restarts allowed per notebook before the "
                                   "remaining cells are marked failed unrun.").tag(config=True)
    report_dir = Unicode("", help="Where to write the per-notebook JSON report "
                                  "(default: $DL_GRADING_REPORT_DIR).").tag(config=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_manager_class", IPCKernelManager)
        super().__init__(**kwargs)

    def preprocess(self, nb, resources=None, km=None):
        # Same steps as nbconvert's ExecutePreprocessor.preprocess, plus recovery.
        from nbclient import NotebookClient
        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        graded_dir = self.resources.setdefault("metadata", {}).get("path")
        self.resources["metadata"]["path"] = _student_view(graded_dir)
        try:
            return self._preprocess_in_place()
        finally:
            self.resources["metadata"]["path"] = graded_dir

    def _preprocess_in_place(self):
        self._events = []          # kernel deaths, timeouts that would not stop
        self._restarts = 0
        self._ran = []             # indices of cells that ran without killing the kernel
        self._count_to_cell = {}   # kernel execution count -> grade_id / cell label
        guard = None
        with self.setup_kernel():
            info = self.wait_for_reply(self.kc.kernel_info())
            self.nb.metadata["language_info"] = info["content"]["language_info"]
            for index, cell in enumerate(self.nb.cells):
                self._run_cell(cell, index)
            guard = self._fetch_guard()
        self.set_widgets_metadata()
        self._write_report(self.resources, guard)
        return self.nb, self.resources

    # -- one cell, with recovery -------------------------------------------
    def _label(self, cell, index):
        return cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"

    def _run_cell(self, cell, index):
        if cell.cell_type != "code":
            return
        if self._restarts > self.max_restarts:
            cell.outputs = [_error_output("KernelDied", "not run: the kernel died too often")]
            return
        self._timed_out = None
        try:
            self.execute_cell(cell, index, store_history=True)
        except (DeadKernelError, CellTimeoutError) as exc:
            dead = isinstance(exc, DeadKernelError)
            why = ("the kernel died while running this cell (memory or CPU limit, "
                   "or the code stopped the process)" if dead else
                   f"this cell ran longer than {self._limit()} s, the time limit of a cell, "
                   "and did not stop when interrupted")
            cell.outputs = list(cell.get("outputs", [])) + [
                _error_output("KernelDied" if dead else "CellTimeoutError", why)]
            self._events.append({"cell": self._label(cell, index), "level": "review",
                                 "what": why})
            self._restart(index)
            return
        if cell.get("execution_count") is not None:
            self._count_to_cell[cell.execution_count] = self._label(cell, index)
        self._ran.append(index)

    def _limit(self):
        return self._timed_out if self._timed_out is not None else self.timeout

    async def _async_handle_timeout(self, timeout, cell=None):
        # nbclient interrupts the cell and records this error in it (nbgrader's default text,
        # "No reply from kernel before timeout", does not say what the limit was).
        self._timed_out = timeout
        why = (f"this cell ran longer than {timeout} s, the time limit of a cell, and was "
               "stopped (an endless loop, or far too much work)")
        self.error_on_timeout = {"ename": "CellTimeoutError", "evalue": why,
                                 "traceback": [f"\x1b[0;31mCellTimeoutError\x1b[0m: {why}"]}
        return await super()._async_handle_timeout(timeout, cell)

    def _restart(self, index):
        self._restarts += 1
        if self._restarts > self.max_restarts:
            return
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            run_sync(self.km.restart_kernel)(now=True)
            self.start_new_kernel_client()
            self._count_to_cell = {}
            for i in self._ran:  # rebuild the state the later cells expect
                msg_id = self.kc.execute(self.nb.cells[i].source, silent=True,
                                         store_history=False)
                self.wait_for_reply(msg_id, self.nb.cells[i])
        except Exception as exc:  # could not recover: mark the rest failed
            self.log.error("kernel restart failed: %s", exc)
            self._restarts = self.max_restarts + 1

    # -- integrity guard ------------------------------------------------------
    def _fetch_guard(self):
        if self._restarts > self.max_restarts:
            return None
        expr = "__import__('grading.integrity').integrity.runtime_report()"
        try:
            msg_id = self.kc.execute("", silent=True, store_history=False,
                                     user_expressions={"report": expr})
            reply = self.wait_for_reply(msg_id)
            data = reply["content"]["user_expressions"]["report"]
            text = data["data"]["text/plain"]
            report = json.loads(ast.literal_eval(text))  # the repr of a str
        except Exception as exc:
            self.log.warning("integrity guard did not answer: %s", exc)
            return None
        for f in report.get("findings", []):
            f["cell"] = self._count_to_cell.get(f.get("cell"), f.get("cell"))
        return json.dumps(report)

    def _write_report(self, resources, guard):
        folder = self.report_dir or os.environ.get(REPORT_ENV)
        if not folder:
            return
        os.makedirs(folder, exist_ok=True)
        notebook = (resources or {}).get("nbgrader", {}).get("notebook", "notebook")
        with open(os.path.join(folder, f"{notebook}.json"), "w") as f:
            json.dump({"events": self._events, "guard": guard}, f, indent=1)
