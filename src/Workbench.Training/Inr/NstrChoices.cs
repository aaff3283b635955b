using Workbench.Models.Inr;

namespace Workbench.Training.Inr;

/// <summary>NSTR settings chosen on the command line; a null keeps what <see cref="ParameterBudget"/> picks.</summary>
public sealed record NstrChoices(double? TransportWeight = null, SpectrumBackend? Backend = null, bool? LearnFrequencies = null, int? Frequencies = null)
{
    public NstrOptions Apply(NstrOptions options) => options with
    {
        TransportWeight = TransportWeight ?? options.TransportWeight,
        Backend = Backend ?? options.Backend,
        LearnFrequencies = LearnFrequencies ?? options.LearnFrequencies,
        Frequencies = Frequencies ?? options.Frequencies,
    };
}
