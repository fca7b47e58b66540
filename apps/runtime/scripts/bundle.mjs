// Bundles the runtime into one plain-JS file (dist/main.js) so `pnpm start` runs
// on node alone: no TypeScript transpiling or source maps at start, a far smaller
// heap. Workspace packages and pure-JS dependencies are inlined; better-sqlite3
// stays outside because it is a native addon.
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // Inlined CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __parleyRequire } from 'node:module'; const require = __parleyRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
