using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// Every RPC, called by a role allowed to call it, with an empty request and with nonsense in
/// every field: the answer is a clear status (INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED,
/// FAILED_PRECONDITION...), never INTERNAL or UNKNOWN, and the server stays up.
/// </summary>
public sealed class BadInputSweepTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly Dictionary<Role, string> Accounts = new()
    {
        [Role.OffenderManager] = "demo.manager", [Role.Supervisor] = "demo.supervisor", [Role.LocalOfficer] = "demo.officer",
        [Role.Analyst] = "demo.analyst", [Role.PartnerAgency] = "demo.partner", [Role.Service] = "demo.service", [Role.Admin] = "demo.admin",
    };

    public static TheoryData<string> Methods()
    {
        var data = new TheoryData<string>();
        foreach (var method in RawCalls.AllMethods()) data.Add(RawCalls.FullName(method));
        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_empty_or_nonsensical_request_gets_a_clear_status_never_an_internal_error(string fullName)
    {
        var method = RawCalls.AllMethods().Single(m => RawCalls.FullName(m) == fullName);
        var rule = RpcAccessPolicy.Find(fullName)!;
        var role = rule.Anonymous ? Role.Admin : rule.Roles.Order().First();
        var invoker = await server.As(Accounts[role], "reason: checking bad input is refused cleanly");

        foreach (var request in new[] { Array.Empty<byte>(), Nonsense(method.InputType, depth: 0).ToByteArray() })
        {
            try
            {
                await RawCalls.CallAsync(invoker, method, request);
            }
            catch (RpcException e)
            {
                Assert.True(e.StatusCode is not (StatusCode.Internal or StatusCode.Unknown),
                    $"{fullName} answered {e.StatusCode}: {e.Status.Detail}");
            }
        }
        // Still serving.
        await new Contracts.V1.Auth.AuthClient(invoker).WhoAmIAsync(new Contracts.V1.WhoAmIRequest());
    }

    /// <summary>A request with every field filled with something wrong: long junk text, negative numbers, unknown enum values.</summary>
    private static IMessage Nonsense(MessageDescriptor descriptor, int depth)
    {
        var message = descriptor.Parser.ParseFrom([]);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            object? value = field.FieldType switch
            {
                FieldType.String => new string('\u00e9', 300) + "'; DROP TABLE People; --",
                FieldType.Int32 or FieldType.SInt32 => -7,
                FieldType.Int64 or FieldType.SInt64 => -7L,
                FieldType.Double => double.NaN,
                FieldType.Float => float.NaN,
                FieldType.Bool => true,
                FieldType.Enum => field.EnumType.Values.Count + 40,
                FieldType.Message when depth < 2 && field.MessageType.FullName != "google.protobuf.Timestamp" => Nonsense(field.MessageType, depth + 1),
                FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.MaxValue.AddDays(-1)),
                _ => null,
            };
            if (value is null) continue;
            if (field.IsRepeated) ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
            else field.Accessor.SetValue(message, value);
        }
        return message;
    }
}
