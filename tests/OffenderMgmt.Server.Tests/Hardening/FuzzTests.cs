using OffenderMgmt.Tests.Persistence;
using System.Diagnostics;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;
using Xunit.Abstractions;

namespace OffenderMgmt.Tests.Hardening;

/// <summary>
/// A seeded fuzz run over every RPC in the contracts (found from the service descriptors), with
/// tokens of roles allowed to call each: missing and wrong-typed fields, out-of-range numbers
/// and times, huge and hostile text (NUL, lone surrogates, bidi controls), invalid enum
/// numbers, stale versions, reused request ids and raw bytes. It asserts no UNKNOWN, no
/// INTERNAL, no call running into its deadline, no refused write changing any table (every
/// table but the audit trail fingerprinted after each write call), and an intact audit chain at
/// the end; every offending RPC and case is reported, and the figures are printed.
/// </summary>
public sealed class FuzzTests(DemoServerFactory server, ITestOutputHelper output) : IClassFixture<DemoServerFactory>
{
    private const int Seed = 2026;
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 5_200;

    /// <summary>Far longer than any answer should take: a call that reaches it has hung.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Dictionary<Role, string> Accounts = new()
    {
        [Role.OffenderManager] = "demo.manager", [Role.Supervisor] = "demo.supervisor", [Role.LocalOfficer] = "demo.officer",
        [Role.Analyst] = "demo.analyst", [Role.PartnerAgency] = "demo.partner", [Role.Service] = "demo.service", [Role.Admin] = "demo.admin",
    };

    private static readonly string[] Purposes =
        ["reason: checking malformed requests are refused", "case-management", "briefing", "sighting-check", "supervision", "audit", ""];

    /// <summary>Tables every call may append to, refused ones included: the audit trail.</summary>
    private static readonly HashSet<string> AppendedByEveryCall = ["AuditEntries", "AuditRecordRefs", "AuditRecordSets"];

