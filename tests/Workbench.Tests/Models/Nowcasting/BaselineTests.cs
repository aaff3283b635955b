using Workbench.Data.Generators.Radar;
using Workbench.Models.Nowcasting.Baselines;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Nowcasting;

public sealed class BaselineTests
{
    private const int Size = 64;
    private static readonly BlobScenes Scene = new(5, 40, Size);

    private static Tensor Interior(Tensor t, int border) =>
        t.narrow(-2, border, t.shape[^2] - 2 * border).narrow(-1, border, t.shape[^1] - 2 * border);

    [Fact]
    public void PersistenceRepeatsTheLastFrame()
    {
        var frames = arange(2 * 3 * 4 * 4, float32).reshape(2, 3, 4, 4);
        var forecast = Persistence.Forecast(frames, 5);
        Assert.Equal(new long[] { 2, 5, 4, 4 }, forecast.shape);
        Assert.True(forecast.equal(frames.narrow(1, 2, 1).expand(2, 5, 4, 4)).all().item<bool>());
    }

    [Fact]
    public void LucasKanadeRecoversAUniformTwoPixelShift()
    {
        var frames = Scene.Frames(Size, 6, (x, y, k) => BlobScenes.Shift(x, y, k, 2, 0));
        var motion = Interior(new LucasKanadeFlow().Estimate(frames), 8);
        var u = motion[0].mean().item<double>();
        var v = motion[1].mean().item<double>();
        Assert.True(Math.Abs(u - 2) / 2 < 0.05, $"mean u {u:F4}, expected 2");
        Assert.True(Math.Abs(v) / 2 < 0.05, $"mean v {v:F4}, expected 0");
    }

    [Fact]
    public void LucasKanadeFollowsARotor()
    {
        const double omega = 0.03;
        const double center = (Size - 1) / 2.0;
        var frames = Scene.Frames(Size, 6, (x, y, k) => BlobScenes.Rotate(x, y, k, omega, center));
        var truth = new MotionField(0, 0, Omega: omega, CenterX: center, CenterY: center).Field(Size, Size);
        var estimate = new LucasKanadeFlow().Estimate(frames);
        var error = Interior(estimate - truth, 12).square().sum([0]).mean().sqrt().item<double>();
        var scale = Interior(truth, 12).square().sum([0]).mean().sqrt().item<double>();
        Assert.True(error / scale < 0.2, $"relative RMS vector error {error / scale:F3}");
    }

    [Fact]
    public void ExtrapolationCarriesAShiftedSceneForward()
    {
        var frames = Scene.Frames(Size, 12, (x, y, k) => BlobScenes.Shift(x, y, k, 1.5, -1));
        var forecast = new Extrapolation(new LucasKanadeFlow()).Forecast(frames.narrow(0, 0, 6).unsqueeze(0), 6)[0];
        var truth = frames.narrow(0, 6, 6);
        var persistence = Persistence.Forecast(frames.narrow(0, 0, 6).unsqueeze(0), 6)[0];
        double Rmse(Tensor f) => Interior(f - truth, 14).square().mean().sqrt().item<double>();
        Assert.True(Rmse(forecast) < 0.15 * Rmse(persistence), $"extrapolation RMSE {Rmse(forecast):F3} vs persistence {Rmse(persistence):F3}");
    }
}
