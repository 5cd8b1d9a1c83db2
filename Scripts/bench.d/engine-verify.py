#!/usr/bin/env python3
"""Helper of Scripts/bench.d/engine (does nothing when run without arguments).

  engine-verify.py compare SOURCE_MAIL_DIR TARGET_DIR KIND USERS
      compares every message of the corpus (Dovecot's Maildir tree, LAYOUT=fs) with its copy, pairing them
      by Message-ID: bytes (SHA-256), flags, keywords (through each folder's dovecot-keywords) and the
      internal date (the file's mtime). KIND names the target layout:
        migsh   TARGET_DIR/<user>@bench.contoso.com/ as Maildir++ (INBOX at the root, .Sent, .Archive)
        mbsync  TARGET_DIR/<user>/INBOX, Sent, Archive
      Prints one line of counts: "compared N bytes_equal B flags_equal F keywords_equal K (of W with keywords)
      dates_equal D missing M extra E x_tuid T".
"""
import hashlib, os, re, sys

FOLDERS = ("INBOX", "Sent", "Archive")
SYSTEM = set("DFRST")
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]*>)", re.I | re.M)


def keywords_of(folder_dir):
    names = {}
    try:
        for line in open(os.path.join(folder_dir, "dovecot-keywords"), encoding="utf-8"):
            idx, _, name = line.rstrip("\n").partition(" ")
            if idx.isdigit():
                names[chr(ord("a") + int(idx))] = name
    except FileNotFoundError:
        pass
    return names


def scan(folder_dir):
    """Message-ID -> list of (sha256, system flags, keywords, mtime, has X-TUID)."""
    out = {}
    kw = keywords_of(folder_dir)
    for sub in ("cur", "new"):
        d = os.path.join(folder_dir, sub)
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            path = os.path.join(d, name)
            with open(path, "rb") as f:
                data = f.read()
            letters = name.partition(":2,")[2]
            head = data[: data.find(b"\r\n\r\n") + 2] if b"\r\n\r\n" in data else data[:4096]
            m = MESSAGE_ID.search(head)
            key = m.group(1) if m else hashlib.sha256(data).digest()
            out.setdefault(key, []).append((
                hashlib.sha256(data).digest(),
                frozenset(c for c in letters if c in SYSTEM),
                frozenset(kw.get(c, "?" + c) for c in letters if c.islower()),
                int(os.stat(path).st_mtime),
                b"\nX-TUID:" in head or head.startswith(b"X-TUID:"),
            ))
    return out


def target_dir(target, kind, user, folder):
    if kind == "migsh":
        root = os.path.join(target, f"{user}@bench.contoso.com")
        return root if folder == "INBOX" else os.path.join(root, "." + folder)
    return os.path.join(target, user, folder)


def compare(source, target, kind, users):
    c = dict(compared=0, bytes_equal=0, flags_equal=0, keywords_equal=0, with_keywords=0, dates_equal=0,
             missing=0, extra=0, x_tuid=0)
    for u in range(1, users + 1):
        user = f"bench{u:02d}"
        for folder in FOLDERS:
            src = scan(os.path.join(source, user, folder))
            dst = scan(target_dir(target, kind, user, folder))
            for key, copies in dst.items():
                c["extra"] += max(0, len(copies) - len(src.get(key, [])))
            for key, originals in src.items():
                for i, (sha, flags, kws, mtime, _) in enumerate(originals):
                    c["compared"] += 1
                    c["with_keywords"] += bool(kws)
                    copies = dst.get(key, [])
                    if i >= len(copies):
                        c["missing"] += 1
                        continue
                    tsha, tflags, tkws, tmtime, tuid = copies[i]
                    c["bytes_equal"] += tsha == sha
                    c["flags_equal"] += tflags == flags
                    c["keywords_equal"] += tkws == kws
                    c["dates_equal"] += tmtime == mtime
                    c["x_tuid"] += tuid
    print(("compared {compared} bytes_equal {bytes_equal} flags_equal {flags_equal} keywords_equal {keywords_equal} "
           "with_keywords {with_keywords} dates_equal {dates_equal} missing {missing} extra {extra} x_tuid {x_tuid}").format(**c))


if __name__ == "__main__" and len(sys.argv) > 1:
    if sys.argv[1] == "compare" and len(sys.argv) == 6 and sys.argv[4] in ("migsh", "mbsync"):
        compare(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        sys.exit(__doc__)
