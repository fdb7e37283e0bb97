using Antq.Bot.Cli;
using Antq.Bot.Hosting;

return CliVerbs.IsVerb(args)
    ? await CliVerbs.RunAsync(args, Console.Out, Console.Error)
    : await AntqHost.RunAsync(args);
