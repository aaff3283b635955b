using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Starts an HCFSSNet of a grown architecture as exactly a trained one, so that an ablation arm differs from the
/// baseline only by what its ingredient learns afterwards. Grown may add VFSS blocks at more strides and an FSTAM in
/// the hyper-synthesis (each new block starts as the identity: <see cref="VfssBlock.StartAsIdentity"/>,
/// <see cref="FstamBlock.StartAsIdentity"/>) and split scan heads into smaller ones (<see cref="Vonss.TakeWeights"/>);
/// every other weight is copied. Layers are matched in order within g_a, g_s, h_a and h_s, a layer of the grown model
/// that the trained one lacks being one of the new blocks.
/// </summary>
public static class HcfssnetGrowth
{
    public static void Grow(Hcfssnet trained, Hcfssnet grown)
    {
        using var _ = no_grad();
        var stages = trained.Stages.Zip(grown.Stages).ToArray();
        foreach (var ((name, from), (_, to)) in stages) Align(name, from, to);
        var prefixes = stages.Select(s => s.First.Name + ".").ToArray();
        var target = grown.state_dict();
        foreach (var (name, tensor) in trained.state_dict())
            if (!prefixes.Any(name.StartsWith)) target[name].copy_(tensor);
    }

    private static void Align(string stage, Sequential trained, Sequential grown)
    {
        var source = trained.children().ToList();
        var next = 0;
        foreach (var layer in grown.children())
        {
            if (next < source.Count && source[next].GetType() == layer.GetType())
            {
                Copy(source[next++], layer);
                continue;
            }
            switch (layer)
            {
                case VfssBlock block: block.StartAsIdentity(); break;
                case FstamBlock block: block.StartAsIdentity(); break;
                default: throw new ConfigException($"{stage}: a grown hcfssnet may only add VFSS or FSTAM blocks, not a {layer.GetType().Name}");
            }
        }
        if (next != source.Count) throw new ConfigException($"{stage}: a grown hcfssnet keeps every block of the trained one");
    }

    private static void Copy(nn.Module trained, nn.Module grown)
    {
        var sources = trained.named_modules().ToDictionary(m => m.name, m => m.module);
        var refined = new List<string>();
        foreach (var (name, module) in grown.named_modules())
            if (module is Vonss vonss)
            {
                vonss.TakeWeights((Vonss)sources[name]);
                refined.Add(name + ".");
            }
        var values = trained.state_dict();
        foreach (var (name, tensor) in grown.state_dict())
            if (!refined.Any(name.StartsWith)) tensor.copy_(values[name]);
    }
}
