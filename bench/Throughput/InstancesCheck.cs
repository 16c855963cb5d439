using Grpc.Core;
using Grpc.Net.Client;
using OffenderMgmt.Contracts.Tls;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Bench.Throughput;

/// <summary>
/// The multi-instance scenarios checked from outside, against running instances of one demo
/// deployment (deploy/two-instances.sh): a token from A is good on B; a person created through A
/// is found through B; the same request id through A and B creates one person; sign-in attempts
/// through both count against one limit; the one audit chain verifies. Prints each with PASS or FAIL.
/// </summary>
public static class InstancesCheck
{
    private const string Password = "demo-only-password";

    public static async Task<int> RunAsync(IReadOnlyList<Uri> addresses, string? certificateAuthority, TextWriter output, CancellationToken cancellationToken)
    {
        if (addresses.Count < 2) throw new ArgumentException("--check needs two instances' addresses, comma-separated");
        var channels = addresses.Select(a =>
        {
            var handler = new SocketsHttpHandler();
            if (certificateAuthority is not null) handler.TrustingAuthority(certificateAuthority);
            return GrpcChannel.ForAddress(a, new GrpcChannelOptions { HttpHandler = handler });
        }).ToList();
        var (a, b) = (channels[0], channels[1]);
        var failures = 0;
        void Report(bool passed, string what)
        {
            if (!passed) failures++;
            output.WriteLine($"{(passed ? "PASS" : "FAIL")}  {what}");
        }

        var manager = (await new V1.Auth.AuthClient(a).SignInAsync(new V1.SignInRequest { Username = "demo.manager", Password = Password }, cancellationToken: cancellationToken)).AccessToken;
        var me = await new V1.Auth.AuthClient(b).WhoAmIAsync(new V1.WhoAmIRequest(), As(manager, ""));
        Report(me.Username == "demo.manager", $"one identity: a token signed in on {addresses[0]} is accepted by {addresses[1]}");

        var family = $"Checkinstances{Random.Shared.Next(100_000, 999_999)}";
        var created = await new V1.People.PeopleClient(a).CreatePersonAsync(new V1.CreatePersonRequest
            { Person = new V1.PersonInput { Name = new V1.PersonName { FamilyName = family, GivenName = "Alex" } } }, As(manager, "case-management"));
        var found = await new V1.People.PeopleClient(b).SearchPeopleAsync(new V1.SearchPeopleRequest { Name = family }, As(manager, "case-management"));
        Report(found.People.Any(p => p.Id == created.Id), "a person created through A is found through B");

        var retried = new V1.CreatePersonRequest
        {
            RequestId = $"check-{Guid.NewGuid():N}",
            Person = new V1.PersonInput { Name = new V1.PersonName { FamilyName = family, GivenName = "Sam" } },
        };
        var answers = await Task.WhenAll(
            new V1.People.PeopleClient(a).CreatePersonAsync(retried, As(manager, "case-management")).ResponseAsync,
            new V1.People.PeopleClient(b).CreatePersonAsync(retried, As(manager, "case-management")).ResponseAsync);
        var sams = (await new V1.People.PeopleClient(a).SearchPeopleAsync(new V1.SearchPeopleRequest { Name = family }, As(manager, "case-management"))).People.Count(p => p.Name.GivenName == "Sam");
        Report(answers[0].Id == answers[1].Id && sams == 1, "the same request id sent to A and B at once creates one person and both get its answer");

        // Sign-in attempts for one account, alternately through A and B, until one is refused.
        var attempts = 0;
        StatusCode last = StatusCode.OK;
        var account = $"nobody.{Guid.NewGuid():N}"[..20];
        while (attempts < 1000)
        {
            attempts++;
            try
            {
                await new V1.Auth.AuthClient(attempts % 2 == 0 ? a : b).SignInAsync(new V1.SignInRequest { Username = account, Password = "wrong-password" }, cancellationToken: cancellationToken);
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
        Report(last == StatusCode.ResourceExhausted && attempts <= 11,
            $"sign-in attempts through A and B count against one limit: attempt {attempts} refused with {last} (Auth:SignInAttemptsPerMinute, 10 by default)");

        var supervisor = (await new V1.Auth.AuthClient(b).SignInAsync(new V1.SignInRequest { Username = "demo.supervisor", Password = Password }, cancellationToken: cancellationToken)).AccessToken;
        var verdict = await new V1.Audit.AuditClient(b).VerifyChainAsync(new V1.VerifyChainRequest(), As(supervisor, "audit"));
        Report(verdict.Intact, $"the one audit chain verifies ({verdict.EntriesChecked:N0} entries){(verdict.Intact ? "" : ": " + verdict.Problem)}");

        foreach (var channel in channels) channel.Dispose();
        output.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) FAILED.");
        return failures == 0 ? 0 : 1;
    }

    private static CallOptions As(string token, string purpose)
    {
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        if (purpose.Length > 0) headers.Add("x-access-purpose", purpose);
        return new CallOptions(headers);
    }
}
