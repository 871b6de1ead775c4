// A month page's tools, loaded only when a reader asks for one (month.html's few bytes start them; the page has no
// room in its 45 KB for more): choosing units of the ranking to compare, the map's code to embed in a news page,
// and the page embedded at #embed-<name>, showing that figure alone.
// The build writes this file with SNIPPETS filled in (render/embed.snippet_patterns: the unit pages' snippet).
const SNIPPETS = "__SNIPPETS__";
const LEVEL = /\/(zone|range|district|tehsil|station)\/([a-z0-9-]+)\/(?:index\.html)?$/;
const said = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
const escaped = (text) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);

// What a figure is: the page's heading (the ranking and its month) and the figure's own title.
const figureTitle = (figure) => `${document.querySelector("h1").textContent} — ${figure.querySelector("figcaption strong").textContent}`;

// Embedded: everything around the figure left out, and the page around it told how tall it is (as a unit page does);
// over the figure what it is, under it the source (the footer's words) and a link back to the page (named as the
// site is).
export function embedded() {
  const figure = document.querySelector(location.hash);
  if (!figure) return;
  const credit = document.createElement("p");
  credit.className = "embed-credit";
  const back = document.createElement("a");
  Object.assign(back, { href: location.href.split("#")[0], target: "_blank", rel: "noopener",
                        textContent: document.title.split(" · ").at(-1) });
  credit.append(document.querySelector("footer p.source").textContent, " ", back);
  const title = document.createElement("p");
  title.className = "embed-title";
  title.append(Object.assign(document.createElement("strong"), { textContent: figureTitle(figure) }));
  figure.prepend(title);
  figure.append(credit);
  for (let e = figure; e.parentElement; e = e.parentElement) {
    for (const sibling of e.parentElement.children) {
      if (sibling !== e && sibling.tagName !== "HEAD") sibling.style.display = "none";
    }
  }
  new ResizeObserver(() => parent.postMessage({ igrsEmbed: 1, height: Math.ceil(document.body.getBoundingClientRect().height) }, "*"))
    .observe(document.body);
}

// The code to paste for a figure, under the figure, selected for copying.
export function embed(tools, button) {
  const name = button.dataset.figure;
  const figure = document.getElementById("embed-" + name);
  let code = figure.nextElementSibling?.matches("details.embed") && figure.nextElementSibling;
  if (!code) {
    const canonical = document.querySelector('link[rel="canonical"]');
    const src = (canonical ? canonical.href : location.href.split("#")[0]) + "#embed-" + name;
    const title = figureTitle(figure);
    code = document.createElement("details");
    code.className = "embed";
    const summary = document.createElement("summary");
    summary.textContent = button.textContent;
    const text = document.createElement("textarea");
    text.readOnly = true;
    text.rows = 3;
    text.setAttribute("aria-label", button.textContent);
    text.value = SNIPPETS.map.replace("{src}", escaped(src)).replace("{title}", escaped(title));
    code.append(summary, text);
    figure.after(code);
  }
  code.open = true;
  code.scrollIntoView({ block: "nearest" });
  code.querySelector("textarea").select();
}

// Choosing units to compare: a box before each unit's name in the lists and tables, a bar at the foot of the screen
// that says how many are chosen and leads to their comparison. Its words are the compare page's own.
export async function pick(tools, button) {
  if (document.querySelector(".pick-bar")) return;
  const compare = new URL(tools.dataset.compare, document.baseURI);
  const html = await fetch(compare).then((response) => response.text());
  const page = JSON.parse(new DOMParser().parseFromString(html, "text/html").getElementById("compare-data").textContent);
  const words = page.words;
  const chosen = [];
  const bar = document.createElement("div");
  bar.className = "pick-bar";
  bar.setAttribute("role", "region");
  bar.setAttribute("aria-label", button.textContent);
  Object.assign(bar.style, { position: "sticky", bottom: "0", background: "#fff", borderTop: "2px solid #0b5394",
                             padding: ".5rem 1rem", display: "flex", flexWrap: "wrap", gap: ".5rem 1rem", alignItems: "center" });
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  const go = document.createElement("a");
  go.textContent = words.pick_go;
  go.style.cssText = "display:none;min-height:24px;font-weight:700"; // shown once a unit is chosen
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = words.pick_cancel;
  cancel.style.cssText = "font:inherit;min-height:2rem";
  bar.append(status, go, cancel);
  document.querySelector("main").after(bar);
  status.textContent = said(words.pick_help, { num: page.most });
  const boxes = [];
  for (const link of document.querySelectorAll("main ul.names a[id], main tbody th[id] > a")) {
    const found = new URL(link.href).pathname.match(LEVEL);
    if (!found) continue;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.setAttribute("aria-label", said(words.pick_one, { name: link.textContent }));
    Object.assign(box.style, { width: "24px", height: "24px", margin: "0 .3rem 0 0", verticalAlign: "middle" });
    box.addEventListener("change", () => {
      const [, level, id] = found;
      const at = chosen.findIndex((unit) => unit.id === id);
      if (!box.checked) chosen.splice(at, 1);
      else if (chosen.length >= page.most) refuse(box, said(words.too_many, { name: link.textContent, num: page.most }));
      else if (chosen.length && chosen[0].level !== level) {
        refuse(box, said(words.other_level, { name: link.textContent, level: page.levels[chosen[0].level] }));
      } else chosen.push({ level, id });
      if (box.checked || at >= 0) told();
    });
    link.before(box);
    boxes.push(box);
  }
  function refuse(box, why) {
    box.checked = false;
    status.textContent = why;
  }
  function told() {
    status.textContent = chosen.length ? said(words.pick_status[chosen.length === 1 ? 0 : 1], { num: chosen.length })
      : said(words.pick_help, { num: page.most });
    go.style.display = chosen.length ? "inline-block" : "none";
    go.href = compare.href + "?" + new URLSearchParams(chosen.map((unit) => [tools.dataset.series, unit.id]));
  }
  cancel.addEventListener("click", () => {
    boxes.forEach((box) => box.remove());
    bar.remove();
    button.focus();
  });
  boxes[0]?.focus();
}
