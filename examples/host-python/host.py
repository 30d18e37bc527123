#!/usr/bin/env python3
"""A sample shell host in Python (standard library only).

It starts cmd/host, speaks its JSON-lines protocol over the pipes (the
README's "Embedding" section), opens the host-demo page, taps its button,
receives the handler call, answers with setData, saves the frame as a PNG
(the protocol's base64 PNG) and reads one pixel of the raw RGBA frame the
command writes to a shared-memory file. scripts/hosts.sh runs it:

    python3 host.py --host ./skyline-host --page testdata/host-demo --out frame.png

It prints what it received and exits non-zero on any failure.
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile


class Host:
    """One cmd/host process; call() sends a request and returns its result."""

    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.next_id = 0

    def call(self, op, **args):
        self.next_id += 1
        req = {"id": self.next_id, "op": op, "args": args}
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("cmd/host exited")
        reply = json.loads(line)
        if reply["id"] != self.next_id:
            raise RuntimeError("reply %r to request %d" % (reply["id"], self.next_id))
        if not reply["ok"]:
            err = reply["error"]
            raise RuntimeError("%s: %s: %s" % (op, err["code"], err["message"]))
        return reply.get("result", {})

    def raw(self, line):
        """Sends one line as is and returns the reply (for malformed input)."""
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self):
        self.call("quit")
        self.proc.stdin.close()
        return self.proc.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True, help="the cmd/host binary")
    ap.add_argument("--page", required=True)
    ap.add_argument("--out", required=True, help="the PNG to write")
    a = ap.parse_args()

    h = Host([a.host])
    opened = h.call("open", page=a.page, width=375, height=667, dpr=1)
    s = opened["session"]
    w, hh = opened["width"], opened["height"]
    print("opened session %d: %dx%d, scripts %s" % (s, w, hh, opened["scripts"]))

    # A malformed line gets an error reply; the command keeps serving.
    bad = h.raw("{this is not json")
    print("malformed line: ok=%s code=%s" % (bad["ok"], bad["error"]["code"]))

    # Tap the button: touch start and end with a finger id and time stamps.
    h.call("touch", session=s, phase="start", id=1, x=100, y=70, t=100)
    h.call("touch", session=s, phase="end", id=1, x=100, y=70, t=160)
    events = h.call("drain", session=s)["events"]
    calls = [e for e in events if e["type"] == "handler"]
    for e in calls:
        print("handler call: %s (event %s at %g ms, dataset %s)" % (
            e["handler"], e["event"]["type"], e["event"]["timeStamp"],
            json.dumps(e["event"]["currentTarget"]["dataset"])))
    if not any(e["handler"] == "onGo" for e in calls):
        print("no onGo handler call: %s" % json.dumps(events), file=sys.stderr)
        return 1

    # The host runs the logic: the handler's answer.
    h.call("setData", session=s, data={"on": True, "title": "tapped from Python"})

    frame = h.call("render", session=s)
    with open(a.out, "wb") as f:
        f.write(base64.b64decode(frame["png"]))
    print("dirty: %s" % " ".join(str(v) for v in frame["dirty"]))

    shm = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    path = os.path.join(shm, "skyline-host-demo-%d.rgba" % os.getpid())
    try:
        raw = h.call("render", session=s, format="rgba", path=path)
        with open(path, "rb") as f:
            pix = f.read()
    finally:
        if os.path.exists(path):
            os.remove(path)
    if len(pix) != 4 * w * hh or raw["bytes"] != len(pix):
        print("rgba frame: %d bytes, want %d" % (len(pix), 4 * w * hh), file=sys.stderr)
        return 1
    i = (150 * w + 100) * 4
    print("swatch after: %02x%02x%02x" % (pix[i], pix[i + 1], pix[i + 2]))

    dump = h.call("layout", session=s)
    classes = []

    def walk(box):
        classes.append(box["class"])
        for c in box["children"]:
            walk(c)

    walk(dump["root"])
    print("layout has \"swatch on\": %s" % ("yes" if "swatch on" in classes else "no"))
    h.call("close", session=s)
    rc = h.close()
    print("wrote %s; cmd/host exited %d" % (a.out, rc))
    return rc


if __name__ == "__main__":
    sys.exit(main())
