//! No input makes the Python parser panic, overflow its stack or hang: over 1,000,000 random and
//! mutated inputs (set PARSER_FUZZ_CASES for more or fewer), every one parses or fails with a
//! `SyntaxError` that names a line and column. A fixed seed keeps runs repeatable; a failure prints
//! the case to reproduce it.
#![cfg(not(target_family = "wasm"))]

use alembic_lab::python::parse_module;
use alembic_lab::ErrorKind;

/// Files like the ones the lab reads, mutated into the inputs.
const SEEDS: &[&str] = &[
    include_str!("../migrations/env.py"),
    include_str!("../migrations/script.py.mako"),
    include_str!("../migrations/versions/3f1a9c2b7d40_add_user_table.py"),
    include_str!("../migrations/versions/8e2d41b6c0f3_add_email_to_users.py"),
    include_str!("../migrations/versions/c47a0e9b2d15_add_posts_table.py"),
    "from sqlalchemy import Integer, String\nfrom sqlalchemy.orm import Mapped, mapped_column\n\nfrom src.models.base import Base\n\n\nclass User(Base):\n    __tablename__ = \"users\"\n\n    id: Mapped[int] = mapped_column(Integer, primary_key=True)\n    name: Mapped[str] = mapped_column(String)\n    email: Mapped[str | None] = mapped_column(String(120))\n\n    def __repr__(self) -> str:\n        return f\"<User(name={self.name})>\"\n",
    "with op.batch_alter_table('users', schema=None) as batch_op:\n    batch_op.alter_column('name', existing_type=sa.VARCHAR(), nullable=True)\n",
    "x = f'{a!r:>{w}}' + \"\"\"doc\"\"\" + b'\\x00' + r'\\d' if not (a or b) else [1, (2,), {3: 4}]\n",
];

/// Fragments for token soup.
const VOCAB: &[&str] = &[
    "class ", "def ", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "->", "**", "*", " ", "\n", "    ",
    "\t", "\\\n", "'", "\"", "\"\"\"", "f'", "b'", "r'", "{", "}", "#", "x", "Base", "Mapped", "mapped_column",
    "op", "sa", "1", "1.5e3", "0x1F", "None", "True", "if ", "else ", "with ", "as ", "return ", "pass",
    "lambda ", "not ", "and ", "or ", "in ", "is ", "for ", "import ", "from ", "@", ";", "|", "-", "+", "\r\n",
    "é", "🎉", "\0", "!r", ":>10", "...", "%", "~", "<", ">=", "==", "try:", "while ",
];

/// A small, fast, seedable generator (xorshift64*), so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn random_char(rng: &mut Rng) -> char {
    match rng.below(10) {
        0 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?'),
        1 => ['\n', '\t', ' ', '\r', '\\', '\'', '"', '{', '}', '('][rng.below(10)],
        _ => (0x20 + rng.below(0x5f)) as u8 as char,
    }
}

fn case(rng: &mut Rng, n: usize) -> String {
    match n % 4 {
        0 => (0..rng.below(120)).map(|_| random_char(rng)).collect(),
        1 => (0..rng.below(60)).map(|_| VOCAB[rng.below(VOCAB.len())]).collect(),
        _ => {
            let mut chars: Vec<char> = SEEDS[rng.below(SEEDS.len())].chars().collect();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(chars.len() + 1);
                match rng.below(5) {
                    0 => {
                        let end = (at + rng.below(40)).min(chars.len());
                        chars.drain(at..end);
                    }
                    1 => chars.insert(at.min(chars.len()), random_char(rng)),
                    2 => {
                        let piece: Vec<char> = VOCAB[rng.below(VOCAB.len())].chars().collect();
                        let at = at.min(chars.len());
                        chars.splice(at..at, piece);
                    }
                    3 => {
                        let end = (at + rng.below(80)).min(chars.len());
                        let copy: Vec<char> = chars[at.min(end)..end].to_vec();
                        let to = rng.below(chars.len() + 1);
                        chars.splice(to..to, copy);
                    }
                    _ => chars.truncate(at),
                }
            }
            chars.into_iter().collect()
        }
    }
}

#[test]
fn the_seed_files_parse() {
    for seed in SEEDS.iter().filter(|s| !s.contains("${")) {
        parse_module(seed).unwrap_or_else(|e| panic!("{e}\n{seed}"));
    }
}

#[test]
fn no_input_makes_the_parser_panic() {
    let cases: usize = std::env::var("PARSER_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut parsed, mut refused) = (0, 0);
    for n in 0..cases {
        let source = case(&mut rng, n);
        let outcome = std::panic::catch_unwind(|| parse_module(&source));
        match outcome {
            Err(_) => panic!("case {n} panicked: {source:?}"),
            Ok(Ok(_)) => parsed += 1,
            Ok(Err(err)) => {
                refused += 1;
                assert_eq!(err.kind(), ErrorKind::SyntaxError, "case {n}: {source:?}");
                assert!(err.message().starts_with("line "), "case {n}: {}", err.message());
            }
        }
    }
    println!("{cases} inputs: {parsed} parsed, {refused} refused with a SyntaxError, none panicked");
    assert_eq!(parsed + refused, cases);
}
