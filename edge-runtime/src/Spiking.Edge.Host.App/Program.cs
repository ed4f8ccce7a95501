using Spiking.Edge.Host.App;

return HostApp.Run(args, Console.Out, Console.Error);
