//! The `alembic` command line read as Alembic's argparse parser reads it: global options before
//! the command, each command's options and positionals, `--help` texts, and argparse's errors
//! (`usage: …` then `alembic upgrade: error: …`) — so a mistyped line fails as it does for real.

/// One option of a parser: its spellings, where its value goes, and whether it takes one.
struct Opt {
    short: Option<&'static str>,
    long: Option<&'static str>,
    dest: &'static str,
    takes_value: bool,
}

const fn flag(short: Option<&'static str>, long: &'static str, dest: &'static str) -> Opt {
    Opt { short, long: Some(long), dest, takes_value: false }
}

const fn valued(short: Option<&'static str>, long: Option<&'static str>, dest: &'static str) -> Opt {
    Opt { short, long, dest, takes_value: true }
}

/// One command: its options, its positionals (name, one or more?) and its help text.
struct CommandSpec {
    name: &'static str,
    options: &'static [Opt],
    positionals: &'static [(&'static str, bool)],
    help: &'static str,
}

const HELP: Opt = flag(Some("-h"), "--help", "help");
const SQL: Opt = flag(None, "--sql", "sql");
const TAG: Opt = valued(None, Some("--tag"), "tag");
const VERBOSE: Opt = flag(Some("-v"), "--verbose", "verbose");
const MESSAGE: Opt = valued(Some("-m"), Some("--message"), "message");
const BRANCH_LABEL: Opt = valued(None, Some("--branch-label"), "branch_label");
const REV_ID: Opt = valued(None, Some("--rev-id"), "rev_id");
const SPLICE: Opt = flag(None, "--splice", "splice");

const COMMANDS: &[CommandSpec] = &[
    CommandSpec { name: "branches", options: &[HELP, VERBOSE], positionals: &[], help: include_str!("../../templates/cli/branches.txt") },
    CommandSpec { name: "check", options: &[HELP], positionals: &[], help: include_str!("../../templates/cli/check.txt") },
    CommandSpec {
        name: "current",
        options: &[HELP, flag(Some("-c"), "--check-heads", "check_heads"), VERBOSE],
        positionals: &[],
        help: include_str!("../../templates/cli/current.txt"),
    },
    CommandSpec {
        name: "downgrade",
        options: &[HELP, SQL, TAG],
        positionals: &[("revision", false)],
        help: include_str!("../../templates/cli/downgrade.txt"),
    },
    CommandSpec { name: "edit", options: &[HELP], positionals: &[("rev", false)], help: include_str!("../../templates/cli/edit.txt") },
    CommandSpec { name: "ensure_version", options: &[HELP, SQL], positionals: &[], help: include_str!("../../templates/cli/ensure_version.txt") },
    CommandSpec {
        name: "heads",
        options: &[HELP, VERBOSE, flag(None, "--resolve-dependencies", "resolve_dependencies")],
        positionals: &[],
        help: include_str!("../../templates/cli/heads.txt"),
    },
    CommandSpec {
        name: "history",
        options: &[HELP, valued(Some("-r"), Some("--rev-range"), "rev_range"), VERBOSE, flag(Some("-i"), "--indicate-current", "indicate_current")],
        positionals: &[],
        help: include_str!("../../templates/cli/history.txt"),
    },
    CommandSpec {
        name: "init",
        options: &[HELP, valued(Some("-t"), Some("--template"), "template"), flag(None, "--package", "package")],
        positionals: &[("directory", false)],
        help: include_str!("../../templates/cli/init.txt"),
    },
    CommandSpec { name: "list_templates", options: &[HELP], positionals: &[], help: include_str!("../../templates/cli/list_templates.txt") },
    CommandSpec {
        name: "merge",
        options: &[HELP, MESSAGE, BRANCH_LABEL, REV_ID, SPLICE],
        positionals: &[("revisions", true)],
        help: include_str!("../../templates/cli/merge.txt"),
    },
    CommandSpec {
        name: "revision",
        options: &[
            HELP,
            MESSAGE,
            flag(None, "--autogenerate", "autogenerate"),
            SQL,
            valued(None, Some("--head"), "head"),
            SPLICE,
            BRANCH_LABEL,
            valued(None, Some("--version-path"), "version_path"),
            REV_ID,
            valued(None, Some("--depends-on"), "depends_on"),
        ],
        positionals: &[],
        help: include_str!("../../templates/cli/revision.txt"),
    },
    CommandSpec { name: "show", options: &[HELP], positionals: &[("rev", false)], help: include_str!("../../templates/cli/show.txt") },
    CommandSpec {
        name: "stamp",
        options: &[HELP, SQL, TAG, flag(None, "--purge", "purge")],
        positionals: &[("revisions", true)],
        help: include_str!("../../templates/cli/stamp.txt"),
    },
    CommandSpec {
        name: "upgrade",
        options: &[HELP, SQL, TAG],
        positionals: &[("revision", false)],
        help: include_str!("../../templates/cli/upgrade.txt"),
    },
];

