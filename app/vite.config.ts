import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Most JavaScript a participant downloads, gzipped: the whole app on a slow 3G connection. */
export const JS_BUDGET_BYTES = 150 * 1024;

/**
 * After the bundle is written: the service worker with the list of files to keep offline, `.gz`
 * and `.br` copies for the server to send as they are, and the JavaScript budget, printed and
 * enforced (the build fails above it).
 */
function offlineAndBudget(): Plugin {
  return {
    name: 'asn-offline-and-budget',
    apply: 'build',
    // After the files are written: the code as it ships, once Vite has finished rewriting it.
    writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      let jsGzip = 0;
      const lines: string[] = [];
      for (const name of files) {
        const bytes = readFileSync(join(dir, name));
        if (/\.(js|css|html|svg|webmanifest|json)$/.test(name) && bytes.length > 512) {
          writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
          writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes));
        }
        if (name.endsWith('.js')) {
          const gz = gzipSync(bytes, { level: 9 }).length;
          jsGzip += gz;
          lines.push(`  ${name}  ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`);
        }
      }
      const version = createHash('sha256').update(files.sort().join('\n')).digest('hex').slice(0, 12);
      const publicFiles = readdirSync(new URL('./public', import.meta.url), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => `${d.parentPath.split('/public')[1] ?? ''}/${d.name}`.replace(/^\/+/, '/'));
      const precache = ['/', ...files.filter((f) => f !== 'index.html').map((f) => `/${f}`), ...publicFiles];
      const worker = readFileSync(new URL('./src/sw.js', import.meta.url), 'utf8')
        .replace('__VERSION__', version)
        .replace("['__PRECACHE__']", JSON.stringify(precache));
      writeFileSync(join(dir, 'sw.js'), worker);
      const summary = `JavaScript: ${(jsGzip / 1024).toFixed(1)} KB gzipped of a ${JS_BUDGET_BYTES / 1024} KB budget`;
      console.log(`\n${lines.join('\n')}\n${summary}\n`);
      if (jsGzip > JS_BUDGET_BYTES) this.error(`over the JavaScript budget: ${summary}`);
    },
  };
}

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // No inline scripts or styles: the server's content security policy allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  plugins: [offlineAndBudget()],
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});
