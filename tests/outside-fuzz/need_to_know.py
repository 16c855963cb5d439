#!/usr/bin/python3
"""Need to know, checked from outside (issue 19) against a running demo server: an analyst is
refused person records without a grant and reads them with one; a service account reads only
its scopes; the IOM agenda wants a reason from a VSOMT manager. Messages are encoded by hand on
the wire (no generated code). Exits non-zero if any expectation fails.
Usage: need_to_know.py HOST:PORT [SAMPLE]   (SAMPLE people for the analyst sweep, default 50)"""
import sys
import grpc

target = sys.argv[1]
sample = int(sys.argv[2]) if len(sys.argv) > 2 else 50
channel = grpc.insecure_channel(target)
PASSWORD = "demo-only-password"
failures = []


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | 0x80 if n else b)
        if not n:
            return bytes(out)


def field(number, value):
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    data = value.encode() if isinstance(value, str) else value
    return varint((number << 3) | 2) + varint(len(data)) + data


def message(*fields):
    return b"".join(field(n, v) for n, v in fields if v not in ("", None))


def read_varint(data, i):
    value, shift = 0, 0
    while True:
        b = data[i]; i += 1
        value |= (b & 0x7F) << shift; shift += 7
        if b < 0x80:
            return value, i


def decode(data):
    """Top-level fields of a message: {number: [values]} (bytes for length-delimited)."""
    out, i = {}, 0
    while i < len(data):
        key, i = read_varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = read_varint(data, i)
        elif wire == 2:
            length, i = read_varint(data, i)
            value = data[i:i + length]; i += length
        elif wire == 1:
            value = data[i:i + 8]; i += 8
        elif wire == 5:
            value = data[i:i + 4]; i += 4
        else:
            raise ValueError(f"wire type {wire}")
        out.setdefault(number, []).append(value)
    return out


def call(method, body, token=None, purpose=None):
    """(response bytes, None) or (None, (status name, reason, detail))."""
    metadata = []
    if token:
        metadata.append(("authorization", f"Bearer {token}"))
    if purpose:
        metadata.append(("x-access-purpose", purpose))
    stub = channel.unary_unary(method, request_serializer=lambda b: b, response_deserializer=lambda b: b)
    try:
        return stub(body, metadata=metadata, timeout=30), None
    except grpc.RpcError as e:
        details = dict(e.trailing_metadata() or ()).get("grpc-status-details-bin", b"")
        reason = next((r for r in ("ANALYST_GRANT_REQUIRED", "SCOPE_REQUIRED", "REASON_REQUIRED", "NOT_YOUR_CASE", "ROLE_NOT_ALLOWED")
                       if r.encode() in details), "")
        return None, (e.code().name, reason, e.details())


def sign_in(username):
    body, error = call("/offendermgmt.v1.Auth/SignIn", message((1, username), (2, PASSWORD)))
    if error:
        sys.exit(f"sign-in of {username} failed: {error}")
    return decode(body)[1][0].decode()


