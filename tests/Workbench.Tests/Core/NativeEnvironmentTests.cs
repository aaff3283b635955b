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
    public void Native_code_sees_each_setting_or_the_users_own_value(string variable, string value)
    {
        NativeEnvironment.Apply();
        var expected = Environment.GetEnvironmentVariable(variable) ?? value;
        Assert.Equal(expected, Marshal.PtrToStringAnsi(GetEnv(variable)));
    }
}