const GLOBAL: &[Opt] = &[
    HELP,
    flag(None, "--version", "version"),
    valued(Some("-c"), Some("--config"), "config"),
    valued(Some("-n"), Some("--name"), "name"),
    valued(Some("-x"), None, "x"),
    flag(None, "--raiseerr", "raiseerr"),
    flag(Some("-q"), "--quiet", "quiet"),
];

const GLOBAL_HELP: &str = include_str!("../../templates/cli/alembic.txt");
pub const VERSION: &str = "alembic 1.20.1";

/// What a command line asked for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Invocation {
    pub command: String,
    /// Option values by destination (`message`, `sql`, `x` …), in the order given; a flag holds
    /// an empty string; an option given several times (`-x`) appears once per value.
    pub options: Vec<(&'static str, String)>,
    /// Positionals by name (`revision`, `revisions`, `directory`, `rev`), in order.
    pub positionals: Vec<(&'static str, String)>,
}

impl Invocation {
    pub fn flag(&self, dest: &str) -> bool {
        self.options.iter().any(|(d, _)| *d == dest)
    }

    pub fn value(&self, dest: &str) -> Option<&str> {
        self.options.iter().rev().find(|(d, _)| *d == dest).map(|(_, v)| v.as_str())
    }

    pub fn values(&self, dest: &str) -> Vec<String> {
        self.options.iter().filter(|(d, _)| *d == dest).map(|(_, v)| v.clone()).collect()
    }

    pub fn positional(&self, name: &str) -> Option<&str> {
        self.positionals.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    pub fn positional_all(&self, name: &str) -> Vec<String> {
        self.positionals.iter().filter(|(n, _)| *n == name).map(|(_, v)| v.clone()).collect()
    }
}

/// The outcome of reading a command line that is not a command to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Run(Invocation),
    /// `--help`, `--version`: text for standard output, success.
    Print(String),
    /// An argparse error: usage and message, as argparse prints them (exit status 2).
    Usage(String),
}

fn usage_of(help: &str) -> &str {
    help.split("\n\n").next().unwrap_or(help)
}

fn usage_error(help: &str, prog: &str, message: &str) -> Parsed {
    Parsed::Usage(format!("{}\n{prog}: error: {message}", usage_of(help)))
}

/// argparse reads `-1` as a value, not an option, when no option looks like a negative number.
fn is_negative_number(word: &str) -> bool {
    let digits = &word[1..];
    !digits.is_empty()
        && (digits.chars().all(|c| c.is_ascii_digit())
            || digits.split_once('.').is_some_and(|(a, b)| a.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())))
}

fn looks_like_option(word: &str) -> bool {
    word.starts_with('-') && word.len() > 1 && !is_negative_number(word) && !word.contains(' ')
}

enum Matched<'a> {
    Found(&'a Opt, Option<String>),
    Ambiguous(String),
    Unknown,
}

/// Finds the option a word names: exact, `--long=value`, a unique prefix of a long option
/// (argparse's abbreviations), or `-xVALUE` / `-vi` for short ones.
fn match_option<'a>(options: &'a [Opt], word: &str) -> Matched<'a> {
    if let Some(long) = word.strip_prefix("--") {
        let (name, value) = match long.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (long, None),
        };
        let full = format!("--{name}");
        if let Some(opt) = options.iter().find(|o| o.long == Some(full.as_str())) {
            return Matched::Found(opt, value);
        }
        let prefixed: Vec<&Opt> = options.iter().filter(|o| o.long.is_some_and(|l| l.starts_with(&full))).collect();
        return match prefixed.as_slice() {
            [one] => Matched::Found(one, value),
            [] => Matched::Unknown,
            many => Matched::Ambiguous(format!(
                "ambiguous option: {full} could match {}",
                many.iter().filter_map(|o| o.long).collect::<Vec<_>>().join(", ")
            )),
        };
    }
    let short = word.get(..2).unwrap_or(word);
    match options.iter().find(|o| o.short == Some(short)) {
        Some(opt) if word.len() > 2 && opt.takes_value => Matched::Found(opt, word.get(2..).map(String::from)),
        Some(opt) => Matched::Found(opt, None),
        None => Matched::Unknown,
    }
}

