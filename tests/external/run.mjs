#!/usr/bin/env node
// Benchmarks with the bot as its own process and the fake Bot API in this one (see README.md here).
//   node run.mjs inbound   [--residents 1000] [--runs 3] [--warmup 3000] [--only antq|grammy]
//   node run.mjs broadcast [--recipients 120] [--runs 2]
//   node run.mjs restart   [--recipients 150]
//   add --write to put the results into docs/benchmarks.md
import path from "node:path";
import { buildAntq, repoRoot } from "./bots.mjs";
import { inboundComparison } from "./scenarios/inbound.mjs";
import { broadcastScenarios } from "./scenarios/broadcast.mjs";
import { restartScenario } from "./scenarios/restart.mjs";
import { machine, writeBlock } from "./report.mjs";

const args = process.argv.slice(2);
const mode = args.find((a) => !a.startsWith("--")) ?? "inbound";
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const areasFile = path.join(repoRoot, "config", "areas.json");
const command = "node tests/external/run.mjs " + args.join(" ");

if (!["inbound", "broadcast", "restart"].includes(mode)) {
  console.error("usage: node run.mjs inbound|broadcast|restart [--residents N] [--recipients N] [--runs N] [--only antq|grammy] [--write]");
  process.exit(2);
}

const dll = buildAntq();
console.log(machine().text);
let block;
if (mode === "inbound") {
  block = await inboundComparison(dll, areasFile, { residents: Number(option("--residents", 1000)), runs: Number(option("--runs", 3)), only: option("--only", ""), warmUp: Number(option("--warmup", 3000)) });
} else if (mode === "broadcast") {
  block = await broadcastScenarios(dll, areasFile, { recipients: Number(option("--recipients", 120)), runs: Number(option("--runs", 2)) });
} else {
  block = await restartScenario(dll, areasFile, { recipients: Number(option("--recipients", 150)), runs: Number(option("--runs", 2)) });
}

console.log(block.text);
if (args.includes("--write")) writeBlock("external-" + mode, block.markdown(command, machine()));
process.exit(block.ok ? 0 : 1);
