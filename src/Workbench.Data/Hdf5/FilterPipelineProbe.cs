using System.Collections;
using System.Reflection;
using PureHDF.VOL.Native;

namespace Workbench.Data.Hdf5;

/// <summary>
/// Reads the filters (compression, shuffle, checksums) of a dataset. PureHDF 2.2 keeps the filter pipeline message
/// internal, so it is read by reflection; when that shape changes the pipeline is reported as unknown (null).
/// </summary>
internal static class FilterPipelineProbe
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<Hdf5Filter>? Describe(NativeDataset dataset)
    {
        try
        {
            var pipeline = typeof(NativeDataset).GetProperty("InternalFilterPipeline", Instance)?.GetValue(dataset);
            if (pipeline is null)
                return typeof(NativeDataset).GetProperty("InternalFilterPipeline", Instance) is null ? null : [];
            if (pipeline.GetType().GetProperty("FilterDescriptions", Instance)?.GetValue(pipeline) is not IEnumerable descriptions)
                return null;
            var filters = new List<Hdf5Filter>();
            foreach (var description in descriptions)
            {
                var type = description.GetType();
                var id = Convert.ToInt32(type.GetProperty("Identifier", Instance)?.GetValue(description));
                var clientData = type.GetProperty("ClientData", Instance)?.GetValue(description) as uint[];
                filters.Add(new Hdf5Filter(id, clientData ?? []));
            }
            return filters;
        }
        catch (Exception ex) when (ex is TargetInvocationException or InvalidCastException or FormatException)
        {
            return null;
        }
    }
}
