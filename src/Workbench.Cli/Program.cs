using Workbench.Cli.Hosting;
using Workbench.Core.Runtime;

if (UnoptimizedJit.IsUnset) return UnoptimizedRelaunch.Run(args);
return WorkbenchApp.Run(args, Console.Out, Console.Error);
