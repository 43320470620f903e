// Text formatting the page shares: values as Python's repr() prints them, and the SQL log in the
// shape of SQLAlchemy's echo=True output. Pure functions, no DOM.

/** repr() of a str: single quotes unless the text holds ' and no ". */
export function pyStrRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

/** repr() of a bound parameter: None, numbers, 'text', b'bytes'. */
export function pyRepr(value) {
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return pyStrRepr(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (value && typeof value === "object" && "blob" in value) return `<${value.blob} bytes: ${pyRepr(value.head)}…>`;
  if (value && typeof value === "object" && "text" in value) return `${pyStrRepr(value.text)}… (${value.length} characters)`;
  if (Array.isArray(value)) {
    const bytes = value.map((b) => (b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : "\\x" + b.toString(16).padStart(2, "0")));
    return "b'" + bytes.join("") + "'";
  }
  return String(value);
}

function pyFloat(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const exp = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 16) return x.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  const s = String(x);
  return s.includes(".") || s.includes("e") ? s : s + ".0";
}

/** A parameter tuple as SQLAlchemy's echo prints it: `('John Doe',)`, `(1,)`, `()`. */
export function pyTuple(params) {
  if (params.length === 1) return "(" + pyRepr(params[0]) + ",)";
  return "(" + params.map(pyRepr).join(", ") + ")";
}

/** The log entries of one step as echo lines: each statement, then its parameters. */
export function echoLines(log) {
  const lines = [];
  for (const entry of log) {
    lines.push({ kind: entry.params === null ? "marker" : "sql", text: entry.sql });
    if (entry.params !== null) lines.push({ kind: "params", text: pyTuple(entry.params) });
  }
  return lines;
}
