"""Ctrl-C (docs/corpora.md, Streaming and memory): a long call stops on SIGINT with KeyboardInterrupt, promptly, and no work
goes on afterwards. A subprocess runs the call; the test sends it SIGINT."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a subprocess is POSIX-only here")

CHILD = textwrap.dedent(r"""
    import os, sys, time, resource
    import gazetta
    kind = sys.argv[1]
    g = gazetta.Gazetteer()
    for i, n in [("JP", "Japan"), ("CN", "China"), ("KR", "South Korea"), ("RU", "Russia")]:
        g.add(i, n, kind="country")
    m = gazetta.Matcher(g)
    # ~6 GB of text by reference: one 60 kB str repeated (no memory), minutes of work.
    doc = ("Japan and China met in Seoul. Russia said nothing about South Korea. " * 850)
    texts = [doc] * 100_000
    def cpu():
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    print("started", flush=True)
    try:
        if kind == "cooccurrence":
            gazetta.cooccurrence(texts, m, progress=False)
        else:
            m.mentions(texts, progress=False)
    except KeyboardInterrupt:
        c0 = cpu(); time.sleep(0.5); busy = cpu() - c0
        print(f"interrupted busy={busy:.3f}", flush=True)
        raise
    print("finished", flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["cooccurrence", "mentions"])
def test_sigint_stops_long_call(kind: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, kind], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "started", line + (proc.stderr.read() if proc.stderr else "")
        time.sleep(1.0)  # let the core get going
        assert proc.poll() is None, "the call finished before the signal: make the corpus bigger"
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=30)
        stopped = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert "KeyboardInterrupt" in err, err
    assert "finished" not in out
    assert "interrupted" in out
    # generous bound: the interpreter stopped within ~2 s of the signal (0.5 s of it is the
    # child's own idle check below)
    assert stopped < 2.5, f"took {stopped:.2f} s to stop"
    # no thread kept working after the KeyboardInterrupt: the process was idle for 0.5 s
    busy = float(out.split("busy=")[1].split()[0])
    assert busy < 0.2, f"{busy:.3f} s CPU used after the interrupt"
