// The site's search: loaded only when a reader focuses the search box (base.html), never before.
// It asks the Pagefind index (plugins/rankings/render/search.py) and lists each unit found with its kind, its district
// or parent, and its latest rank, linked to its page in the language being read.
// A word typed with a typo is corrected to the nearest word of the units' names (words.json, beside the index).
// The build writes this file into the search bundle with FOLDS filled in (the same rules as search.fold).
const FOLDS = "__FOLDS__";
const DEVANAGARI_FOLDS = "__DEVANAGARI_FOLDS__";
const WHOLE_NAME_MARKS = "__WHOLE_NAME_MARKS__";
const UNSEARCHED_FROM = "__UNSEARCHED_FROM__";
const SHOWN = 10; // results shown at once; "more" shows the next ones
// A word is corrected from this many letters on: a shorter one has too many neighbours, and would find noise.
const FORGIVEN_FROM = 5;
const CORRECTIONS = 3; // at most this many corrected queries are asked, the nearest first

// Spellings of one name meet in one form: choubepur, chaubeypur → chaubepur; ग़ाज़ीपुर → गाजीपुर.
export function fold(text) {
  let folded = text.toLowerCase().normalize("NFD");
  for (const [pattern, replacement] of [...FOLDS, ...DEVANAGARI_FOLDS]) {
    folded = folded.split(pattern).join(replacement);
  }
  return folded.replace(/([a-z])\1+/g, "$1").normalize("NFC");
}

// What is left of a folded word without its vowels (and a Latin h, which romanisations add or drop:
// bahraich, baraich; in Devanagari its vowel signs and virama), its c as k (beconganj, bekanganj): spellings
// that differ only so, the schwa kept or dropped (kaushambi, kosambi; ramanagar, ramnagar), meet in one skeleton.
export function skeleton(word) {
  const hard = word.replace(/c(?!h)/g, "k");
  const rest = hard.slice(1).replace(/[aeiouyh]|[\u0900-\u0903\u093a-\u094f]/g, "");
  return (hard[0] + rest).replace(/(.)\1+/g, "$1");
}

// The word that stands for a whole name in the index (search.whole_name_word): a query finds by it the units
// whose whole name it is, and no other.
export function wholeNameWord(text) {
  const mark = WHOLE_NAME_MARKS[/^[a-z0-9]/.test(text) ? "Latn" : "Deva"];
  return mark + text.replace(/\s+/g, "") + mark;
}

// Whether two words are at most one edit apart: a letter missing, added, changed, or two swapped.
export function oneEditApart(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

// The names' words (sorted), and what is known of a typed word: a word of them, or the start of one.
export function vocabulary(words) {
  const known = new Set(words);
  function starts(prefix) {
    let low = 0, high = words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (words[middle] < prefix) low = middle + 1; else high = middle;
    }
    return low < words.length && words[low].startsWith(prefix);
  }
  let shapes; // each word's skeleton, made when a first word is corrected, not again for every keystroke
  // The words a typed word may have meant, nearest first: one edit away, else the same skeleton.
  function nearest(word) {
    shapes ??= words.map(skeleton);
    const shape = skeleton(word);
    const scored = [];
    for (const [i, candidate] of words.entries()) {
      const near = oneEditApart(word, candidate) ? 0 : shape.length > 2 && shapes[i] === shape ? 1 : -1;
      if (near >= 0) scored.push([near, candidate[0] !== word[0], Math.abs(candidate.length - word.length), candidate]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1));
    return scored.map((entry) => entry[3]);
  }
  return { known, starts, nearest };
}

// The queries to ask for what was typed (folded), in order: itself, a word of it that is no name's word nor the
// start of one corrected instead (up to CORRECTIONS, the nearest first); then, for two words typed apart that are
// one word of a name (or one typo from it) when joined ("bara banki", "rae bareli"), the query with them joined.
export function corrected(query, names) {
  const words = query.split(/[\s\-–.,]+/).filter(Boolean); // "lakhimpur-kheri": two words, as Pagefind reads them
  const queries = variants(words, names);
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = words[i] + words[i + 1];
    if (names.known.has(joined) || joined.length >= FORGIVEN_FROM) {
      queries.push(...variants([...words.slice(0, i), joined, ...words.slice(i + 2)], names, true));
    }
  }
  return [...new Set(queries)].slice(0, 2 * CORRECTIONS);
}

