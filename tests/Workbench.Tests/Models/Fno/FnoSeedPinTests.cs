using System.Security.Cryptography;
using TorchSharp;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.Sfno;
using Workbench.Tests.Training;
using static TorchSharp.torch;
using SfnoModel = Workbench.Models.Operators.Sfno.Sfno;

namespace Workbench.Tests.Models.Fno;

/// <summary>
/// Pins the float32 CPU behaviour of the FNO family for one seed: the parameter names and shapes (the checkpoint keys),
/// the output at initialisation and the output after two Adam steps, as SHA-256 of the raw float32 bytes. The 2-D, 3-D
/// and SFNO hashes were recorded with the separate Fno2d, Fno3d and SpatiotemporalSpectralConv classes these models
/// were merged from, so they hold the merged classes to the same initialisation draws and the same operation order:
/// committed results and checkpoints stay valid only while these pass (SFNO's spectral weights are now stored
/// mode-major, hence their shapes, and SFNO's feedForward blocks were renamed feed_forward; checkpoints with the old
/// keys load through LegacyModuleState). The 1-D model became the 2-D/3-D architecture in one axis (no GELU after the last
/// block, mode-major weights drawn in that order, the pointwise maps as GEMMs); its hashes were recorded then.
/// </summary>
[Collection(TrainingRunCollection.Name)]
public sealed class FnoSeedPinTests
{
    public static TheoryData<string> Cases() => new(Pins.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void InitialisationForwardAndTrainingStepsAreBitIdenticalToTheRecordedRun(string name)
    {
        var (build, input, expected) = Pins[name];
        // libtorch splits reductions by thread count, so the bits depend on it: the hashes were recorded with two.
        var threads = get_num_threads();
        set_num_threads(2);
        try
        {
            manual_seed(1234);
            using var model = build();
            using var generator = new Generator(99);
            var x = randn(input, generator: generator);
            var parameters = string.Join(" ", model.named_parameters().Select(p => $"{p.name}[{string.Join(",", p.parameter.shape)}]"));
            var initial = Hash(model.forward(x));
            var target = randn(model.forward(x).shape, generator: generator);
            using var optimizer = optim.Adam(model.parameters(), 1e-2);
            for (var step = 0; step < 2; step++)
            {
                optimizer.zero_grad();
                nn.functional.mse_loss(model.forward(x), target).backward();
                optimizer.step();
            }
            var trained = Hash(model.forward(x));
            Assert.Equal(expected, (parameters, initial, trained));
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static string Hash(Tensor t) => Convert.ToHexStringLower(SHA256.HashData(t.detach().contiguous().bytes));

    private static readonly Dictionary<string, (Func<nn.Module<Tensor, Tensor>> Build, long[] Input, (string Parameters, string Initial, string Trained) Expected)> Pins = new()
    {
        ["fno1d"] = (() => new FnoOperator(new FnoOptions(2, 1, [5], Width: 6, Layers: 2, ProjectionWidth: 24)), [3, 2, 20], (
            "lift.weight[6,3,1] lift.bias[6] spectral.0.weight[5,6,6,2] spectral.1.weight[5,6,6,2] pointwise.0.weight[6,6,1] pointwise.0.bias[6] pointwise.1.weight[6,6,1] pointwise.1.bias[6] project1.weight[24,6,1] project1.bias[24] project2.weight[1,24,1] project2.bias[1]",
            "34a7d2ee018cd629b2928c40904cccf90b2e006ff9f730152947af5eafa767ff",
            "9eb6c321f3d2bb37f346b9dd6fc99d209961a5c783a189d09a231b7e7b836e04")),
        ["fno2d"] = (() => new FnoOperator(new FnoOptions(3, 2, [5, 4], Width: 6, Layers: 2, BatchNorm: true)), [2, 3, 12, 10], (
            "lift.weight[6,5,1,1] lift.bias[6] spectral.0.weight[10,4,6,6,2] spectral.1.weight[10,4,6,6,2] pointwise.0.weight[6,6,1,1] pointwise.0.bias[6] pointwise.1.weight[6,6,1,1] pointwise.1.bias[6] norms.0.weight[6] norms.0.bias[6] norms.1.weight[6] norms.1.bias[6] project1.weight[128,6,1,1] project1.bias[128] project2.weight[2,128,1,1] project2.bias[2]",
            "50f72be44fb889325a11ad3fcc197b927ad86bb218f9f0acb7c2fe04c0a8964a",
            "a5580e49264bf919148f0458e1efa831d19761ff9f0ed05773ce0567f555e0d6")),
        ["fno2d-variance-preserving"] = (() => new FnoOperator(new FnoOptions(1, 1, [3, 3], Width: 5, Layers: 3,
            Init: FnoInit.VariancePreserving, ProjectionWidth: 7, InitGrid: [16, 12])), [2, 1, 16, 12], (
            "lift.weight[5,3,1,1] lift.bias[5] spectral.0.weight[6,3,5,5,2] spectral.1.weight[6,3,5,5,2] spectral.2.weight[6,3,5,5,2] pointwise.0.weight[5,5,1,1] pointwise.0.bias[5] pointwise.1.weight[5,5,1,1] pointwise.1.bias[5] pointwise.2.weight[5,5,1,1] pointwise.2.bias[5] project1.weight[7,5,1,1] project1.bias[7] project2.weight[1,7,1,1] project2.bias[1]",
            "42257b078f0384fecb86c4b51114782c835ab2ceec50ad8f2a6c32f863695aa7",
            "427e1d11385b6f2b833ced4a317e42aef500da21ab18fa53fd57923c059420f4")),
        ["fno3d"] = (() => new FnoOperator(new FnoOptions(2, 1, [3, 3, 2], Width: 6, Layers: 2, ProjectionWidth: 10, BatchNorm: true)),
            [2, 2, 8, 8, 6], (
            "lift.weight[6,5,1,1,1] lift.bias[6] spectral.0.weight[6,6,2,6,6,2] spectral.1.weight[6,6,2,6,6,2] pointwise.0.weight[6,6,1,1,1] pointwise.0.bias[6] pointwise.1.weight[6,6,1,1,1] pointwise.1.bias[6] norms.0.weight[6] norms.0.bias[6] norms.1.weight[6] norms.1.bias[6] project1.weight[10,6,1,1,1] project1.bias[10] project2.weight[1,10,1,1,1] project2.bias[1]",
            "b44c9d52125912c4b767b717e526699ad9a4cb2fa034c233a1a8917312ae8930",
            "9a8fdc8445056c0e46001cd05bdeec738e660ba7e1f9b760cf18600bbba63c74")),
        ["sfno"] = (() => new SfnoModel(new SfnoOptions(InputSteps: 3, OutputSteps: 5, Width: 6, Modes1: 3, Modes2: 3, ModesT: 2, LatentSteps: 4,
            Layers: 2, TemporalBases: 1, Expansion: 2, ProjectionWidth: 7, OutputModes1: 3, OutputModes2: 2, OutputModesT: 3)), [2, 3, 10, 8], (
            "lift.weight[6,6,1,1,1] lift.bias[6] spectral.0.weight[6,6,2,6,6,2] spectral.1.weight[6,6,2,6,6,2] feed_forward.0.first.weight[12,6,1,1,1] feed_forward.0.first.bias[12] feed_forward.0.second.weight[6,12,1,1,1] feed_forward.0.second.bias[6] feed_forward.1.first.weight[12,6,1,1,1] feed_forward.1.first.bias[12] feed_forward.1.second.weight[6,12,1,1,1] feed_forward.1.second.bias[6] skip.0.weight[6,6,1,1,1] skip.0.bias[6] reduce.first.weight[7,6,1,1,1] reduce.first.bias[7] reduce.second.weight[1,7,1,1,1] reduce.second.bias[1] output.weight[6,4,3,1,1,2]",
            "c9cfbeff62735838eca1ba55dc6815e72dfd7c2d08db3f44378b92e59fe1e55f",
            "c0e88f7bef84ab3a6d34b16f6aefe9530c7ef272f152ba73e61208fcc58f2d02")),
    };
}
