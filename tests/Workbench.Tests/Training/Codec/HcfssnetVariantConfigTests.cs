using Workbench.Core.Errors;
using Workbench.Models.Codec;
using Workbench.Training.Codec;

namespace Workbench.Tests.Training.Codec;

public sealed class HcfssnetVariantConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-hcfss-variant-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Config(string kind, string model) =>
        """{"task": "codec", "name": "variant", "images": ["a.png"], "quality": 3, "lambda": 0.0067, "model": {"kind": """ +
        $"\"{kind}\", \"n\": 64, \"m\": 96{model}}}}}";

    [Fact]
    public void The_hcfssnet_object_reads_with_each_field_optional_and_writes_back()
    {
        var config = CodecExperimentConfig.Parse(Config("hcfssnet", """, "hcfssnet": {"vfss_strides": [16, 4], "fstam_in_hyper_synthesis": true}"""), "c.json");
        Assert.Equal(new HcfssnetArchitecture(16, VfssStrides.Stride4 | VfssStrides.Stride16, true), config.Model.Hcfssnet);
        Assert.Contains("\"vfss_strides\": [\n        4,\n        16\n      ]", config.Serialize());
        Assert.Equal(config.Model.Hcfssnet, CodecExperimentConfig.Parse(config.Serialize(), "again.json").Model.Hcfssnet);

        Assert.Equal(new HcfssnetArchitecture(ScanHeadSize: 1), CodecExperimentConfig.Parse(Config("hcfssnet", """, "hcfssnet": {"scan_head_size": 1}"""), "c.json").Model.Hcfssnet);
        var plain = CodecExperimentConfig.Parse(Config("hcfssnet", ""), "c.json");
        Assert.Null(plain.Model.Hcfssnet);
        Assert.DoesNotContain("hcfssnet\":", plain.Serialize());
    }

    [Theory]
    [InlineData("hcfssnet", """, "hcfssnet": {"vfss_strides": [4, 3]}""", "c.json: model.hcfssnet.vfss_strides: hcfssnet: VFSS strides must be among 2, 4, 8, 16, got 3")]
    [InlineData("hcfssnet", """, "m": 100, "hcfssnet": {"vfss_strides": [16]}""",
        "c.json: model.hcfssnet: ScanHeadSize = 16 must divide the 100 scan channels of the VFSS block at stride 16 (M = 100).")]
    [InlineData("hcfssnet", """, "hcfssnet": {"scan_head_size": 24}""", "c.json: model.hcfssnet: ScanHeadSize = 24 must divide the 64 scan channels.")]
    [InlineData("hyperprior", """, "hcfssnet": {}""", "c.json: model.hcfssnet: hcfssnet options apply to kind hcfssnet, not 'hyperprior'")]
    [InlineData("hcfssnet", """, "hcfssnet": {"fstam": true}""", "c.json: unknown field 'model.hcfssnet.fstam'")]
    public void Bad_hcfssnet_options_are_one_line_config_errors(string kind, string model, string message)
    {
        var text = Config(kind, model).Replace("\"m\": 96, \"m\": 100", "\"m\": 100");
        Assert.Equal(message, Assert.Throws<ConfigException>(() => CodecExperimentConfig.Parse(text, "c.json")).Message);
    }

    /// <summary>A description writes the object only for a variant, so the default model's json keeps the bytes it always had.</summary>
    [Fact]
    public void A_checkpoint_description_carries_a_variant_and_loads_it()
    {
        var checkpoints = new CodecCheckpoints(_folder);
        var info = new CodecCheckpointInfo(16, 32, 0.0067, 0, 1, 64, 1e-4, 0, [], 0);
        var variant = new HcfssnetArchitecture(2, VfssStrides.Stride8 | VfssStrides.Stride16, true);
        using (var plain = CodecModels.Create(CodecModelId.Hcfssnet, 16, 32))
            checkpoints.Save(2, plain, info with { Hcfssnet = new HcfssnetArchitecture() });
        using var model = (Hcfssnet)CodecModels.Create(CodecModelId.Hcfssnet, 16, 32, hcfssnet: variant);
        checkpoints.Save(3, model, info with { Hcfssnet = variant });

        Assert.DoesNotContain("hcfssnet", File.ReadAllText(Path.Combine(_folder, "hcfssnet-q2.json")), StringComparison.Ordinal);
        Assert.Null(checkpoints.Info(CodecModelId.Hcfssnet, 2).Hcfssnet);
        Assert.Contains("\"hcfssnet\": {\n    \"scan_head_size\": 2,\n    \"vfss_strides\": [\n      8,\n      16\n    ],\n    \"fstam_in_hyper_synthesis\": true\n  }",
            File.ReadAllText(Path.Combine(_folder, "hcfssnet-q3.json")));
        Assert.Equal(variant, checkpoints.Info(CodecModelId.Hcfssnet, 3).Hcfssnet);
        var loaded = (Hcfssnet)checkpoints.Load(CodecModelId.Hcfssnet, 3);
        Assert.Equal(model.Options, loaded.Options);
        Assert.All(model.state_dict().Zip(loaded.state_dict()), pair => Assert.True(pair.First.Value.equal(pair.Second.Value).all().item<bool>(), pair.First.Key));

        var mismatch = Assert.Throws<ConfigException>(() => CodecCheckpoints.LoadWeights(_folder, CodecModelId.Hcfssnet, 3, 16, 32));
        Assert.Equal($"init_from: the hcfssnet-q3 checkpoint in {_folder} has hcfssnet options {{\"scan_head_size\":2,\"vfss_strides\":[8,16],\"fstam_in_hyper_synthesis\":true}}, " +
                     "which cannot grow into the experiment's {\"scan_head_size\":16,\"vfss_strides\":[4,8],\"fstam_in_hyper_synthesis\":false}: " +
                     "vonss: a scan with 8 heads of 16 channels cannot start one with 1 heads of 16", mismatch.Message);
    }
}
