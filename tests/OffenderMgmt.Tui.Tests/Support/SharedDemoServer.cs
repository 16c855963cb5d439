using OffenderMgmt.Testing;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>
/// One demo server for the test classes that only read (and sign in): building the demo force
/// takes seconds, so they share it. Classes that record things get their own server
/// (IClassFixture), so what they write cannot change what another test reads.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoServer : ICollectionFixture<DemoServerFactory>
{
    public const string Name = "Shared demo server (reads only)";
}
