//! The subcommands. Each returns the exit code for its outcome; an `Err` is a usage or
//! I/O failure and exits with 2.

mod diff;
mod docpage;
mod fixture;
mod generate;
mod lint;
mod output;
mod roundtrip;
mod schema;
mod spec_input;
mod test_data;
pub mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "fwevents", version, about = "Validate, generate, document and compare Freshworks product event payloads")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Refresh the checked-in generated code (generated/out), TypeScript declarations (generated/ts), reference docs (docs/events) and npm package (npm) from the spec.
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
    Npm {
        /// The directory to write into.
        #[arg(long, default_value = "npm")]
        out: PathBuf,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Write TypeScript declarations (.d.ts) of every event, in both readings.
    Typescript {
        /// The directory to write into.
        #[arg(long, default_value = "generated/ts")]
        out: PathBuf,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Write the Markdown reference: an index of events and a page per event.
    Docs {
        /// The directory to write into.
        #[arg(long, default_value = "docs/events")]
        out: PathBuf,
        /// Read the spec from this directory instead of the one built in.
        #[arg(long)]
        spec: Option<PathBuf>,
    },
    /// Check a spec and report every problem, compiler style.
    Lint {
        /// The spec directory.
        #[arg(default_value = "spec")]
        spec: PathBuf,
        /// Output: compiler-style lines (text), one JSON document (json) or GitHub annotations (github).
        #[arg(long, value_enum, default_value_t = lint::Format::Text)]
        format: lint::Format,
    },
    /// Print the JSON Schema (draft 2020-12) of an event's whole payload.
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
    Roundtrip {
        /// The payload file, or - for standard input.
        file: PathBuf,
        /// The event, when the envelope does not tell (`product/event` or `event`).
        #[arg(long)]
        event: Option<String>,
    },
    /// Validate payloads against the spec.
    Validate(validate::Args),
    /// Compare two specs (directories or git revisions): each change, breaking or compatible.
    Diff(diff::Args),
    /// Compare a documentation page (as text) with an event of the spec.
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
    DocImport {
        /// The page, or - for standard input.
        page: PathBuf,
        /// The event name (default: from the file name, `<product>-<event>.txt`).
        #[arg(long)]
        event: Option<String>,
        /// The product key (default: from the file name).
        #[arg(long)]
        product: Option<String>,
    },
    /// Print realistic, valid payloads of an event, or write an app's test data (--out).
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
    match cli.command {
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
        Command::Diff(args) => diff::run(args),
        Command::DocCheck { page, event, spec, format } => docpage::check(&page, &event, spec.as_deref(), format),
        Command::DocImport { page, event, product } => docpage::import(&page, event.as_deref(), product.as_deref()),
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
