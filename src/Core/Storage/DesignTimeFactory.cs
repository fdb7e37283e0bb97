using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Antq.Core.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AntqDb>
{
    public AntqDb CreateDbContext(string[] args) =>
        new(StorageRegistration.Configure(new DbContextOptionsBuilder<AntqDb>(), "Data Source=design.db").Options as DbContextOptions<AntqDb>
            ?? throw new InvalidOperationException("Unexpected options type."));
}

/// <summary>The same for PostgreSQL's migration set (no server is needed to add a migration).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAntqDb>
{
    public PostgresAntqDb CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresAntqDb>)StorageRegistration.ConfigurePostgres(new DbContextOptionsBuilder<PostgresAntqDb>(), "Host=localhost;Database=antq_design").Options);
}
