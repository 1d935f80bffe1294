// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) next to every text
// and wasm file under DIR, with Node's own zlib (nothing to install). Hosts that
// serve files as they are (GitLab Pages, OpenBSD httpd, nginx's gzip_static and
// brotli_static) send a sibling when the browser accepts its encoding.
// Usage: node scripts/precompress.mjs DIR   (run by scripts/postbuild.py)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|webmanifest|json|txt|md)$/;
const dir = process.argv[2];
if (!dir) {
  console.error('precompress: usage: node scripts/precompress.mjs DIR');
  process.exit(2);
}

function walk(at) {
  return readdirSync(at).flatMap((name) => {
    const path = join(at, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

for (const path of walk(dir).filter((p) => COMPRESSIBLE.test(p))) {
  const body = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
}
