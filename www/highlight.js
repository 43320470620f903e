// Python highlighting for the file editor: the text is split into tokens (comments, strings,
// keywords, numbers, names after def/class) and drawn as spans behind a transparent textarea.
// Spans get their text with textContent, so file contents are never parsed as HTML.

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

const TOKEN = /(#[^\n]*)|([rRbBfFuU]{0,2}"""[\s\S]*?(?:"""|$)|[rRbBfFuU]{0,2}'''[\s\S]*?(?:'''|$)|[rRbBfFuU]{0,2}"(?:\\.|[^"\\\n])*"?|[rRbBfFuU]{0,2}'(?:\\.|[^'\\\n])*'?)|\b(\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)\b|([A-Za-z_][A-Za-z0-9_]*)|(@[A-Za-z_][\w.]*)/g;

/** Fills `pre` with highlighted spans for `source` (Python, or plain text for other files). */
export function highlight(pre, source, isPython) {
  pre.replaceChildren();
  if (!isPython) {
    pre.textContent = source + "\n";
    return;
  }
  let last = 0;
  let previousWord = "";
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > last) pre.append(source.slice(last, match.index));
    const [text, comment, string, number, word, decorator] = match;
    let kind = "";
    if (comment) kind = "comment";
    else if (string) kind = "string";
    else if (number) kind = "number";
    else if (decorator) kind = "decorator";
    else if (word && KEYWORDS.has(word)) kind = "keyword";
    else if (word && (previousWord === "def" || previousWord === "class")) kind = "definition";
    if (word) previousWord = word;
    if (kind) {
      const span = document.createElement("span");
      span.className = `hl-${kind}`;
      span.textContent = text;
      pre.append(span);
    } else {
      pre.append(text);
    }
    last = match.index + text.length;
  }
  pre.append(source.slice(last) + "\n");
}
