namespace Antq.Core.Conversations;

/// <summary>A route asked after every other route, whatever the order of registration (the Q&amp;A answering free text).</summary>
public interface IFallbackRoute : IInputRoute;
