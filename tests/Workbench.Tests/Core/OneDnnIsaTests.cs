using System.Runtime.InteropServices;
using Workbench.Core.Runtime;

namespace Workbench.Tests.Core;

public class OneDnnIsaTests
{
    [DllImport("libc", EntryPoint = "getenv", CharSet = CharSet.Ansi)]
    private static extern IntPtr GetEnv(string name);

    [Fact]
    public void Native_code_sees_the_cap_or_the_users_own_value()
    {
        OneDnnIsa.Apply();
        var expected = Environment.GetEnvironmentVariable(OneDnnIsa.Variable) ?? OneDnnIsa.Cap;
        Assert.Equal(expected, Marshal.PtrToStringAnsi(GetEnv(OneDnnIsa.Variable)));
    }
}
