const mb = () => Math.round(process.memoryUsage().rss / 1048576);
process.setSourceMapsEnabled(false);
await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
process.setSourceMapsEnabled(true);
console.log('import no-sm', mb(), process.memoryUsage().heapUsed / 1e6);
