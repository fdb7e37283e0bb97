using Antq.Bot.Hosting;

return await AntqHost.RunAsync(args);
