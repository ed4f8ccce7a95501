System.Console.WriteLine("trainer bench");
