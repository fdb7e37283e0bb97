using Antq.Core.Storage;

namespace Antq.Core.Conversations;

/// <summary>What a <see cref="DomainChange"/> may touch while the engine's transaction is open.</summary>
public sealed record ChangeContext(AntqDb Db, InboundMessage Input, DateTime Now);
