namespace Antq.Testing;

/// <summary>The bot said something other than what the conversation script expects.</summary>
public sealed class ScriptMismatchException(string message) : Exception(message);
