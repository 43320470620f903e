// Tab completion for the terminal, as a shell's: the command, alembic's subcommands and options,
// the project's file names, and revision ids (with head, heads, base) where alembic takes a
// revision. Completes as far as every match agrees; several matches are listed.

const COMMANDS = ["alembic", "python", "ls", "cat", "rm", "clear", "help"];
const ALEMBIC = ["branches", "check", "current", "downgrade", "edit", "ensure_version", "heads", "history", "init", "list_templates", "merge", "revision", "show", "stamp", "upgrade"];
const TAKES_REVISION = new Set(["upgrade", "downgrade", "show", "stamp", "edit", "merge"]);
const REVISION_OPTIONS = new Set(["--head", "--splice-from", "-r", "--rev-range", "--depends-on"]);
const OPTIONS = {
  revision: ["-m", "--message", "--autogenerate", "--rev-id", "--head", "--splice", "--branch-label", "--depends-on", "--version-path", "--sql"],
  upgrade: ["--sql", "--tag"],
  downgrade: ["--sql", "--tag"],
  history: ["-r", "--rev-range", "-v", "--verbose", "-i", "--indicate-current"],
  merge: ["-m", "--message", "--rev-id", "--branch-label"],
  stamp: ["--sql", "--purge"],
  current: ["-v", "--verbose"],
  heads: ["-v", "--verbose", "--resolve-dependencies"],
};

function commonPrefix(words) {
  let prefix = words[0] ?? "";
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Paths one level below `dir` ("src/", "main.py"), as a shell lists them for completion. */
function pathChoices(word, files) {
  const dir = word.includes("/") ? word.slice(0, word.lastIndexOf("/") + 1) : "";
  const names = new Set();
  for (const path of files) {
    if (!path.startsWith(dir)) continue;
    const rest = path.slice(dir.length);
    const slash = rest.indexOf("/");
    names.add(dir + (slash >= 0 ? rest.slice(0, slash + 1) : rest));
  }
  return [...names];
}

/**
 * Completes `line` (the text before the cursor): `{ line, choices }`, where `line` is the line
 * completed as far as the matches agree and `choices` the matches when more than one remain.
 * `files` are the project's paths, `revisions` its revision ids.
 */
export function complete(line, { files = [], revisions = [] } = {}) {
  const words = line.split(/\s+/);
  const word = words.at(-1);
  const before = words.slice(0, -1).filter(Boolean);
  let candidates;
  if (before.length === 0) candidates = COMMANDS;
  else if (before[0] === "alembic") {
    const sub = before.find((w, i) => i > 0 && !w.startsWith("-"));
    const previous = before.at(-1);
    if (!sub) candidates = word.startsWith("-") ? ["--help", "-c", "--config", "-x", "--raiseerr"] : ALEMBIC;
    else if (word.startsWith("-")) candidates = [...(OPTIONS[sub] ?? []), "--help"];
    else if (REVISION_OPTIONS.has(previous) || (TAKES_REVISION.has(sub) && previous === sub) || sub === "merge") candidates = ["head", "heads", "base", ...revisions];
    else candidates = [];
  } else if (["python", "python3", "cat", "rm", "ls"].includes(before[0])) candidates = pathChoices(word, files);
  else candidates = [];
  const matches = [...new Set(candidates)].filter((c) => c.startsWith(word)).sort();
  if (!matches.length) return { line, choices: [] };
  const prefix = commonPrefix(matches);
  const finished = matches.length === 1 && !prefix.endsWith("/");
  const completed = line.slice(0, line.length - word.length) + prefix + (finished ? " " : "");
  return { line: completed, choices: matches.length > 1 && prefix === word ? matches : [] };
}
