Console.WriteLine("centric local host");
