using System.CommandLine;
using Workbench.Cli.Benchmarks.Codec;
using Workbench.Cli.Commands;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Core.Runtime;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Cli.Benchmarks;

/// <summary>
/// Encode and decode wall times of the learned codecs against cjpeg/djpeg and cwebp/dwebp on one image. Ours is timed
/// twice: as `workbench codec compress|decompress` child processes of this same CLI with this run's --threads and
/// --device (process start and model load included), and in this process with the model loaded (ImageCodec on the
/// decoded image, bytes to bytes). Each peer runs as a child process at the setting whose file is closest in bpp to
/// ours (searched once, untimed). Every time is the median of --repeats after one warm-up run.
/// </summary>
public static class CodecBench
{
    // Committed, so every checkout has it; the codec evaluation's copy (data/generated/codec/eval) is downscaled to 384^2.
    private const string DefaultImage = "data/images/astronaut.png";

    private static readonly Option<string?> Image = new("--image") { Description = $"PNG or JPEG image (default: {DefaultImage} of the checkout)." };
    private static readonly Option<int> Size = new("--size") { Description = "Side of the centre square coded; a smaller image is refused.", DefaultValueFactory = _ => 512 };
    private static readonly Option<double> Quality = new("--quality") { Description = "Quality of our codecs.", DefaultValueFactory = _ => 3 };
    private static readonly Option<string[]> Model = CreateModelOption();
    private static readonly Option<string> Models = new("--models") { Description = "Folder of trained codec models.", DefaultValueFactory = _ => CodecCommand.DefaultModelFolder() };
    private static readonly Option<int> Repeats = new("--repeats") { Description = "Timed runs (median) after one warm-up run.", DefaultValueFactory = _ => 5 };
    private static readonly Option<string?> Tools = new("--tools") { Description = "Folder holding cjpeg, djpeg, cwebp and dwebp (default: the folders of PATH)." };

    public static BenchSuite Suite { get; } = new("codec",
        $"Learned codecs at --quality: encode/decode seconds as `codec compress|decompress` processes and in process, vs cjpeg/djpeg and " +
        $"cwebp/dwebp at the closest bpp, on the centre 512x512 of {DefaultImage} (committed).",
        [Image, Size, Quality, Model, Models, Repeats, Tools], Run);

    private static Option<string[]> CreateModelOption()
    {
        var option = new Option<string[]>("--model")
        {
            Description = "Codecs to time.", DefaultValueFactory = _ => [.. CodecModels.Names],
            AllowMultipleArgumentsPerToken = true,
        };
        option.AcceptOnlyFromAmong([.. CodecModels.Names]);
        return option;
    }

