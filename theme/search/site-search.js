// The site's search: loaded only when a reader focuses the search box (base.html), never before.
// It asks the Pagefind index (plugins/rankings/render/search.py) and lists each unit found with its kind, its district
// or parent, and its latest rank, linked to its page in the language being read.
// The build writes this file into the search bundle with FOLDS filled in (the same rules as search.fold).
const FOLDS = "__FOLDS__";
const SHOWN = 10; // results shown at once; "more" shows the next ones

// Latin spellings of one Hindi name meet in one form: choubepur, chaubeypur → chaubepur.
export function fold(text) {
  let folded = text.toLowerCase();
  for (const [pattern, replacement] of FOLDS) folded = folded.split(pattern).join(replacement);
  return folded.replace(/([a-z])\1+/g, "$1");
}

export async function start(form) {
  const input = form.querySelector("input[type=search]");
  const list = form.querySelector("ol.results");
  const status = form.querySelector(".status");
  const more = form.querySelector("button.more");
  const root = new URL(".", new URL(form.dataset.root, document.baseURI)); // the site's folder, also where links name index.html
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname });
  await pagefind.init();

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
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = unit.url;
    link.textContent = unit.meta.title;
    const about = document.createElement("span");
    about.className = "about";
    about.textContent = [unit.meta.kind, unit.meta.place].filter(Boolean).join(" · ");
    item.append(link, " ", about);
    if (unit.meta.rank) {
      const rank = document.createElement("span");
      rank.className = "rank-line";
      rank.textContent = unit.meta.rank;
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
    const answer = await pagefind.search(/[a-z]/i.test(query) ? fold(query) : query);
    if (mine !== asked) return;
    found = answer.results;
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