def expect(what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def refused(error, reason):
    return error is not None and error[0] == "PERMISSION_DENIED" and error[1] == reason


tokens = {u: sign_in(u) for u in ("demo.analyst", "demo.supervisor", "demo.manager", "demo.custody", "demo.court")}

# People to ask about, found by a supervisor (who may search).
found, error = call("/offendermgmt.v1.People/SearchPeople", message((1, "smith"), (3, sample)), tokens["demo.supervisor"], "supervision")
people = [decode(p) for p in decode(found).get(1, [])]
ids = [p[1][0].decode() for p in people]
pncs = {p[1][0].decode(): p[5][0].decode() for p in people if 5 in p and p[5][0]}  # PersonSummary.pnc_id = 5
print(f"{len(ids)} people named Smith to ask about")

# 1. The analyst, without a grant, whatever reason they give.
results = [call("/offendermgmt.v1.People/GetPerson", message((1, i)), tokens["demo.analyst"], "reason: problem profile of burglary in Luton")[1] for i in ids]
refusals = sum(refused(e, "ANALYST_GRANT_REQUIRED") for e in results)
print(f"analyst GetPerson without a grant: {refusals} of {len(ids)} refused ANALYST_GRANT_REQUIRED")
expect("analyst refused every person record without a grant", refusals == len(ids))
if results and results[0]:
    print(f"     message: {results[0][2]}")
_, error = call("/offendermgmt.v1.People/SearchPeople", message((1, "smith")), tokens["demo.analyst"], "case-management")
expect("analyst with no grant refused a search by name", refused(error, "ANALYST_GRANT_REQUIRED"))

# 2. A supervisor grants two people; the analyst reads those, at the standard level, and no others.
granted = ids[:2]
body, error = call("/offendermgmt.v1.Access/GrantAnalystAccess",
                   message((1, "demo.analyst"), *[(2, i) for i in granted], (3, "Burglary problem profile, Luton"),
                           (4, "Named as suspects in the series"), (5, 7)),
                   tokens["demo.supervisor"], "supervision")
expect("supervisor's grant accepted", error is None)
grant_id = decode(body)[1][0].decode() if body else ""
read = [call("/offendermgmt.v1.People/GetPerson", message((1, i)), tokens["demo.analyst"], "case-management") for i in granted]
expect("granted analyst reads the granted people", all(e is None for _, e in read))
expect("granted analyst sees no health notes (field 13)", all(13 not in decode(b) for b, _ in read if b))
_, error = call("/offendermgmt.v1.People/GetPerson", message((1, ids[2])), tokens["demo.analyst"], "case-management")
expect("granted analyst still refused a person not in the grant", refused(error, "ANALYST_GRANT_REQUIRED"))
body, error = call("/offendermgmt.v1.People/SearchPeople", message((1, "smith"), (3, 100)), tokens["demo.analyst"], "case-management")
found_ids = sorted(decode(p)[1][0].decode() for p in decode(body).get(1, [])) if body else []
print(f"analyst search for 'smith' with the grant: {len(found_ids)} found")
expect("granted analyst's search finds only granted people", found_ids == sorted(granted))
_, error = call("/offendermgmt.v1.Access/RevokeAnalystGrant", message((1, grant_id), (2, "Profile finished")), tokens["demo.supervisor"], "supervision")
_, error = call("/offendermgmt.v1.People/GetPerson", message((1, granted[0])), tokens["demo.analyst"], "case-management")
expect("after revoking, the analyst is refused again", refused(error, "ANALYST_GRANT_REQUIRED"))

# 3. Service accounts: custody matches by PNC ID and nothing else.
if pncs:
    person, pnc = next(iter(pncs.items()))
    body, error = call("/offendermgmt.v1.People/SearchPeople", message((2, pnc)), tokens["demo.custody"], "case-management")
    expect("custody system matches a person by PNC ID", error is None and [decode(p)[1][0].decode() for p in decode(body).get(1, [])] == [person])
    _, error = call("/offendermgmt.v1.People/GetPerson", message((1, person)), tokens["demo.custody"], "case-management")
    expect("custody system refused GetPerson (no people:read)", refused(error, "SCOPE_REQUIRED"))
    if error:
        print(f"     message: {error[2]}")
_, error = call("/offendermgmt.v1.People/SearchPeople", message((1, "smith")), tokens["demo.custody"], "case-management")
expect("custody system refused a search by name", refused(error, "SCOPE_REQUIRED"))
_, error = call("/offendermgmt.v1.Caseload/ListManagements", message((1, ids[0])), tokens["demo.custody"], "case-management")
expect("custody system refused managements (MAPPA details)", refused(error, "SCOPE_REQUIRED"))
_, error = call("/offendermgmt.v1.Orders/ListOrders", message(), tokens["demo.custody"], "case-management")
expect("custody system refused orders", refused(error, "SCOPE_REQUIRED"))
body, error = call("/offendermgmt.v1.Orders/ListOrders", message((5, 500)), tokens["demo.court"], "case-management")
print(f"court system ListOrders: {'refused' if error else len(decode(body).get(1, []))} orders (it recorded none in the demo)")
expect("court system lists only orders it recorded", error is None and len(decode(body).get(1, [])) == 0)
body, _ = call("/offendermgmt.v1.Orders/ListOrders", message((1, ids[0])), tokens["demo.supervisor"], "reason: outside check of the court's scope")
orders = [decode(o)[1][0].decode() for o in decode(body).get(1, [])] if body else []
if orders:
    _, error = call("/offendermgmt.v1.Orders/GetOrder", message((1, orders[0])), tokens["demo.court"], "case-management")
    expect("court system refused an order another account recorded", refused(error, "SCOPE_REQUIRED"))

# 4. The IOM agenda: a VSOMT manager needs a reason.
_, error = call("/offendermgmt.v1.Caseload/GetIomReviewAgenda", message(), tokens["demo.manager"], "case-management")
expect("VSOMT manager refused the IOM agenda without a reason", refused(error, "REASON_REQUIRED"))
body, error = call("/offendermgmt.v1.Caseload/GetIomReviewAgenda", message(), tokens["demo.manager"], "reason: standing in at the IOM review")
expect("with a reason the agenda is given", error is None)

print(f"{len(failures)} failed" if failures else "all need-to-know checks passed")
sys.exit(1 if failures else 0)
