using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>A <see cref="VfssStrides"/> set as the JSON array of its strides in increasing order, e.g. <c>[4, 8]</c>.</summary>
public sealed class VfssStridesJsonConverter : JsonConverter<VfssStrides>
{
    public override VfssStrides Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var strides = JsonSerializer.Deserialize<int[]>(ref reader, options) ?? throw new JsonException("expected an array of strides");
        try
        {
            return VfssStrideSet.Of(strides);
        }
        catch (ConfigException e)
        {
            throw new JsonException(e.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, VfssStrides value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var stride in value.Strides()) writer.WriteNumberValue(stride);
        writer.WriteEndArray();
    }
}
