// The compare page (plugins/rankings/site/compare.py): the units its address names, each as series=unit in order
// (?police=a&police=b), side by side: one line each on a chart of percent, a sentence each on how often it ranked
// above the others, and their months in one table. It reads each unit's history (/data/units/<id>.csv, the file
// readers download) and its level's file (how many were ranked each month, which ranks were shared). Its words,
// month names and links come from the page (#compare-data), made by the build in the page's language.
const page = JSON.parse(document.getElementById("compare-data").textContent);
const words = page.words;
const SVG = "http://www.w3.org/2000/svg";
// Figures as the build writes them (Babel, render/language.py): Indian grouping, Latin digits, up to two decimals.
const figures = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 });

const said = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
const plural = (forms, n) => forms[n === 1 ? 0 : 1]; // the catalogs' Plural-Forms: n != 1 (tests/test_compare.py)
const number = (value) => figures.format(value);
const percent = (value) => figures.format(value) + "%";
const hundredths = (text) => Math.round(parseFloat(text) * 100); // a published percent, exactly

// RFC 4180 rows of a CSV text (a name may hold a comma, in quotes); a cell guarded against formulas loses its quote.
function csvRows(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += c; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i].replace(/^'(?=[=+\-@\t\r])/, "")])));
}

const fetched = new Map();
function load(url, read) {
  if (!fetched.has(url)) {
    fetched.set(url, fetch(url).then((response) => (response.ok ? response[read]() : null)).catch(() => undefined));
  }
  return fetched.get(url);
}

// The address's units, each with its rows in its series; what cannot be compared is left out, with a reason.
async function compared(entries) {
  const histories = await Promise.all(entries.map(([, id]) => load(page.csv.replace("{id}", id), "text")));
  const units = [], problems = [];
  entries.forEach(([seriesId, id], i) => {
    if (histories[i] === undefined) return problems.push(words.failed);
    if (histories[i] === null) return problems.push(said(words.unknown, { id }));
    const all = csvRows(histories[i]);
    let rows = all.filter((row) => row.series === seriesId);
    if (!rows.length && !units.some((unit) => unit.id === id)) rows = all.filter((row) => row.series === all[0].series);
    const unit = { id, series: rows[0]?.series ?? seriesId, rows, name: all[0][page.name], level: all[0].level,
                   parent: all[0].parent };
    const first = units[0];
    if (!rows.length) problems.push(said(words.not_ranked, { name: unit.name }));
    else if (units.some((other) => other.id === id && other.series === unit.series)) return;
    else if (units.length >= page.most) problems.push(said(words.too_many, { name: unit.name, num: number(page.most) }));
    else if (first && unit.level !== first.level) {
      problems.push(said(words.other_level, { name: unit.name, level: page.levels[first.level] }));
    } else if (first && (unit.series !== first.series || units.some((other) => other.series !== first.series)) &&
               !(units.length === 1 && sameArea(first.id, id))) problems.push(said(words.other_series, { name: unit.name }));
    else units.push(unit);
  });
  const levels = await Promise.all(units.map((unit) => load(page.series[unit.series].levels[unit.level], "json")));
  units.forEach((unit, i) => {
    unit.level_file = levels[i] || { months: {}, parents: {} };
    unit.by_month = new Map(unit.rows.map((row) => [row.month, row]));
  });
  if (levels.some((level) => !level)) problems.push(words.failed);
  return { units, problems };
}

const sameArea = (a, b) => a === b || page.counterparts.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

function link(href, text) {
  return element("a", { href }, text);
}

const unitPage = (unit) => page.unit.replace("{level}", unit.level).replace("{id}", unit.id);
const monthRow = (unit, month) => page.month.replace("{series}", unit.series).replace("{month}", month) + "#" + unit.id;
const address = (entries) => page.compare + "?" + new URLSearchParams(entries);
const listed = (names) => (names.length < 2 ? names[0] : said(words.and, { names: names.slice(0, -1).join(", "), last: names.at(-1) }));

function kind(unit) {
  const [one, topOne] = page.kinds[unit.level];
  return !unit.parent && page.series[unit.series].top.includes(unit.level) ? topOne : one;
}

function swatch(index) {
  const [colour, dashes] = page.lines[index];
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", "28");
  svg.setAttribute("height", "10");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS(SVG, "line");
  for (const [name, value] of Object.entries({ x1: 1, y1: 5, x2: 27, y2: 5, stroke: colour, "stroke-width": 3, "stroke-dasharray": dashes })) {
    line.setAttribute(name, value);
  }
  svg.append(line);
  return svg;
}

// Each unit: its line's key, its linked name, what it is and where, and a way to leave it out.
function unitList(units) {
  const mixed = units.some((unit) => unit.series !== units[0].series);
  return units.map((unit, i) => {
    const parent = unit.level_file.parents[unit.parent];
    const about = [kind(unit), parent && parent[page.name], mixed && page.series[unit.series].name].filter(Boolean);
    const item = element("li", {}, swatch(i), " ", link(unitPage(unit), unit.name), " ",
                         element("span", { class: "about" }, about.join(" · ")));
    if (units.length > 1) {
      const rest = units.filter((other) => other !== unit).map((other) => [other.series, other.id]);
      const remove = link(address(rest), words.remove);
      remove.setAttribute("aria-label", said(words.remove_named, { name: unit.name }));
      item.append(" ", remove);
    }
    return item;
  });
}

