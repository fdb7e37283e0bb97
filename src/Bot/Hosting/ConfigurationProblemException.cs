namespace Antq.Bot.Hosting;

/// <summary>A setting that stops the service from starting; the message names the key.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);
