#!/usr/bin/python3
"""Outside fuzz of the OffenderMgmt demo server: every RPC (read from the .proto files), tokens of
allowed roles (docs/access-matrix.md), malformed requests encoded by hand on the wire.
Usage: outside_fuzz.py REPO_DIR HOST:PORT COUNT SEED"""
import collections, glob, os, random, re, struct, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
import grpc

repo, target, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
PROTOS = sorted(os.path.basename(p)[:-6] for p in glob.glob(f"{repo}/protos/offendermgmt/v1/*.proto"))

messages, enums, methods = {}, set(), []
for name in PROTOS:
    text = open(f"{repo}/protos/offendermgmt/v1/{name}.proto").read()
    text = re.sub(r"//[^\n]*", "", text)
    for m in re.finditer(r"\benum\s+(\w+)", text):
        enums.add(m.group(1))
    for m in re.finditer(r"\bmessage\s+(\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}", text):
        fields = []
        for f in re.finditer(r"(repeated\s+)?([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*;", m.group(2)):
            fields.append((bool(f.group(1)), f.group(2), f.group(3), int(f.group(4))))
        messages[m.group(1)] = fields
    for s in re.finditer(r"\bservice\s+(\w+)\s*\{([^}]*)\}", text):
        for r in re.finditer(r"rpc\s+(\w+)\s*\(\s*(\w+)\s*\)\s*returns\s*\(\s*(stream\s+)?(\w+)\s*\)", s.group(2)):
            methods.append((f"/offendermgmt.v1.{s.group(1)}/{r.group(1)}", r.group(2), bool(r.group(3))))
messages["google.protobuf.Timestamp"] = [(False, "int64", "seconds", 1), (False, "int32", "nanos", 2)]
messages["google.protobuf.FieldMask"] = [(True, "string", "paths", 1)]

roles = {}
for line in open(f"{repo}/docs/access-matrix.md"):
    cells = [c.strip() for c in line.split("|")]
    if len(cells) > 11 and cells[1].startswith("`offendermgmt.v1."):
        allowed = [r for r, c in zip(["manager", "supervisor", "officer", "analyst", "partner", "service", "admin"], cells[4:11]) if c == "yes"]
        roles["/" + cells[1].strip("`")] = allowed

def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)

def tag(number, wire):
    return varint((number << 3) | wire)

def length_delimited(number, payload):
    return tag(number, 2) + varint(len(payload)) + payload

HOSTILE = ["", "\0", "a\0b", "\0" * 600, "\u202eevil\u202c", "\u2066\u2069", "x" * 10000, "é" * 5000 + "\0" + "z" * 600,
           "'; DROP TABLE People; --", "=HYPERLINK(\"x\")", "\r\n\t", "none", "E05002208", "2026-11-26", "9999-12-31",
           "0001-01-01", "2026-02-30", "not-an-id", "00000000-0000-0000-0000-000000000000", "🙂", "reason: x"]
INTS = [0, -1, 1, 2, 7, 501, 100000, 2**31 - 1, -2**31, 2**63 - 1, -2**63]
DOUBLES = [float("nan"), float("inf"), -float("inf"), 1e308, -91.0, 181.0, 51.88, -0.42, 0.0, 5000.5]
STAMPS = [(0, -1), (0, 10**9), (253402300800, 0), (-62135596801, 0), (-62135596800, 0), (253402300799, 999999999), (0, 0), (1795600000, 0)]

def encode(rng, type_name, depth, small):
    if type_name == "google.protobuf.Timestamp":
        s, n = rng.choice(STAMPS)
        return tag(1, 0) + varint(s) + tag(2, 0) + varint(n)
    out = bytearray()
    for repeated, ftype, fname, number in messages.get(type_name, []):
        if rng.random() < 0.35:
            continue
        n = (rng.choice([0, 1, 2]) if small else rng.choice([1, 1, 1, 3, 25, 501, 5000])) if repeated else 1
        for _ in range(n):
            out += value(rng, ftype, fname, number, depth, small or n > 25)
    return bytes(out)

def value(rng, ftype, fname, number, depth, small):
    if ftype == "string":
        text = ("x" if small else rng.choice(HOSTILE))
        return length_delimited(number, text.encode("utf-8", "surrogatepass"))
    if ftype == "bytes":
        return length_delimited(number, rng.randbytes(3))
    if ftype in ("int32", "int64", "uint32", "uint64", "sint32", "sint64", "bool") or ftype in enums:
        return tag(number, 0) + varint(rng.choice(INTS + [999]))
    if ftype == "double":
        return tag(number, 1) + struct.pack("<d", rng.choice(DOUBLES))
    if ftype == "float":
        return tag(number, 5) + struct.pack("<f", max(min(rng.choice(DOUBLES), 3e38), -3e38))
    if depth >= 3:
        return b""
    return length_delimited(number, encode(rng, ftype, depth + 1, small))

