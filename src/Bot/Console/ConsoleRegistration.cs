using Antq.Core.Conversations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole;

/// <summary>
/// The officers' web console at <c>/console</c>: Razor Pages served by this process, signed in by a one-time link the
/// bot sends in answer to <c>/console</c>, a cookie session checked against the officer's row on every request.
/// </summary>
public static class ConsoleRegistration
{
    public const string Path = "/console";

    public static WebApplicationBuilder AddOfficerConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ConsoleOptions.Section);
        services.AddOptions<ConsoleOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidation>();
        var options = section.Get<ConsoleOptions>() ?? new ConsoleOptions();

        // Cookies and antiforgery tokens are protected with keys kept on disk, so a restart does not sign everyone out.
        var keys = System.IO.Path.IsPathRooted(options.KeysFolder) ? options.KeysFolder : System.IO.Path.Combine(builder.Environment.ContentRootPath, options.KeysFolder);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Antq.Bot");

        services.AddSingleton<ConsoleLinks>();
        services.AddSingleton<ConsoleTexts>();
        services.AddSingleton<ConsoleAssets>();
        services.AddSingleton<ConsoleActions>();
        services.AddSingleton<ConsoleAnswers>();
        services.AddSingleton<IInputRoute, ConsoleRoutes>();
        services.AddChangeHandler<IssueConsoleLink, IssueConsoleLinkHandler>();
        services.AddChangeHandler<KeepConsolePhoto, KeepConsolePhotoHandler>();

        services.AddAuthentication(ConsoleSession.Scheme).AddCookie(ConsoleSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = "antq-console";
            cookie.Cookie.Path = Path;
            cookie.Cookie.HttpOnly = true;

            // Secure whenever the page is HTTPS, which behind the proxy the forwarded headers tell.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = options.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = Path;
            cookie.AccessDeniedPath = Path;
            cookie.ReturnUrlParameter = "back";
            cookie.Events.OnValidatePrincipal = ConsoleSession.ValidateAsync;
        });
        services.AddAuthorization();

        // Vietnamese as written, not as numeric character references (the default encoder escapes non-ASCII).
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "antq-console-form";
            antiforgery.Cookie.Path = Path;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__form";
        });
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Console/Pages";
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/Index");
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        })

        // Named, not found from the entry assembly: a test host or a CLI verb starts this process from elsewhere.
        .AddApplicationPart(typeof(ConsoleRegistration).Assembly);
        return builder;
    }

    /// <summary>
    /// No script, style or frame from elsewhere; images from the service and, when a map is configured, from its tile
    /// server only; no referrer (a sign-in link or a tip's address must not leak); nothing cached.
    /// </summary>
    public static string PageSecurity(string? tileOrigin) =>
        $"default-src 'self'; img-src 'self'{(tileOrigin is null ? "" : " " + tileOrigin)}; media-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public static WebApplication UseOfficerConsole(this WebApplication app)
    {
        var security = PageSecurity(ConsoleMap.Origin(app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.MapTiles));
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal))
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = security;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
            }

            return next(http);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapOfficerConsole(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet(Path + "/assets/{asset:regex(^(console\\.css|console\\.js|icon\\.svg)$)}", (string asset, HttpContext http, ConsoleAssets assets) => assets.Serve(asset, http));
        app.MapGet(Path + "/files/{id:long}", ConsoleFiles.ServeAsync).RequireAuthorization();
        app.MapGet(Path + "/photos/{id}", ConsolePhotoRoute.ServeAsync).RequireAuthorization();
        app.MapGet(Path + "/live", ConsoleLive.StreamAsync).RequireAuthorization();
        return app;
    }
}
