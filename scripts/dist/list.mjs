// list.html: the whole catalogue as plain static HTML, generated from the same file the app
// embeds. It is the page shown where WebAssembly cannot run or the app did not load, and the
// benchmark's floor.

/** Text made safe inside HTML. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The catalogue as one static page: every item, its programme, summary, deadline, departments and source text. */
export function listPage(c, cssHref, cspMeta) {
  const programme = new Map(c.programmes.map((p) => [p.number, p]));
  const items = c.items.map((it) => {
    const deps = [it.lead.join("、"), it.partners.join("、")].filter(Boolean).join("；协办 ");
    return `<article class="card" id="item-${it.item}" data-item="${it.item}">
<h3>${it.item}. ${esc(it.title.zh)} <span lang="en">${esc(it.title.en)}</span></h3>
<p class="summary">${esc(it.summary.zh)}</p>
<p class="summary" lang="en">${esc(it.summary.en)}</p>
<p class="dept"><strong>负责部门：</strong>主办 ${esc(deps)}</p>
<p class="deadline"><strong>完成期限：</strong>${esc(c.year)}年${esc(it.deadline)}</p>
<details><summary>原文</summary><blockquote>${esc(it.item)}、${esc(it.text)}</blockquote></details>
</article>`;
  });
  const byProgramme = [];
  let last = null;
  c.items.forEach((it, i) => {
    if (it.programme !== last) {
      const p = programme.get(it.programme);
      byProgramme.push(`<h2>${esc(p ? p.title : it.programme)} <span lang="en">${esc(p ? p.en : "")}</span></h2>`);
      last = it.programme;
    }
    byProgramme.push(items[i]);
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${cspMeta}
<title>${esc(c.name.zh)} · 全部${c.items.length}项</title>
<link rel="stylesheet" href="${esc(cssHref)}">
</head>
<body>
<header class="top"><h1>${esc(c.name.zh)}</h1></header>
<main class="page">
<div class="notice only-target" id="nowasm" role="alert">
<p><strong>您的浏览器无法运行“民生实事查询”的计算功能。</strong>请用手机自带的浏览器（或把微信更新到最新版本）重新打开本页，或到社区服务台请工作人员帮您查询。下面是全部${c.items.length}项民生实事，您也可以直接阅读。</p>
<p lang="en">Your browser cannot run the calculator. Open this page in your phone's own browser (or update WeChat), or ask at your neighbourhood service desk. All ${c.items.length} measures are listed below.</p>
</div>
<div class="notice only-target" id="failed" role="alert">
<p><strong>“民生实事查询”没有完整加载，可能是网络不稳定。</strong>请检查网络后<a href="./">重新打开查询页面</a>，或到社区服务台请工作人员帮您查询。下面是全部${c.items.length}项民生实事，您也可以直接阅读。</p>
<p lang="en">The calculator did not load completely, perhaps because the network is unsteady. Check the connection and <a href="./">open the calculator again</a>, or ask at your neighbourhood service desk. All ${c.items.length} measures are listed below.</p>
</div>
<p class="intro">${esc(c.name.zh)}，共${c.items.length}项。能否享受、具体金额，以负责部门的审核为准。<span lang="en">${esc(c.name.en)}: all ${c.items.length} items. The responsible department decides who qualifies.</span></p>
<p><a href="./">返回查询页面 · Back to the calculator</a></p>
${byProgramme.join("\n")}
</main>
</body>
</html>
`;
}
