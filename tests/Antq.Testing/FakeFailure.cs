namespace Antq.Testing;

/// <summary>
/// An error the <see cref="FakeBotApi"/> answers instead of the normal result, shaped like the real
/// Bot API's error object: <c>{"ok":false,"error_code":…,"description":…,"parameters":{…}}</c>,
/// sent with the HTTP status equal to <c>error_code</c> (this is what Telegram does, and what
/// Telegram.Bot relies on: any non-200 status is parsed as an error).
/// </summary>
public sealed record FakeFailure
{
    private FakeFailure(int errorCode, string description, int? retryAfter, bool disconnect)
    {
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
        Disconnect = disconnect;
    }

    /// <summary>Both the HTTP status and the JSON <c>error_code</c>.</summary>
    public int ErrorCode { get; }

    public string Description { get; }

    /// <summary>Seconds, sent as <c>parameters.retry_after</c> when set.</summary>
    public int? RetryAfter { get; }

    /// <summary>When true the connection is aborted without any answer (a network failure).</summary>
    public bool Disconnect { get; }

    /// <summary>HTTP 429 "Too Many Requests: retry after N" with <c>parameters.retry_after</c> = N.</summary>
    public static FakeFailure TooManyRequests(int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds, false);
    }

    /// <summary>HTTP 403 "Forbidden: bot was blocked by the user".</summary>
    public static FakeFailure Forbidden(string description = "Forbidden: bot was blocked by the user") =>
        new(403, description, null, false);

    /// <summary>HTTP 500 "Internal Server Error".</summary>
    public static FakeFailure ServerError() => new(500, "Internal Server Error", null, false);

    /// <summary>HTTP 400; "Bad Request: " is prefixed unless already there, e.g. "chat not found".</summary>
    public static FakeFailure BadRequest(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new(400, description.StartsWith("Bad Request", StringComparison.Ordinal) ? description : "Bad Request: " + description, null, false);
    }

    /// <summary>Any other Bot API error, e.g. <c>Custom(409, "Conflict: terminated by other getUpdates request")</c>.</summary>
    public static FakeFailure Custom(int errorCode, string description, int? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(errorCode, 400);
        ArgumentNullException.ThrowIfNull(description);
        return new(errorCode, description, retryAfter, false);
    }

    /// <summary>Aborts the TCP connection without answering; the client sees a transport error.</summary>
    public static FakeFailure ConnectionReset() => new(0, "connection reset", null, true);

    public override string ToString() => Disconnect ? "connection reset" : $"{ErrorCode} {Description}";
}
