using OffenderMgmt.Testing;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Grpc;

namespace OffenderMgmt.Tests.Security;

/// <summary>The one table of refusal reasons, and the mapper that puts them on every status (no host needed).</summary>
public sealed class ErrorMapperTests
{
    private static readonly ErrorMapper Mapper = new(NullLogger<ErrorMapper>.Instance);

    [Fact]
    public void Every_reason_has_one_row_in_the_table_and_is_listed_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        foreach (var reason in Enum.GetValues<ErrorReason>())
        {
            var info = ErrorReasons.Of(reason);
            Assert.Contains($"| `{info.Name}` | {info.Code} |", readme, StringComparison.Ordinal);
        }
        Assert.Equal(Enum.GetValues<ErrorReason>().Length, ErrorReasons.All.Values.Select(i => i.Name).Distinct().Count());
    }

    public static TheoryData<Exception, StatusCode, string> Failures() => new()
    {
        { new ValidationException("name", "is required"), StatusCode.InvalidArgument, "INVALID_FIELD" },
        { new NotFoundException("person", "x"), StatusCode.NotFound, "NOT_FOUND" },
        { new RuleViolationException("NOT_ACCREDITED", "no"), StatusCode.FailedPrecondition, "RULE_VIOLATED" },
        { new StaleVersionException("order", "x", 1, 2), StatusCode.Aborted, "STALE_VERSION" },
        { new AccessDeniedException("no"), StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED" },
        { new AccessDeniedException("no", ErrorReason.ReasonRequired), StatusCode.PermissionDenied, "REASON_REQUIRED" },
        { new UnauthenticatedException("no", ErrorReason.TokenExpired), StatusCode.Unauthenticated, "TOKEN_EXPIRED" },
        { new TooManyRequestsException("slow down", TimeSpan.FromSeconds(5)), StatusCode.ResourceExhausted, "RATE_LIMITED" },
        { new InvalidRequestBodyException("offendermgmt.v1.X"), StatusCode.InvalidArgument, "INVALID_REQUEST_BODY" },
        { new AuditUnavailableException(new IOException("disk")), StatusCode.Unavailable, "AUDIT_UNAVAILABLE" },
        // SQLITE_BUSY (5) after the busy timeout, as a sign-in met under a long housekeeping round.
        { new Microsoft.EntityFrameworkCore.DbUpdateException("save", new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)), StatusCode.Unavailable, "DATABASE_BUSY" },
        { new Microsoft.Data.Sqlite.SqliteException("database is locked", 5), StatusCode.Unavailable, "DATABASE_BUSY" },
        { new InvalidOperationException("bug"), StatusCode.Internal, "SERVER_ERROR" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Every_failure_maps_to_its_status_with_error_info(Exception failure, StatusCode code, string reason)
    {
        var mapped = Mapper.Map(failure, new OutsideCallContext());
        Assert.Equal(code, mapped.StatusCode);
        Assert.Equal(reason, mapped.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
    }

    public static TheoryData<Exception> CutOffByTheCaller() => new()
    {
        new OperationCanceledException(),
        new Microsoft.EntityFrameworkCore.DbUpdateException("save", new TaskCanceledException()),
        new InvalidOperationException("command aborted", new OperationCanceledException()),
        new AggregateException(new OperationCanceledException()),
    };

    [Theory]
    [MemberData(nameof(CutOffByTheCaller))]
    public void A_failure_caused_by_the_calls_own_deadline_is_deadline_exceeded_however_deep_the_cancellation_is_wrapped(Exception failure)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var mapped = Mapper.Map(failure, new OutsideCallContext(deadline: DateTime.UtcNow.AddSeconds(-1), cancellation: cancelled.Token));
        Assert.Equal(StatusCode.DeadlineExceeded, mapped.StatusCode);
        var cancelledByCaller = Mapper.Map(failure, new OutsideCallContext(cancellation: cancelled.Token));
        Assert.Equal(StatusCode.Cancelled, cancelledByCaller.StatusCode);
    }

    [Fact]
    public void A_driver_failure_in_its_own_words_after_the_callers_deadline_is_deadline_exceeded_with_a_reference_not_internal()
    {
        // Npgsql cut off mid-command reports the broken stream, not a cancellation (seen in CI: a
        // write whose deadline passed answered INTERNAL).
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var failure = new InvalidOperationException("Exception while reading from stream", new System.IO.EndOfStreamException());
        var mapped = Mapper.Map(failure, new OutsideCallContext(deadline: DateTime.UtcNow.AddSeconds(-1), cancellation: cancelled.Token));
        Assert.Equal(StatusCode.DeadlineExceeded, mapped.StatusCode);
        Assert.True(mapped.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata.ContainsKey("reference"));
        Assert.Equal(StatusCode.Cancelled, Mapper.Map(failure, new OutsideCallContext(cancellation: cancelled.Token)).StatusCode);
        // The same failure while the caller still waits is the server's own.
        Assert.Equal(StatusCode.Internal, Mapper.Map(failure, new OutsideCallContext()).StatusCode);
    }

    [Fact]
    public void A_wrapped_cancellation_while_the_call_is_still_live_is_not_taken_for_the_callers()
    {
        var mapped = Mapper.Map(new InvalidOperationException("bug", new OperationCanceledException()), new OutsideCallContext());
        Assert.Equal(StatusCode.Internal, mapped.StatusCode);
    }

    [Fact]
    public void A_refusal_of_thousands_of_fields_lists_twenty_and_counts_the_rest()
    {
        var violations = Enumerable.Range(0, 5000).Select(i => new FieldViolation($"items[{i}]", new string('x', 1000))).ToList();
        var mapped = Mapper.Map(new ValidationException(violations), new OutsideCallContext());
        var status = mapped.GetRpcStatus()!;
        Assert.Equal(20, status.GetDetail<BadRequest>().FieldViolations.Count);
        Assert.Equal("5000", status.GetDetail<ErrorInfo>().Metadata["violations"]);
        Assert.EndsWith("and 4980 more", new ValidationException(violations).Message, StringComparison.Ordinal);
        Assert.True(status.CalculateSize() < 8 * 1024);
    }

    [Theory]
    [InlineData("a\0b", "a\\u0000b")]
    [InlineData("\u202eevil", "\\u202eevil")]
    public void Audited_text_is_cleaned_to_what_can_be_stored(string text, string stored) =>
        Assert.Equal(stored, AuditText.Clean(text, 100));

    [Fact]
    public void A_lone_surrogate_is_replaced_and_a_pair_is_kept()
    {
        // Built at run time: a lone surrogate does not survive being compiled into an attribute.
        Assert.Equal("lone \ufffd high", AuditText.Clean("lone " + (char)0xD800 + " high", 100));
        Assert.Equal("pair \ud83d\ude00 kept", AuditText.Clean("pair \ud83d\ude00 kept", 100));
    }

    [Fact]
    public void Audited_text_is_clipped_to_its_column_without_splitting_a_character()
    {
        var clean = AuditText.Clean(new string('a', 98) + "\ud83d\ude00\ud83d\ude00", 100);
        Assert.True(clean.Length <= 100);
        Assert.False(char.IsHighSurrogate(clean[^2]) && !char.IsLowSurrogate(clean[^1]));
        Assert.EndsWith("…", clean, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OffenderMgmt.sln"))) dir = dir.Parent;
        return dir.FullName;
    }

}
