namespace Workbench.Notebooks.Tests.Notebooks;

/// <summary>Notebook runs share process-wide state (environment, formatters, TorchSharp's seed): one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "notebooks";
}
