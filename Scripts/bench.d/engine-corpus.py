#!/usr/bin/env python3
"""Helper of Scripts/bench.d/engine (does nothing when run without arguments).

  engine-corpus.py fill MAIL_DIR USERS MESSAGES
      writes MESSAGES messages for each of USERS (bench01..) straight into Dovecot's Maildir tree
      (MAIL_DIR/<user>/<folder>/cur, LAYOUT=fs): 70% INBOX, 20% Sent, 10% Archive; sizes mixed from a
      few KB to ~1 MB (mean ~40 KB); a mix of seen, flagged, answered and unseen, about 15% with keywords
      ($Forwarded, Project-X, through each folder's dovecot-keywords); internal dates spread over two years.
      Prints "messages bytes".
  engine-corpus.py big MAIL_DIR USERS MEGABYTES
      adds one message of MEGABYTES MB to each user's INBOX (the memory pass). Prints "messages bytes".
"""
import os, random, sys

FOLDERS = (("INBOX", 0.70), ("Sent", 0.20), ("Archive", 0.10))


def size_of(rng):
    # Most mail is small text; a tail of attachments carries most of the bytes.
    r = rng.random()
    if r < 0.58:
        return rng.randint(2_000, 8_000)
    if r < 0.88:
        return rng.randint(8_000, 64_000)
    if r < 0.98:
        return rng.randint(64_000, 200_000)
    return rng.randint(200_000, 1_000_000)


KEYWORDS = "0 $Forwarded\n1 Project-X\n"   # letters a and b in file names


def flags_of(rng):
    r = rng.random()
    system = "" if r < 0.25 else "FS" if r < 0.30 else "RS" if r < 0.40 else "S"
    k = rng.random()
    return system + ("a" if k < 0.10 else "ab" if k < 0.13 else "b" if k < 0.15 else "")


def base64_lines(rng, lines):
    """Base64-looking lines (CRLF), as mail carries attachments."""
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return b"".join(bytes(rng.choice(alphabet) for _ in range(76)) + b"\r\n" for _ in range(lines))


def write_message(path, data, when):
    with open(path, "wb") as f:
        f.write(data)
    os.utime(path, (when, when))


def big(mail_dir, users, megabytes):
    rng = random.Random(3434)
    block = base64_lines(rng, 4096)  # 312 KB, repeated
    total = 0
    for u in range(1, users + 1):
        user = f"bench{u:02d}"
        head = (f"From: Big <big@example.com>\r\nTo: {user}@example.com\r\nSubject: Big attachment\r\n"
                f"Message-ID: <{u}.big.engine-bench@example.com>\r\nContent-Type: application/octet-stream\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n").encode()
        need = (megabytes << 20) - len(head)
        data = head + (block * (need // len(block) + 1))[:need]
        when = 1_700_000_000 + u
        write_message(os.path.join(mail_dir, user, "INBOX", "cur", f"{when}.Mbig{u}.enginebench,S={len(data)}:2,S"), data, when)
        total += len(data)
    print(f"{users} {total}")


def fill(mail_dir, users, per_user):
    rng = random.Random(5005)
    pool = base64_lines(rng, 2000) * 8  # ~1.2 MB, enough for the largest body
    total = count = 0
    for u in range(1, users + 1):
        user = f"bench{u:02d}"
        for folder, _ in FOLDERS:
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(mail_dir, user, folder, sub), exist_ok=True)
            with open(os.path.join(mail_dir, user, folder, "dovecot-keywords"), "w") as f:
                f.write(KEYWORDS)
        for i in range(per_user):
            r, acc = rng.random(), 0.0
            for folder, share in FOLDERS:
                acc += share
                if r < acc:
                    break
            when = 1_640_000_000 + rng.randrange(0, 2 * 365 * 86400)
            head = (f"From: Sender {i} <sender{i % 97}@example.com>\r\nTo: {user}@example.com\r\n"
                    f"Subject: Engine bench message {i} for {user}\r\n"
                    f"Message-ID: <{u}.{i}.engine-bench@example.com>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
                    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                    "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n"
                    "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n").encode()
            tail = b"\r\n--b--\r\n"
            need = max(0, size_of(rng) - len(head) - len(tail))
            start = rng.randrange(0, 2000) * 78
            data = head + pool[start:start + need] + tail
            name = f"{when}.M{i}P{u}.enginebench,S={len(data)}:2,{flags_of(rng)}"
            write_message(os.path.join(mail_dir, user, folder, "cur", name), data, when)
            total += len(data)
            count += 1
    print(f"{count} {total}")


if __name__ == "__main__" and len(sys.argv) > 1:
    if sys.argv[1] == "fill" and len(sys.argv) == 5:
        fill(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "big" and len(sys.argv) == 5:
        big(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
