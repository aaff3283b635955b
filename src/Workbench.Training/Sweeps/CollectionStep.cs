namespace Workbench.Training.Sweeps;

/// <summary>
/// One command of a collection job: a workbench command line (<see cref="Program"/> null) or another program, such as
/// a script that summarises the workbench outputs, with its arguments.
/// </summary>
public sealed record CollectionStep(IReadOnlyList<string> Arguments, string? Program = null)
{
    public static CollectionStep Workbench(params string[] arguments) => new(arguments);
}
