namespace Workbench.Tests.Training;

/// <summary>
/// Tests that use process-wide state (TorchSharp's global generator, retained-memory measurements) run alone, not
/// interleaved with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingRunCollection
{
    public const string Name = "training runs";
}
