using IssueHygiene.Cli;
using IssueHygiene.Hosting;

_ = MallocArenas.LimitToOne();
using var interruption = ProcessInterruption.Register();
var app = new CliApp(Console.Out, Console.Error, TimeProvider.System)
{
    Interactive = !Console.IsErrorRedirected,
    Interruption = interruption,
};
return await app.RunAsync(args, interruption.Token);
