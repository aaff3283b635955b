namespace Workbench.Codec.Entropy.Tests;

/// <summary>Random damage to a byte string: bit flips, byte overwrites, truncation, insertion, deletion, swapped blocks.</summary>
internal static class Mutations
{
    public static byte[] Apply(byte[] original, Random random)
    {
        var bytes = original.ToList();
        switch (random.Next(6))
        {
            case 0:
                var flip = random.Next(bytes.Count);
                bytes[flip] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                for (var n = random.Next(1, 5); n > 0; n--) bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 2:
                var keep = random.Next(bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                break;
            case 3:
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                break;
            case 4:
                var at = random.Next(bytes.Count);
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 9)));
                break;
            default:
                var a = random.Next(bytes.Count - 4);
                var b = random.Next(bytes.Count - 4);
                for (var k = 0; k < 4; k++) (bytes[a + k], bytes[b + k]) = (bytes[b + k], bytes[a + k]);
                if (a == b) bytes[a] ^= 0xFF;
                break;
        }
        return bytes.ToArray();
    }
}
