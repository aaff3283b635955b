using Workbench.Cli.Hosting;

return WorkbenchApp.Run(args, Console.Out, Console.Error);
