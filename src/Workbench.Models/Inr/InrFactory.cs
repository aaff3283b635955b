using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>Builds a representation from its options record.</summary>
public static class InrFactory
{
    public static nn.Module<Tensor, Tensor> Build(object options, Generator? generator = null) => options switch
    {
        SirenOptions o => new Siren(o, generator),
        FourierFeatureOptions o => new FourierFeatureMlp(o, generator),
        HashGridOptions o => new HashGrid(o, generator),
        NstrOptions o => new Nstr(o, generator),
        _ => throw new ArgumentException($"not an INR options record: {options.GetType().Name}"),
    };
}
