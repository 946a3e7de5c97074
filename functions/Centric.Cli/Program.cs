Console.WriteLine("centric");
