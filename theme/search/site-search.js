// The site's search: loaded only when a reader focuses the search box (base.html), never before.
// Its index is one small file per first letter of a word and language (plugins/rankings/render/search.py: shards):
// the first letter typed fetches the file of the units a query beginning with it can find, with what each result
// shows (its name, kind, district or parent, latest rank, link), and every later keystroke is answered from it,
// with no more requests. A word typed with a typo is corrected to the nearest word of those units' names.
// The build writes this file into the search folder with the values in "__CAPITALS__" filled in (search_index.py).
const FOLDS = "__FOLDS__";
const DEVANAGARI_FOLDS = "__DEVANAGARI_FOLDS__";
const WORD_SEPARATORS = new RegExp("__WORD_SEPARATORS__"); // search.WORD_SEPARATORS
const FILES = new Set("__FILES__"); // the first letters that have a file (search.file_of)
// The index's version, asked for with each file: a browser that kept last month's file asks for this month's.
const VERSION = "__VERSION__";
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
  const words = split(query);
  const queries = variants(words, names);
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = words[i] + words[i + 1];
    if (names.known.has(joined) || joined.length >= FORGIVEN_FROM) {
      queries.push(...variants([...words.slice(0, i), joined, ...words.slice(i + 2)], names, true));
    }
  }
  return [...new Set(queries)].slice(0, 2 * CORRECTIONS);
}

// The words of a name or a query: "lakhimpur-kheri" is two words, as "lakhimpur kheri" (search.split_words).
export const split = (text) => text.split(WORD_SEPARATORS).filter(Boolean);

// The queries for these words, each word as typed or, where it is no name's word nor the start of one, corrected;
// strict: only queries whose every word is a name's word or the start of one.
function variants(words, names, strict = false) {
  let options = [[]];
  for (const word of words) {
    let choices = [word];
    if (!names.known.has(word) && !names.starts(word)) {
      const nearest = word.length >= FORGIVEN_FROM ? names.nearest(word).slice(0, CORRECTIONS) : [];
      if (strict && !nearest.length) return [];
      if (nearest.length) choices = nearest; // as typed, it would find nothing
    }
    options = options.flatMap((before) => choices.map((choice) => [...before, choice])).slice(0, CORRECTIONS);
  }
  return options.map((option) => option.join(" "));
}

// The name of the index's file of a query's first letter (search.file_of): its code point, "006b" for k.
export const fileOf = (letter) => letter.codePointAt(0).toString(16).padStart(4, "0");

// The units of one of the index's files, each with its words as lists and the units around it; and the words of
// them all (sorted), for vocabulary(): a query beginning with this letter finds only these units, so a word of it
// can mean only theirs.
export function unitsOf(file) {
  const around = file.around.map(([level, words]) => ({ level, words: words.split(" ") }));
  const units = file.units.map(([name, about, rankLine, path, level, words, whole, near]) => ({
    name, about, rankLine, path, level, own: words.split(" "), whole: whole.split(" "),
    around: near.map((i) => around[i]) }));
  const words = [...new Set([...units.flatMap((unit) => unit.own), ...around.flatMap((unit) => unit.words)])].sort();
  return { units, words };
}

// How a word meets a list of a unit's words: 2 as one of them, 1 as the start of one, 0 not.
const meets = (word, words) => (words.includes(word) ? 2 : words.some((other) => other.startsWith(word)) ? 1 : 0);

// How a query's words meet a unit: null where a word meets none of its words nor those of a unit around it; else
// [how many meet a word whole, 2 if all meet its own words or 1 if all meet one unit around it, the level of the
// narrowest unit around it so met (or met by any word; -1 when its own words meet all), how many meet its own
// words]: more of each, in that order, ranks higher. So "mau" lists Mau's stations before Mauranipur, and "kanpur"
// Kanpur Nagar's stations before the districts of Kanpur Range.
function met(words, unit) {
  let whole = 0, own = 0;
  const meeting = unit.around.map(() => 0); // how many words meet each unit around it
  for (const word of words) {
    let how = meets(word, unit.own);
    own += how > 0;
    unit.around.forEach((near, i) => {
      const its = meets(word, near.words);
      meeting[i] += its > 0;
      if (!how) how = Math.max(how, its);
    });
    if (!how) return null;
    whole += how === 2;
  }
  const all = unit.around.filter((_, i) => meeting[i] === words.length);
  const narrowest = (units) => Math.max(-1, ...units.map((near) => near.level));
  const one = own === words.length ? 2 : all.length ? 1 : 0;
  const near = one === 2 ? [] : all.length ? all : unit.around.filter((_, i) => meeting[i]);
  return [whole, one, narrowest(near), own];
}

