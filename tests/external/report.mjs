// The machine, and writing a result block into docs/benchmarks.md between its markers.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execSync } from "node:child_process";
import { repoRoot } from "./bots.mjs";

export function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  let distro = os.platform();
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? distro;
  } catch {}
  let dotnet = "?";
  try {
    dotnet = execSync("dotnet --version", { encoding: "utf8" }).trim();
  } catch {}
  const when = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
  return { when, text: `${cpu}, ${os.cpus().length} cores; ${distro}; .NET SDK ${dotnet}; Node.js ${process.version}` };
}

export function writeBlock(name, markdown) {
  const file = path.join(repoRoot, "docs", "benchmarks.md");
  const begin = `<!-- ${name}:begin (written by tests/external/run.mjs) -->`;
  const end = `<!-- ${name}:end -->`;
  let text = readFileSync(file, "utf8");
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : text.trimEnd() + "\n\n" + block + "\n";
  writeFileSync(file, text);
  console.log(`written to docs/benchmarks.md (${name})`);
}
