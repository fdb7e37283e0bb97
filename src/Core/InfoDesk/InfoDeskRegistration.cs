using Antq.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.InfoDesk;

public static class InfoDeskRegistration
{
    /// <summary>
    /// The information desk's flows and routes; the host registers the loaded <see cref="FaqCatalog"/> and
    /// <see cref="ContactBook"/>. Its route answers free text, so it is a fallback route, asked last.
    /// </summary>
    public static IServiceCollection AddAntqInfoDesk(this IServiceCollection services)
    {
        services.AddSingleton<IFlow, AskFlow>();
        services.AddSingleton<IFlow, ContactEditFlow>();
        services.AddSingleton<IInputRoute, InfoRoutes>();
        services.AddSingleton<ITurnFactLoader, QuestionUsageFacts>();
        services.AddChangeHandler<SubmitQuestion, SubmitQuestionHandler>();
        services.AddChangeHandler<ShowNotices, ShowNoticesHandler>();
        services.AddChangeHandler<SaveContactOverride, SaveContactOverrideHandler>();
        services.AddChangeHandler<ShowInfo, ShowInfoHandler>();
        services.AddScoped<QuestionList>();
        return services;
    }
}
