using Workbench.Data.Sources;
using Workbench.Data.Splits;

namespace Workbench.Models.Specs;

/// <summary>The dataset a model is built for: its samples and the training range.</summary>
public sealed record TrainingData(ISampleSource Source, SampleRange Train);
