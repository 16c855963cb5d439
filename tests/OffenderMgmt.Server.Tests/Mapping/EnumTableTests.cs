using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Testing;
using DomainVerdict = OffenderMgmt.Server.Geography.Verdict;

namespace OffenderMgmt.Tests.Mapping;

/// <summary>
/// Domain and proto enums meet only through explicit tables (<see cref="EnumTable{TDomain,TProto}"/>),
/// never by casting numbers: every table in the server is found by reflection and must cover every
/// domain value both ways and every proto value but the UNSPECIFIED zero.
/// </summary>
public sealed class EnumTableTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static IEnumerable<(string Name, object Table)> AllTables() =>
        typeof(EnumTable<,>).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(EnumTable<,>))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", f.GetValue(null)!));

    [Fact]
    public void Every_enum_table_in_the_server_covers_every_value_of_both_enums()
    {
        var tables = AllTables().ToList();
        Assert.True(tables.Count >= 30, $"found only {tables.Count} tables");
        var gaps = new List<string>();
        foreach (var (name, table) in tables)
        {
            var type = table.GetType();
            var (domain, proto) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            var toProto = type.GetMethod(nameof(EnumTable<DomainVerdict, Contracts.V1.Verdict>.ToProto), [domain])!;
            var toDomain = type.GetMethod(nameof(EnumTable<DomainVerdict, Contracts.V1.Verdict>.ToDomain), [proto])!;
            foreach (var value in Enum.GetValues(domain))
            {
                try
                {
                    var back = toDomain.Invoke(table, [toProto.Invoke(table, [value])]);
                    if (!Equals(back, value)) gaps.Add($"{name}: {value} does not come back");
                }
                catch (TargetInvocationException) { gaps.Add($"{name}: {domain.Name}.{value} has no proto value"); }
            }
            foreach (var value in Enum.GetValues(proto))
                if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && toDomain.Invoke(table, [value]) is null)
                    gaps.Add($"{name}: {proto.Name}.{value} has no domain value");
        }
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void Every_judged_verdict_has_its_stored_form()
    {
        foreach (var verdict in Enum.GetValues<DomainVerdict>())
            Assert.Equal(VerdictEnums.Verdicts.ToProto(verdict), VerdictEnums.Stored.ToProto(VerdictEnums.ToStored(verdict)));
    }

    [Theory]
    [InlineData("risk_level")]
    [InlineData("cohort_type")]
    [InlineData("register")]
    public async Task An_enrolment_with_an_unknown_enum_number_is_refused_by_field_and_stores_nothing(string field)
    {
        var person = (await new People.PeopleClient(await server.As("demo.service")).CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput { Name = new PersonName { GivenName = "Test", FamilyName = "Enumnumber" }, DateOfBirth = "1990-01-01" },
        })).Id;
        var request = new EnrolRequest
        {
            PersonId = person, Scheme = Scheme.Iom, ResponsibleOfficerId = (await server.OfficerOfAccount("demo.manager")).ToString(),
            RiskLevel = Contracts.V1.RiskLevel.Medium, CohortType = IomCohortType.Fixed,
        };
        switch (field)
        {
            case "risk_level": request.RiskLevel = (Contracts.V1.RiskLevel)99; break;
            case "cohort_type": request.CohortType = (IomCohortType)99; break;
            case "register": request.Register = (Register)99; break;
        }
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        await RpcAssert.FailsOnField(field, () => caseload.EnrolAsync(request).ResponseAsync);
        var stored = await server.WithDb(db => db.Managements.CountAsync(m => m.PersonId == Guid.Parse(person)));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_risk_change_to_an_unknown_level_is_refused_by_field()
    {
        var caseload = new Caseload.CaseloadClient(await server.As("demo.manager"));
        await RpcAssert.FailsOnField("risk_level", () => caseload.ChangeRiskAsync(new ChangeRiskRequest
        {
            Id = Guid.NewGuid().ToString(), ExpectedVersion = 1, RiskLevel = (Contracts.V1.RiskLevel)99, Reason = "checking unknown numbers are refused",
        }).ResponseAsync);
    }
}
