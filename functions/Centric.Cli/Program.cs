using Centric.Cli;

return CentricCli.Run(args, Console.Out, Console.Error);