def request(rng, type_name):
    roll = rng.random()
    if roll < 0.05:
        return "empty", b""
    if roll < 0.80:
        return "fields", encode(rng, type_name, 0, False)
    kind = rng.choice(["raw:random", "raw:truncated", "raw:wrong-wire-type", "raw:invalid-utf8", "raw:lone-surrogate"])
    fields = messages.get(type_name, [])
    if kind == "raw:random" or not fields:
        return kind, rng.randbytes(rng.randint(1, 64))
    if kind == "raw:truncated":
        whole = encode(rng, type_name, 0, False)
        return kind, whole[:rng.randint(1, max(1, len(whole) - 1))] if len(whole) > 1 else b"\x0a"
    _, ftype, _, number = rng.choice(fields)
    if kind == "raw:wrong-wire-type":
        return kind, (tag(number, 0) + varint(5)) if ftype not in INT_TYPES else length_delimited(number, b"abc")
    strings = [f for f in fields if f[1] == "string"]
    if not strings:
        return kind, rng.randbytes(9)
    number = rng.choice(strings)[3]
    payload = b"\xc3\x28\xff\xfe" if kind == "raw:invalid-utf8" else "a\ud800b".encode("utf-8", "surrogatepass")
    return kind, length_delimited(number, payload)

INT_TYPES = {"int32", "int64", "uint32", "uint64", "bool", "double", "float"}

channel = grpc.insecure_channel(target, options=[("grpc.max_receive_message_length", 64 << 20), ("grpc.max_send_message_length", 64 << 20)])
identity = lambda b: b

def sign_in(username):
    call = channel.unary_unary("/offendermgmt.v1.Auth/SignIn", request_serializer=identity, response_deserializer=identity)
    body = length_delimited(1, username.encode()) + length_delimited(2, b"demo-only-password")
    reply = call(body, timeout=30)
    assert reply[0] == 0x0A
    i, n, shift = 1, 0, 0
    while True:
        b = reply[i]; i += 1; n |= (b & 0x7F) << shift; shift += 7
        if not b & 0x80:
            break
    return reply[i:i + n].decode()

tokens = {r: sign_in(f"demo.{r}") for r in ["manager", "supervisor", "officer", "analyst", "partner", "service", "admin"]}
PURPOSES = ["reason: checking malformed requests are refused", "case-management", "briefing", "sighting-check", "supervision", "audit", ""]

rng = random.Random(seed)
plan = []
for i in range(count):
    path, input_type, streaming = methods[i % len(methods)]
    allowed = roles.get(path, [])
    role = rng.choice(allowed) if allowed else rng.choice([None, "admin"])
    kind, body = request(rng, input_type)
    plan.append((path, streaming, role, rng.choice(PURPOSES), kind, body))

statuses, offences, lock = collections.Counter(), collections.Counter(), threading.Lock()
examples = {}
slowest = [0.0]

def run(item):
    path, streaming, role, purpose, kind, body = item
    metadata = []
    if role:
        metadata.append(("authorization", f"Bearer {tokens[role]}"))
    if purpose:
        metadata.append(("x-access-purpose", purpose))
    started = time.monotonic()
    try:
        if streaming:
            call = channel.unary_stream(path, request_serializer=identity, response_deserializer=identity)(body, timeout=10, metadata=metadata)
            call.initial_metadata()
            time.sleep(0.3)
            if call.done():
                code, detail = call.code(), call.details() or ""
            else:
                call.cancel()
                code, detail = grpc.StatusCode.OK, "stream opened"
        else:
            channel.unary_unary(path, request_serializer=identity, response_deserializer=identity)(body, timeout=10, metadata=metadata)
            code, detail = grpc.StatusCode.OK, ""
    except grpc.RpcError as e:
        code, detail = e.code(), e.details() or ""
    elapsed = time.monotonic() - started
    with lock:
        slowest[0] = max(slowest[0], elapsed)
        statuses[code.name] += 1
        if code in (grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.UNAVAILABLE):
            key = (path, kind, code.name)
            offences[key] += 1
            examples.setdefault(key, detail[:160])

started = time.monotonic()
with ThreadPoolExecutor(max_workers=4) as pool:
    list(pool.map(run, plan))
took = time.monotonic() - started

verify = channel.unary_unary("/offendermgmt.v1.Audit/VerifyChain", request_serializer=identity, response_deserializer=identity)
reply = verify(b"", timeout=120, metadata=[("authorization", f"Bearer {tokens['admin']}"), ("x-access-purpose", "audit")])
intact = reply[:2] == b"\x08\x01"
print(f"outside fuzz, seed {seed}: {count} requests over {len(methods)} RPCs in {took:.0f} s; slowest {slowest[0]:.1f} s; audit chain {'intact' if intact else 'BROKEN'} ({reply.hex()[:40]})")
print("statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
by_kind = collections.Counter()
for (path, kind, code), n in offences.items():
    by_kind[(kind, code)] += n
print("offences by case: " + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(by_kind.items())))
for key, n in sorted(offences.items(), key=lambda kv: -kv[1])[:15]:
    print(f"  x{n} {key[0]} [{key[1]}] {key[2]}: {examples[key]}")
