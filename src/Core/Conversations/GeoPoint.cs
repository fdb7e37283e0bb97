namespace Antq.Core.Conversations;

public sealed record GeoPoint(double Latitude, double Longitude);