// The queries for these words, each word as typed or, where it is no name's word nor the start of one, corrected;
// strict: only queries whose every word is a name's word or the start of one.
function variants(words, names, strict = false) {
  let options = [[]];
  for (const word of words) {
    let choices = [word];
    if (!names.known.has(word) && !names.starts(word)) {
      const nearest = word.length >= FORGIVEN_FROM ? names.nearest(word).slice(0, CORRECTIONS) : [];
      if (strict && !nearest.length) return [];
      if (nearest.length) choices = nearest; // as typed, it would find only noise (Pagefind's stems)
    }
    options = options.flatMap((before) => choices.map((choice) => [...before, choice])).slice(0, CORRECTIONS);
  }
  return options.map((option) => option.join(" "));
}

// What a result shows that no query is to find (search.unsearched): its kind, place and rank line.
export function shown(encoded) {
  const bytes = Uint8Array.from(encoded, (character) => character.charCodeAt(0) - UNSEARCHED_FROM);
  return JSON.parse(new TextDecoder().decode(bytes));
}

// options.link(url): where a unit found leads (the compare page: to a comparison with it added), or null for a unit
// listed without a link; by default, to its page.
export async function start(form, options = {}) {
  const input = form.querySelector("input[type=search]");
  const list = form.querySelector("ol.results");
  const status = form.querySelector(".status");
  const more = form.querySelector("button.more");
  const root = new URL(".", new URL(form.dataset.root, document.baseURI)); // the site's folder, also where links name index.html
  const index = new URL(form.dataset.index, document.baseURI); // the page's language's own index (search.py: bundle)
  const [pagefind, words] = await Promise.all([
    import(new URL("pagefind.js", index).href),
    // Without the names' words (a failed request), the search still works, only without corrections.
    fetch(new URL("pagefind/words.json", root)).then((response) => response.json()).catch(() => []),
  ]);
  // Pagefind ranks a short record above a long one by default: a district's record carries more words than a tehsil of
  // the same name, and a whole name weighs more in it (search.NAME_WEIGHT): the weights alone decide here.
  await pagefind.options({ baseUrl: root.pathname, ranking: { pageLength: 0 } });
  await pagefind.init();
  const names = vocabulary(words);

  let asked = 0; // the latest query: an older one's answer arriving late is dropped
  let found = [];

  // The results from `from` on, each listed as soon as it and those before it have arrived (their data are
  // asked for at once): the first shows without waiting for the tenth. A newer query stops an older listing.
  async function show(from, mine) {
    more.hidden = true; // one click, one page of results
    const pending = found.slice(from, from + SHOWN).map((result) => result.data());
    for (const next of pending) {
      const unit = await next;
      if (mine !== asked) return;
      list.append(listed(unit));
    }
    more.hidden = from + SHOWN >= found.length;
  }

  function listed(unit) {
    const [kind, place, rankLine] = shown(unit.meta.shown);
    const item = document.createElement("li");
    const href = options.link ? options.link(unit.url) : unit.url;
    const link = document.createElement(href === null ? "strong" : "a");
    if (href !== null) link.href = href;
    link.textContent = unit.meta.title;
    const about = document.createElement("span");
    about.className = "about";
    about.textContent = [kind, place].filter(Boolean).join(" · ");
    item.append(link, " ", about);
    if (rankLine) {
      const rank = document.createElement("span");
      rank.className = "rank-line";
      rank.textContent = rankLine;
      item.append(rank);
    }
    return item;
  }

  async function search() {
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    // Each query asked (corrected: above), first for the units whose whole name it is (wholeNameWord), the higher
    // level first (a district before its tehsil of the same name), then for every
    // unit it finds; a unit found twice is listed once, where it is first found.
    const queries = corrected(fold(query), names);
    const answers = await Promise.all([
      ...queries.map((text) => pagefind.search(wholeNameWord(text), { sort: { level: "asc" } })),
      ...queries.map((text) => pagefind.search(text)),
    ]);
    if (mine !== asked) return;
    const seen = new Set();
    found = answers.flatMap((answer) => answer.results).filter((result) => !seen.has(result.id) && seen.add(result.id));
    list.replaceChildren();
    status.textContent = found.length ? form.dataset.found.replace("%(num)s", found.length.toLocaleString("en-IN"))
      : form.dataset.none;
    await show(0, mine);
  }

  input.addEventListener("input", search);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      search();
    }
  });
  more.addEventListener("click", () => show(list.children.length, asked));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  if (input.value.trim()) search();
}
