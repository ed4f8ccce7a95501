System.Console.WriteLine("spiking");
