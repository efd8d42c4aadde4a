// The office directory: seeds/offices.json, where a district's deployer writes each office's
// address, phone and opening hours (docs/DEPLOYING.md says how). None is shipped: the source
// gives none, and none is invented. Where the file exists, the build checks it, refusing a bad
// one by its field, and puts it into index.html as plain lines for the page to read without a
// JSON reader (src/model/office.rs: name, address, phone, hours, tab-separated).
import { BuildError } from "./fail.mjs";

const STREETS = ["洸河街道", "黄屯街道", "柳行街道", "王因街道", "接庄街道"];
const FIELDS = ["name", "address", "phone", "hours"];

/** The offices the page can name: each subdistrict office, and every department the catalogue gives. */
export function knownOffices(catalogue) {
  const names = new Set(STREETS.map((s) => `${s}办事处`));
  for (const item of catalogue.items) for (const d of [...(item.lead || []), ...(item.partners || [])]) if (d !== "各街道") names.add(d);
  return names;
}

/** The directory's `<script>` element for index.html, from the file's text; a BuildError names what is wrong. */
export function officesScript(text, known) {
  let doc;
  try { doc = JSON.parse(text); } catch (e) { throw new BuildError(`seeds/offices.json: not JSON (${e.message})`); }
  const at = (p, problem) => new BuildError(`seeds/offices.json: ${p}: ${problem}`);
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw at("offices", "must be a JSON object");
  for (const k of Object.keys(doc)) if (k !== "offices") throw at(JSON.stringify(k), "is not a known field");
  if (!Array.isArray(doc.offices)) throw at("offices", "must be a list of offices");
  const lines = doc.offices.map((o, i) => {
    const p = `offices[${i}]`;
    if (!o || typeof o !== "object" || Array.isArray(o)) throw at(p, "must be a JSON object");
    for (const k of Object.keys(o)) if (!FIELDS.includes(k)) throw at(`${p}.${k}`, "is not a known field");
    for (const k of FIELDS) {
      const v = o[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== "string") throw at(`${p}.${k}`, "must be text");
      if (/[\t\n\r<]/.test(v)) throw at(`${p}.${k}`, "must be one line, without tabs or <");
    }
    if (!o.name || !o.name.trim()) throw at(`${p}.name`, "must name the office");
    if (!known.has(o.name.trim())) throw at(`${p}.name`, `is no office the page names (one of: ${[...known].join("、")})`);
    return FIELDS.map((k) => (o[k] || "").trim()).join("\t");
  });
  return `<script type="text/plain" id="offices">\n${lines.join("\n")}\n</script>`;
}

/** index.html with the directory put in before </body>. */
export function withOffices(html, script) {
  if (!html.includes("</body>")) throw new BuildError("finish-dist: no </body> in index.html for the office directory");
  return html.replace("</body>", `${script}\n</body>`);
}
