#!/usr/bin/env python3
"""Helper of Scripts/bench.d/imap-fetch (does nothing when run without arguments).

  imap-fetch-reference.py fill MAILDIR COUNT BIG_MB   writes COUNT messages of mixed sizes into MAILDIR/INBOX and
                                                     one BIG_MB message into MAILDIR/Big (Maildir files, LAYOUT=fs)
  imap-fetch-reference.py read ENV_FILE USER MAILBOX  the reference reader: one `UID FETCH 1:* BODY.PEEK[]` over TLS
                                                     with Python's ssl, bytes discarded; prints "messages bytes seconds"
"""
import base64, os, random, re, shlex, socket, ssl, sys, time


def fill(maildir, count, big_mb):
    rng = random.Random(3501)
    pool = base64.encodebytes(rng.randbytes(3 << 20))  # 76-char lines, CRLF-converted below
    pool = pool.replace(b"\n", b"\r\n")
    for box in ("INBOX", "Big"):
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(maildir, box, sub), exist_ok=True)

    def message(i, size):
        head = (f"From: Sender {i} <s{i}@example.com>\r\nTo: bench.user@example.com\r\n"
                f"Subject: bench message {i}\r\nMessage-ID: <{i}.bench@example.com>\r\n"
                f"Date: Mon, 1 Jan 2024 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\n").encode()
        need = max(0, size - len(head))
        start = rng.randrange(0, len(pool) - 80)
        if need <= len(pool) - start:
            body = pool[start:start + need]
        else:
            body = (pool[start:] + pool * (need // len(pool) + 1))[:need]
        return head + body

    total = 0
    for i in range(count):
        r = rng.random()
        size = (rng.randint(2_000, 8_000) if r < 0.6 else rng.randint(8_000, 64_000) if r < 0.9
                else rng.randint(64_000, 256_000) if r < 0.99 else rng.randint(256_000, 2_000_000))
        data = message(i, size)
        total += len(data)
        path = os.path.join(maildir, "INBOX", "cur", f"{1700000000 + i}.M{i}P1.bench:2,S")
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (1700000000 + i * 60, 1700000000 + i * 60))
    big = message(count, big_mb << 20)
    with open(os.path.join(maildir, "Big", "cur", "1700000000.Mbig.bench:2,"), "wb") as f:
        f.write(big)
    print(f"{count} {total} {len(big)}")


def read_env(path):
    env = {}
    for line in open(path, encoding="utf-8"):
        key, _, value = line.rstrip("\n").partition("=")
        env[key] = " ".join(shlex.split(value)) if value else ""
    return env


def read(env_file, user_index, mailbox):
    env = read_env(env_file)
    ctx = ssl.create_default_context(cafile=env["IMAP_CA_FILE"])
    sock = ctx.wrap_socket(socket.create_connection((env["IMAP_HOST"], int(env["IMAPS_PORT"]))),
                           server_hostname=env["IMAP_HOST"])
    f = sock.makefile("rb", buffering=1 << 20)

    def command(tag, text):
        sock.sendall(f"{tag} {text}\r\n".encode())
        while True:
            line = f.readline()
            if not line:
                raise SystemExit("connection closed")
            if line.startswith(tag.encode() + b" "):
                if not line.startswith(tag.encode() + b" OK"):
                    raise SystemExit(line.decode(errors="replace"))
                return

    f.readline()  # greeting
    user, password = env[f"IMAP_USER{user_index}"], env[f"IMAP_PASSWORD{user_index}"]
    command("a", f'LOGIN "{user}" "{password}"')
    command("b", f'EXAMINE "{mailbox}"')
    literal = re.compile(rb"\{(\d+)\}\r\n$")
    messages = nbytes = 0
    start = time.perf_counter()
    sock.sendall(b"c UID FETCH 1:* BODY.PEEK[]\r\n")
    while True:
        line = f.readline()
        m = literal.search(line)
        if m:
            n = int(m.group(1))
            while n:
                chunk = f.read(min(n, 1 << 20))
                n -= len(chunk)
                nbytes += len(chunk)
            messages += 1
        elif line.startswith(b"c "):
            break
        elif not line:
            raise SystemExit("connection closed")
    elapsed = time.perf_counter() - start
    sock.sendall(b"d LOGOUT\r\n")
    print(f"{messages} {nbytes} {elapsed}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(0)
    if sys.argv[1] == "fill":
        fill(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "read":
        read(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
