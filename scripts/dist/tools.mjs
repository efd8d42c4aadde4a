// Where the build's tools are: the project's root, the pinned npm tools (tools/), and the
// WebAssembly features the page's Wasm may use (.cargo/config.toml), to which binaryen keeps.
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const tools = createRequire(path.join(root, "tools", "package.json"));
export const bin = (name) => path.join(root, "tools", "node_modules", ".bin", name);
export const features = ["--enable-bulk-memory", "--enable-mutable-globals", "--enable-sign-ext", "--enable-nontrapping-float-to-int"];
