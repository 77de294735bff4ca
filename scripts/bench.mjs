#!/usr/bin/env node
// `npm run bench`: every performance figure in ONE table, each next to its target, PASS or MISS.
// It runs the existing benches as they are (their own measurement code, nothing copied) and reads
// their output:
//   scripts/bench-activation.mjs  production build + VSIX; activation time, AWS modules loaded, VSIX size
//   scripts/bench-explorer.mjs    scale scenario (2,500 resources): explorer/bare ratio, request counts, idle calls/min
//   scripts/bench-memory.mjs      heap growth after loading and holding that tree, measured in the real
//                                 extension host of code-server (test/bench/hostMemory.ts)
// Exits 1 if any target is missed or a bench could not produce its figure.
//   BENCH_RUNS / BENCH_IDLE_SECONDS are passed through to bench-explorer.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(args, label) {
  return new Promise((resolve) => {
    process.stderr.write(`[bench] ${label}…\n`);
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => {
      // The benches' own lines go to stderr here, so the table stays the only thing on stdout.
      process.stderr.write(out.split('\n').filter(Boolean).map((l) => `  | ${l}\n`).join(''));
      if (code !== 0 && code !== 1) process.stderr.write(err.split('\n').filter((l) => l && !/NodeVersion|node >=22|January 2027|a\.co\/|trace-warnings|security updates|To continue/.test(l)).map((l) => `  ! ${l}\n`).join(''));
      resolve({ code, out });
    });
  });
}

const num = (out, re) => {
  const m = re.exec(out);
  return m ? Number(m[1]) : undefined;
};

const activation = await run([path.join(ROOT, 'scripts', 'bench-activation.mjs')], 'bench-activation (production build, VSIX, 20 clean activations)');
const explorer = await run([path.join(ROOT, 'scripts', 'bench-explorer.mjs')], 'bench-explorer (scale scenario: explorer vs bare SDK, idle)');
const memory = await run([path.join(ROOT, 'scripts', 'bench-memory.mjs')], 'bench-memory (code-server extension host: scale scenario tree held, heapUsed after GC)');

const actMs = num(activation.out, /activation \(require \+ activate[^)]*\)\s+([\d.]+) ms/);
const awsLine = /@aws-sdk loaded at activation\s+(.+)$/m.exec(activation.out)?.[1]?.trim();
const vsixKiB = num(activation.out, /^VSIX\s+([\d.]+) KiB/m);
const ratio = num(explorer.out, /ratio \(median of \d+ paired runs\): ([\d.]+)/);
const reqs = /requests: explorer (\d+), bare (\d+)(.*)$/m.exec(explorer.out);
const idle = num(explorer.out, /idle API calls per minute: ([\d.]+)/);
const memJson = memory.out.split('\n').map((l) => { try { return JSON.parse(l); } catch { return undefined; } }).find((j) => j?.bench === 'memory');

const rows = [];
const row = (metric, value, target, ok) => rows.push({ metric, value: value ?? 'n/a', target, result: value === undefined || ok === undefined ? 'MISS (no figure)' : ok ? 'PASS' : 'MISS' });
row('activation time (median of 20)', actMs === undefined ? undefined : `${actMs.toFixed(2)} ms`, '≤ 10 ms', actMs !== undefined ? actMs <= 10 : undefined);
row('SDK modules loaded at activation', awsLine, 'none', awsLine !== undefined ? awsLine === 'no' : undefined);
row('explorer load / bare SDK (2,500 resources)', ratio === undefined ? undefined : `${ratio.toFixed(2)}×`, '≤ 1.2×', ratio !== undefined ? ratio <= 1.2 : undefined);
row('requests: explorer vs bare', reqs ? `${reqs[1]} vs ${reqs[2]}${/DIFFER/.test(reqs[3]) ? ' (differ per operation)' : ''}` : undefined, 'equal', reqs ? reqs[1] === reqs[2] && !/DIFFER/.test(reqs[3]) : undefined);
row('idle API calls per minute', idle === undefined ? undefined : String(idle), '0', idle !== undefined ? idle === 0 : undefined);
row('memory growth, scale tree held: extension host (code-server), heapUsed after GC', memJson ? `${memJson.growthMB.toFixed(1)} MB (${memJson.heapBeforeMB.toFixed(1)} → ${memJson.heapAfterMB.toFixed(1)} MB, ${memJson.nodes} nodes${memJson.activatedMeanwhile?.length ? `; includes ${memJson.activatedMeanwhile.length} other extension(s) activated meanwhile` : ''})` : undefined, '≤ 50 MB', memJson ? memJson.growthMB <= 50 : undefined);
row('VSIX size', vsixKiB === undefined ? undefined : `${(vsixKiB / 1024).toFixed(2)} MB (${vsixKiB.toFixed(1)} KiB)`, '≤ 1 MB', vsixKiB !== undefined ? vsixKiB <= 1024 : undefined);

const w = (k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length));
const widths = { metric: w('metric'), value: w('value'), target: w('target'), result: w('result') };
const line = (r) => `| ${String(r.metric).padEnd(widths.metric)} | ${String(r.value).padEnd(widths.value)} | ${String(r.target).padEnd(widths.target)} | ${String(r.result).padEnd(widths.result)} |`;
console.log('');
console.log(line({ metric: 'metric', value: 'measured', target: 'target', result: 'result' }));
console.log(`|${'-'.repeat(widths.metric + 2)}|${'-'.repeat(widths.value + 2)}|${'-'.repeat(widths.target + 2)}|${'-'.repeat(widths.result + 2)}|`);
for (const r of rows) console.log(line(r));
const missed = rows.filter((r) => r.result !== 'PASS').length;
console.log(`\n${rows.length - missed} of ${rows.length} targets met${missed ? `; ${missed} MISS` : ''} (machine: ${process.platform}, node ${process.version}, ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')})`);
process.exit(missed ? 1 : 0);
