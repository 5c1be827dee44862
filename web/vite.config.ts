import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** pdf.js data directories served at /pdfjs/<dir>/ (fonts, CMaps, decoders), never from a CDN. */
const PDFJS_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

function pdfjsAssets(): Plugin {
  return {
    name: 'octo-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        const [dir, ...rest] = path.split('/').filter(Boolean);
        const file = join(pdfjsRoot, dir ?? '', ...rest);
        if (!PDFJS_DIRS.includes(dir ?? '') || !file.startsWith(pdfjsRoot) || !existsSync(file)) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DIRS) {
        for (const name of readdirSync(join(pdfjsRoot, dir))) {
          const file = join(pdfjsRoot, dir, name);
          if (!statSync(file).isFile()) continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(file) });
        }
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir: join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // DSFR icons and pictograms stay separate SVG files: fetched only when used, and <use href="x.svg#id"> needs a URL
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run build` is what the server serves; `npx vite --config web/vite.config.ts` is for development,
    // against an API started with `node bin/octo.js serve --port 3000 --demo` (or OCTO_API_URL).
    proxy: { '/api': process.env.OCTO_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