    [SqliteFact]
    public async Task Thousands_of_malformed_requests_to_every_rpc_get_clear_answers_and_change_nothing()
    {
        var clock = Stopwatch.StartNew();
        var pool = await ValuePool.LoadAsync(server);
        var connectionString = await server.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        var tables = await server.WithDb(db => Task.FromResult(db.Model.GetEntityTypes()
            .Select(t => t.GetTableName()).OfType<string>().Distinct().Where(t => !AppendedByEveryCall.Contains(t)).Order().ToList()));
        var methods = RawCalls.AllMethods();
        var random = new Random(Seed);
        var generator = new RequestGenerator(random, pool);

        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byCase = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var offences = new List<string>();
        var slowest = TimeSpan.Zero;
        var fingerprints = 0;
        var fingerprintTime = new Stopwatch();
        var callTime = new Stopwatch();
        // Whether a call that may change data by design (an answered read, such as a task list
        // raising due tasks, or a sign-in counting failures) ran since the last fingerprint.
        var dirty = false;
        var perRpc = new Dictionary<string, TimeSpan>();
        // Two readers, so the tables are hashed on both cores (WAL lets them read side by side).
        await using var fingerprintA = new SqliteConnection(connectionString);
        await using var fingerprintB = new SqliteConnection(connectionString);
        await fingerprintA.OpenAsync();
        await fingerprintB.OpenAsync();
        SqliteConnection[] fingerprintDb = [fingerprintA, fingerprintB];
        // Signed in first: a sign-in records itself on the account, and must not count as a change by a fuzzed call.
        foreach (var username in Accounts.Values) await server.TokenFor(username);
        var before = Fingerprint(fingerprintDb, tables);

        for (var i = 0; i < Requests; i++)
        {
            var method = methods[i % methods.Count];
            var name = RawCalls.FullName(method);
            var rule = RpcAccessPolicy.Find(name)!;
            var roles = rule.Roles.Order().ToList();
            var account = roles.Count == 0 ? (random.Next(2) == 0 ? null : "demo.admin") : Accounts[roles[random.Next(roles.Count)]];
            var purpose = Purposes[random.Next(Purposes.Length)];
            var (kind, body) = generator.Next(method.InputType);
            byCase[kind] = byCase.GetValueOrDefault(kind) + 1;

            var invoker = account is null ? server.Anonymous(purpose) : await server.As(account, purpose);
            if (rule.Kind == CallKind.Write && dirty)
            {
                fingerprintTime.Start();
                before = Fingerprint(fingerprintDb, tables);
                fingerprintTime.Stop();
                fingerprints++;
            }
            var watch = Stopwatch.StartNew();
            callTime.Start();
            var (status, detail) = await CallAsync(invoker, method, body);
            callTime.Stop();
            watch.Stop();
            if (watch.Elapsed > slowest) slowest = watch.Elapsed;
            perRpc[method.Name] = perRpc.GetValueOrDefault(method.Name) + watch.Elapsed;
            statuses[status.ToString()] = statuses.GetValueOrDefault(status.ToString()) + 1;

            var what = $"{name} [{kind}] as {account ?? "anonymous"}";
            if (status is StatusCode.Unknown or StatusCode.Internal)
                offences.Add($"{what}: {status}: {Clip(detail)}");
            else if (status == StatusCode.DeadlineExceeded)
                offences.Add($"{what}: no answer within {CallDeadline.TotalSeconds:0} s");

            if (rule.Kind != CallKind.Write) dirty |= status == StatusCode.OK || rule.Kind == CallKind.SelfCommitting;
            if (rule.Kind == CallKind.Write)
            {
                fingerprintTime.Start();
                var after = Fingerprint(fingerprintDb, tables);
                fingerprintTime.Stop();
                fingerprints++;
                if (status != StatusCode.OK)
                {
                    var changed = tables.Where(t => before[t] != after[t]).ToList();
                    if (changed.Count > 0) offences.Add($"{what}: refused with {status} but changed {string.Join(", ", changed)} (this call, or a refused read since the last write)");
                }
                before = after;
                dirty = false;
            }
        }

        var admin = new Contracts.V1.Audit.AuditClient(await server.As("demo.admin", "audit"));
        var chain = await admin.VerifyChainAsync(new Contracts.V1.VerifyChainRequest());
        if (!chain.Intact) offences.Add($"audit chain: not intact at entry {chain.FirstBrokenSequence} after {chain.EntriesChecked} entries checked: {chain.Problem}");

        output.WriteLine($"Fuzz run, seed {Seed}: {Requests} requests over {methods.Count} RPCs in {clock.Elapsed.TotalSeconds:0.0} s; " +
                         $"{fingerprints} fingerprints of {tables.Count} tables ({fingerprintTime.Elapsed.TotalSeconds:0.0} s); calls {callTime.Elapsed.TotalSeconds:0.0} s; slowest call {slowest.TotalMilliseconds:0} ms; " +
                         $"audit chain {(chain.Intact ? "intact" : "BROKEN")} ({chain.EntriesChecked} entries)");
        output.WriteLine("Time by table: " + string.Join(", ", TableTime.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s")));
        output.WriteLine("Time by RPC: " + string.Join(", ", perRpc.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s")));
        output.WriteLine("Statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}")));
        output.WriteLine("Cases: " + string.Join(", ", byCase.Select(s => $"{s.Key} {s.Value}")));
        foreach (var group in offences.GroupBy(Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"OFFENCE x{group.Count()}: {group.First()}");

        Assert.True(offences.Count == 0,
            $"{offences.Count} of {Requests} fuzzed requests offended (by RPC and case):\n" +
            string.Join("\n", offences.GroupBy(Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"x{g.Count()} {g.First()}")));
    }

    /// <summary>The RPC, case kind and status of an offence, so repeats of one defect are counted together.</summary>
    private static string Category(string offence)
    {
        var colon = offence.IndexOf(": ", StringComparison.Ordinal);
        var head = colon < 0 ? offence : offence[..colon];
        var status = colon < 0 ? "" : offence[(colon + 2)..].Split(':', ' ')[0];
        var account = head.IndexOf(" as ", StringComparison.Ordinal);
        return (account < 0 ? head : head[..account]) + " " + status;
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static async Task<(StatusCode Status, string Detail)> CallAsync(CallInvoker invoker, MethodDescriptor method, byte[] body)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.Add(CallDeadline));
        try
        {
            if (!method.IsServerStreaming)
            {
                var unary = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
                await invoker.AsyncUnaryCall(unary, null, options, body);
                return (StatusCode.OK, "");
            }
            var streaming = new Method<byte[], byte[]>(MethodType.ServerStreaming, method.Service.FullName, method.Name, Bytes, Bytes);
            using var call = invoker.AsyncServerStreamingCall(streaming, null, options, body);
            await call.ResponseHeadersAsync;
            try
            {
                // A refused stream answers with its status alone; an open one has no status yet.
                var status = call.GetStatus();
                return (status.StatusCode, status.Detail);
            }
            catch (InvalidOperationException)
            {
                return (StatusCode.OK, "stream opened");
            }
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail);
        }
    }

    private static readonly Dictionary<string, TimeSpan> TableTime = [];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FingerprintQueries = [];

    /// <summary>
    /// Row count and a SHA-256 of the contents of each table. SQLite writes each row as one text
    /// (every column quoted, rows in rowid order) and joins them, so the hash covers every value
    /// while only one string per table crosses into .NET.
    /// </summary>
    private static Dictionary<string, string> Fingerprint(SqliteConnection[] connections, IReadOnlyList<string> tables)
    {
        var halves = new[] { tables.Where((_, i) => i % 2 == 0).ToList(), tables.Where((_, i) => i % 2 == 1).ToList() };
        var parts = new Dictionary<string, string>[2];
        Parallel.For(0, 2, k => parts[k] = Fingerprint(connections[k], halves[k]));
        return parts[0].Concat(parts[1]).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Fingerprint(SqliteConnection connection, IReadOnlyList<string> tables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var tableWatch = Stopwatch.StartNew();
            using var command = connection.CreateCommand();
            command.CommandText = FingerprintQuery(connection, table);
            using var reader = command.ExecuteReader();
            reader.Read();
            var rows = reader.GetInt64(0);
            var contents = reader.IsDBNull(1) ? "" : reader.GetString(1);
            result[table] = $"{rows}:{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contents)))}";
            lock (TableTime) TableTime[table] = TableTime.GetValueOrDefault(table) + tableWatch.Elapsed;
        }
        return result;
    }

    private static string FingerprintQuery(SqliteConnection connection, string table)
    {
        if (FingerprintQueries.TryGetValue(table, out var known)) return known;
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(0));
        }
        var row = string.Join("||char(31)||", columns.Select(c => $"quote(\"{c}\")"));
        return FingerprintQueries[table] =
            $"SELECT count(*), group_concat(r, char(30)) FROM (SELECT {row} AS r FROM \"{table}\" ORDER BY rowid)";
    }

    /// <summary>Real ids, codes and names from the demo force, so some requests get past the first checks.</summary>
    private sealed record ValuePool(IReadOnlyList<string> Ids, IReadOnlyList<string> AreaCodes)
    {
        public static async Task<ValuePool> LoadAsync(ServerFactory server) => await server.WithDb(async db =>
        {
            var ids = new List<Guid>();
            ids.AddRange(await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(25).ToListAsync());
            ids.AddRange(await db.Orders.OrderBy(o => o.Id).Select(o => o.Id).Take(15).ToListAsync());
            ids.AddRange(await db.Conditions.OrderBy(c => c.Id).Select(c => c.Id).Take(10).ToListAsync());
            ids.AddRange(await db.ComplianceChecks.OrderBy(c => c.Id).Select(c => c.Id).Take(15).ToListAsync());
            ids.AddRange(await db.Managements.OrderBy(m => m.Id).Select(m => m.Id).Take(15).ToListAsync());
            ids.AddRange(await db.Officers.OrderBy(o => o.Id).Select(o => o.Id).Take(15).ToListAsync());
            ids.AddRange(await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
            ids.AddRange(await db.Breaches.OrderBy(b => b.Id).Select(b => b.Id).Take(5).ToListAsync());
            ids.AddRange(await db.Tasks.OrderBy(t => t.Id).Select(t => t.Id).Take(10).ToListAsync());
            var areas = await db.Areas.OrderBy(a => a.Code).Select(a => a.Code).Take(10).ToListAsync();
            return new ValuePool(ids.Select(i => i.ToString()).ToList(), areas);
        });
    }

    /// <summary>Seeded malformed requests for a message type: empty, fuzzed field by field, or raw bytes.</summary>
    private sealed class RequestGenerator(Random random, ValuePool pool)
    {
        private static readonly string[] Hostile =
        [
            "", " ", "\0", "a\0b", new string('\0', 600), "\uD800", "x\uDC00y", "\u202Eevil\u202C", "\u2066\u2067\u2068\u2069",
            new string('x', 10_000), new string('\u00e9', 5_000) + "\0" + new string('z', 600),
            "'; DROP TABLE People; --", "=HYPERLINK(\"http://x\")", "\r\n\t", "../../etc/passwd", "%s%n%x", "🙂🙂🙂",
            "none", "E05002208", "demo.manager", "reason: x", "2026-11-26", "9999-12-31", "0001-01-01", "2026-02-30", "26/11/2026",
            "not-an-id", "00000000-0000-0000-0000-000000000000", "2001/0012345Z", "LU1 2AB",
        ];

        private static readonly string[] RequestIds = ["fuzz-request-1", "fuzz-request-2", "fuzz-request-3"];
        private static readonly long[] Longs = [0, -1, 1, 2, 7, 501, 100_000, int.MaxValue, long.MaxValue, long.MinValue];
        private static readonly int[] Ints = [0, -1, 1, 2, 7, 52, 501, 100_000, int.MaxValue, int.MinValue];
        private static readonly double[] Doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -91, 181, 51.88, -0.42, 0, 5_000.5, -1];

        public (string Kind, byte[] Body) Next(MessageDescriptor type)
        {
            var roll = random.Next(100);
            if (roll < 5) return ("empty", []);
            if (roll < 85) return ("fields", Fuzz(type, depth: 0).ToByteArray());
            return random.Next(4) switch
            {
                0 => ("raw:random", RandomBytes(random.Next(1, 64))),
                1 => Truncated(type),
                2 => ("raw:wrong-wire-type", WrongWireType(type)),
                _ => ("raw:invalid-utf8", InvalidUtf8(type)),
            };
        }

        private byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        private (string, byte[]) Truncated(MessageDescriptor type)
        {
            var whole = Fuzz(type, depth: 0).ToByteArray();
            return whole.Length < 2 ? ("raw:random", RandomBytes(7)) : ("raw:truncated", whole[..random.Next(1, whole.Length)]);
        }

        /// <summary>A field sent with the wire type of another (a string as a number, a number as a string).</summary>
        private byte[] WrongWireType(MessageDescriptor type)
        {
            var fields = type.Fields.InDeclarationOrder();
            if (fields.Count == 0) return RandomBytes(5);
            var field = fields[random.Next(fields.Count)];
            using var stream = new MemoryStream();
            var output = new CodedOutputStream(stream);
            var lengthDelimited = field.FieldType is FieldType.String or FieldType.Bytes or FieldType.Message || field.IsPacked;
            if (lengthDelimited)
            {
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt64(random.Next());
            }
            else
            {
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(RandomBytes(9)));
            }
            output.Flush();
            return stream.ToArray();
        }

        /// <summary>A string field whose bytes are not UTF-8.</summary>
        private byte[] InvalidUtf8(MessageDescriptor type)
        {
            var field = type.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.String);
            if (field is null) return RandomBytes(11);
            using var stream = new MemoryStream();
            var output = new CodedOutputStream(stream);
            output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80));
            output.Flush();
            return stream.ToArray();
        }

        private IMessage Fuzz(MessageDescriptor type, int depth, bool small = false)
        {
            var message = type.Parser.ParseFrom(ByteString.Empty);
            if (type.FullName == "google.protobuf.Timestamp") return Timestamp();
            foreach (var field in type.Fields.InDeclarationOrder())
            {
                if (random.Next(100) < 35) continue;   // missing
                if (field.IsRepeated)
                {
                    var list = (System.Collections.IList)field.Accessor.GetValue(message);
                    // Inside an item of a long list, lists stay short, so a request stays a few hundred kB at most.
                    var count = small ? random.Next(3) : random.Next(10) switch { < 5 => 1, < 7 => 3, < 9 => 25, _ => random.Next(2) == 0 ? 501 : 5_000 };
                    var itemsSmall = small || count > 25;
                    for (var i = 0; i < count; i++)
                        if (Value(field, depth, itemsSmall) is { } item) list.Add(item);
                }
                else if (Value(field, depth, small) is { } value)
                {
                    field.Accessor.SetValue(message, value);
                }
            }
            return message;
        }

        private IMessage Timestamp()
        {
            var stamps = new (long Seconds, int Nanos)[]
            {
                (0, -1), (0, 1_000_000_000), (253_402_300_800, 0), (-62_135_596_801, 0), (-62_135_596_800, 0), (253_402_300_799, 999_999_999),
                (0, 0), (1_795_600_000, 0), (1_796_000_000, 500), (8_000_000_000, 0), (long.MaxValue, 0), (long.MinValue, 0),
            };
            var (seconds, nanos) = stamps[random.Next(stamps.Length)];
            return new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = seconds, Nanos = nanos };
        }

        private object? Value(FieldDescriptor field, int depth, bool small)
        {
            switch (field.FieldType)
            {
                case FieldType.String:
                    if (field.Name == "request_id") return RequestIds[random.Next(RequestIds.Length)];
                    if ((field.Name == "id" || field.Name.EndsWith("_id", StringComparison.Ordinal) || field.Name.EndsWith("_ids", StringComparison.Ordinal)) && random.Next(2) == 0)
                        return pool.Ids[random.Next(pool.Ids.Count)];
                    if (field.Name.Contains("area_code", StringComparison.Ordinal) && random.Next(2) == 0)
                        return pool.AreaCodes[random.Next(pool.AreaCodes.Count)];
                    if (small) return random.Next(2) == 0 ? "x" : "\0";
                    return Hostile[random.Next(Hostile.Length)];
                case FieldType.Bytes:
                    return ByteString.CopyFrom(RandomBytes(small ? 2 : random.Next(0, 40)));
                case FieldType.Bool:
                    return random.Next(2) == 0;
                case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                    return Ints[random.Next(Ints.Length)];
                case FieldType.UInt32 or FieldType.Fixed32:
                    return (uint)Ints[random.Next(Ints.Length)];
                case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                    return Longs[random.Next(Longs.Length)];
                case FieldType.UInt64 or FieldType.Fixed64:
                    return (ulong)Longs[random.Next(Longs.Length)];
                case FieldType.Double:
                    return Doubles[random.Next(Doubles.Length)];
                case FieldType.Float:
                    return (float)Doubles[random.Next(Doubles.Length)];
                case FieldType.Enum:
                    var numbers = new[] { 0, 1, 2, 3, -1, 999, field.EnumType.Values.Count, int.MaxValue };
                    return numbers[random.Next(numbers.Length)];
                case FieldType.Message:
                    return depth >= 3 ? null : Fuzz(field.MessageType, depth + 1, small);
                default:
                    return null;
            }
        }
    }
}
