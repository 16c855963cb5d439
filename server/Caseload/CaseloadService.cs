using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Caseload;

/// <summary>gRPC Caseload service.</summary>
public sealed class CaseloadService : V1.Caseload.CaseloadBase;
