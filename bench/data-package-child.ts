/**
 * The data package bench's child process: streams a consultation's package to nowhere, counting
 * its bytes and sampling its resident memory, started as bin/plenum.js starts a command. A file
 * of its own, importing only the export and the database, so that the RSS it reports is the
 * export's and not the bench's seeding code's.
 */
import { enableCompileCache } from 'node:module';
import { loadavg } from 'node:os';

// As bin/plenum.js starts a command: Node keeps the compiled, type-stripped modules between runs.
enableCompileCache();
const { operatorViewer } = await import('../src/accounts/accounts.schema.ts');
const { openDatabase } = await import('../src/db/database.ts');
const { consultationPackage } = await import('../src/interchange/data-package.service.ts');

const [url, periodId, as] = process.argv.slice(2);
const o = await openDatabase(url!);
let peak = process.memoryUsage.rss();
const before = peak;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 50);
const t = performance.now();
const cpu = process.cpuUsage();
const mainCpu = process.threadCpuUsage();
const pkg = await consultationPackage(
  o.db,
  as === 'staff' ? operatorViewer : null,
  periodId!,
  new Date(),
);
let bytes = 0;
let sampled = 0;
for await (const chunk of pkg.bytes) {
  bytes += chunk.length;
  // Besides the timer's, a sample every megabyte: reading the RSS costs 0.1 ms, a chunk's
  // worth of the package's own work.
  if (bytes - sampled >= 1 << 20) {
    sampled = bytes;
    peak = Math.max(peak, process.memoryUsage.rss());
  }
}
const seconds = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const usedMain = process.threadCpuUsage(mainCpu);
clearInterval(sampler);
await o.close();
const mb = (n: number) => (n / 1e6).toFixed(1);
const cpuSeconds = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1e6).toFixed(1);
// The CPU time says what the machine's load hides: the main thread's (reads, rows, text, hashes)
// and the whole process's (with the deflate in libuv's threads); PostgreSQL's own is not in it.
(process.send ? (m: string) => process.send!(m) : console.log)(
  `${mb(bytes)} MB of ZIP in ${seconds.toFixed(1)} s = ${mb(bytes / seconds)} MB/s; RSS ${mb(before)} MB at start, ${mb(peak)} MB at most; CPU ${cpuSeconds(usedMain)} s on the main thread, ${cpuSeconds(used)} s in all; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
