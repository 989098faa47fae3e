// The SQL page: runs the reader's query with DuckDB-WASM, in the browser, over the site's own Parquet files.
// Nothing is fetched before the first query: then the engine (from the site's assets/explore/engine/) and
// the tables the query names, each once; later queries on them need no network. The query is kept in the
// address (?sql=...), so a link shares it; an address with a query runs it on opening.
const root = document.querySelector(".bn-explore");

const readJson = (selector) => JSON.parse(root.querySelector(selector).textContent);
const TABLES = readJson(".bn-explore-tables");  // view name -> relative address of its Parquet file
const EXAMPLES = readJson(".bn-explore-examples");
const WORDS = readJson(".bn-explore-words");
const MAX_ROWS = Number(root.dataset.maxRows);
const ENGINE = new URL(root.dataset.engine, document.baseURI).href;

const form = root.querySelector(".bn-explore-form");
const editor = root.querySelector("textarea");
const errorBox = root.querySelector(".bn-explore-error");
const status = root.querySelector(".bn-explore-status");
const result = root.querySelector(".bn-explore-result");
const csvLink = root.querySelector(".bn-explore-csv");

const say = (key, values = {}) => WORDS[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
const count = (n) => n.toLocaleString(document.documentElement.lang || undefined);

let engine = null;  // a promise of {duckdb, db, conn}, made by the first query
const loaded = new Set();  // the views created so far

async function startEngine() {
  status.textContent = say("loading_engine");
  const duckdb = await import(ENGINE + "duckdb-browser.js");
  const bundle = await duckdb.selectBundle({
    mvp: {mainModule: ENGINE + "duckdb-mvp.wasm", mainWorker: ENGINE + "duckdb-mvp-worker.js"},
    eh: {mainModule: ENGINE + "duckdb-eh.wasm", mainWorker: ENGINE + "duckdb-eh-worker.js"},
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  return {duckdb, db, conn};
}

// The views a query names (as a whole word, in any case), not loaded yet.
function tablesNamed(sql) {
  return Object.keys(TABLES).filter((name) => !loaded.has(name) && new RegExp(`(^|[^\\w])${name}($|[^\\w])`, "i").test(sql));
}

async function loadTables({db, conn}, names) {
  if (!names.length) return;
  status.textContent = say("loading_tables", {tables: names.join(", ")});
  for (const name of names) {
    const response = await fetch(new URL(TABLES[name], document.baseURI));
    if (!response.ok) throw new Error(`${TABLES[name]}: HTTP ${response.status}`);
    await db.registerFileBuffer(`${name}.parquet`, new Uint8Array(await response.arrayBuffer()));
    await conn.query(`CREATE OR REPLACE VIEW "${name}" AS SELECT * FROM read_parquet('${name}.parquet')`);
    loaded.add(name);
  }
}

// A cell as text: what DuckDB's own CLI would print for it, dates in ISO form, NULL as an empty cell.
function cellText(value, type) {
  if (value === null || value === undefined) return "";
  const id = type.typeId;
  if (id === 8 && typeof value === "number") return new Date(value).toISOString().slice(0, 10);  // Date
  if (id === 10 && typeof value === "number") return new Date(value).toISOString().replace(".000Z", "Z");  // Timestamp
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && typeof value.toJSON === "function") return JSON.stringify(value.toJSON());
  return String(value);
}

function tableOf(columns, rows) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().textContent = cell;
  }
  const wrapper = document.createElement("div");
  wrapper.className = "bn-explore-scroll";
  wrapper.tabIndex = 0;  // a wide result scrolls with the keyboard
  wrapper.setAttribute("role", "region");
  wrapper.setAttribute("aria-label", WORDS.result_label || columns.join(", "));
  wrapper.appendChild(table);
  return wrapper;
}

// CSV as the site's downloads write it: RFC 4180 quoting, and a text cell beginning with =, +, -, @, a tab
// or a carriage return gets an apostrophe before it so that a spreadsheet does not run it as a formula.
function csvOf(columns, rows, textColumns) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map(quote).join(",")];
  for (const row of rows) {
    lines.push(row.map((cell, i) => quote(textColumns[i] && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)).join(","));
  }
  return lines.join("\n") + "\n";
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

async function run(sql) {
  errorBox.hidden = true;
  errorBox.textContent = "";
  if (!sql.trim()) {
    showError(say("empty_query"));
    return;
  }
  const address = new URL(window.location.href);
  address.searchParams.set("sql", sql);
  history.replaceState(null, "", address);
  try {
    engine = engine || startEngine();
    const ready = await engine;
    await loadTables(ready, tablesNamed(sql));
    status.textContent = say("running");
    const started = performance.now();
    const answer = await ready.conn.query(sql);
    const ms = Math.round(performance.now() - started);
    const fields = answer.schema.fields;
    const columns = fields.map((f) => f.name);
    const rows = [];
    for (const record of answer) rows.push(fields.map((f) => cellText(record[f.name], f.type)));
    result.replaceChildren(tableOf(columns, rows.slice(0, MAX_ROWS)));
    const textColumns = fields.map((f) => f.type.typeId === 5);  // Utf8
    if (csvLink.href) URL.revokeObjectURL(csvLink.href);
    csvLink.href = URL.createObjectURL(new Blob([csvOf(columns, rows, textColumns)], {type: "text/csv"}));
    csvLink.download = WORDS.csv_name;
    csvLink.hidden = false;
    const counted = rows.length === 0 ? say("no_rows")
      : rows.length > MAX_ROWS ? say("rows_shown", {shown: count(MAX_ROWS), rows: count(rows.length)})
      : say("rows_all", {rows: count(rows.length)});
    status.textContent = `${counted} ${say("ran_in", {ms: count(ms)})}`;
  } catch (error) {
    if (engine && !(await engine.then(() => true, () => false))) {
      engine = null;  // the next query tries to load the engine again
      status.textContent = "";
      showError(`${say("engine_failed")} ${error && error.message ? error.message : error}`);
      return;
    }
    status.textContent = "";
    result.replaceChildren();
    csvLink.hidden = true;
    showError(error && error.message ? error.message : String(error));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(editor.value);
});
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run(editor.value);
  }
});
for (const button of document.querySelectorAll(".bn-explore-example")) {
  button.addEventListener("click", () => {
    editor.value = EXAMPLES[button.dataset.example];
    root.scrollIntoView({block: "start"});  // the examples are listed below the results: show the query and its rows
    run(editor.value);
  });
}

const shared = new URL(window.location.href).searchParams.get("sql");
if (shared) {
  editor.value = shared;
  run(shared);
} else {
  editor.value = EXAMPLES[Object.keys(EXAMPLES)[0]] || "";
}
