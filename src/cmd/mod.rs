//! The subcommands. Each returns the exit code for its outcome; an `Err` is a usage or
//! I/O failure and exits with 2.

mod app_files;
mod diff;
mod docpage;
mod fixture;
mod generate;
mod infer;
mod lint;
mod man;
mod modules;
mod observe;
mod output;
mod roundtrip;
mod schema;
mod spec_input;
mod style;
mod test_data;
pub mod validate;
mod witness;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Exit codes, the same for every command (shown under `--help`).
const EXIT_CODES: &str = "\
Examples:
  fwevents validate server/test_data/*.json
  fwevents fixture onAgentActivityCreate --seed 7
  fwevents diff origin/main spec --format markdown
  fwevents COMMAND --help

Exit codes:
  0  success: valid, no problems, nothing breaking
  1  the check failed: an invalid payload, a spec problem, an unexplained difference, a breaking change
  2  usage or I/O error: a bad argument, an unreadable file or spec";

#[derive(Parser)]
#[command(
    name = "fwevents",
    about = "Validate, generate, document and compare Freshworks product event payloads",
    after_help = EXIT_CODES,
)]
pub struct Cli {
    /// Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, global = true, default_value_t = style::Choice::Auto, value_name = "WHEN")]
    color: style::Choice,
    #[command(subcommand)]
    command: Command,
}

/// `0.1.0 (spec 1f0c...)`: the crate's version and a content hash of the spec built in, so
/// that two binaries that differ only in the spec tell themselves apart.
pub fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| format!("{} (spec {:016x})", env!("CARGO_PKG_VERSION"), spec_hash(freshworks_events::spec::SPEC_FILES)))
}

/// FNV-1a over every spec file's path and text, in path order. Not for security: a name
/// for a spec, stable across builds and platforms.
fn spec_hash(files: &[(&str, &str)]) -> u64 {
    let mut sorted: Vec<&(&str, &str)> = files.iter().collect();
    sorted.sort_by_key(|(path, _)| *path);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (path, text) in sorted {
        for byte in path.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// The command line's definition, with the version: what parses arguments and what the
/// completions and the man page are made from.
pub fn command() -> clap::Command {
    Cli::command().version(version())
}

/// Parses the process's arguments (exits on `--help`, `--version` and usage errors).
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(Subcommand)]
enum Command {
    /// Refresh the checked-in generated code (generated/out), TypeScript declarations (generated/ts), reference docs (docs/events) and npm package (npm) from the spec.
    #[command(
        after_help = "Examples:\n  fwevents generate\n  fwevents generate --check        # in CI: fails naming every stale file\n\nExit codes: 0 written (or fresh, with --check), 1 a file is stale (--check), 2 the spec cannot be read or a file cannot be written."
    )]
    Generate {
        /// Compare instead of writing; exit 1 naming every stale file.
        #[arg(long)]
        check: bool,
        /// The spec directory.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// Where the checked-in copy of the generated Rust lives.
        #[arg(long, default_value = "generated/out")]
        out: PathBuf,
        /// Where the checked-in Markdown reference lives.
        #[arg(long, default_value = "docs/events")]
        docs: PathBuf,
        /// Where the checked-in TypeScript declarations live.
        #[arg(long, default_value = "generated/ts")]
        ts: PathBuf,
        /// Where the checked-in npm package lives.
        #[arg(long, default_value = "npm")]
        npm: PathBuf,
    },
    /// Write the npm package: TypeScript declarations, JSON Schemas of both readings and a validator for Node.js.
    #[command(
        after_help = "Examples:\n  fwevents npm --out build/npm && (cd build/npm && npm pack)\n\nExit codes: 0 written, 2 the spec cannot be read or the folder is not the package's (another project's, or a link)."
    )]
    Npm {
        /// The directory to write into.
        #[arg(long, default_value = "npm")]
        out: PathBuf,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Write TypeScript declarations (.d.ts) of every event, in both readings.
    #[command(
        after_help = "Examples:\n  fwevents typescript --out app/types\n\nExit codes: 0 written, 2 the spec cannot be read or a file cannot be written."
    )]
    Typescript {
        /// The directory to write into.
        #[arg(long, default_value = "generated/ts")]
        out: PathBuf,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Write the Markdown reference: an index of events and a page per event.
    #[command(
        after_help = "Examples:\n  fwevents docs --out site/events\n\nExit codes: 0 written, 2 the spec cannot be read or a file cannot be written."
    )]
    Docs {
        /// The directory to write into.
        #[arg(long, default_value = "docs/events")]
        out: PathBuf,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Check a spec and report every problem, compiler style.
    #[command(
        after_help = "Examples:\n  fwevents lint\n  fwevents lint path/to/spec --format github\n\nExit codes: 0 no problems, 1 problems found, 2 the spec cannot be read."
    )]
    Lint {
        /// The spec directory.
        #[arg(default_value = "spec")]
        spec: PathBuf,
        /// Output: compiler-style lines (text), one JSON document (json) or GitHub annotations (github).
        #[arg(long, value_enum, default_value_t = lint::Format::Text)]
        format: lint::Format,
    },
    /// Print the JSON Schema (draft 2020-12) of an event's whole payload.
    #[command(
        after_help = "Examples:\n  fwevents schema onAgentActivityCreate\n  fwevents schema freshcaller/onAgentUpdate --strict\n  fwevents schema --out schemas/\n\nExit codes: 0 printed or written, 2 an event the spec does not cover, or the spec cannot be read."
    )]
    Schema {
        /// `onAgentUpdate` or `freshcaller/onAgentUpdate`; omit with --out.
        event: Option<String>,
        /// Write one file per event into this directory.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Describe the strict reading (the docs to the letter) instead of the lenient one.
        #[arg(long)]
        strict: bool,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Parse a payload into the generated types and print it back as JSON.
    #[command(
        after_help = "Examples:\n  fwevents roundtrip payload.json | diff - payload.json\n\nExit codes: 0 printed, 1 the payload is malformed JSON or not an object, 2 the file cannot be read."
    )]
    Roundtrip {
        /// The payload file, or - for standard input.
        file: PathBuf,
        /// The event, when the envelope does not tell (`product/event` or `event`).
        #[arg(long)]
        event: Option<String>,
    },
    /// Validate payloads against the spec.
    #[command(
        after_help = "Examples:\n  fwevents validate server/test_data/*.json\n  fwevents validate --strict --format json payload.json\n  tail -f webhooks.log | fwevents validate --ndjson -\n  fwevents validate --ndjson --allow-unknown --jobs 0 webhooks.log\n\nExit codes: 0 every payload valid, 1 one or more invalid, 2 a file cannot be read."
    )]
    Validate(validate::Args),
    /// Count what real payloads show against the spec: presence, nulls, types, forms and
    /// values per attribute, undocumented attributes, violations and unknown events.
    #[command(
        after_help = "Examples:\n  fwevents observe webhooks.ndjson\n  fwevents observe logs/ --format markdown --jobs 2\n  fwevents observe webhooks.ndjson --suggest\n\nExit codes: 0 counted, 2 an input or a line of it cannot be read (the rest is counted)."
    )]
    Observe(observe::Args),
    /// Draft a spec file for an event the spec does not cover, from its payloads.
    #[command(
        after_help = "Examples:\n  fwevents infer payloads/*.json --event freshdesk/onTicketCreate > draft.yaml\n\nExit codes: 0 drafted, 2 a payload cannot be read or the event is not product/name."
    )]
    Infer(infer::Args),
    /// Compare two specs (directories or git revisions): each change, breaking or compatible.
    #[command(
        after_help = "Examples:\n  fwevents diff origin/main spec\n  fwevents diff v0.1.0 HEAD --format markdown\n  fwevents diff old-spec/ spec/ --fail-on compatible\n  fwevents diff main spec --accept accepted-changes.yaml\n\nExit codes: 0 nothing at or above --fail-on, 1 a change at or above it, 2 a spec cannot be read."
    )]
    Diff(diff::Args),
    /// Compare a documentation page (as text) with an event of the spec.
    #[command(
        after_help = "Examples:\n  fwevents doc-check page.txt --event freshchat/onAgentActivityCreate\n  fwevents doc-check page.txt --event onAgentUpdate --format markdown\n\nExit codes: 0 every difference is a known quirk, 1 an unexplained difference, 2 the page or spec cannot be read."
    )]
    DocCheck {
        /// The page, or - for standard input.
        page: PathBuf,
        /// `onAgentUpdate` or `freshcaller/onAgentUpdate`.
        #[arg(long)]
        event: String,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
        /// Output: lines (text), one JSON document (json), GitHub annotations (github) or a table for a pull request (markdown).
        #[arg(long, value_enum, default_value_t = docpage::Format::Text)]
        format: docpage::Format,
    },
    /// Draft a spec file for a new event from its documentation page.
    #[command(
        after_help = "Examples:\n  fwevents doc-import freshdesk-onTicketCreate.txt > spec/freshdesk/onTicketCreate.yaml\n  fwevents doc-import page.txt --payloads logs/ --event onTicketCreate --product freshdesk\n\nExit codes: 0 drafted, 2 the page or the payloads cannot be read."
    )]
    DocImport {
        /// The page, or - for standard input.
        page: PathBuf,
        /// The event name (default: from the file name, `<product>-<event>.txt`).
        #[arg(long)]
        event: Option<String>,
        /// The product key (default: from the file name).
        #[arg(long)]
        product: Option<String>,
        /// Real payloads of the event (a folder, payload files or logs, as `observe` reads
        /// them): they place the attributes whose nesting a flat page leaves open, and the
        /// attributes they carry that the page does not list are reported, not drafted.
        #[arg(long, value_name = "DIR")]
        payloads: Option<PathBuf>,
    },
    /// Print a shell completion script (`fwevents completions bash > /etc/bash_completion.d/fwevents`).
    #[command(
        after_help = "Examples:\n  fwevents completions bash > ~/.local/share/bash-completion/completions/fwevents\n  fwevents completions zsh > ~/.zfunc/_fwevents\n  fwevents completions fish > ~/.config/fish/completions/fwevents.fish\n\nExit codes: 0 printed, 2 the output cannot be written."
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a directory.
    #[command(
        after_help = "Examples:\n  fwevents man | man -l -\n  fwevents man --out /usr/local/share/man/man1\n\nExit codes: 0 printed or written, 2 a page cannot be written."
    )]
    Man {
        /// Write fwevents.1 and fwevents-COMMAND.1 here instead of printing fwevents.1.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print realistic, valid payloads of an event, or write an app's test data (--out).
    #[command(
        after_help = "Examples:\n  fwevents fixture onAgentActivityCreate\n  fwevents fixture freshcaller/onAgentUpdate --seed 42 --count 100 > updates.ndjson\n  fwevents fixture --app path/to/app        # writes path/to/app/server/test_data/<event>.json\n\nExit codes: 0 written, 1 a fixture failed its own check, 2 a usage or manifest error."
    )]
    Fixture {
        /// `onAgentUpdate` or `freshcaller/onAgentUpdate`; omit with --out or --app.
        event: Option<String>,
        /// Draw the payload from this seed (the default payload without it).
        #[arg(long)]
        seed: Option<u64>,
        /// How many payloads, from seeds N, N+1, ... (one JSON document per line when more than one).
        #[arg(long, default_value_t = 1)]
        count: u64,
        /// Check each fixture against the strict reading too, and fail if one does not pass.
        #[arg(long)]
        strict: bool,
        /// Write `<event>.json` here for every event the app's manifest.json subscribes to
        /// (default with --app: APP/server/test_data, where the simulator reads them).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The app's folder, holding manifest.json (default with --out: the current directory).
        #[arg(long)]
        app: Option<PathBuf>,
        /// Overwrite test data files that are already there.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    style::init(cli.color);
    match cli.command {
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "fwevents", &mut script);
            man::print(&script)
        }
        Command::Man { out } => man::run(command(), out.as_deref()),
        Command::Generate { check, spec, out, docs, ts, npm } => {
            generate::run(&spec, &generate::Outputs { rust: &out, docs: &docs, ts: &ts, npm: &npm }, check)
        }
        Command::Npm { out, spec } => generate::write_npm(&out, spec.as_deref()),
        Command::Typescript { out, spec } => generate::write_typescript(&out, spec.as_deref()),
        Command::Docs { out, spec } => generate::write_docs(&out, spec.as_deref()),
        Command::Lint { spec, format } => lint::run(&spec, format),
        Command::Schema { event, out, strict, spec } => schema::run(event.as_deref(), out.as_deref(), strict, spec.as_deref()),
        Command::Roundtrip { file, event } => roundtrip::run(&file, event.as_deref()),
        Command::Validate(args) => validate::run(args),
        Command::Observe(args) => observe::run(args),
        Command::Infer(args) => infer::run(args),
        Command::Diff(args) => diff::run(args),
        Command::DocCheck { page, event, spec, format } => docpage::check(&page, &event, spec.as_deref(), format),
        Command::DocImport { page, event, product, payloads } => {
            docpage::import(&page, event.as_deref(), product.as_deref(), payloads.as_deref())
        }
        Command::Fixture { event, seed, count, strict, out, app, force } => match (event, out, app) {
            (Some(event), None, None) if !force => fixture::run(&event, seed, count, strict),
            (Some(_), ..) => {
                anyhow::bail!("give an EVENT to print its fixture, or --out/--app (with --force) to write an app's test data; not both")
            }
            (None, None, None) => anyhow::bail!("give an EVENT (e.g. onAgentUpdate), or --out DIR / --app DIR to write an app's test data"),
            (None, out, app) => {
                if count != 1 {
                    anyhow::bail!("--count does not apply to an app's test data: one file per event");
                }
                // The simulator reads APP/server/test_data; run from the app's folder,
                // `--out server/test_data` is that folder.
                let app = app.unwrap_or_else(|| PathBuf::from("."));
                let out = out.unwrap_or_else(|| app.join("server/test_data"));
                test_data::run(&test_data::Args { out, app, seed, force })
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_hash_names_the_content_not_the_order() {
        let a = [("a.yaml", "x: 1"), ("b.yaml", "y: 2")];
        let b = [("b.yaml", "y: 2"), ("a.yaml", "x: 1")];
        assert_eq!(spec_hash(&a), spec_hash(&b));
        assert_ne!(spec_hash(&a), spec_hash(&[("a.yaml", "x: 2"), ("b.yaml", "y: 2")]));
        // A byte moved from one file's text to its name is another spec.
        assert_ne!(spec_hash(&[("ab", "c")]), spec_hash(&[("a", "bc")]));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        command().debug_assert();
    }
}
