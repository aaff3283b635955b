using Workbench.Models.Codec;
using Workbench.Tests.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Cli;

/// <summary>
/// <c>codec convert</c> on an HCFSSNet variant that codes no files (FSTAM in the hyper-synthesis): converting needs no
/// coding, so the variant is rewritten at 16 bits with its architecture, and its weights are their float16 rounding.
/// </summary>
[Collection(Training.TrainingRunCollection.Name)]
public sealed class CodecConvertHcfssnetVariantTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-convert-variant-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_variant_with_fstam_in_the_hyper_synthesis_converts_to_float16_keeping_its_architecture()
    {
        var source = Path.Combine(_folder, "float32");
        var half = Path.Combine(_folder, "float16");
        var variant = new HcfssnetArchitecture(FstamInHyperSynthesis: true);
        manual_seed(11);
        using var original = CodecModels.Create(CodecModelId.Hcfssnet, 16, 16, hcfssnet: variant);
        new CodecCheckpoints(source).Save(3, original, new CodecCheckpointInfo(16, 16, 0.0067, 0, 1, 64, 1e-4, 0, [], 0) with { Hcfssnet = variant });

        var result = CliRunner.Run("codec", "convert", "--models", source, "--out", half, "--weight-bits", "16");

        Assert.True(result.ExitCode == 0, result.Error);
        var info = new CodecCheckpoints(half).Info(CodecModelId.Hcfssnet, 3);
        Assert.Equal((16, variant), (info.WeightBits, info.Hcfssnet));
        using var converted = new CodecCheckpoints(half).Load(CodecModelId.Hcfssnet, 3);
        var loaded = converted.state_dict();
        foreach (var (name, tensor) in original.named_parameters())
            Assert.True(loaded[name].equal(CompactCodecWeightsTests.Stored(name, tensor, CompactCodecWeights.KeptFloat32)).all().item<bool>(),
                $"{name} is not its stored value");
        Assert.NotNull(converted.CodingRefusal);
    }
}