// The higher level first (a district before its tehsil of the same name), then by the link: the same order always.
const byLevel = (a, b) => a.level - b.level || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

// The units found by these queries, in the order listed: for each query, those whose whole name it is (the higher
// level first), then for each query, every unit whose words (or those of a unit around it) it meets, ranked by met();
// a unit found twice is listed once, where it is first found.
export function ranked(queries, units) {
  const found = new Set();
  for (const query of queries) {
    const whole = split(query).join("");
    units.filter((unit) => unit.whole.includes(whole)).sort(byLevel).forEach((unit) => found.add(unit));
  }
  for (const query of queries) {
    const words = split(query);
    const scored = units.map((unit) => [met(words, unit), unit]).filter(([how]) => how);
    scored.sort(([a, u], [b, v]) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2] || b[3] - a[3] || byLevel(u, v));
    scored.forEach(([, unit]) => found.add(unit));
  }
  return [...found];
}

// options.link(url): where a unit found leads (the compare page: to a comparison with it added), or null for a unit
// listed without a link; by default, to its page.
export function start(form, options = {}) {
  const input = form.querySelector("input[type=search]");
  const list = form.querySelector("ol.results");
  const status = form.querySelector(".status");
  const more = form.querySelector("button.more");
  const root = new URL(".", new URL(form.dataset.root, document.baseURI)); // the site's folder, also where links name index.html
  const index = new URL(form.dataset.index, document.baseURI); // the page's language's own index (search.py: shards)
  const files = new Map(); // first letter → the promise of its units and words, each file fetched once
  const loaded = new Set(); // the first letters whose file has come
  let asked = 0; // the latest query: an older one's answer arriving late is dropped
  let found = [];

  function fileFor(letter) {
    if (!files.has(letter)) {
      const name = fileOf(letter);
      // A letter no name's word begins with has no file: nothing found. A failed request is tried again next time.
      const read = !FILES.has(name) ? Promise.resolve({ units: [], words: [] })
        : fetch(new URL(`${name}.json?v=${VERSION}`, index)).then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.url}`);
          return response.json();
        }).then(unitsOf);
      files.set(letter, read.then(({ units, words }) => {
        loaded.add(letter);
        return { units, names: vocabulary(words) };
      }).catch((error) => { files.delete(letter); throw error; }));
    }
    return files.get(letter);
  }

  function offerLists() {
    list.replaceChildren();
    more.hidden = true;
    const lists = document.createElement("a");
    lists.href = form.action;
    lists.textContent = form.dataset.lists;
    status.replaceChildren(...(form.dataset.lists ? [lists] : []));
  }

  function show(from) {
    list.append(...found.slice(from, from + SHOWN).map(listed));
    more.hidden = from + SHOWN >= found.length;
  }

  function listed(unit) {
    const item = document.createElement("li");
    const url = root.pathname + unit.path;
    const href = options.link ? options.link(url) : url;
    const link = document.createElement(href === null ? "strong" : "a");
    if (href !== null) link.href = href;
    link.textContent = unit.name;
    const about = document.createElement("span");
    about.className = "about";
    about.textContent = unit.about;
    item.append(link, " ", about);
    if (unit.rankLine) {
      const rank = document.createElement("span");
      rank.className = "rank-line";
      rank.textContent = unit.rankLine;
      item.append(rank);
    }
    return item;
  }

  async function search() {
    const query = fold(input.value.trim());
    const mine = ++asked;
    const first = split(query)[0];
    // Nothing typed, or a first letter whose file is still to come: what is listed answers an older query, and goes.
    if (!first || !loaded.has(first[0])) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
    }
    if (!first) return;
    let file;
    try {
      file = await fileFor(first[0]);
    } catch {
      // The connection dropped: nothing listed, and the lists offered (typing on asks for the file again).
      if (mine === asked) offerLists();
      return;
    }
    if (mine !== asked) return;
    found = ranked(corrected(query, file.names), file.units);
    list.replaceChildren();
    status.textContent = found.length ? form.dataset.found.replace("%(num)s", found.length.toLocaleString("en-IN"))
      : form.dataset.none;
    show(0);
  }

  input.addEventListener("input", search);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      search();
    }
  });
  more.addEventListener("click", () => show(list.children.length));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  if (input.value.trim()) search();
}
