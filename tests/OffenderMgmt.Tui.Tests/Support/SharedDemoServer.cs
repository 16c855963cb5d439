using OffenderMgmt.Testing;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>
/// One demo server for the test classes that only read (and sign in): building the demo force
/// takes seconds, so they share it. Tests that record things use <see cref="WritingDemoServer"/>,
/// so what they write cannot change what a reading test sees.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoServer : ICollectionFixture<DemoServerFactory>
{
    public const string Name = "Shared demo server (reads only)";
}

/// <summary>
/// A second demo server for tests that record things (outcomes, reallocations, sightings).
/// Each test writes to records no other test reads and asserts only on its own records; the
/// tests in a collection run one at a time, in parallel with the reading collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WritingDemoServer : ICollectionFixture<DemoServerFactory>
{
    public const string Name = "Demo server for tests that write";
}
