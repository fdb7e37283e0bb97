using Antq.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Pledges;

public static class PledgeRegistration
{
    /// <summary>The pledge flows, routes and facts; the host registers the loaded <see cref="PledgeCatalog"/> and binds <see cref="PledgeOptions"/>.</summary>
    public static IServiceCollection AddAntqPledges(this IServiceCollection services)
    {
        services.AddSingleton<IFlow, PledgeFlow>();
        services.AddSingleton<IFlow, PledgeCorrectionFlow>();
        services.AddSingleton<IInputRoute, PledgeRoutes>();
        services.AddSingleton<ITurnFactLoader, PledgeFacts>();
        services.AddSingleton<PledgeRenewals>();
        services.AddSingleton<PaperPledgeImport>();
        services.AddChangeHandler<SignPledges, SignPledgesHandler>();
        services.AddChangeHandler<CorrectPledge, CorrectPledgeHandler>();
        services.AddChangeHandler<WithdrawPledge, WithdrawPledgeHandler>();
        services.AddChangeHandler<ImportPaperPledges, ImportPaperPledgesHandler>();
        services.AddReadOnlyChangeHandler<ShowCoverage, ShowCoverageHandler>();
        return services;
    }
}