// A unit's month in the table: its rank of how many, shared or not, its percent, its change (as its own page says).
function monthCell(unit, month) {
  const row = unit.by_month.get(month);
  const levelMonth = unit.level_file.months[month];
  if (!levelMonth) return element("td", { class: "gap" }, words.not_published);
  if (!row) return element("td", { class: "gap" }, words.not_ranked_month);
  const [ranked, shared] = levelMonth;
  const tied = shared[row.rank] || 1;
  const rank = element("span", { class: "r" }, link(monthRow(unit, month), number(row.rank)),
                       element("small", {}, "/" + number(ranked)));
  if (tied > 1) rank.append(element("small", { class: "j" }, said(words.joint, { tied: number(tied) })));
  const change = row.rank_change === "" ? null : Number(row.rank_change);
  const before = unit.by_month.get(previousMonth(month));
  const points = before && row.previous_rank !== "" ? (hundredths(row.percent) - hundredths(before.percent)) / 100 : null;
  let changeText = change === null ? "–" : change > 0 ? "▲" + number(change) : change < 0 ? "▼" + number(-change) : "=";
  if (points !== null && (points || change)) changeText += ` (${points > 0 ? "+" : points < 0 ? "−" : "±"}${number(Math.abs(points))})`;
  const changeClass = change === null ? "na" : change > 0 ? "up" : change < 0 ? "down" : "same";
  return element("td", {}, rank, element("span", { class: "p" }, percent(parseFloat(row.percent))),
                 element("span", { class: "c " + changeClass }, changeText));
}

