#!/usr/bin/env python3
"""Drives migsh under a pseudo-terminal for the REPL tests.

Reads a JSON scenario on stdin:
  {"binary": path, "args": [...], "env": {...}, "cwd": path,
   "steps": [{"send": text} | {"expect": regex, "timeout": s} | {"sleep": s} | {"wait_exit": s}]}
and prints a JSON report: {"steps": [{"ok": bool, "detail": str}], "transcript": str, "raw": str,
"exit": int|null} ("raw" keeps the terminal escape sequences).
"expect" matches the output (terminal escape sequences and carriage returns removed)
that follows the previous match. Steps after the first failure are not run.
"""
import json, os, pty, re, select, signal, struct, sys, time, fcntl, termios

CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


def screen_text(raw):
    """The output as it would stand on a terminal: a small line-oriented emulator that
    applies carriage returns, backspaces and the cursor moves libedit uses when it redraws."""
    text = raw.decode("utf-8", "replace")
    lines, row, col = [[]], 0, 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\x1b":
            m = CSI.match(text, i)
            if m:
                args = [int(a) if a.isdigit() else 0 for a in m.group(1).lstrip("?").split(";")] if m.group(1) else []
                n = args[0] if args and args[0] > 0 else 1
                op = m.group(2)
                if op == "G":
                    col = n - 1
                elif op == "C":
                    col += n
                elif op == "D":
                    col = max(0, col - n)
                elif op == "A":
                    row = max(0, row - n)
                elif op == "B":
                    row += n
                elif op == "K":
                    while len(lines) <= row:
                        lines.append([])
                    del lines[row][col:]
                i = m.end()
            else:
                i += 2
            continue
        i += 1
        if c == "\n":
            row, col = row + 1, 0
        elif c == "\r":
            col = 0
        elif c == "\x08":
            col = max(0, col - 1)
        elif c == "\x07":
            pass
        else:
            while len(lines) <= row:
                lines.append([])
            line = lines[row]
            while len(line) < col:
                line.append(" ")
            if col < len(line):
                line[col] = c
            else:
                line.append(c)
            col += 1
    while len(lines) <= row:
        lines.append([])
    return "\n".join("".join(l) for l in lines)


def main():
    scenario = json.load(sys.stdin)
    env = dict(os.environ)
    env.update(scenario.get("env", {}))
    env.setdefault("TERM", "xterm")
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(scenario.get("cwd", "."))
        os.execve(scenario["binary"], [scenario["binary"]] + scenario.get("args", []), env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    raw = b""
    consumed = 0
    report = {"steps": [], "transcript": "", "exit": None}
    status = None

    def pump(timeout):
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    for step in scenario["steps"]:
        if "send" in step:
            os.write(fd, step["send"].encode())
            report["steps"].append({"ok": True, "detail": "sent %r" % step["send"]})
        elif "sleep" in step:
            end = time.time() + step["sleep"]
            while time.time() < end:
                pump(max(0.0, end - time.time()))
            report["steps"].append({"ok": True, "detail": "slept"})
        elif "expect" in step:
            pattern = re.compile(step["expect"])
            end = time.time() + step.get("timeout", 10)
            found = None
            while True:
                text = screen_text(raw)[consumed:]
                found = pattern.search(text)
                if found or time.time() > end:
                    break
                if not pump(min(0.1, max(0.0, end - time.time()))):
                    text = screen_text(raw)[consumed:]
                    found = pattern.search(text)
                    break
            if found:
                # The next expect looks only at what follows this match.
                consumed += found.end()
                report["steps"].append({"ok": True, "detail": "matched %r" % step["expect"]})
            else:
                report["steps"].append({"ok": False, "detail": "no match for %r in %r" % (step["expect"], text[-2000:])})
                break
        elif "wait_exit" in step:
            end = time.time() + step["wait_exit"]
            while time.time() < end:
                done, code = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = code
                    break
                pump(0.05)
            ok = status is not None
            report["steps"].append({"ok": ok, "detail": "exited" if ok else "still running"})
            if not ok:
                break
    if status is None:
        try:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        except OSError:
            pass
        report["exit"] = None
    else:
        report["exit"] = os.waitstatus_to_exitcode(status)
    while pump(0.05):
        if not select.select([fd], [], [], 0)[0]:
            break
    report["transcript"] = screen_text(raw)
    report["raw"] = raw.decode("utf-8", "replace")
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
