using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Antq.Core.Storage;

/// <summary>
/// A query compiled once per database model rather than once per process: EF Core binds a compiled query to the
/// model it first ran against, and SQLite's and PostgreSQL's models differ (a process that uses both, such as the
/// copy between them or the tests, would otherwise fail). The lookup costs a dictionary read per call.
/// </summary>
public sealed class CompiledQuery<TArg1, TArg2, TResult>(Expression<Func<AntqDb, TArg1, TArg2, CancellationToken, TResult>> query)
{
    private readonly ConcurrentDictionary<IModel, Func<AntqDb, TArg1, TArg2, CancellationToken, Task<TResult>>> _byModel = new();

    public Task<TResult> RunAsync(AntqDb db, TArg1 first, TArg2 second, CancellationToken cancellationToken) =>
        _byModel.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, cancellationToken);
}
