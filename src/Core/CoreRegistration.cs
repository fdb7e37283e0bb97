using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Diagnostics;
using Antq.Core.Inbox;
using Antq.Core.InfoDesk;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Antq.Core;

public static class CoreRegistration
{
    /// <summary>
    /// The conversation engine, flows, inbox, outbox and dispatcher over the given database and area tree.
    /// Start order matters: database first, then the lanes (which take what the last run left), then the dispatcher.
    /// </summary>
    public static IServiceCollection AddAntqCore(this IServiceCollection services, CoreContent content, DatabaseProvider databaseProvider, string connectionString)
    {
        var areas = content.Areas;
        services.TryAddSingleton(TimeProvider.System);
        services.AddAntqStorage(databaseProvider, connectionString);
        services.AddSingleton(areas);
        services.AddSingleton(TextCatalog.LoadEmbedded());
        services.AddSingleton<AntqMetrics>();

        services.AddSingleton<IFlow, OnboardingFlow>();
        services.AddSingleton<IFlow, SettingsFlow>();
        services.AddSingleton<IFlow, EraseFlow>();
        services.AddSingleton<FlowCatalog>();
        services.AddSingleton(sp => new ConversationRouter(sp.GetRequiredService<FlowCatalog>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConversationOptions>>().Value, sp.GetServices<IInputRoute>()));
        services.AddSingleton(sp => sp.GetRequiredService<ConversationRouter>().Commands);
        services.AddSingleton<IntakeLimiter>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ChangeHandlers>();
        services.AddSingleton<ChangeRunner>();
        services.AddChangeHandler<PreparedReply, PreparedReplyHandler>();
        services.AddSingleton<ITurnFactLoader, OfficerFacts>();
        services.AddChangeHandler<CreateInvitation, CreateInvitationHandler>();
        services.AddChangeHandler<RedeemInvitation, RedeemInvitationHandler>();
        services.AddChangeHandler<SaveResidentProfile, SaveResidentProfileHandler>();
        services.AddChangeHandler<RecordConsentRefusal, RecordConsentRefusalHandler>();
        services.AddChangeHandler<ChangeResidentLanguage, ChangeResidentLanguageHandler>();
        services.AddChangeHandler<ChangeResidentStatus, ChangeResidentStatusHandler>();
        services.AddChangeHandler<EraseResident, EraseResidentHandler>();

        // Tips
        services.AddSingleton(content);
        services.AddSingleton(content.TipCategories);
        services.AddSingleton(new TipRouteSeal(content.TipRouteKey));
        services.AddSingleton<TipCard>();
        services.AddSingleton<StatusLookupLimiter>();
        services.AddSingleton<TipMessaging>();
        services.AddSingleton<TipCardCopies>();
        services.AddChangeHandler<SubmitTip, SubmitTipHandler>();
        services.AddChangeHandler<ChangeTipStatus, ChangeTipStatusHandler>();
        services.AddChangeHandler<LookupTipStatus, LookupTipStatusHandler>();
        services.AddChangeHandler<ListTips, ListTipsHandler>();
        services.AddChangeHandler<ShowTip, ShowTipHandler>();
        services.AddChangeHandler<OfficerReply, OfficerReplyHandler>();
        services.AddChangeHandler<TipsterAnswer, TipsterAnswerHandler>();
        services.AddChangeHandler<AddTipNote, AddTipNoteHandler>();
        services.AddChangeHandler<AssignTip, AssignTipHandler>();
        services.AddScoped<TipQueue>();
        services.AddScoped<TipDetails>();
        services.AddScoped<Audit.AuditLog>();
        services.AddSingleton<IFlow, TipFlow>();
        foreach (var flow in TipMessageFlow.All())
        {
            services.AddSingleton(flow);
        }

        services.AddSingleton<IInputRoute, OfficerRoutes>();
        services.AddSingleton<IInputRoute, Residents.LanguageRoute>();
        services.AddSingleton<IInputRoute, TipRoutes>();
        services.AddSingleton<ITurnFactLoader, TipUsageFacts>();

        services.AddAntqPledges();
        services.AddSingleton<IInputRoute, Reports.ReportRoutes>();
        services.AddSingleton<Reports.MonthlySummary>();
        services.AddReadOnlyChangeHandler<Reports.ShowSummary, Reports.ShowSummaryHandler>();

        services.AddSingleton<InboxStore>();
        services.AddSingleton<InboxLanes>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<Instances.ThisInstance>();
        services.AddSingleton<SharedPace>();
        services.AddSingleton<Instances.InstanceHeartbeat>();

        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxLanes>());
        services.AddHostedService<InboxSweep>();
        services.AddSingleton<ReplyHandoff>();

