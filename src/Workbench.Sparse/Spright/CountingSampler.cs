namespace Workbench.Sparse.Spright;

/// <summary>Queries a function and counts the queries (a point queried twice counts twice).</summary>
public sealed class CountingSampler(IPseudoBooleanFunction function)
{
    public long Samples { get; private set; }

    public int InputBits => function.InputBits;

    public double Sample(ulong input)
    {
        Samples++;
        return function.Evaluate(input);
    }
}
