using System.Runtime.InteropServices;
using Workbench.Core.Runtime;

namespace Workbench.Tests.Core;

public class NativeEnvironmentTests
{
    [DllImport("libc", EntryPoint = "getenv", CharSet = CharSet.Ansi)]
    private static extern IntPtr GetEnv(string name);

    [Theory]
    [InlineData(OneDnnIsa.Variable, OneDnnIsa.Cap)]
    [InlineData(HugePageAllocations.Variable, HugePageAllocations.Enabled)]
    [InlineData(NativeLogLevel.Variable, NativeLogLevel.Quiet)]
    public void Native_code_sees_each_setting_or_the_users_own_value(string variable, string value)
    {
        NativeEnvironment.Apply();
        var expected = Environment.GetEnvironmentVariable(variable) ?? value;
        Assert.Equal(expected, Marshal.PtrToStringAnsi(GetEnv(variable)));
    }

    [Fact]
    public void C10_has_read_the_log_level_so_its_warnings_are_hidden()
    {
        NativeEnvironment.Apply();
        var folder = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!;
        var c10 = NativeLibrary.Load(Path.Combine(folder, "libc10.so"));
        // c10's severities: 0 INFO, 1 WARNING, 2 ERROR; messages below FLAGS_caffe2_log_level are dropped.
        var expected = (Environment.GetEnvironmentVariable(NativeLogLevel.Variable) ?? NativeLogLevel.Quiet) switch
        {
            "INFO" or "0" => 0,
            "WARNING" or "1" => 1,
            "ERROR" or "2" => 2,
            _ => 3,
        };
        Assert.Equal(expected, Marshal.ReadInt32(NativeLibrary.GetExport(c10, "FLAGS_caffe2_log_level")));
    }
}
