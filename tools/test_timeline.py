"""How the test workers spent the run: per worker, each test file's first
start, last end and summed seconds, in the order the worker ran them.

Usage: TEST_TIMELINE=/tmp/tl.txt make test; python -m tools.test_timeline /tmp/tl.txt"""

from __future__ import annotations

import sys
from collections import defaultdict


def main(argv: list[str] | None = None) -> int:
    path = (argv if argv is not None else sys.argv[1:])[0]
    rows = [line.split(" ", 3) for line in open(path, encoding="utf-8") if line.strip()]
    t0 = min(float(r[1]) for r in rows)
    per: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for worker, start, end, nodeid in rows:
        f = nodeid.split("::")[0]
        span = per[worker].setdefault(f, [float(start), float(end), 0.0])
        span[0], span[1] = min(span[0], float(start)), max(span[1], float(end))
        span[2] += float(end) - float(start)
    for worker in sorted(per):
        files = sorted(per[worker].items(), key=lambda kv: kv[1][0])
        busy = sum(s[2] for _, s in files)
        print(f"{worker}: {len(files)} files, {busy:.0f} s in tests, last end {max(s[1] for _, s in files) - t0:.0f} s")
        for f, (a, b, s) in files:
            print(f"  {a - t0:6.0f} {b - t0:6.0f} {s:6.1f}  {f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