fn spelled(opt: &Opt) -> String {
    [opt.short, opt.long].into_iter().flatten().collect::<Vec<_>>().join("/")
}

/// Reads options and positionals for one parser. Unknown option words are returned as extras,
/// as argparse's parse_known_args does.
fn read(
    options: &[Opt],
    words: &[String],
    stop_at_first_positional: bool,
) -> Result<(Vec<(&'static str, String)>, Vec<String>, Vec<String>, usize), String> {
    let mut values: Vec<(&'static str, String)> = Vec::new();
    let mut positionals = Vec::new();
    let mut extras = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if !looks_like_option(word) {
            if stop_at_first_positional {
                return Ok((values, positionals, extras, i));
            }
            positionals.push(word.clone());
            i += 1;
            continue;
        }
        match match_option(options, word) {
            Matched::Ambiguous(message) => return Err(message),
            Matched::Unknown => extras.push(word.clone()),
            Matched::Found(opt, attached) => {
                if opt.takes_value {
                    let value = match attached {
                        Some(v) => v,
                        None => match words.get(i + 1) {
                            Some(next) if !looks_like_option(next) => {
                                i += 1;
                                next.clone()
                            }
                            _ => return Err(format!("argument {}: expected one argument", spelled(opt))),
                        },
                    };
                    values.push((opt.dest, value));
                } else {
                    if attached.is_some() && word.starts_with("--") {
                        return Err(format!("argument {}: ignored explicit argument '{}'", spelled(opt), attached.unwrap_or_default()));
                    }
                    values.push((opt.dest, String::new()));
                    // `-vi`: more short flags in the same word.
                    if !word.starts_with("--") && word.len() > 2 {
                        for c in word.get(2..).unwrap_or_default().chars() {
                            let short = format!("-{c}");
                            match options.iter().find(|o| o.short == Some(short.as_str())) {
                                Some(more) if !more.takes_value => values.push((more.dest, String::new())),
                                _ => {
                                    extras.push(word.clone());
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
        i += 1;
    }
    Ok((values, positionals, extras, words.len()))
}

/// One value of argparse's Namespace.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Flag(bool),
    Text(Option<String>),
}

/// The command's own options and positionals as argparse's Namespace holds them (what env.py
/// reads from `config.cmd_opts`): a flag True or False, a value or None, by destination, in the
/// parser's order.
pub fn namespace(inv: &Invocation) -> Vec<(&'static str, OptionValue)> {
    let Some(spec) = COMMANDS.iter().find(|c| c.name == inv.command) else { return Vec::new() };
    let mut found = Vec::new();
    for (name, _) in spec.positionals {
        found.push((*name, OptionValue::Text(inv.positional(name).map(str::to_string))));
    }
    for opt in spec.options.iter().filter(|o| o.dest != "help") {
        let value = if opt.takes_value { OptionValue::Text(inv.value(opt.dest).map(str::to_string)) } else { OptionValue::Flag(inv.flag(opt.dest)) };
        found.push((opt.dest, value));
    }
    found
}

/// Reads `alembic <words>` as Alembic's parser does.
pub fn parse(words: &[String]) -> Parsed {
    let prog = "alembic";
    let (global, _, extras, at) = match read(GLOBAL, words, true) {
        Ok(found) => found,
        Err(message) => return usage_error(GLOBAL_HELP, prog, &message),
    };
    let has = |found: &[(&'static str, String)], dest: &str| found.iter().any(|(d, _)| *d == dest);
    if has(&global, "help") {
        return Parsed::Print(GLOBAL_HELP.trim_end_matches('\n').to_string());
    }
    if has(&global, "version") {
        return Parsed::Print(VERSION.to_string());
    }
    let Some(name) = words.get(at) else {
        if !extras.is_empty() {
            return usage_error(GLOBAL_HELP, prog, &format!("unrecognized arguments: {}", extras.join(" ")));
        }
        return usage_error(GLOBAL_HELP, prog, "too few arguments");
    };
    let Some(spec) = COMMANDS.iter().find(|c| c.name == name) else {
        let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        return usage_error(
            GLOBAL_HELP,
            prog,
            &format!("argument {{{}}}: invalid choice: '{name}' (choose from {})", names.join(","), quoted.join(", ")),
        );
    };
    let sub_prog = format!("alembic {}", spec.name);
    let (options, positionals, mut sub_extras, _) = match read(spec.options, &words[at + 1..], false) {
        Ok(found) => found,
        Err(message) => return usage_error(spec.help, &sub_prog, &message),
    };
    if has(&options, "help") {
        return Parsed::Print(spec.help.trim_end_matches('\n').to_string());
    }
    let mut named = Vec::new();
    let mut rest = positionals.into_iter();
    let mut missing = Vec::new();
    for &(pos_name, many) in spec.positionals {
        let taken: Vec<String> = if many { rest.by_ref().collect() } else { rest.next().into_iter().collect() };
        if taken.is_empty() {
            missing.push(pos_name);
        }
        named.extend(taken.into_iter().map(|v| (pos_name, v)));
    }
    if !missing.is_empty() {
        return usage_error(spec.help, &sub_prog, &format!("the following arguments are required: {}", missing.join(", ")));
    }
    sub_extras.extend(rest);
    let mut all_extras = extras;
    all_extras.extend(sub_extras);
    if !all_extras.is_empty() {
        return usage_error(GLOBAL_HELP, prog, &format!("unrecognized arguments: {}", all_extras.join(" ")));
    }
    let mut merged = global;
    merged.extend(options);
    Parsed::Run(Invocation { command: spec.name.to_string(), options: merged, positionals: named })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    fn run(line: &str) -> Invocation {
        match parse(&words(line)) {
            Parsed::Run(invocation) => invocation,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn options_are_read_in_all_of_argparses_spellings() {
        assert_eq!(run("history -r1975ea:ae1027").value("rev_range"), Some("1975ea:ae1027"));
        assert_eq!(run("history --rev-range=-3:current").value("rev_range"), Some("-3:current"));
        assert_eq!(run("history -r-3:current").value("rev_range"), Some("-3:current"));
        assert_eq!(run("revision --auto -m hi").flag("autogenerate"), true);
        assert_eq!(run("revision --auto -m hi").value("message"), Some("hi"));
        assert!(run("history -vi").flag("indicate_current"));
        assert_eq!(run("downgrade -1").positional("revision"), Some("-1"));
        assert_eq!(run("-x a=1 -x b=2 heads").values("x"), ["a=1", "b=2"]);
        assert_eq!(run("stamp a b").positional_all("revisions"), ["a", "b"]);
    }

    #[test]
    fn mistakes_are_argparses_errors() {
        let Parsed::Usage(text) = parse(&words("history -r -1:")) else { panic!() };
        assert_eq!(text, "usage: alembic history [-h] [-r REV_RANGE] [-v] [-i]\nalembic history: error: argument -r/--rev-range: expected one argument");
        let Parsed::Usage(text) = parse(&words("heads -q")) else { panic!() };
        assert!(text.ends_with("alembic: error: unrecognized arguments: -q"), "{text}");
        let Parsed::Usage(text) = parse(&words("upgrade")) else { panic!() };
        assert!(text.ends_with("alembic upgrade: error: the following arguments are required: revision"), "{text}");
        let Parsed::Usage(text) = parse(&[]) else { panic!() };
        assert!(text.ends_with("alembic: error: too few arguments"), "{text}");
        assert_eq!(parse(&words("--version")), Parsed::Print(VERSION.to_string()));
    }

    #[test]
    fn no_command_line_makes_the_reader_panic() {
        let vocabulary = [
            "-", "--", "-r", "-r-3:", "-vi", "-é", "-éx", "--rev", "--rev-range=", "--=", "-x", "-q", "--sql", "--help",
            "-h", "upgrade", "history", "stamp", "merge", "revision", "-m", "é", "+1", "-1", "head", "", " ", "-1.5",
            "--message=ü", "-mü", "init", "bogus", "--auto", "--re", "-c", "-n", "heads", "--version",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let count = (seed % 6) as usize;
            let words: Vec<String> =
                (0..count).map(|k| vocabulary[((seed >> (8 * k)) % vocabulary.len() as u64) as usize].to_string()).collect();
            let _ = parse(&words);
        }
    }
}
