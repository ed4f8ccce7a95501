System.Console.WriteLine("bench: not yet built");
