using Workbench.Core.Benchmarks;

namespace Workbench.Cli.Benchmarks.Codec;

/// <summary>
/// A peer found on this machine, run in <paramref name="folder"/> on the suite's copies of the image
/// (<paramref name="inputs"/>: path by format): its bpp at every setting (coded once, untimed, when a setting is first
/// chosen) and the median times of a chosen setting.
/// </summary>
public sealed class PeerRun(PeerCodec codec, string encoder, string decoder, IReadOnlyDictionary<string, string> inputs, string folder, int side, int repeats)
{
    private IReadOnlyList<(int Setting, double Bpp)>? _table;
    private readonly Dictionary<int, PeerTiming> _timings = [];

    public PeerCodec Codec { get; } = codec;

    /// <summary>Times the setting whose file is closest in bpp to <paramref name="bpp"/> (once per setting).</summary>
    public PeerTiming ClosestTo(double bpp)
    {
        var (setting, peerBpp) = PeerCodec.Closest(_table ??= Table(), bpp);
        if (_timings.TryGetValue(setting, out var known)) return known;
        var coded = Path.Combine(folder, $"{Codec.Encoder}.{Codec.Extension}");
        var encode = Encode(setting, coded);
        var decode = (IReadOnlyList<string>)[decoder, .. Codec.DecodeArguments(coded, Path.Combine(folder, $"{Codec.Decoder}.{Codec.Output}"))];
        var timing = new PeerTiming(setting, peerBpp,
            Stopwatches.MedianSeconds(() => ChildProcess.Run(encode), repeats),
            Stopwatches.MedianSeconds(() => ChildProcess.Run(decode), repeats));
        return _timings[setting] = timing;
    }

    private IReadOnlyList<(int Setting, double Bpp)> Table()
    {
        var probe = Path.Combine(folder, $"{Codec.Encoder}-probe.{Codec.Extension}");
        return Codec.Settings.Select(setting =>
        {
            ChildProcess.Run(Encode(setting, probe));
            return (setting, 8.0 * new FileInfo(probe).Length / ((double)side * side));
        }).ToArray();
    }

    private IReadOnlyList<string> Encode(int setting, string output) =>
        [encoder, .. Codec.EncodeArguments(setting, inputs[Codec.Input], output)];
}

/// <summary>A peer setting with the bpp of its file and its median encode and decode wall times (seconds).</summary>
public sealed record PeerTiming(int Setting, double Bpp, double EncodeSeconds, double DecodeSeconds);
