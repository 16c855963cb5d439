using Grpc.Core;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Reports;

/// <summary>gRPC Reports service: reads the period, calls <see cref="ReportBuilder"/>, maps back. Aggregates only.</summary>
public sealed class ReportsService(ReportBuilder builder, IOptions<ReportOptions> options, ForceClock clock) : V1.Reports.ReportsBase
{
    public override async Task<V1.Report> GetReport(V1.GetReportRequest request, ServerCallContext context) =>
        ReportMessages.Report(await BuildAsync(request, context.CancellationToken));

    public override async Task<V1.ReportExport> ExportReport(V1.GetReportRequest request, ServerCallContext context)
    {
        var report = await BuildAsync(request, context.CancellationToken);
        return new V1.ReportExport { FileName = ReportCsv.FileName(report), Csv = ReportCsv.Write(report) };
    }

    private Task<ReportTable> BuildAsync(V1.GetReportRequest request, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var kind = ReportMessages.Kinds.Required(v, "kind", request.Kind);
        var to = v.Date("to", request.To, TimeBounds.Happened, clock) ?? clock.Today;
        var from = v.Date("from", request.From, TimeBounds.Happened, clock) ?? to.AddMonths(-options.Value.DefaultMonths).AddDays(1);
        v.ThrowIfInvalid();
        if (from > to) v.Add("from", $"must not be after to ({IsoDate.Format(to)})");
        else if (from < to.AddMonths(-options.Value.MaxMonths)) v.Add("from", $"the period may cover at most {options.Value.MaxMonths} months (Reports:MaxMonths)");
        v.ThrowIfInvalid();
        return builder.BuildAsync(kind, from, to, cancellationToken);
    }
}
