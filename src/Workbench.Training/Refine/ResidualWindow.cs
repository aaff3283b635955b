namespace Workbench.Training.Refine;

/// <summary>
/// Which frames the residual of a backward-difference scheme covers: Input (the method) puts the last input frames
/// before the forecast as the scheme's history, so every forecast frame has a residual tied to the observed flow;
/// Forecast measures the forecast alone, its first frames serving as history and having no residual of their own.
/// </summary>
public enum ResidualWindow { Input, Forecast }
