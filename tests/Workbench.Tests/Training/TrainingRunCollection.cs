namespace Workbench.Tests.Training;

/// <summary>Runs that seed TorchSharp's process-wide generator must not interleave with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingRunCollection
{
    public const string Name = "training runs";
}
