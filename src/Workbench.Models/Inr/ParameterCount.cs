namespace Workbench.Models.Inr;

/// <summary>Trainable parameter counts of each representation, computed from its options without building it.</summary>
public static class ParameterCount
{
    /// <summary>A ReLU MLP inputs -> hidden x layers -> outputs, biases included (layers = 0: one linear map).</summary>
    public static long Mlp(long inputs, long hidden, int layers, long outputs) =>
        layers == 0 ? (inputs + 1) * outputs : (inputs + 1) * hidden + (layers - 1) * (hidden + 1) * hidden + (hidden + 1) * outputs;

    public static long Of(SirenOptions o) => Mlp(o.InDim, o.Hidden, o.HiddenLayers + 1, o.OutDim);

    public static long Of(FourierFeatureOptions o) => Mlp(2L * o.Features, o.Hidden, o.HiddenLayers, o.OutDim);

    public static long Of(HashGridOptions o) =>
        o.LevelSizes().Sum() * o.FeaturesPerLevel + Mlp((long)o.Levels * o.FeaturesPerLevel, o.DecoderHidden, o.DecoderLayers, o.OutDim);

    public static long Of(NstrOptions o)
    {
        long k = o.Frequencies, d = o.InDim;
        var field = o.Backend switch
        {
            SpectrumBackend.Grid => (long)Math.Pow(o.SpectrumResolution + 1, d) * k,
            SpectrumBackend.HashGrid => SpectrumField.HashOptions(o) is var h
                ? h.LevelSizes().Sum() * h.FeaturesPerLevel + ((long)h.Levels * h.FeaturesPerLevel + 1) * k : 0,
            _ => Mlp(d, o.DecoderHidden / 2, 2, k),
        };
        return (o.LearnFrequencies ? k * d : 0) + k + field + Mlp(k, o.DecoderHidden, o.DecoderLayers, o.OutDim)
               + Mlp(d + k, o.TransportHidden, o.TransportLayers, k * d);
    }
}
