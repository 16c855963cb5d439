using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;

namespace OffenderMgmt.Tests.Hardening;

/// <summary>
/// Repeated fields have maximum counts (RequestLimits): a request with thousands of bad items is
/// refused at once with one violation naming the list, and the connection goes on serving.
/// </summary>
public sealed class RequestLimitTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const int Thousands = 5_000;
    private static readonly string AnyId = Guid.NewGuid().ToString();

    private async Task<CallInvoker> SupervisorAsync()
    {
        try { await server.CreateAccountAsync("limits.supervisor", Role.Supervisor); }
        catch (AlreadyExistsException) { }  // another test in this class made it
        return await server.As("limits.supervisor", "reason: checking long lists are refused");
    }

    private static IEnumerable<(string Field, Func<CallInvoker, Task> Call)> LongLists()
    {
        yield return ("person.warning_markers", c =>
        {
            var input = new PersonInput { Name = new PersonName { FamilyName = "Long" } };
            input.WarningMarkers.AddRange(Enumerable.Repeat((WarningMarker)999, Thousands));
            return new People.PeopleClient(c).CreatePersonAsync(new CreatePersonRequest { Person = input }).ResponseAsync;
        });
        yield return ("update_mask", c =>
        {
            var mask = new FieldMask();
            mask.Paths.AddRange(Enumerable.Range(0, Thousands).Select(i => $"no_such_field_{i}"));
            return new People.PeopleClient(c).UpdatePersonAsync(new UpdatePersonRequest
            {
                Id = AnyId, ExpectedVersion = 1, Person = new PersonInput { Name = new PersonName { FamilyName = "Long" } }, UpdateMask = mask,
            }).ResponseAsync;
        });
        yield return ("iom_categories", c =>
        {
            var request = new EnrolRequest { PersonId = AnyId, Scheme = Scheme.Iom };
            request.IomCategories.AddRange(Enumerable.Repeat((IomCategory)999, Thousands));
            return new Caseload.CaseloadClient(c).EnrolAsync(request).ResponseAsync;
        });
        yield return ("items", c =>
        {
            var request = new ReallocateRequest { OfficerId = AnyId };
            request.Items.AddRange(Enumerable.Range(0, Thousands).Select(_ => new ReallocationItem { Kind = "case", Id = "not-an-id" }));
            return new Caseload.CaseloadClient(c).ReallocateAsync(request).ResponseAsync;
        });
        yield return ("actions", c =>
        {
            var request = new RecordIomDecisionRequest { ManagementId = AnyId, Decision = "stay" };
            request.Actions.AddRange(Enumerable.Range(0, Thousands).Select(_ => new IomAction { Action = "", DueOn = "never" }));
            return new Caseload.CaseloadClient(c).RecordIomDecisionAsync(request).ResponseAsync;
        });
        yield return ("with_person_ids", c =>
        {
            var request = new CheckSightingRequest { PersonId = AnyId, Point = new GeoPoint { Latitude = 51.88, Longitude = -0.42 } };
            request.WithPersonIds.AddRange(Enumerable.Repeat("not-an-id", Thousands));
            return new Areas.AreasClient(c).CheckSightingAsync(request).ResponseAsync;
        });
        yield return ("conditions", c =>
        {
            var request = new CreateOrderRequest { PersonId = AnyId, Type = OrderType.Scpo, MadeOn = "2026-11-20", Court = "Luton Crown Court" };
            request.Conditions.AddRange(Enumerable.Range(0, Thousands).Select(_ => new Condition()));
            return new Orders.OrdersClient(c).CreateOrderAsync(request).ResponseAsync;
        });
        yield return ("remove_condition_ids", c =>
        {
            var request = new VaryOrderRequest { Id = AnyId, ExpectedVersion = 1 };
            request.RemoveConditionIds.AddRange(Enumerable.Repeat("not-an-id", Thousands));
            return new Orders.OrdersClient(c).VaryOrderAsync(request).ResponseAsync;
        });
        yield return ("change_conditions", c =>
        {
            var request = new VaryOrderRequest { Id = AnyId, ExpectedVersion = 1 };
            request.ChangeConditions.AddRange(Enumerable.Range(0, Thousands).Select(_ => new Condition { Id = "not-an-id" }));
            return new Orders.OrdersClient(c).VaryOrderAsync(request).ResponseAsync;
        });
    }

    [Fact]
    public async Task A_list_of_thousands_of_bad_items_is_refused_with_one_violation_naming_the_list()
    {
        var supervisor = await SupervisorAsync();
        var problems = new List<string>();
        foreach (var (field, call) in LongLists())
        {
            try
            {
                await call(supervisor);
                problems.Add($"{field}: accepted");
            }
            catch (RpcException e)
            {
                var violations = e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.ToList() ?? [];
                if (e.StatusCode != StatusCode.InvalidArgument || violations.Count(v => v.Field.StartsWith(field, StringComparison.Ordinal)) != 1
                    || violations.Single(v => v.Field.StartsWith(field, StringComparison.Ordinal)).Field != field)
                    problems.Add($"{field}: {e.StatusCode} with {violations.Count} violations, e.g. {string.Join("; ", violations.Take(3).Select(v => v.Field))}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The same connection goes on serving.
        var me = await new Auth.AuthClient(supervisor).WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal("limits.supervisor", me.Username);
    }

    [Fact]
    public void A_list_at_its_maximum_is_read_item_by_item()
    {
        var v = new Validator();
        var read = v.Each("with_person_ids", Enumerable.Repeat("x", RequestLimits.WithPersonIds).ToList(), RequestLimits.WithPersonIds, (field, _) => field);
        Assert.Equal(RequestLimits.WithPersonIds, read.Count);
        Assert.Equal("with_person_ids[19]", read[^1]);
        Assert.True(v.IsValid);
        Assert.Empty(v.Each("with_person_ids", Enumerable.Repeat("x", RequestLimits.WithPersonIds + 1).ToList(), RequestLimits.WithPersonIds, (field, _) => field));
        Assert.Equal("with_person_ids", Assert.Single(Assert.Throws<ValidationException>(v.ThrowIfInvalid).Violations).Field);
    }
}
