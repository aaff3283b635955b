using System.Text.Json.Serialization;
using TorchSharp;
using Workbench.Models.Operators;

namespace Workbench.Training.Config;

/// <summary>
/// The model section of an experiment: <c>kind</c> selects the family, the other fields are that family's options.
/// This is the one place where a name picks a class; models themselves take typed option records.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Fno1dConfig), "fno1d")]
public abstract record ModelConfig
{
    public abstract torch.nn.Module<torch.Tensor, torch.Tensor> Build();
    public abstract string? CheckShapes(long[] inputSample, long[] targetSample);
    public virtual IEnumerable<string> Problems() => [];
}

public sealed record Fno1dConfig : ModelConfig
{
    public int InChannels { get; init; } = 1;
    public int OutChannels { get; init; } = 1;
    public int Width { get; init; } = 32;
    public int Modes { get; init; } = 16;
    public int Layers { get; init; } = 4;

    private Fno1dOptions Options => new(InChannels, OutChannels, Width, Modes, Layers);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build() => new Fno1d(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => Fno1d.CheckShapes(Options, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        if (InChannels < 1) yield return $"in_channels: expected a positive integer, got {InChannels}";
        if (OutChannels < 1) yield return $"out_channels: expected a positive integer, got {OutChannels}";
        if (Width < 1) yield return $"width: expected a positive integer, got {Width}";
        if (Modes < 1) yield return $"modes: expected a positive integer, got {Modes}";
        if (Layers < 1) yield return $"layers: expected a positive integer, got {Layers}";
    }
}
