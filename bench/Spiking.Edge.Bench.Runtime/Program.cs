System.Console.WriteLine("runtime bench");