function previousMonth(month) {
  const [year, m] = month.split("-").map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

function monthsOf(units) {
  const all = units.flatMap((unit) => unit.rows.map((row) => row.month)).sort();
  const months = Object.keys(page.months);
  return months.slice(months.indexOf(all[0]), months.indexOf(all.at(-1)) + 1);
}

function table(units, months) {
  const head = element("tr", {}, element("th", { scope: "col", class: "t" }, words.month),
                       ...units.map((unit, i) => element("th", { scope: "col" }, swatch(i), " ", unit.name)));
  const body = [...months].reverse().map((month) => element("tr", { id: month },
    element("th", { scope: "row" }, page.months[month]), ...units.map((unit) => monthCell(unit, month))));
  return [element("thead", {}, head), element("tbody", {}, ...body)];
}

// How often each ranked above the others, in the months all were ranked (a rank in its own ranking where two
// rankings are compared: its place among its own kind).
function aheadSentences(units, months) {
  const together = months.filter((month) => units.every((unit) => unit.by_month.has(month)));
  if (units.length < 2) return [];
  if (!together.length) return [words.never_together];
  const ranks = together.map((month) => units.map((unit) => Number(unit.by_month.get(month).rank)));
  const ahead = units.map((_, i) => ranks.filter((r) => r.every((rank, j) => j === i || r[i] < rank)).length);
  const months_ = number(together.length);
  const sentences = units.map((unit, i) => said(plural(units.length === 2 ? words.ahead_of : words.ahead_of_all, together.length), {
    name: unit.name, other: units.length === 2 ? units[1 - i].name : "", ahead: number(ahead[i]), months: months_ }));
  if (units.length === 2) {
    const level = together.length - ahead[0] - ahead[1];
    if (level) sentences.push(said(plural(words.level, level), { num: number(level) }));
  }
  if (units.some((unit) => unit.series !== units[0].series)) sentences.push(words.own_rankings);
  return sentences;
}

// One line of percent for each unit on one scale; a gap where it was not ranked; a grey column where no ranking
// of theirs was published. Drawn at the width it is shown at, again when that changes.
function chart(plot, units, months) {
  const width = Math.max(280, Math.min(plot.clientWidth || 640, 900)), height = 240;
  const left = 40, right = 10, top = 10, bottom = 24;
  const values = units.flatMap((unit) => unit.rows.map((row) => parseFloat(row.percent)));
  const low = Math.max(0, Math.floor(Math.min(...values) / 10) * 10 - (Math.min(...values) % 10 === 0 ? 10 : 0));
  const step = months.length > 1 ? (width - left - right) / (months.length - 1) : 0;
  const x = (i) => left + (months.length > 1 ? i * step : (width - left - right) / 2);
  const y = (value) => top + ((100 - value) / (100 - low || 1)) * (height - top - bottom);
  const parts = [];
  const [ink, grid, gap, muted] = page.style;
  months.forEach((month, i) => {
    if (units.every((unit) => !unit.level_file.months[month])) {
      parts.push(`<rect x="${x(i) - Math.max(step, 4) / 2}" y="${top}" width="${Math.max(step, 4)}" height="${height - top - bottom}" fill="${gap}"/>`);
    }
  });
  const tick = (100 - low) > 50 ? 20 : 10;
  for (let value = 100; value >= low; value -= tick) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}" stroke="${grid}"/>`,
               `<text x="${left - 4}" y="${y(value) + 4}" text-anchor="end">${number(value)}</text>`);
  }
  let januaries = months.map((month, i) => [month, i]).filter(([month]) => month.endsWith("-01"));
  if (!januaries.length) januaries = [[months[0], 0]]; // a span within one year: its year under its first month
  const every = Math.max(1, Math.ceil(januaries.length / Math.floor((width - left) / 48)));
  januaries.filter((_, k) => k % every === 0).forEach(([month, i]) => {
    parts.push(`<line x1="${x(i)}" x2="${x(i)}" y1="${height - bottom}" y2="${height - bottom + 4}" stroke="${muted}"/>`,
               `<text x="${x(i)}" y="${height - 6}" text-anchor="middle">${month.slice(0, 4)}</text>`);
  });
  units.forEach((unit, u) => {
    const [colour, dashes] = page.lines[u];
    let path = "", previous = false;
    months.forEach((month, i) => {
      const row = unit.by_month.get(month);
      if (!row) { previous = false; return; }
      path += `${previous ? "L" : "M"}${x(i).toFixed(1)},${y(parseFloat(row.percent)).toFixed(1)}`;
      const next = unit.by_month.get(months[i + 1]);
      if (!previous && !next) parts.push(`<circle cx="${x(i)}" cy="${y(parseFloat(row.percent))}" r="3" fill="${colour}"/>`);
      previous = true;
    });
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-dasharray="${dashes}"/>`);
  });
  plot.innerHTML = `<svg xmlns="${SVG}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="compare-chart-title" font-size="11" fill="${ink}">${parts.join("")}</svg>`;
}

async function show() {
  const root = document.getElementById("compared");
  const status = document.getElementById("compare-status");
  const entries = [...new URLSearchParams(location.search)].filter(([seriesId, id]) => page.series[seriesId] && /^[a-z0-9-]+$/.test(id));
  // The same comparison in the other language: its link carries the units too.
  for (const other of document.querySelectorAll("nav.languages a")) other.search = location.search;
  if (!entries.length) {
    status.textContent = words.empty;
    root.querySelector(".result").hidden = true;
    return [];
  }
  status.textContent = words.loading;
  const { units, problems } = await compared(entries);
  status.replaceChildren(...problems.map((problem) => element("span", {}, problem, " ")));
  const result = root.querySelector(".result");
  result.hidden = !units.length;
  if (!units.length) return [];
  const names = units.map((unit) => unit.name);
  const title = said(words.title, { names: listed(names) });
  root.querySelector("#compared-title").textContent = title;
  document.title = title + " · " + document.title.split(" · ").at(-1);
  root.querySelector("ul.compared").replaceChildren(...unitList(units));
  const months = monthsOf(units);
  const plot = root.querySelector(".plot");
  chart(plot, units, months);
  new ResizeObserver(() => chart(plot, units, months)).observe(plot);
  root.querySelector("ul.ahead").replaceChildren(...aheadSentences(units, months).map((sentence) => element("li", {}, sentence)));
  root.querySelector("table.compare caption").textContent = title;
  root.querySelector("table.compare").replaceChildren(root.querySelector("table.compare caption"), ...table(units, months));
  root.querySelector(".downloads").replaceChildren(words.downloads, " ", ...units.flatMap((unit, i) => [
    i ? " · " : "", element("a", { href: page.csv.replace("{id}", unit.id), download: "" }, unit.name)]));
  return units;
}

const units = await show();
document.querySelector("form.add").hidden = false; // under the comparison, once it is drawn
// Adding a unit: the site's search (loaded when the box is first used, as the header's), each unit found linked to
// this comparison with it added; a unit of another level, or one already here, is listed without a link.
const form = document.querySelector("form.add");
const level = units[0]?.level;
const options = {
  link(url) {
    const found = url.match(/([a-z]+)\/([a-z0-9-]+)\/(?:index\.html)?$/);
    if (!found || (level && found[1] !== level) || units.some((unit) => unit.id === found[2])) return null;
    if (units.some((unit) => unit.series !== units[0].series)) return null; // two rankings of one area: complete
    // A unit its series never ranked (a commissionerate among district administrations) would only be left out.
    const ranks = (id) => page.series[id].levels[found[1]] && !page.series[id].unranked[found[1]]?.includes(found[2]);
    let seriesId = units.length ? units[0].series : Object.keys(page.series).find(ranks);
    if (seriesId && !ranks(seriesId)) { // unless it is the one unit's counterpart, compared across the two rankings
      seriesId = units.length === 1 && sameArea(units[0].id, found[2]) ? Object.keys(page.series).find(ranks) : null;
    }
    return seriesId ? address([...units.map((unit) => [unit.series, unit.id]), [seriesId, found[2]]]) : null;
  },
};
let search;
const begin = () => { search ??= import(page.search).then((module) => module.start(form, options)); };
form.q.addEventListener("focus", begin);
form.q.addEventListener("input", begin);
