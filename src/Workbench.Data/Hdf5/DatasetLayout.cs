namespace Workbench.Data.Hdf5;

/// <summary>Dataset paths and root attribute names of the workbench HDF5 dataset layout (DESIGN.md, "HDF5 datasets").</summary>
public static class DatasetLayout
{
    public const string Inputs = "/inputs";
    public const string Targets = "/targets";
    public const string Time = "/time";
    public const string Grid = "/grid";

    public const string GeneratorAttribute = "generator";
    public const string ParametersAttribute = "parameters";
    public const string SeedAttribute = "seed";
    public const string VersionAttribute = "workbench_version";
}
