"""A kernel wrapper that runs untrusted student code in a sandbox.

nbgrader starts an IPython kernel and runs the student's notebook in it with the
grader's own rights: the code can open sockets, read ``solutions/``, the gradebook
and every other student's submission, and take all the memory. This module is a
Jupyter kernel spec whose command puts the kernel in a box first:

    unshare --net --mount --pid --fork --mount-proc --kill-child \\
        python -m grading.sandbox --config sandbox.json -f {connection_file}

Inside the new namespaces, still as root, ``_enter`` then

1. mounts fresh empty tmpfs on /tmp, /var/tmp, /dev/shm and /run (no shared
   scratch space, no sockets of other services);
2. hides every path in ``config["hide"]`` (solutions/, the gradebook, submitted/,
   other students' working copies, .git, ...) under an empty read-only tmpfs
   (a directory) or /dev/null (a file);
3. binds back, writable, only the kernel's working directory (this student's
   copy) and the runtime directory holding the kernel's connection sockets;
4. remounts everything else read-only;
5. forks the kernel, which sets resource limits (address space, CPU seconds,
   processes, file size), drops to an unprivileged uid, or keeps uid 0 with an
   empty capability bounding set if the Python environment is not readable by
   that uid, and execs ``ipykernel``.

The new network namespace has no interface up, not even loopback, so any
connection fails; the kernel talks to nbgrader over Unix sockets (ZMQ ``ipc``
transport, see ``grading.execute``), which live in the filesystem, not the
network. The new PID namespace means the kernel sees only its own processes in
/proc, and when the kernel exits everything it started dies with it.

Without namespaces (not root, or a container that forbids ``unshare``) the
wrapper degrades to resource limits only and says so: ``probe()`` returns the
reason, the CLI prints it, and ``--require-sandbox`` turns it into an error.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import resource
import shutil
import signal
import subprocess
import sys

KERNEL_NAME = "dl-sandbox"

#: What a new kernel may use unless the caller says otherwise.
DEFAULTS = {
    "memory_mb": 1024,      # RLIMIT_AS of the kernel and each process it starts
    "cpu_seconds": 300,     # RLIMIT_CPU: CPU time of the whole kernel process
    "max_processes": 64,    # RLIMIT_NPROC for the sandbox uid (threads count too)
    "max_file_mb": 256,     # RLIMIT_FSIZE: largest file the kernel may write
    "uid": 65534,           # unprivileged uid the kernel runs as (nobody)
    "hide": [],             # absolute paths the kernel must not see
    "writable": [],         # extra absolute paths bound back writable
    "isolate": True,        # use namespaces (False: resource limits only)
    "repo_root": None,      # put on the kernel's PYTHONPATH (for grading.integrity)
}

UNSHARE_ARGS = ["--net", "--mount", "--pid", "--fork", "--mount-proc", "--kill-child"]

# Environment variables that pass from the grader into the kernel; everything
# else (tokens, credentials, CI variables) stays outside.
_ENV_PASS = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "VIRTUAL_ENV",
             "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "PYTHONPATH")


# ---------------------------------------------------------------------------
# Grader side: is a sandbox possible here, and the kernel spec that starts one.

_probe_cache: tuple[bool, str] | None = None


def probe() -> tuple[bool, str]:
    """Return ``(True, "")`` if namespaces work here, else ``(False, reason)``."""
    global _probe_cache
    if _probe_cache is not None:
        return _probe_cache
    unshare = shutil.which("unshare")
    if sys.platform != "linux":
        result = (False, f"sandbox needs Linux namespaces; this is {sys.platform}")
    elif unshare is None:
        result = (False, "sandbox needs util-linux `unshare`, which is not on PATH")
    elif os.geteuid() != 0:
        result = (False, "sandbox needs root to create mount and network namespaces "
                         f"(running as uid {os.geteuid()})")
    else:
        try:
            proc = subprocess.run([unshare, *UNSHARE_ARGS, "true"],
                                  capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as exc:
            result = (False, f"`unshare` could not run: {exc}")
        else:
            if proc.returncode == 0:
                result = (True, "")
            else:
                result = (False, "`unshare " + " ".join(UNSHARE_ARGS) + " true` failed: "
                          + (proc.stderr.strip() or f"exit {proc.returncode}")
                          + " (a container may need --privileged or CAP_SYS_ADMIN)")
    _probe_cache = result
    return result


def write_kernelspec(kernels_dir: str, config: dict) -> str:
    """Write the ``dl-sandbox`` kernel spec under ``kernels_dir``; return its folder.

    ``kernels_dir`` must be ``<something on JUPYTER_PATH>/kernels``. The sandbox
    settings go to ``sandbox.json`` beside ``kernel.json``.
    """
    cfg = {**DEFAULTS, **config}
    spec_dir = os.path.join(kernels_dir, KERNEL_NAME)
    os.makedirs(spec_dir, exist_ok=True)
    cfg_path = os.path.join(spec_dir, "sandbox.json")
    with open(cfg_path, "w") as f:
        json.dump(cfg, f, indent=1)
    inner = [sys.executable, "-m", "grading.sandbox", "--config", cfg_path,
             "-f", "{connection_file}"]
    argv = ([shutil.which("unshare") or "unshare", *UNSHARE_ARGS, *inner]
            if cfg["isolate"] else inner)
    env = {}
    if cfg["repo_root"]:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (cfg["repo_root"], os.environ.get("PYTHONPATH")) if p)
    spec = {"argv": argv, "display_name": "Python 3 (grading sandbox)",
            "language": "python", "env": env,
            # interrupt by a message on the control channel, not a signal to the
            # unshare process
            "interrupt_mode": "message",
            "metadata": {"debugger": False}}
    with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=1)
    return spec_dir


# ---------------------------------------------------------------------------
# Kernel side: runs as PID 1 of the new namespaces.

_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 1, 2, 4, 8
_MS_REMOUNT, _MS_NOATIME, _MS_NODIRATIME, _MS_BIND = 32, 1024, 2048, 4096
_MS_REC, _MS_RELATIME, _MS_STRICTATIME = 16384, 1 << 21, 1 << 24
_FLAG_OF = {"nosuid": _MS_NOSUID, "nodev": _MS_NODEV, "noexec": _MS_NOEXEC,
            "noatime": _MS_NOATIME, "nodiratime": _MS_NODIRATIME,
            "relatime": _MS_RELATIME, "strictatime": _MS_STRICTATIME}
_PR_CAPBSET_DROP, _PR_SET_NO_NEW_PRIVS = 24, 38

_libc = None


def _c():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return _libc


def _mount(source, target, fstype, flags, data=None):
    enc = lambda s: None if s is None else os.fsencode(s)  # noqa: E731
    if _c().mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {source} on {target}: {os.strerror(err)}")


def _mountpoints():
    """(mount point, per-mount flags) of every mount, parents before children."""
    out = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            point = fields[4].encode().decode("unicode_escape")
            flags = 0
            for opt in fields[5].split(","):
                flags |= _FLAG_OF.get(opt, 0)
            out.append((point, flags))
    return out


def _hide(path):
    if os.path.islink(path) or not os.path.exists(path):
        return
    if os.path.isdir(path):
        _mount("tmpfs", path, "tmpfs", _MS_NOSUID | _MS_NODEV, "size=64k,mode=755")
    else:
        _mount("/dev/null", path, None, _MS_BIND)


def _closed_ancestor(path):
    """The highest folder above ``path`` that a stranger cannot enter, or None."""
    parts = path.split(os.sep)
    for i in range(2, len(parts)):
        a = os.sep.join(parts[:i])
        if os.stat(a).st_mode & 0o005 != 0o005:
            return a
    return None


def _outermost(paths):
    paths = sorted(set(paths))
    return [p for i, p in enumerate(paths)
            if not any(p.startswith(q.rstrip(os.sep) + os.sep) for q in paths[:i])]


def _enter(cfg, workdir, keep, needed, cover=()):
    """Build the kernel's view of the filesystem (see the module docstring).

    ``keep``: folders bound back writable; ``needed``: folders the kernel must
    be able to read (the Python installation, the repository). A folder above a
    needed one that strangers cannot enter (e.g. /root, mode 700) is covered by
    an empty tmpfs with just the needed folders bound back read-only, so the
    kernel can run as an unprivileged uid without exposing the rest; so is every
    folder in ``cover`` (the repository: the kernel needs its packages, not its
    solutions, tests or history).
    """
    needed = [p for p in _outermost(needed) if os.path.isdir(p)]
    scratch = [p for p in ("/tmp", "/var/tmp", "/dev/shm", "/run")
               if os.path.isdir(p) and not os.path.islink(p)]
    closed = sorted({a for a in map(_closed_ancestor, needed) if a} | set(cover))
    under = lambda p, roots: any(p.startswith(r.rstrip(os.sep) + os.sep) for r in roots)  # noqa: E731
    # Needed folders that the scratch or closed-folder mounts will cover (a
    # repository cloned under /tmp, a Python under /root) are bound back first;
    # the hide list then applies on top of them; the writable folders come last
    # because they may sit inside hidden ones (the run folder).
    keep = _outermost(keep)
    back = [p for p in needed if under(p, scratch + closed)
            and p not in keep and not under(p, keep)]
    fds = {p: os.open(p, os.O_PATH | os.O_DIRECTORY) for p in back + keep}

    def rebind(paths):
        for p in paths:
            os.makedirs(p, exist_ok=True)
            _mount(f"/proc/self/fd/{fds[p]}", p, None, _MS_BIND | _MS_REC)
            os.close(fds[p])

    for p in scratch:
        _mount("tmpfs", p, "tmpfs", _MS_NOSUID | _MS_NODEV, "mode=1777,size=512m")
    for p in closed:
        _hide(p)
    rebind(back)
    for p in cfg["hide"]:
        _hide(p)
    rebind(keep)
    writable = set(scratch) | set(keep)
    for point, flags in _mountpoints():
        if point in writable or point == "/proc" or point.startswith("/dev"):
            continue
        try:
            _mount(None, point, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY | flags)
        except OSError:
            pass  # e.g. a mount point hidden under a tmpfs above: nothing to see there
    for p in ("/proc/sys", "/proc/sysrq-trigger"):
        try:
            _mount(p, p, None, _MS_BIND)
            _mount(None, p, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY)
        except OSError:
            pass
    os.chdir(workdir)


def _readable_by_other(path):
    """True if a uid that owns nothing can reach and read ``path``."""
    path = os.path.realpath(path)
    parts = path.split(os.sep)
    for i in range(2, len(parts) + 1):
        st = os.stat(os.sep.join(parts[:i]) or "/")
        need = 0o005 if os.path.isdir(os.sep.join(parts[:i])) else 0o004
        if st.st_mode & need != need:
            return False
    return True


def _limits(cfg, drop_uid):
    mb = 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cfg["memory_mb"] * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (cfg["cpu_seconds"], cfg["cpu_seconds"] + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (cfg["max_file_mb"] * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if drop_uid:  # counted per uid: only meaningful for the sandbox's own uid
        resource.setrlimit(resource.RLIMIT_NPROC, (cfg["max_processes"],) * 2)


def _drop_privileges(uid):
    libc = _c()
    for cap in range(64):  # an empty bounding set: no capability survives exec
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break
    libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)


def _kernel_env(cfg, home):
    env = {k: os.environ[k] for k in _ENV_PASS if k in os.environ}
    env.update({
        "HOME": home, "USER": "student", "LOGNAME": "student",
        "IPYTHONDIR": os.path.join(home, ".ipython"),
        "MPLCONFIGDIR": os.path.join(home, ".matplotlib"),
        "MPLBACKEND": "Agg",
        # Warnings go to stderr, and nbgrader scores a test cell that wrote to
        # stderr 0: a correct answer must not lose points because NumPy warned.
        "PYTHONWARNINGS": "ignore",
        "PYTHONDONTWRITEBYTECODE": "1",
        # One BLAS thread per kernel: the grader runs one kernel per core.
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        # Fewer malloc arenas keep the address space (RLIMIT_AS) for the student.
        "MALLOC_ARENA_MAX": "2",
        "DL_GRADING_SANDBOX": "namespaces" if cfg["isolate"] else "limits-only",
    })
    return env


def main(argv=None):
    """Entry point of the kernel command (``python -m grading.sandbox``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] != ["--config"] or "-f" not in argv:
        sys.exit("usage: python -m grading.sandbox --config sandbox.json -f CONNECTION_FILE [kernel args]")
    with open(argv[1]) as f:
        cfg = {**DEFAULTS, **json.load(f)}
    rest = argv[2:]
    conn = os.path.abspath(rest[rest.index("-f") + 1])
    runtime = os.path.dirname(conn)
    workdir = os.getcwd()
    home = os.path.join(runtime, "home")
    os.makedirs(home, exist_ok=True)

    in_namespace = cfg["isolate"] and os.getpid() == 1
    uid = None
    if in_namespace:
        needed = {os.path.realpath(p) for p in
                  {sys.base_prefix, sys.prefix, os.path.dirname(os.__file__),
                   *filter(os.path.isdir, sys.path)}}
        cover = []
        if cfg["repo_root"]:
            # Of the repository the kernel needs two packages (dlcore, and grading for the
            # integrity guard) and the Python environment if it lives there (.venv). The rest --
            # solutions/, tests/, .git, a gradebook -- is covered.
            repo = os.path.realpath(cfg["repo_root"])
            needed.discard(repo)
            needed |= {os.path.join(repo, pkg) for pkg in ("dlcore", "grading")}
            cover.append(repo)
        needed = sorted(needed)
        _enter(cfg, workdir, [workdir, runtime, *cfg["writable"]], needed, cover)
        needed.append(workdir)
        if cfg["uid"] is not None and all(map(_readable_by_other, needed + [sys.executable])):
            uid = int(cfg["uid"])
            for p in (workdir, runtime):
                for root, dirs, files in os.walk(p):
                    for name in [root, *(os.path.join(root, n) for n in dirs + files)]:
                        os.lchown(name, uid, uid)
    env = _kernel_env(cfg, home)
    cmd = [sys.executable, "-m", "ipykernel_launcher", *rest,
           # no history file: it would hold the test cells already run, for later code to read
           "--HistoryManager.hist_file=:memory:",
           "--IPKernelApp.exec_lines=['import grading.integrity as _g; _g.install_guard(); del _g']"]

    if not in_namespace:  # limits only: become the kernel
        _limits(cfg, drop_uid=False)
        os.execve(sys.executable, cmd, env)

    pid = os.fork()
    if pid == 0:
        try:
            _limits(cfg, drop_uid=uid is not None)
            _drop_privileges(uid)
            os.execve(sys.executable, cmd, env)
        finally:
            os._exit(127)
    # PID 1: reap orphans until the kernel exits; then the namespace ends and the
    # kernel takes every process it started with it.
    signal.signal(signal.SIGTERM, lambda *_: os.kill(pid, signal.SIGTERM))
    while True:
        try:
            done, status = os.wait()
        except ChildProcessError:
            sys.exit(0)
        except InterruptedError:
            continue
        if done == pid:
            sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)


if __name__ == "__main__":
    main()
