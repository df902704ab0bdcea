"""What bench/peers.sh and bench/study.sh share: timing a command under GNU time, sizes on
disk, percentiles, Recoll's configuration, rg's NEAR pattern and small shell helpers. Both
scripts put bench/ on sys.path."""
import math
import os
import re
import subprocess
import time


def timed(cmd, logpath, env=None, who="bench"):
    """Runs cmd under /usr/bin/time -v with its output in logpath; returns (wall s, cpu s,
    max rss KB). A failed command ends the benchmark, naming `who`, the command and the log."""
    tf = logpath + ".time"
    with open(logpath, "w") as lf:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdout=lf, stderr=subprocess.STDOUT, env=env)
        wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit("%s: %s failed (%d); see %s" % (who, cmd[0], p.returncode, logpath))
    txt = open(tf).read()
    u = float(re.search(r"User time \(seconds\): ([\d.]+)", txt).group(1))
    s = float(re.search(r"System time \(seconds\): ([\d.]+)", txt).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", txt).group(1))
    return wall, u + s, rss


def du_mb(*paths):
    """MiB of the files at paths (files or whole directories)."""
    n = 0
    for p in paths:
        if os.path.isfile(p):
            n += os.path.getsize(p)
        elif os.path.isdir(p):
            for d, _, fs in os.walk(p):
                for f in fs:
                    try:
                        n += os.path.getsize(os.path.join(d, f))
                    except OSError:
                        pass
    return n / 1048576


def pct(values, p):
    """The p-quantile (0-1) of values by the nearest-rank method."""
    v = sorted(values)
    return v[max(1, min(len(v), math.ceil(p * len(v)))) - 1]


def recoll_env(confdir, topdir):
    """Writes a Recoll configuration in confdir that indexes topdir and returns the environment
    to run recollindex with. Recoll's defaults run the indexer at nice 19 with the idle I/O
    class, which on a shared machine measures the other work, not Recoll; every tool here runs
    at the same priority. aspell has no dictionary for C.UTF-8 here: no spelling dictionary."""
    with open(os.path.join(confdir, "recoll.conf"), "w") as f:
        f.write("topdirs = %s\nloglevel = 2\nlogfilename = %s/recoll.log\nidxniceprio = 0\n"
                "monioniceclass = 2\nnoaspell = 1\n" % (topdir, confdir))
    return dict(os.environ, HOME=confdir, RECOLL_CONFDIR=confdir)


def sh(cmd):
    """The stripped stdout of a shell command; empty when it fails or takes over 60 s."""
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:
        return ""


def loadavg():
    """The 1, 5 and 15 minute load averages, as one string."""
    return " ".join(open("/proc/loadavg").read().split()[:3])


def near_re(a, b, n):
    """An rg regex for a and b with at most n-1 words between, in either order: what Xapian's
    a NEAR/n b matches (a window of n+1 words)."""
    g = r"(?:\w+\W+){0,%d}" % (n - 1)
    return r"\b%s\W+%s%s\b|\b%s\W+%s%s\b" % (a, g, b, b, g, a)
