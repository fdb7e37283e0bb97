// Starting the bots under test as processes of their own, pointed at the fake Bot API.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "..", "..");

/** Builds src/Bot in Release once (the benchmark runs the built dll, not `dotnet run`). */
export function buildAntq() {
  const result = spawnSync("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", path.join(repoRoot, "src", "Bot")], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("dotnet build of src/Bot failed");
  const dll = path.join(repoRoot, "src", "Bot", "bin", "Release", "net10.0", "Antq.Bot.dll");
  if (!existsSync(dll)) throw new Error("no " + dll);
  return dll;
}

class BotProcess {
  constructor(name, child, directory) {
    this.name = name;
    this.child = child;
    this.directory = directory;
    this.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    this.output = [];
    const keep = (d) => {
      this.output.push(d.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  /** CPU seconds the process has used so far (user + system), from /proc. */
  cpuSeconds() {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return NaN;
    }
  }

  /** SIGKILL: the process dies mid-work, as in a crash. */
  async kill() {
    this.child.kill("SIGKILL");
    await this.exited;
  }

  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
  }

  dispose() {
    if (this.ownsDirectory) rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A fresh folder for one bot's data (database, sessions). */
export const freshDirectory = (prefix) => mkdtempSync(path.join(tmpdir(), prefix));

/**
 * Antq.Bot as its own process on a fresh SQLite file (or `directory`, to restart on the same data), polling the
 * fake. `settings` are configuration keys (Section:Key) passed as environment variables.
 */
export function startAntq(dll, fake, { directory, settings = {} } = {}) {
  const dir = directory ?? freshDirectory("antq-ext-");
  const env = {
    ...process.env,
    DOTNET_gcServer: "1",
    ConnectionStrings__Antq: "Data Source=" + path.join(dir, "antq.db"),
    Tips__RouteKeyFile: path.join(dir, "tip-route.key"),
    Telegram__BotToken: fake.token,
    Telegram__ApiBaseUrl: fake.baseUrl,
    Telegram__Mode: "Polling",
    Telegram__PollingTimeoutSeconds: "1",
    Urls: "http://127.0.0.1:0",
    Logging__LogLevel__Default: "Warning",
    Delivery__QuietHours: "off",
  };
  for (const [key, value] of Object.entries(settings)) env[key.replaceAll(":", "__")] = String(value);
  const child = spawn("dotnet", [dll], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  const bot = new BotProcess("Antq.Bot", child, dir);
  bot.ownsDirectory = directory === undefined;
  return bot;
}

/** Runs a command-line verb of Antq.Bot against the data in `directory` (e.g. officers add). */
export function antqVerb(dll, directory, args) {
  const env = {
    ...process.env,
    ConnectionStrings__Antq: "Data Source=" + path.join(directory, "antq.db"),
    Tips__RouteKeyFile: path.join(directory, "tip-route.key"),
  };
  const result = spawnSync("dotnet", [dll, ...args], { cwd: repoRoot, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Antq.Bot ${args.join(" ")} failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The grammY bot doing the same onboarding (peer-bot.mjs) as its own process, with file session storage. */
export function startPeer(fake) {
  const dir = freshDirectory("grammy-ext-");
  const child = spawn(process.execPath, [path.join(here, "peer-bot.mjs")], {
    cwd: here,
    env: { ...process.env, BOT_TOKEN: fake.token, API_ROOT: fake.baseUrl, SESSIONS_DIR: dir, AREAS_FILE: path.join(repoRoot, "config", "areas.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const bot = new BotProcess("grammY", child, dir);
  bot.ownsDirectory = true;
  return bot;
}
