using Spiking.Edge.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
