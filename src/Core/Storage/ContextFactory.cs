using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Storage;

/// <summary>
/// A context factory over one way to make a context, outside the host's service container: for the initializer the
/// command-line verbs, the move to PostgreSQL and the benchmarks run before their work.
/// </summary>
public sealed class ContextFactory(Func<AntqDb> create) : IDbContextFactory<AntqDb>
{
    public AntqDb CreateDbContext() => create();
}
