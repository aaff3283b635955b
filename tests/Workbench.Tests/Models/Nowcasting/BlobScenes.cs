using static TorchSharp.torch;

namespace Workbench.Tests.Models.Nowcasting;

/// <summary>Analytic scenes for motion tests: a sum of Gaussian blobs, evaluated exactly at moved coordinates.</summary>
internal sealed class BlobScenes
{
    private readonly (double X, double Y, double Sigma, double Amplitude)[] _blobs;

    public BlobScenes(int seed, int count, int size)
    {
        var random = new Random(seed);
        _blobs = Enumerable.Range(0, count)
            .Select(_ => (size * random.NextDouble(), size * random.NextDouble(), 2.5 + 3 * random.NextDouble(), 60 + 140 * random.NextDouble()))
            .ToArray();
    }

    /// <summary>The scene seen at pixel (x, y) after frame k is F0(departure(x, y, k)).</summary>
    public Tensor Frames(int size, int frames, Func<Tensor, Tensor, int, (Tensor X, Tensor Y)> departure)
    {
        var xs = arange(size, float64).reshape(1, size).expand(size, size);
        var ys = arange(size, float64).reshape(size, 1).expand(size, size);
        var result = new Tensor[frames];
        for (var k = 0; k < frames; k++)
        {
            var (dx, dy) = departure(xs, ys, k);
            var frame = zeros(size, size, float64);
            foreach (var (x, y, sigma, amplitude) in _blobs)
                frame += amplitude * (-((dx - x).square() + (dy - y).square()) / (2 * sigma * sigma)).exp();
            result[k] = frame.clamp_max(255);
        }
        return stack(result);
    }

    public static (Tensor X, Tensor Y) Shift(Tensor xs, Tensor ys, int k, double u, double v) => (xs - u * k, ys - v * k);

    public static (Tensor X, Tensor Y) Rotate(Tensor xs, Tensor ys, int k, double omega, double center)
    {
        var (cos, sin) = (Math.Cos(omega * k), Math.Sin(omega * k));
        var (rx, ry) = (xs - center, ys - center);
        return (rx * cos + ry * sin + center, -rx * sin + ry * cos + center);
    }
}
