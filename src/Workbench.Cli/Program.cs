using Workbench.Cli.Hosting;

if (UnoptimizedRelaunch.IsNeeded) return UnoptimizedRelaunch.Run(args);
return WorkbenchApp.Run(args, Console.Out, Console.Error);
