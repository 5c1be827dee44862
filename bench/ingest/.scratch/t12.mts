import { Worker } from 'node:worker_threads';
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
console.log('start', mb());
const w = new Worker(new URL('./t10.mjs', import.meta.url), { execArgv: [] });
await new Promise((r) => w.on('exit', r));
console.log('after worker', mb(), 'max', process.resourceUsage().maxRSS / 1024);
