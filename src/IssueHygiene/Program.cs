using IssueHygiene.Cli;

return new CliApp(Console.Out, Console.Error, TimeProvider.System).Run(args);
