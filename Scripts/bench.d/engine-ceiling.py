#!/usr/bin/env python3
"""Helper of Scripts/bench.d/engine (does nothing when run without arguments).

  engine-ceiling.py read ENV_FILE FIRST_USER_INDEX USERS CONNECTIONS
      the server's delivery ceiling: CONNECTIONS worker processes, each with one TLS connection at a time
      (Python ssl, trust from SSL_CERT_FILE), take users in turn, and for every folder of the user issue one
      `UID FETCH 1:* BODY.PEEK[]`, discarding the bytes. Prints "messages bytes seconds".
"""
import multiprocessing, re, shlex, socket, ssl, sys, time

LITERAL = re.compile(rb"\{(\d+)\}\r\n$")
LIST_NAME = re.compile(rb'^\* LIST \([^)]*\) (?:"[^"]*"|NIL) "?([^"\r\n]*)"?\r\n$')


def load_env(path):
    env = {}
    for line in open(path, encoding="utf-8"):
        key, _, value = line.rstrip("\n").partition("=")
        env[key] = " ".join(shlex.split(value)) if value else ""
    return env


class Session:
    def __init__(self, host, port):
        ctx = ssl.create_default_context()  # honours SSL_CERT_FILE
        self.sock = ctx.wrap_socket(socket.create_connection((host, port)), server_hostname=host)
        self.f = self.sock.makefile("rb", buffering=1 << 20)
        self.f.readline()  # greeting
        self.n = 0

    def run(self, text, on_line=None):
        """Sends one command; feeds untagged lines to on_line; skips literals, counting them."""
        self.n += 1
        tag = f"t{self.n}".encode()
        self.sock.sendall(tag + b" " + text.encode() + b"\r\n")
        messages = nbytes = 0
        while True:
            line = self.f.readline()
            if not line:
                raise SystemExit("connection closed")
            m = LITERAL.search(line)
            if m:
                size = int(m.group(1))
                left = size
                while left:
                    chunk = self.f.read(min(left, 1 << 20))
                    if not chunk:
                        raise SystemExit("connection closed in a literal")
                    left -= len(chunk)
                messages += 1
                nbytes += size
                continue
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise SystemExit(line.decode(errors="replace"))
                return messages, nbytes
            if on_line:
                on_line(line)


def read_user(job):
    env, index = job
    s = Session(env["IMAP_HOST"], int(env["IMAPS_PORT"]))
    s.run(f'LOGIN "{env[f"IMAP_USER{index}"]}" "{env[f"IMAP_PASSWORD{index}"]}"')
    folders = []
    s.run('LIST "" "*"', lambda l: (m := LIST_NAME.match(l)) and folders.append(m.group(1).decode()))
    messages = nbytes = 0
    for folder in folders:
        s.run(f'EXAMINE "{folder}"')
        m, b = s.run("UID FETCH 1:* BODY.PEEK[]")
        messages += m
        nbytes += b
    s.run("LOGOUT")
    return messages, nbytes


def read(env_file, first, users, connections):
    env = load_env(env_file)
    jobs = [(env, i) for i in range(first, first + users)]
    start = time.perf_counter()
    with multiprocessing.Pool(connections) as pool:
        results = pool.map(read_user, jobs, chunksize=1)
    seconds = time.perf_counter() - start
    print(f"{sum(m for m, _ in results)} {sum(b for _, b in results)} {seconds:.3f}")


if __name__ == "__main__" and len(sys.argv) > 1:
    if sys.argv[1] == "read" and len(sys.argv) == 6:
        read(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(__doc__)
