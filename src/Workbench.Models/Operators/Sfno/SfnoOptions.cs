using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Models.Specs;

namespace Workbench.Models.Operators.Sfno;

/// <summary>
/// Spatiotemporal FNO (Spectral-Refiner, REFERENCES section 4). Input frames [B, InputSteps, X, Y] map to
/// [B, OutputSteps, X, Y]. Modes1/Modes2 are the kept wavenumbers per side in x and y, ModesT those of the rfft half
/// axis in t; the lifting layer resamples time to LatentSteps; TemporalBases adds sin/cos(pi k t), k = 1..K, to the
/// positional encoding; the pointwise feed-forward blocks widen by Expansion; the reduction maps Width to 1 through
/// ProjectionWidth; the output layer keeps OutputModes1 x OutputModes2 x OutputModesT and resamples to OutputSteps.
/// TemporalPadding makes the output layer read [zeros, last input frame, latent] so that its output window is the second
/// half of a doubled period, not a whole period: the forecast need not end where it starts (see <see cref="Sfno.Head"/>).
/// </summary>
public sealed record SfnoOptions(
    int InputSteps = 10,
    int OutputSteps = 40,
    int Width = 20,
    int Modes1 = 12,
    int Modes2 = 12,
    int ModesT = 5,
    int LatentSteps = 10,
    int Layers = 4,
    int TemporalBases = 4,
    int Expansion = 4,
    int ProjectionWidth = 64,
    int OutputModes1 = 12,
    int OutputModes2 = 12,
    int OutputModesT = 6,
    bool TemporalPadding = true) : ModelSpec
{
    public override string Kind => "sfno";

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new Sfno(this);

    public override string? CheckShapes(long[] inputSample, long[] targetSample) => Sfno.CheckShapes(this, inputSample, targetSample);

    /// <summary>Run folders written before this record was the JSON repeat the fields under <c>options</c>; the copy goes.</summary>
    public static void DropOlderOptionsCopy(JsonObject json) => json.Remove("options");

    public override IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("input_steps", InputSteps), ("output_steps", OutputSteps), ("width", Width),
                     ("modes1", Modes1), ("modes2", Modes2), ("modes_t", ModesT), ("latent_steps", LatentSteps), ("layers", Layers),
                     ("expansion", Expansion), ("projection_width", ProjectionWidth), ("output_modes1", OutputModes1),
                     ("output_modes2", OutputModes2), ("output_modes_t", OutputModesT) })
            if (value < 1) yield return $"{name}: expected a positive integer, got {value}";
        if (TemporalBases < 0) yield return $"temporal_bases: expected a non-negative integer, got {TemporalBases}";
    }
}
