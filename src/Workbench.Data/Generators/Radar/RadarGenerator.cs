using Workbench.Core.Runtime;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.Radar;

/// <summary>Frames [T, H, W] on the uint8 VIL scale (integer values, float64) and the true velocity [2, H, W] of the frame grid.</summary>
public sealed record RadarSequence(Tensor Frames, Tensor Velocity, MotionField Motion);

/// <summary>
/// Synthetic radar sequences (REFERENCES section 7). A margin around the frame is simulated too so that weather flows
/// in. Each frame: the background latent g and the cell layer are transported one frame by backward semi-Lagrangian
/// advection; then (while growing) g takes a spectral AR(1) step, new cells are born (Poisson), every cell moves with
/// the flow and adds the change of its life-cycle intensity at its position. VIL = max(exp(mu + sigma g) - offset, 0)
/// + max(cells, 0), mapped to uint8 pixels. Sample j depends only on (seed, j).
/// </summary>
public static class RadarGenerator
{
    public static RadarSequence Sequence(RadarOptions options, long seed, long index)
    {
        options.Validate();
        using var scope = NewDisposeScope();
        var random = Determinism.ManagedRandom(seed, $"radar:{index}");
        using var generator = Determinism.Generator(seed, $"radar-fields:{index}");
        var (margin, size, view) = (options.Margin, options.Resolution + 2 * options.Margin, options.Resolution);
        var motion = DrawMotion(options, random, size);
        var velocity = motion.Field(size, size);
        var departures = SemiLagrangian.Departures(velocity, 1)[0].unsqueeze(0);
        var background = new PowerLawField(size, options.SpectralSlope);
        var latent = background.Draw(generator);
        var cellLayer = zeros(size, size, float64);
        var cells = new List<ConvectiveCell>();
        var frames = new List<Tensor>();
        var memory = options.BackgroundMemory;
        for (var frame = -options.WarmupFrames; frame < options.FrameCount; frame++)
        {
            if (frame > -options.WarmupFrames)
            {
                var moved = SemiLagrangian.Sample(stack([latent, cellLayer]).unsqueeze(0), departures)[0];
                (latent, cellLayer) = (moved[0], moved[1].contiguous());
                if (options.Growth || frame <= 0)
                {
                    latent = latent * memory + background.Draw(generator) * Math.Sqrt(1 - memory * memory);
                    Evolve(cells, cellLayer, motion);
                    BirthCells(options, random, size, cells);
                }
            }
            if (frame < 0) continue;
            var vil = (options.BackgroundMu + options.BackgroundSigma * latent).exp().sub(options.BackgroundOffset).clamp_min(0)
                      + cellLayer.clamp_min(0);
            frames.Add(VilScale.ToPixels(vil.narrow(0, margin, view).narrow(1, margin, view)));
        }
        return new RadarSequence(stack(frames).MoveToOuterDisposeScope(), motion.Field(view, view, margin, margin).MoveToOuterDisposeScope(), motion);
    }

    /// <summary>Sample j as flat float32 arrays: inputs [InputFrames, H, W] and targets [TargetFrames, H, W].</summary>
    public static (float[] Inputs, float[] Targets) Sample(RadarOptions options, long seed, long index)
    {
        using var scope = NewDisposeScope();
        var frames = Sequence(options, seed, index).Frames.to(float32);
        var inputs = frames.narrow(0, 0, options.InputFrames).contiguous().data<float>().ToArray();
        var targets = frames.narrow(0, options.InputFrames, options.TargetFrames).contiguous().data<float>().ToArray();
        return (inputs, targets);
    }

    private static MotionField DrawMotion(RadarOptions options, Random random, int size)
    {
        var speed = (options.MinSpeed + (options.MaxSpeed - options.MinSpeed) * random.NextDouble()) * options.Scale;
        var direction = 2 * Math.PI * random.NextDouble();
        var swirl = options.MaxSwirl * options.Scale * random.NextDouble() / (options.Resolution / 2.0) * (random.Next(2) == 0 ? -1 : 1);
        var rotor = random.Next(2) == 0;
        var center = (size - 1) / 2.0;
        return new MotionField(speed * Math.Cos(direction), speed * Math.Sin(direction),
            Omega: rotor ? swirl : 0, ShearRate: rotor ? 0 : swirl, CenterX: center, CenterY: center);
    }

    private static void Evolve(List<ConvectiveCell> cells, Tensor layer, MotionField motion)
    {
        foreach (var cell in cells)
        {
            var before = cell.Intensity(cell.Age);
            (cell.X, cell.Y) = motion.Move(cell.X, cell.Y);
            cell.Age += 1;
            var change = cell.Intensity(cell.Age) - before;
            if (change != 0) cell.AddTo(layer, change);
        }
        cells.RemoveAll(c => !c.Alive);
    }

    private static void BirthCells(RadarOptions options, Random random, int size, List<ConvectiveCell> cells)
    {
        var expected = options.BirthRate * size * size / (128.0 * 128.0 * options.Scale * options.Scale);
        var births = Poisson(random, expected);
        for (var i = 0; i < births; i++)
        {
            var peak = Math.Min(options.PeakCap, options.PeakScale * Math.Pow(1 - random.NextDouble(), -1 / options.PeakShape));
            var lifetime = options.MinLifetime + (options.MaxLifetime - options.MinLifetime) * random.NextDouble();
            var major = (options.MinCellSize + (options.MaxCellSize - options.MinCellSize) * random.NextDouble()) * options.Scale;
            var minor = major / (1 + (options.MaxAspect - 1) * random.NextDouble());
            cells.Add(new ConvectiveCell(size * random.NextDouble(), size * random.NextDouble(), peak, lifetime, major, minor,
                Math.PI * random.NextDouble()));
        }
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var (count, product) = (0, random.NextDouble());
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }
}
