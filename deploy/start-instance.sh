#!/bin/sh
# Starts one instance of the service with its secrets read from Docker secret files, so that no secret is written in
# docker-compose.yml nor shown by `docker inspect`. The connection string is put together here because PostgreSQL's
# image and the service read the same password file.
set -eu
secret() { tr -d '\r\n' < "/run/secrets/$1"; }

export ConnectionStrings__Antq="Host=db;Database=antq;Username=antq;Password=$(secret db_password)"
export Telegram__BotToken="$(secret telegram_bot_token)"
export Telegram__WebhookSecret="$(secret telegram_webhook_secret)"
export Tips__RouteKey="$(secret tip_route_key)"
export WebChat__IdentityKey="$(secret webchat_identity_key)"
exec dotnet Antq.Bot.dll "$@"
