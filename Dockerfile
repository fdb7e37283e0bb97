# Build: docker build -t antq-bot .
# Run:   docker run -p 8080:8080 -v antq-data:/app/data -e Telegram__BotToken=... antq-bot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Antq.Bot.sln ./
COPY src/Core/Antq.Core.csproj src/Core/
COPY src/Bot/Antq.Bot.csproj src/Bot/
RUN dotnet restore src/Bot/Antq.Bot.csproj
COPY src/ src/
RUN dotnet publish src/Bot/Antq.Bot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY config/ ./config/
# The image's non-root user owns only the data folder; the code and content stay read-only to it.
RUN mkdir -p /app/data && chown app:app /app/data && chmod 700 /app/data
USER app
ENV Urls=http://0.0.0.0:8080 \
    ConnectionStrings__Antq="Data Source=/app/data/antq.db"
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "Antq.Bot.dll"]