    private static BenchReport Run(ParseResult parse, CliContext ctx)
    {
        var (side, repeats) = (parse.GetValue(Size), parse.GetValue(Repeats));
        if (side < 1) throw new ConfigException($"bench codec: --size must be positive, got {side}");
        if (repeats < 1) throw new ConfigException($"bench codec: --repeats must be positive, got {repeats}");
        var imagePath = parse.GetValue(Image) ?? RepositoryPaths.Find(DefaultImage)
            ?? throw new WorkbenchException($"bench codec: no {DefaultImage} here (run from the checkout) and no --image given");
        var image = BenchImage.Load(imagePath, side);
        var checkpoints = new CodecCheckpoints(parse.GetValue(Models)!);
        var hundredths = CodecQuality.ToHundredths(parse.GetValue(Quality));
        var folder = Directory.CreateTempSubdirectory("workbench-codec-bench-").FullName;
        try
        {
            var inputs = new Dictionary<string, string> { ["png"] = Path.Combine(folder, "input.png"), ["ppm"] = Path.Combine(folder, "input.ppm") };
            AtomicFile.WriteAllBytes(inputs["png"], PngEncoder.Encode(image));
            AtomicFile.WriteAllBytes(inputs["ppm"], PpmEncoder.Encode(image));
            var peers = FindPeers(parse.GetValue(Tools), inputs, folder, side, repeats, ctx.Error);
            IReadOnlyList<string> cli = [.. CliExecutable.Command(), "--threads", Threads.Current.ToString(), "--device", ctx.DeviceChoice];
            var common = new Context(image, Path.GetFileName(imagePath), checkpoints, inputs["png"], folder, repeats, cli);
            var results = parse.GetValue(Model)!.SelectMany(name => Measure(common, CodecModels.Parse(name), hundredths, peers)).ToList();
            // The codecs load and code on the CPU whatever --device says.
            return new BenchReport("codec", "cpu", Threads.Current, results);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Context(RasterImage Image, string ImageName, CodecCheckpoints Checkpoints, string Png, string Folder, int Repeats, IReadOnlyList<string> Cli);

    /// <summary>Each peer with its run, or with null (and a line on stderr) where its encoder or decoder is not installed.</summary>
    private static IReadOnlyList<(PeerCodec Codec, PeerRun? Run)> FindPeers(string? tools, IReadOnlyDictionary<string, string> inputs, string folder, int side,
        int repeats, TextWriter log)
    {
        var folders = ToolPath.SearchFolders(tools);
        return PeerCodec.All.Select(codec =>
        {
            if (ToolPath.Find(codec.Encoder, folders) is { } encoder && ToolPath.Find(codec.Decoder, folders) is { } decoder)
                return (codec, new PeerRun(codec, encoder, decoder, inputs, folder, side, repeats));
            log.WriteLine($"bench codec: {codec.Encoder} or {codec.Decoder} not found in {(tools ?? "PATH")}; results against it have peer null");
            return (codec, (PeerRun?)null);
        }).ToArray();
    }

    private static IEnumerable<BenchResult> Measure(Context c, CodecModelId id, int hundredths, IReadOnlyList<(PeerCodec Codec, PeerRun? Run)> peers)
    {
        var name = CodecModels.Name(id);
        var level = c.Checkpoints.Choose(id, hundredths);
        var coded = Path.Combine(c.Folder, $"{name}.wbc");
        IReadOnlyList<string> compress =
            [.. c.Cli, "codec", "compress", c.Png, coded, "--model", name, "--quality", level.ToString(), "--models", c.Checkpoints.Folder];
        IReadOnlyList<string> decompress = [.. c.Cli, "codec", "decompress", coded, Path.Combine(c.Folder, $"{name}.png"), "--models", c.Checkpoints.Folder];
        var encodeCli = Stopwatches.MedianSeconds(() => ChildProcess.Run(compress), c.Repeats);
        var decodeCli = Stopwatches.MedianSeconds(() => ChildProcess.Run(decompress), c.Repeats);
        var bytes = File.ReadAllBytes(coded);
        var bpp = 8.0 * bytes.Length / ((double)c.Image.Width * c.Image.Height);

        var model = c.Checkpoints.Load(id, level);
        byte[] inProcess = [];
        var encode = Stopwatches.MedianSeconds(() =>
        {
            using var scope = NewDisposeScope();
            inProcess = ImageCodec.Compress(model, c.Image, level);
        }, c.Repeats);
        if (!inProcess.AsSpan().SequenceEqual(bytes))
            throw new InvalidOperationException($"{name}: the in-process codec file differs from the one `codec compress` wrote");
        var decode = Stopwatches.MedianSeconds(() =>
        {
            using var scope = NewDisposeScope();
            ImageCodec.Decompress(bytes, c.Checkpoints.Load);
        }, c.Repeats);

        foreach (var (codec, run) in peers)
        {
            var peer = run?.ClosestTo(bpp);
            var parameters = new Dictionary<string, object>
            {
                ["image"] = c.ImageName, ["size"] = $"{c.Image.Width}x{c.Image.Height}", ["quality"] = level.Value, ["bpp"] = Math.Round(bpp, 4),
                ["against"] = peer is null ? $"{codec.Encoder}/{codec.Decoder} (not installed)" : $"{codec.Encoder}/{codec.Decoder}",
            };
            if (peer is not null)
            {
                parameters["peer_setting"] = $"{codec.QualityFlag} {peer.Setting}";
                parameters["peer_bpp"] = Math.Round(peer.Bpp, 4);
            }
            BenchResult Result(string what, double seconds, string tool, double? peerSeconds) =>
                new(what, parameters, seconds, "s", peer is null ? null : tool, peerSeconds);
            yield return Result($"encode_{name}_cli", encodeCli, codec.Encoder, peer?.EncodeSeconds);
            yield return Result($"encode_{name}_in_process", encode, codec.Encoder, peer?.EncodeSeconds);
            yield return Result($"decode_{name}_cli", decodeCli, codec.Decoder, peer?.DecodeSeconds);
            yield return Result($"decode_{name}_in_process", decode, codec.Decoder, peer?.DecodeSeconds);
        }
    }
}
