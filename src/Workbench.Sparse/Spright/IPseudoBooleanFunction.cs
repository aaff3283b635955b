namespace Workbench.Sparse.Spright;

/// <summary>A black-box real function of n binary inputs; input bit q of <c>m</c> is variable q.</summary>
public interface IPseudoBooleanFunction
{
    /// <summary>n, the number of binary inputs (1..60).</summary>
    int InputBits { get; }

    double Evaluate(ulong input);
}

/// <summary>Wraps a delegate as an <see cref="IPseudoBooleanFunction"/>.</summary>
public sealed class DelegateFunction(int inputBits, Func<ulong, double> evaluate) : IPseudoBooleanFunction
{
    public int InputBits { get; } = inputBits;

    public double Evaluate(ulong input) => evaluate(input);
}
