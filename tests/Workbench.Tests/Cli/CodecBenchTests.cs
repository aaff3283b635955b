using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Models.Codec;
using Workbench.Training.Codec;

namespace Workbench.Tests.Cli;

// The CLI sets process-wide TorchSharp state (threads, seed): run alone.
[Collection(Training.TrainingRunCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class CodecBenchTests : IDisposable
{
    private const int Side = 64;
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-codec-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A stand-in cjpeg writes <paramref name="bytesPerQuality"/> bytes per quality unit, so the setting closest in bpp
    /// to ours is known; cwebp is absent, so its results carry no peer.
    /// </summary>
    private string FakeJpegTools(int bytesPerQuality)
    {
        var tools = Directory.CreateDirectory(Path.Combine(_folder, "tools")).FullName;
        WriteScript(Path.Combine(tools, "cjpeg"), $"head -c $(({bytesPerQuality} * $2)) /dev/zero > \"$4\"");
        WriteScript(Path.Combine(tools, "djpeg"), ": > \"$2\"");
        return tools;
    }

    private static void WriteScript(string path, string body)
    {
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void The_suite_times_ours_beside_the_peer_closest_in_bpp_and_gives_a_missing_peer_null()
    {
        var models = Path.Combine(_folder, "models");
        new CodecCheckpoints(models).Save(3, ScaleHyperpriorTests.Tiny(31), new CodecCheckpointInfo(8, 12, 0.0067, 0, 1, 64, 1e-4, 0, [], 0));
        var (width, height) = (70, 66);
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(128 + 90 * Math.Sin(i * 0.013) + i % 11);
        var png = Path.Combine(_folder, "wave.png");
        PngEncoder.Write(png, new RasterImage(width, height, 3, pixels));

        // Oracle: the centre 64 x 64 (left edge 3, top edge 1) coded by the library.
        var crop = new byte[Side * Side * 3];
        for (var y = 0; y < Side; y++)
        for (var x = 0; x < Side * 3; x++)
            crop[y * Side * 3 + x] = pixels[(y + 1) * width * 3 + 3 * 3 + x];
        var ours = ImageCodec.Compress(new CodecCheckpoints(models).Load(CodecModelId.Hyperprior, 3), new RasterImage(Side, Side, 3, crop), 3).Length;
        var bytesPerQuality = Math.Max(1, ours / 40);
        var setting = Enumerable.Range(1, 95).MinBy(q => Math.Abs(q * bytesPerQuality - ours));

        var json = Path.Combine(_folder, "bench.json");
        var result = CliRunner.Run("--threads", "1", "bench", "codec", "--image", png, "--size", $"{Side}", "--model", "hyperprior", "--models", models,
            "--repeats", "1", "--tools", FakeJpegTools(bytesPerQuality), "--json", json);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"bench codec: cwebp or dwebp not found in {Path.Combine(_folder, "tools")}; results against it have peer null", Assert.Single(result.ErrorLines));
        var report = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        Assert.Equal("codec", (string?)report["suite"]);
        Assert.Equal(1, (int)report["threads"]!);
        var rows = report["results"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        string[] names = ["encode_hyperprior_cli", "encode_hyperprior_in_process", "decode_hyperprior_cli", "decode_hyperprior_in_process"];
        Assert.Equal([.. names, .. names], rows.Select(r => (string?)r["name"]));
        foreach (var row in rows)
        {
            Assert.Equal("s", (string?)row["unit"]);
            Assert.True((double)row["value"]! > 0);
            Assert.Equal("wave.png", (string?)row["params"]!["image"]);
            Assert.Equal("64x64", (string?)row["params"]!["size"]);
            Assert.Equal(3.0, (double)row["params"]!["quality"]!);
            Assert.Equal(Math.Round(8.0 * ours / (Side * Side), 4), (double)row["params"]!["bpp"]!);
        }

        var jpeg = rows[..4];
        Assert.Equal(["cjpeg", "cjpeg", "djpeg", "djpeg"], jpeg.Select(r => (string?)r["peer"]));
        foreach (var row in jpeg)
        {
            Assert.Equal("cjpeg/djpeg", (string?)row["params"]!["against"]);
            Assert.Equal($"-quality {setting}", (string?)row["params"]!["peer_setting"]);
            Assert.Equal(Math.Round(8.0 * setting * bytesPerQuality / (Side * Side), 4), (double)row["params"]!["peer_bpp"]!);
            Assert.Equal((double)row["value"]! / (double)row["peer_value"]!, (double)row["ratio"]!, 12);
        }
        Assert.Equal((double)jpeg[0]["peer_value"]!, (double)jpeg[1]["peer_value"]!);
        Assert.Equal((double)jpeg[2]["peer_value"]!, (double)jpeg[3]["peer_value"]!);

        foreach (var row in rows[4..])
        {
            Assert.Equal("cwebp/dwebp (not installed)", (string?)row["params"]!["against"]);
            Assert.Null(row["peer"]);
            Assert.Null(row["peer_value"]);
            Assert.Null(row["ratio"]);
            Assert.False(row["params"]!.AsObject().ContainsKey("peer_setting"));
        }
    }

    [Fact]
    public void An_image_smaller_than_the_square_is_a_one_line_user_error()
    {
        var png = Path.Combine(_folder, "small.png");
        PngEncoder.Write(png, new RasterImage(40, 80, 1, new byte[40 * 80]));
        var result = CliRunner.Run("bench", "codec", "--image", png, "--size", "64");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: bench codec: {png} is 40 x 80, smaller than the 64 x 64 square the suite codes (--size)", Assert.Single(result.ErrorLines));
    }
}
