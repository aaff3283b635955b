using Mono.Cecil;

// TorchSharp 0.107 hands raw native handles to libtorch and frees them in finalizers. Optimised JIT code ends an
// argument's lifetime at its last use, so a temporary Tensor or Scalar (the implicit alpha of every add, a Scalar
// made inside the optimisers) can be finalized while libtorch still reads it whenever another thread triggers a
// collection. Unoptimised code keeps every argument and local alive until its method returns. Marking each method of
// TorchSharp NoOptimization | NoInlining makes the JIT compile only TorchSharp's thin wrappers that way (the runtime
// ignores DebuggableAttribute for this); every other assembly stays optimised. Rewritten through a temporary sibling.
const MethodImplAttributes KeepAlive = MethodImplAttributes.NoOptimization | MethodImplAttributes.NoInlining;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: TorchSharpKeepAlive TorchSharp.dll...");
    return 2;
}
foreach (var path in args)
{
    using var assembly = AssemblyDefinition.ReadAssembly(new MemoryStream(File.ReadAllBytes(path)));
    var methods = assembly.MainModule.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList();
    var unmarked = methods.Where(m => (m.ImplAttributes & KeepAlive) != KeepAlive).ToList();
    if (unmarked.Count == 0) continue;
    foreach (var method in unmarked) method.ImplAttributes |= KeepAlive;
    var temporary = path + ".keepalive.tmp";
    assembly.Write(temporary);
    File.Move(temporary, path, overwrite: true);
    Console.WriteLine($"{path}: {unmarked.Count} of {methods.Count} methods marked NoOptimization | NoInlining");
}
return 0;
