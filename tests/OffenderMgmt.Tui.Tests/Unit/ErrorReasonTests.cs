using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>The client decides on the server's ErrorInfo reason, never on the wording of its message.</summary>
public sealed class ErrorReasonTests
{
    private static RpcException Refusal(Code code, string reason, string message)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = "offendermgmt" }));
        return status.ToRpcException();
    }

    [Fact]
    public void A_reason_required_refusal_asks_for_a_reason_whatever_its_words()
    {
        var e = GatewayException.From(Refusal(Code.PermissionDenied, "REASON_REQUIRED", "Say why you want this one."));
        Assert.Equal(GatewayFailure.ReasonNeeded, e.Failure);
    }

    [Fact]
    public void The_servers_instruction_to_send_the_purpose_header_is_not_shown_to_the_user()
    {
        var e = GatewayException.From(Refusal(Code.PermissionDenied, "REASON_REQUIRED",
            "A reason is needed: the person is not one of your cases. Send x-access-purpose: \"reason: <why you need it>\"; the reason is kept in the audit log."));
        Assert.Equal("A reason is needed: the person is not one of your cases.", e.Message);
        var whole = GatewayException.From(Refusal(Code.PermissionDenied, "NOT_YOUR_CASE",
            "A local officer reads people for a briefing or a sighting check: send x-access-purpose: briefing or sighting-check (or a reason)."));
        Assert.DoesNotContain("x-access-purpose", whole.Message, StringComparison.Ordinal);
        Assert.Equal("Your role may not do that.", whole.Message);
    }

    [Fact]
    public void Words_that_mention_a_reason_do_not_make_a_refusal_one_a_reason_lifts()
    {
        var e = GatewayException.From(Refusal(Code.PermissionDenied, "NOT_YOUR_CASE", "A reason is needed: no, it is not."));
        Assert.Equal(GatewayFailure.Refused, e.Failure);
    }

    [Theory]
    [InlineData("TOKEN_EXPIRED", true)]
    [InlineData("UNAUTHENTICATED", true)]
    [InlineData("ACCOUNT_DISABLED", false)]
    [InlineData("SIGN_IN_REFUSED", false)]
    public void Only_an_expired_or_missing_sign_in_asks_for_the_password_again(string reason, bool signIn)
    {
        var refusal = Refusal(Code.Unauthenticated, reason, "whatever the server says");
        Assert.Equal(signIn, GatewayException.CallsForSignIn(refusal));
    }

    [Fact]
    public void A_disabled_account_is_told_so_and_not_sent_back_to_sign_in()
    {
        var e = GatewayException.From(Refusal(Code.Unauthenticated, "ACCOUNT_DISABLED", "This account is disabled."));
        Assert.Equal(GatewayFailure.AccountDisabled, e.Failure);
    }

    [Fact]
    public void A_stale_version_is_stale_and_a_rule_refusal_is_rejected()
    {
        Assert.Equal(GatewayFailure.Stale, GatewayException.From(Refusal(Code.Aborted, "STALE_VERSION", "x")).Failure);
        Assert.Equal(GatewayFailure.Rejected, GatewayException.From(Refusal(Code.FailedPrecondition, "RULE_VIOLATED", "x")).Failure);
    }

    [Fact]
    public void A_busy_database_says_nothing_was_changed_and_to_try_again_not_that_the_server_is_unreachable()
    {
        var e = GatewayException.From(Refusal(Code.Unavailable, "DATABASE_BUSY", "x"));
        Assert.Equal(GatewayFailure.ServerError, e.Failure);
        Assert.Contains("nothing was changed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_sends_no_reason_is_understood_by_its_status()
    {
        var e = GatewayException.From(new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "gone")));
        Assert.Equal(GatewayFailure.NotFound, e.Failure);
    }
}
