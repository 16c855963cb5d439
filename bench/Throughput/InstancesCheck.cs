using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OffenderMgmt.Contracts.Tls;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Bench.Throughput;

/// <summary>
/// Issue 15's scenarios checked from outside, through public RPCs only, against two running
/// instances of one demo deployment (deploy/two-instances.sh): A is the first address, B the
/// second. Each point of the issue's list prints PASS, FAIL (with what was seen) or SKIP (with
/// why it cannot be checked from outside); the exit code is 1 if any failed. The drain check
/// (SIGTERM of B, given its process id) ends B, so it runs last.
/// </summary>
public sealed class InstancesCheck
{
    private const string Password = "demo-only-password";
    private const string ReadinessService = "offendermgmt.v1";

    private readonly GrpcChannel _a;
    private readonly GrpcChannel _b;
    private readonly TextWriter _output;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private int _failures;
    private string _managerOfficer = "";

    private InstancesCheck(GrpcChannel a, GrpcChannel b, TextWriter output, CancellationToken cancellationToken) =>
        (_a, _b, _output, _cancellationToken) = (a, b, output, cancellationToken);

    /// <param name="drainPid">B's process id: SIGTERM it last and check the drain; null to skip that check.</param>
    /// <param name="lockoutAccount">A demo account to lock out (it stays locked for Auth:LockoutDuration); null to skip.</param>
    public static async Task<int> RunAsync(IReadOnlyList<Uri> addresses, string? certificateAuthority, int? drainPid, string? lockoutAccount,
        TextWriter output, CancellationToken cancellationToken)
    {
        var channels = Channels(addresses, certificateAuthority);
        output.WriteLine($"A = {addresses[0]}, B = {addresses[1]}");
        var check = new InstancesCheck(channels[0], channels[1], output, cancellationToken);
        try
        {
            await check.RunAllAsync(drainPid, lockoutAccount);
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
        output.WriteLine(check._failures == 0 ? "All checks passed." : $"{check._failures} check(s) FAILED.");
        return check._failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// Writes for a database failover (deploy/patroni-demo.sh): creates <paramref name="writes"/>
    /// people one after another, alternately through A and B, each with its own request id;
    /// a write that fails is sent again with the same id, to the other instance, until one
    /// answers (for up to two minutes). Then every acknowledged person must be there once.
    /// Prints how long writes were refused and whether any acknowledged write was lost or doubled.
    /// </summary>
    public static async Task<int> WriteLoadAsync(IReadOnlyList<Uri> addresses, string? certificateAuthority, int writes, TextWriter output, CancellationToken cancellationToken)
    {
        var channels = Channels(addresses, certificateAuthority);
        var check = new InstancesCheck(channels[0], channels[1], output, cancellationToken);
        try
        {
            return await check.WriteLoadAsync(writes);
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
    }

    private async Task<int> WriteLoadAsync(int writes)
    {
        var family = $"Failover{Random.Shared.Next(100_000, 999_999)}";
        var acknowledged = new List<string>();
        var retried = 0;
        var longestGap = TimeSpan.Zero;
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < writes; n++)
        {
            var request = new V1.CreatePersonRequest
            {
                RequestId = $"failover-{Guid.NewGuid():N}",
                Person = new V1.PersonInput { Name = new V1.PersonName { FamilyName = family, GivenName = $"W{n}" } },
            };
            var first = Stopwatch.GetTimestamp();
            for (var attempt = 0; ; attempt++)
            {
                var channel = (n + attempt) % 2 == 0 ? _a : _b;
                try
                {
                    var person = await new V1.People.PeopleClient(channel).CreatePersonAsync(request,
                        (await As("demo.service", "case-management", channel)).WithDeadline(DateTime.UtcNow.AddSeconds(10)));
                    acknowledged.Add(person.Id);
                    break;
                }
                catch (Exception e) when (e is RpcException or HttpRequestException && Stopwatch.GetElapsedTime(first) < TimeSpan.FromMinutes(2))
                {
                    var what = e is RpcException r ? $"{r.StatusCode}/{Reason(r)}" : e.GetType().Name;
                    errors[what] = errors.GetValueOrDefault(what) + 1;
                    retried++;
                    if (e is RpcException { StatusCode: StatusCode.Unauthenticated }) _tokens.Clear();
                    await Task.Delay(TimeSpan.FromMilliseconds(250), _cancellationToken);  // pacing retries, not a test wait
                }
            }
            var gap = Stopwatch.GetElapsedTime(first);
            if (gap > longestGap) longestGap = gap;
            if (n % 50 == 0) _output.WriteLine($"  {n} writes acknowledged ({Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s)");
        }
        var stored = new List<string>();
        var page = "";
        do
        {
            var search = await new V1.People.PeopleClient(_a).SearchPeopleAsync(new V1.SearchPeopleRequest { Name = family, PageSize = 100, PageToken = page }, await As("demo.manager", "case-management"));
            stored.AddRange(search.People.Where(p => p.Name.FamilyName == family).Select(p => p.Id));
            page = search.NextPageToken;
        }
        while (page.Length > 0);
        var lost = acknowledged.Except(stored).Count();
        var doubled = stored.Count - stored.Distinct().Count() + stored.Except(acknowledged).Count();
        _output.WriteLine($"{writes} writes in {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s; {retried} attempts refused and retried by request id " +
            $"({(errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}")))}); longest wait for one write {longestGap.TotalSeconds:N1} s");
        var passed = lost == 0 && doubled == 0 && acknowledged.Count == writes;
        _output.WriteLine($"{(passed ? "PASS" : "FAIL")}  failover writes: {acknowledged.Count} acknowledged, {stored.Count} stored, {lost} lost, {doubled} doubled or unacknowledged");
        var (intact, chain) = await ChainVerifies(_a, "A");
        _output.WriteLine($"{(intact ? "PASS" : "FAIL")}  audit chain: {chain}");
        return passed && intact ? 0 : 1;
    }

    private async Task RunAllAsync(int? drainPid, string? lockoutAccount)
    {
        await Check("one identity", OneIdentity);
        await Check("views: briefing", BriefingFollowsMoves);
        await Check("views: zones", ZonesFollowDischarge);
        await Check("alerts", AlertsAcrossInstances);
        await Check("idempotency", SameRequestIdAtOnce);
        await Check("shared limits", SharedRateLimit);
        if (lockoutAccount is null) Skip("shared lockout", "no --lockout-account given (the check locks that account for Auth:LockoutDuration)");
        else await Check("shared lockout", () => SharedLockout(lockoutAccount));
        await Check("write skew", ConcurrentEnrolments);
        Skip("unique usernames", "no public RPC creates accounts (the server's `accounts add` command does): " +
            "`deploy/two-instances.sh same-username` runs two of them at once against the shared database and checks one is kept");
        await Check("audit chain", () => ChainVerifies(_b, "B"));
        if (drainPid is null) Skip("drain", "no --drain-pid given (B's process id, from .two-instances/pids)");
        else await Check("drain", () => Drain(drainPid.Value));
    }

    private async Task Check(string name, Func<Task<(bool Passed, string What)>> check)
    {
        bool passed;
        string what;
        try
        {
            (passed, what) = await check();
        }
        catch (RpcException e)
        {
            (passed, what) = (false, $"unexpected {e.StatusCode} ({Reason(e)}): {e.Status.Detail}");
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !_cancellationToken.IsCancellationRequested)
        {
            (passed, what) = (false, $"timed out: {e.Message}");
        }
        if (!passed) _failures++;
        _output.WriteLine($"{(passed ? "PASS" : "FAIL")}  {name}: {what}");
    }

    private void Skip(string name, string why) => _output.WriteLine($"SKIP  {name}: {why}");

    private async Task<(bool, string)> OneIdentity()
    {
        var token = await Token(_a, "demo.manager");
        var me = await new V1.Auth.AuthClient(_b).WhoAmIAsync(new V1.WhoAmIRequest(), Headers(token, "").WithCancellationToken(_cancellationToken));
        _managerOfficer = me.OfficerId;
        return (me.Username == "demo.manager", $"a token signed in on A is accepted by B (WhoAmI on B: {me.Username})");
    }

    /// <summary>Moves a managed person back and forth between two wards through A; each briefing on B asked for at once after.</summary>
    private async Task<(bool, string)> BriefingFollowsMoves()
    {
        var (first, second) = (await Centre("Leagrave"), await Centre("Barnfield"));
        var person = await NewManagedPerson("Briefed", first);
        var people = new V1.People.PeopleClient(_a);
        var manager = await As("demo.manager", "case-management");
        var wrong = new List<string>();
        var moves = 6;
        var at = (await people.GetPersonAsync(new V1.GetPersonRequest { Id = person.Id }, manager)).Address.AreaCode;
        for (var move = 0; move < moves; move++)
        {
            var current = await people.GetPersonAsync(new V1.GetPersonRequest { Id = person.Id }, manager);
            var address = current.Address.Clone();
            address.Location = move % 2 == 0 ? second : first;
            var moved = await people.UpdatePersonAsync(new V1.UpdatePersonRequest
            {
                Id = person.Id, ExpectedVersion = current.Version, Person = new V1.PersonInput { Address = address }, UpdateMask = new FieldMask { Paths = { "address" } },
            }, manager);
            var to = moved.Address.AreaCode;
            if (to == at) return (false, $"the two test points fell in one area ({to}); nothing to check");
            var briefedThere = (await Briefing(_b, to)).Residents.Any(r => r.PersonId == person.Id);
            var briefedBefore = (await Briefing(_b, at)).Residents.Any(r => r.PersonId == person.Id);
            if (!briefedThere || briefedBefore) wrong.Add($"move {move + 1}: in new beat {briefedThere}, still in old beat {briefedBefore}");
            at = to;
        }
        return (wrong.Count == 0, wrong.Count == 0
            ? $"{moves} moves through A (UpdatePerson), each in the very next briefing on B in the new beat and gone from the old"
            : string.Join("; ", wrong));
    }

    /// <summary>Serves an order with an exclusion zone through A, sees it on B, discharges it through A, and asks B at once.</summary>
    private async Task<(bool, string)> ZonesFollowDischarge()
    {
        var park = new V1.GeoPoint { Latitude = 51.8925, Longitude = -0.4450 };
        var person = await NewManagedPerson("Zoned", await Centre("Leagrave"));
        var zone = new V1.Condition { ExclusionZone = new V1.ExclusionZone { Name = "Check park", Circle = new V1.CircleZone { Centre = park, RadiusMetres = 150 } } };
        var order = await ServedOrder(_a, person.Id, zone);
        var officer = await As("demo.officer", "sighting-check");
        var areasB = new V1.Areas.AreasClient(_b);
        var zonesAt = new V1.ZonesAtRequest { Point = park };
        var sighting = new V1.CheckSightingRequest { PersonId = person.Id, Point = park };
        var listedBefore = (await areasB.ZonesAtAsync(zonesAt, officer)).Zones.Any(z => z.OrderId == order.Id);
        var breachBefore = (await areasB.CheckSightingAsync(sighting, officer)).Verdict;

        await new V1.Orders.OrdersClient(_a).DischargeOrderAsync(
            new V1.DischargeOrderRequest { Id = order.Id, ExpectedVersion = order.Version, Reason = "Quashed on appeal (instances check)" }, await As("demo.service", "case-management"));
        var listedAfter = (await areasB.ZonesAtAsync(zonesAt, officer)).Zones.Any(z => z.OrderId == order.Id);
        var breachAfter = (await areasB.CheckSightingAsync(sighting, officer)).Verdict;
        var passed = listedBefore && breachBefore == V1.Verdict.Breach && !listedAfter && breachAfter != V1.Verdict.Breach;
        return (passed, $"served through A: ZonesAt on B lists the zone {listedBefore}, CheckSighting {breachBefore}; " +
            $"discharged through A: the very next ZonesAt on B lists it {listedAfter}, CheckSighting {breachAfter}");
    }

    /// <summary>
    /// A watcher on B hears an order served through A within a second; it stops, two more are
    /// served (through A and B) while nobody watches, and a watcher on A resuming after the id B
    /// last sent receives both.
    /// </summary>
    private async Task<(bool, string)> AlertsAcrossInstances()
    {
        var person = await NewManagedPerson("Alerted", await Centre("Leagrave"));
        var area = person.Address.AreaCode;
        var travel = new V1.Condition { Travel = new V1.Travel { NoticeDays = 7 } };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        long seen;
        double milliseconds;
        using (var watch = new V1.Alerts.AlertsClient(_b).Watch(new V1.WatchRequest { AreaCode = area }, (await As("demo.officer", "briefing")).WithCancellationToken(timeout.Token)))
        {
            await watch.ResponseHeadersAsync.WaitAsync(timeout.Token);
            var order = await ServedOrder(_a, person.Id, travel);
            var answered = Stopwatch.GetTimestamp();
            var alert = await NextAbout(watch.ResponseStream, [order.Id], timeout.Token);
            milliseconds = Stopwatch.GetElapsedTime(answered).TotalMilliseconds;
            seen = alert.Id;
            if (milliseconds > 1000) return (false, $"the alert of an order served through A reached the watcher on B {milliseconds:N0} ms after A answered (more than a second)");
        }

        var missed = new[] { (await ServedOrder(_a, person.Id, travel)).Id, (await ServedOrder(_b, person.Id, travel)).Id };
        using var resumed = new V1.Alerts.AlertsClient(_a).Watch(new V1.WatchRequest { AreaCode = area, AfterEventId = seen }, (await As("demo.officer", "briefing")).WithCancellationToken(timeout.Token));
        var received = new HashSet<string>(StringComparer.Ordinal);
        while (received.Count < missed.Length) received.Add((await NextAbout(resumed.ResponseStream, missed, timeout.Token)).OrderId);
        return (true, $"the alert of an order served through A reached a watcher on B {milliseconds:N0} ms after A answered; " +
            $"resuming on A after event {seen}, the watcher received both alerts raised (through A and B) while it was away");
    }

    private async Task<(bool, string)> SameRequestIdAtOnce()
    {
        const int rounds = 5;
        var family = $"Checkinstances{Random.Shared.Next(100_000, 999_999)}";
        var service = await As("demo.service", "case-management");
        var problems = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var request = new V1.CreatePersonRequest
            {
                RequestId = $"check-{Guid.NewGuid():N}",
                Person = new V1.PersonInput { Name = new V1.PersonName { FamilyName = family, GivenName = $"Twin{round}" } },
            };
            var answers = await Task.WhenAll(
                new V1.People.PeopleClient(_a).CreatePersonAsync(request, service).ResponseAsync,
                new V1.People.PeopleClient(_b).CreatePersonAsync(request, service).ResponseAsync);
            if (!answers[0].Equals(answers[1])) problems.Add($"round {round + 1}: A and B answered differently");
        }
        var found = await new V1.People.PeopleClient(_a).SearchPeopleAsync(new V1.SearchPeopleRequest { Name = family }, await As("demo.manager", "case-management"));
        // The search is fuzzy (it finds earlier runs' names too): only this run's family counts.
        var made = found.People.Count(p => p.Name.FamilyName == family);
        if (made != rounds) problems.Add($"{made} people made for {rounds} request ids");
        return (problems.Count == 0, problems.Count == 0
            ? $"{rounds} request ids each sent to A and B at the same moment: {made} people made, and both callers got the same answer each time"
            : string.Join("; ", problems));
    }

    private async Task<(bool, string)> SharedRateLimit()
    {
        // Sign-in attempts for one account, alternately through A and B, until one is refused.
        var attempts = 0;
        var last = StatusCode.OK;
        var account = $"nobody.{Guid.NewGuid():N}"[..20];
        while (attempts < 1000)
        {
            attempts++;
            try
            {
                await new V1.Auth.AuthClient(attempts % 2 == 0 ? _a : _b).SignInAsync(new V1.SignInRequest { Username = account, Password = "wrong-password" }, cancellationToken: _cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                continue;
            }
            catch (RpcException e)
            {
                last = e.StatusCode;
                break;
            }
        }
        return (last == StatusCode.ResourceExhausted && attempts <= 11,
            $"sign-in attempts for one name alternately through A and B: attempt {attempts} refused with {last} (Auth:SignInAttemptsPerMinute, 10 by default)");
    }

    /// <summary>Wrong passwords alternately through A and B until the account locks (Auth:MaxFailedSignIns, 5), then the right one on each.</summary>
    private async Task<(bool, string)> SharedLockout(string account)
    {
        try
        {
            await Token(_a, account);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return (false, $"{account} does not sign in with the demo password to begin with (locked by an earlier run? it unlocks after Auth:LockoutDuration): {e.Status.Detail}");
        }
        const int wrong = 5;
        for (var attempt = 0; attempt < wrong; attempt++)
        {
            try
            {
                await new V1.Auth.AuthClient(attempt % 2 == 0 ? _a : _b).SignInAsync(new V1.SignInRequest { Username = account, Password = "not-the-password" }, cancellationToken: _cancellationToken);
                return (false, "a wrong password was accepted");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
            }
        }
        var refused = new List<string>();
        foreach (var (channel, name) in new[] { (_a, "A"), (_b, "B") })
        {
            try
            {
                await Token(channel, account);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated && e.Status.Detail.Contains("locked", StringComparison.Ordinal))
            {
                refused.Add(name);
            }
        }
        return (refused.Count == 2, $"after {wrong} wrong passwords for {account}, alternately through A and B, the right password is refused as locked on {(refused.Count == 0 ? "neither" : string.Join(" and ", refused))} " +
            "(the account stays locked for Auth:LockoutDuration)");
    }

    /// <summary>The same person enrolled in one scheme through A and B at the same moment, several times over.</summary>
    private async Task<(bool, string)> ConcurrentEnrolments()
    {
        const int rounds = 5;
        var manager = await As("demo.manager", "case-management");
        var outcomes = new List<string>();
        var problems = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var person = await NewPerson("Enrolledonce", location: null);
            var enrol = Rso(person.Id);
            var attempts = await Task.WhenAll(new[] { _a, _b }.Select(async channel =>
            {
                try
                {
                    await new V1.Caseload.CaseloadClient(channel).EnrolAsync(enrol, manager);
                    return "OK";
                }
                catch (RpcException e)
                {
                    return $"{e.StatusCode}/{Reason(e)}";
                }
            }));
            var won = attempts.Count(a => a == "OK");
            var refusedRightly = attempts.Count(a => a.StartsWith(nameof(StatusCode.AlreadyExists), StringComparison.Ordinal) || a.StartsWith(nameof(StatusCode.Aborted), StringComparison.Ordinal));
            if (won != 1 || refusedRightly != 1) problems.Add($"round {round + 1}: {string.Join(", ", attempts)}");
            outcomes.AddRange(attempts.Where(a => a != "OK"));
        }
        return (problems.Count == 0, problems.Count == 0
            ? $"{rounds} times, one person enrolled in VSOMT through A and B at the same moment: one won each time, the other refused ({string.Join(", ", outcomes.Distinct())})"
            : string.Join("; ", problems));
    }

    private async Task<(bool, string)> ChainVerifies(GrpcChannel channel, string name)
    {
        var verdict = await new V1.Audit.AuditClient(channel).VerifyChainAsync(new V1.VerifyChainRequest(), await As("demo.supervisor", "audit", channel));
        return (verdict.Intact, $"VerifyChain on {name}: {(verdict.Intact ? "intact" : "BROKEN: " + verdict.Problem)} ({verdict.EntriesChecked:N0} entries)");
    }

    /// <summary>
    /// SIGTERM to B while a readiness watch and an alert stream are open on it: readiness goes
    /// NOT_SERVING, the alert stream ends UNAVAILABLE with reason SERVER_DRAINING, and the
    /// watcher resumes on A; A still answers and the chain verifies.
    /// </summary>
    private async Task<(bool, string)> Drain(int pid)
    {
        var area = (await NewManagedPerson("Drained", await Centre("Leagrave"))).Address.AreaCode;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var readiness = new Health.HealthClient(_b).Watch(new HealthCheckRequest { Service = ReadinessService }, cancellationToken: timeout.Token);
        if (!await readiness.ResponseStream.MoveNext(timeout.Token) || readiness.ResponseStream.Current.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            return (false, "B's readiness was not SERVING before the SIGTERM");
        using var alerts = new V1.Alerts.AlertsClient(_b).Watch(new V1.WatchRequest { AreaCode = area }, (await As("demo.officer", "briefing")).WithCancellationToken(timeout.Token));
        await alerts.ResponseHeadersAsync.WaitAsync(timeout.Token);

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            await kill.WaitForExitAsync(timeout.Token);

        var notServing = false;
        try
        {
            while (await readiness.ResponseStream.MoveNext(timeout.Token))
                if (readiness.ResponseStream.Current.Status == HealthCheckResponse.Types.ServingStatus.NotServing) { notServing = true; break; }
        }
        catch (RpcException)
        {
            // The stream ended with the process; notServing says whether NOT_SERVING came first.
        }
        string ended;
        long last = 0;
        try
        {
            while (await alerts.ResponseStream.MoveNext(timeout.Token)) last = Math.Max(last, alerts.ResponseStream.Current.Heartbeat ? last : alerts.ResponseStream.Current.Id);
            ended = "OK (ended without a status)";
        }
        catch (RpcException e)
        {
            ended = $"{e.StatusCode}/{Reason(e)}";
        }
        var reconnectStatus = ended == $"{StatusCode.Unavailable}/SERVER_DRAINING";

        // The watcher reconnects on A from its last event and hears the next alert; A still serves.
        using var again = new V1.Alerts.AlertsClient(_a).Watch(new V1.WatchRequest { AreaCode = area, AfterEventId = last }, (await As("demo.officer", "briefing")).WithCancellationToken(timeout.Token));
        await again.ResponseHeadersAsync.WaitAsync(timeout.Token);
        var person = await NewManagedPerson("Afterdrain", await Centre("Leagrave"));
        var order = await ServedOrder(_a, person.Id, new V1.Condition { Travel = new V1.Travel { NoticeDays = 7 } });
        await NextAbout(again.ResponseStream, [order.Id], timeout.Token);
        var (intact, chain) = await ChainVerifies(_a, "A");
        return (notServing && reconnectStatus && intact,
            $"SIGTERM to B (pid {pid}): readiness on B went {(notServing ? "NOT_SERVING" : "away without NOT_SERVING")}, its alert stream ended {ended}; " +
            $"the watcher resumed on A and heard the next alert; {chain}");
    }

    // ---- helpers: public RPCs only ----

    /// <summary>A channel to each of the two instances, trusting the given CA if any.</summary>
    private static List<GrpcChannel> Channels(IReadOnlyList<Uri> addresses, string? certificateAuthority)
    {
        if (addresses.Count != 2) throw new ArgumentException("--check needs two instances' addresses, comma-separated");
        return addresses.Select(address =>
        {
            var handler = new SocketsHttpHandler();
            if (certificateAuthority is not null) handler.TrustingAuthority(certificateAuthority);
            return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        }).ToList();
    }

    private async Task<V1.GeoPoint> Centre(string wardName)
    {
        var areas = await new V1.Areas.AreasClient(_a).ListAreasAsync(new V1.ListAreasRequest { Query = wardName, PageSize = 5 }, await As("demo.manager", "case-management"));
        var area = areas.Areas.FirstOrDefault(a => a.Name == wardName) ?? throw new InvalidOperationException($"no area named {wardName} in the demo force");
        return area.Centroid;
    }

    private async Task<V1.Person> NewPerson(string family, V1.GeoPoint? location)
    {
        var input = new V1.PersonInput { Name = new V1.PersonName { GivenName = "Check", FamilyName = family } };
        if (location is not null) input.Address = new V1.Address { Line1 = "5 High Street", Town = "Luton", Postcode = "LU4 9JY", Location = location };
        return await new V1.People.PeopleClient(_a).CreatePersonAsync(new V1.CreatePersonRequest { Person = input }, await As("demo.service", "case-management"));
    }

    /// <summary>A new person living at the point, managed by demo.manager (so briefed in their area).</summary>
    private async Task<V1.Person> NewManagedPerson(string family, V1.GeoPoint location)
    {
        var person = await NewPerson(family, location);
        await new V1.Caseload.CaseloadClient(_a).EnrolAsync(Rso(person.Id), await As("demo.manager", "case-management"));
        return person;
    }

    private V1.EnrolRequest Rso(string person) => new()
    {
        PersonId = person, Scheme = V1.Scheme.Vsomt, ResponsibleOfficerId = _managerOfficer, RiskLevel = V1.RiskLevel.High,
        Register = V1.Register.SexOffender, MappaCategory = 1, MappaLevel = 2,
        Notification = new V1.RsoNotificationDetails { ConvictionDate = "2024-03-01", Disposal = (int)V1.NotificationDisposal.Custodial, SentenceMonths = 18, AgeAtConviction = 34 },
    };

    private async Task<V1.Order> ServedOrder(GrpcChannel channel, string person, V1.Condition condition)
    {
        var orders = new V1.Orders.OrdersClient(channel);
        var service = await As("demo.service", "case-management", channel);
        var request = new V1.CreateOrderRequest
        {
            PersonId = person, Type = V1.OrderType.Shpo, Court = "Bedford Magistrates' Court",
            MadeOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            LeadOfficerId = _managerOfficer, Conditions = { condition },
        };
        var order = await orders.CreateOrderAsync(request, service);
        return await orders.ServeOrderAsync(new V1.ServeOrderRequest
        {
            Id = order.Id, ServedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-30)), ServedWhere = "home address", ServedByOfficerId = _managerOfficer,
        }, service);
    }

    private async Task<V1.Briefing> Briefing(GrpcChannel channel, string area) =>
        await new V1.Areas.AreasClient(channel).GetBriefingAsync(new V1.GetBriefingRequest { AreaCode = area }, await As("demo.officer", "briefing", channel));

    private static async Task<V1.AlertEvent> NextAbout(IAsyncStreamReader<V1.AlertEvent> stream, IReadOnlyCollection<string> orders, CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
            if (!stream.Current.Heartbeat && orders.Contains(stream.Current.OrderId)) return stream.Current;
        throw new TimeoutException("the alert stream ended before the alert came");
    }

    /// <summary>A token for the account, signed in once on A (one identity: B accepts it too).</summary>
    private async Task<string> Token(GrpcChannel channel, string username)
    {
        var response = await new V1.Auth.AuthClient(channel).SignInAsync(new V1.SignInRequest { Username = username, Password = Password }, cancellationToken: _cancellationToken);
        return response.AccessToken;
    }

    private async Task<CallOptions> As(string username, string purpose, GrpcChannel? signInOn = null)
    {
        if (!_tokens.TryGetValue(username, out var token)) _tokens[username] = token = await Token(signInOn ?? _a, username);
        return Headers(token, purpose).WithCancellationToken(_cancellationToken);
    }

    private static CallOptions Headers(string token, string purpose)
    {
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        if (purpose.Length > 0) headers.Add("x-access-purpose", purpose);
        return new CallOptions(headers);
    }

    private static string Reason(RpcException e) => e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "no reason";
}