        // Before the dispatcher: it starts first (the dispatcher waits for its row) and stops after it.
        services.AddHostedService(sp => sp.GetRequiredService<Instances.InstanceHeartbeat>());
        services.AddHostedService<Dispatcher>();
        services.AddHostedService<QueueDepthGauge>();
        // Broadcasts
        services.AddSingleton<IFlow, Broadcasts.BroadcastFlow>();
        services.AddSingleton<IFlow, Broadcasts.EditBroadcastFlow>();
        services.AddSingleton<IInputRoute, Broadcasts.BroadcastRoutes>();
        services.AddSingleton<ITurnFactLoader, Broadcasts.BroadcastReachFacts>();
        services.AddSingleton<Broadcasts.BroadcastClock>();
        services.AddChangeHandler<Broadcasts.CreateBroadcast, Broadcasts.CreateBroadcastHandler>();
        services.AddChangeHandler<Broadcasts.ListBroadcasts, Broadcasts.ListBroadcastsHandler>();
        services.AddChangeHandler<Broadcasts.CancelBroadcast, Broadcasts.CancelBroadcastHandler>();
        services.AddChangeHandler<Broadcasts.ShowBroadcast, Broadcasts.ShowBroadcastHandler>();
        services.AddChangeHandler<Broadcasts.PauseBroadcast, Broadcasts.PauseBroadcastHandler>();
        services.AddChangeHandler<Broadcasts.ResumeBroadcast, Broadcasts.ResumeBroadcastHandler>();
        services.AddChangeHandler<Broadcasts.UpdateBroadcast, Broadcasts.UpdateBroadcastHandler>();

        // Events
        services.AddSingleton<IFlow, Events.EventFlow>();
        services.AddSingleton<IFlow, Events.MoveEventFlow>();
        services.AddSingleton<IInputRoute, Events.EventRoutes>();
        services.AddSingleton<Events.EventClock>();
        services.AddChangeHandler<Events.CreateEvent, Events.CreateEventHandler>();
        services.AddChangeHandler<Events.RecordRsvp, Events.RecordRsvpHandler>();
        services.AddChangeHandler<Events.ListEvents, Events.ListEventsHandler>();
        services.AddChangeHandler<Events.CancelEvent, Events.CancelEventHandler>();
        services.AddChangeHandler<Events.ShowUpcomingEvents, Events.ShowUpcomingEventsHandler>();
        services.AddChangeHandler<Events.MoveEvent, Events.MoveEventHandler>();

        services.AddAntqInfoDesk();

        services.AddHostedService<TipRetention>();
        services.AddHostedService<MessageRetention>();
        services.AddSingleton<AttachmentArchive>();
        services.AddSingleton<MediaFiles>();
        services.AddSingleton<MediaSteps>();
        services.AddSingleton<Channels.ChannelFileReferences>();

        // The console's broadcast photos, kept in the database: whichever channel sends them fetches them here.
        services.AddSingleton<Broadcasts.ConsolePhotoFiles>();
        services.AddSingleton<Channels.IChannelFiles>(sp => sp.GetRequiredService<Broadcasts.ConsolePhotoFiles>());
        services.AddHostedService(sp => sp.GetRequiredService<AttachmentArchive>());
        return services;
    }

    private sealed class DatabaseStartup(DatabaseInitializer initializer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
