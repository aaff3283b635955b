using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>Multiresolution hash encoding: points [P, d] in [0, 1]^d -> features [P, Levels * FeaturesPerLevel], level-major.</summary>
public sealed class HashGridEncoding : nn.Module<Tensor, Tensor>
{
    private readonly Parameter table;
    private readonly long[] resolutions;
    private readonly long[] sizes;
    private readonly long[] offsets;

    public HashGridEncoding(HashGridOptions options, Generator? generator = null) : base(nameof(HashGridEncoding))
    {
        if (options.InDim is < 1 or > 3) throw new Workbench.Core.Errors.WorkbenchException($"hashgrid: 1 to 3 input dimensions, got {options.InDim}.");
        if (options.Levels < 1 || options.FeaturesPerLevel < 1 || options.TableSize < 1 || options.MinResolution < 1 || options.MaxResolution < options.MinResolution)
            throw new Workbench.Core.Errors.WorkbenchException($"hashgrid: levels, features, table size must be positive and N_max >= N_min, got {options}.");
        Options = options;
        resolutions = options.Resolutions();
        sizes = options.LevelSizes();
        offsets = new long[sizes.Length];
        for (var l = 1; l < sizes.Length; l++) offsets[l] = offsets[l - 1] + sizes[l - 1];
        table = nn.Parameter(empty(sizes.Sum(), options.FeaturesPerLevel));
        InrInit.Uniform(table, 1e-4, generator);
        RegisterComponents();
    }

    public HashGridOptions Options { get; }

    /// <summary>Table row of each corner at level <paramref name="level"/>: corners [..., d] -> rows [...] (level offset included).</summary>
    public Tensor Rows(Tensor corners, int level)
    {
        var n = resolutions[level];
        var dense = sizes[level] == (long)Math.Pow(n + 1, Options.InDim);
        var local = dense ? SpatialHash.DenseIndex(corners, n + 1) : SpatialHash.Index(corners, sizes[level]);
        return local + offsets[level];
    }

    public override Tensor forward(Tensor unit)
    {
        InrInit.CheckCoordinates("hashgrid", unit, Options.InDim);
        using var scope = NewDisposeScope();
        var features = new Tensor[resolutions.Length];
        for (var l = 0; l < resolutions.Length; l++)
        {
            var (corners, weights) = MultilinearGrid.Locate(unit, resolutions[l]);
            features[l] = MultilinearGrid.Blend(table, Rows(corners, l), weights.to(table.dtype));
        }
        return cat(features, 1).MoveToOuterDisposeScope();
    }
}
