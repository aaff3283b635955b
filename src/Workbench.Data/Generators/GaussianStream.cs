namespace Workbench.Data.Generators;

/// <summary>Standard normal draws from a managed <see cref="Random"/> (Box-Muller, both values used).</summary>
public sealed class GaussianStream(Random random)
{
    private double? _spare;

    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
