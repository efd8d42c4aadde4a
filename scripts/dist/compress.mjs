// Every text and wasm asset gets precompressed .br and .gz siblings for the static host.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export function compressAll(dir) {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(html|js|wasm|css|svg|json|webmanifest)$/.test(name)) continue;
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file + ".br", zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
    fs.writeFileSync(file + ".gz", zlib.gzipSync(bytes, { level: 9 }));
  }
}
