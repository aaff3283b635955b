using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>Hash-grid representation: coordinates [N, d] in [-1, 1] -> (x + 1) / 2 -> hash encoding -> ReLU decoder -> [N, OutDim].</summary>
public sealed class HashGrid : nn.Module<Tensor, Tensor>
{
    private readonly HashGridEncoding encoding;
    private readonly Sequential decoder;

    public HashGrid(HashGridOptions options, Generator? generator = null) : base(nameof(HashGrid))
    {
        Options = options;
        encoding = new HashGridEncoding(options, generator);
        decoder = InrInit.ReluMlp(options.Levels * options.FeaturesPerLevel, options.DecoderHidden, options.DecoderLayers, options.OutDim, generator);
        RegisterComponents();
    }

    public HashGridOptions Options { get; }

    public override Tensor forward(Tensor x)
    {
        InrInit.CheckCoordinates("hashgrid", x, Options.InDim);
        using var scope = NewDisposeScope();
        return decoder.forward(encoding.forward((x + 1) * 0.5)).MoveToOuterDisposeScope();
    }
}
