using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Workbench.Data.Hdf5;

namespace Workbench.Tests.Cli;

/// <summary>
/// Tiny datasets from each generator, pinned by the SHA-256 of their float32 bytes (/inputs then /targets, as stored).
/// The hashes were computed once with the generators as first written; a refactor of the numerics must leave every
/// byte in place. The grids are small enough that every tensor operation runs on one thread, so the bytes do not
/// depend on the machine's core count.
/// </summary>
[Collection(Training.TrainingRunCollection.Name)]
public sealed class GeneratedDatasetHashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-hash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("navier-stokes-fno",
        "0d5dbf657411b10cd3640002a5b1eecff34e5d458a09e976387f058ef9523460",
        "navier-stokes", "--samples", "3", "--resolution", "8", "--solver-resolution", "16",
        "--horizon", "12", "--dt", "0.02", "--batch", "2")]
    [InlineData("navier-stokes-t1",
        "66cca17e071e21f11c891453584f62a2f955b220f7fa40482c5252a156f0a2ef",
        "navier-stokes", "--samples", "2", "--resolution", "8", "--solver-resolution", "16",
        "--horizon", "1", "--record-every", "0.5", "--warmup", "0.2", "--dt", "0.01", "--task", "t1", "--subsample", "--viscosity", "1e-4")]
    [InlineData("mcwilliams",
        "5ba39d327029ae04f8a228ac19f4bda5572c42c10d165433a8b74145584e05aa",
        "mcwilliams", "--samples", "3", "--resolution", "16", "--solver-resolution", "32",
        "--dt", "0.01", "--snapshots", "10", "--end-time", "5.5", "--input-frames", "4", "--target-frames", "7", "--batch", "2")]
    [InlineData("radar",
        "86b3c5197cec4a4f333b038b4acd343526f0989e37e86418585584a48a3eace4",
        "radar", "--samples", "2", "--resolution", "64")]
    public void Tiny_dataset_reproduces_its_pinned_bytes(string name, string expectedSha256, params string[] generate)
    {
        var path = Path.Combine(_folder, name + ".h5");
        var result = CliRunner.Run(["--seed", "5", "--threads", "1", "datasets", "generate", .. generate, "--out", path]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(expectedSha256, FloatBytesSha256(path));
    }

    private static string FloatBytesSha256(string path)
    {
        using var file = Hdf5DatasetFile.Open(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes(file.Inputs.ReadRange(0, file.SampleCount).AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(file.Targets!.ReadRange(0, file.SampleCount).AsSpan()));
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
