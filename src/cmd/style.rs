//! Colour on a terminal: `--color auto|always|never`, where `auto` colours standard output
//! only when it is a terminal and `NO_COLOR` (<https://no-color.org>) is unset or empty.
//! Decided once per run; machine formats (json, github, markdown) are never coloured.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, clap::ValueEnum)]
pub enum Choice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    Always,
    Never,
}

static ON: AtomicBool = AtomicBool::new(false);

/// Whether `choice` colours, given the environment's `NO_COLOR` and whether standard
/// output is a terminal.
pub fn decide(choice: Choice, no_color: Option<&str>, terminal: bool) -> bool {
    match choice {
        Choice::Always => true,
        Choice::Never => false,
        Choice::Auto => terminal && no_color.is_none_or(str::is_empty),
    }
}

/// Sets colour for the rest of the run.
pub fn init(choice: Choice) {
    let no_color = std::env::var("NO_COLOR").ok();
    ON.store(decide(choice, no_color.as_deref(), std::io::stdout().is_terminal()), Ordering::Relaxed);
}

#[derive(Clone, Copy)]
pub enum Paint {
    /// Fails the check: a breaking change, an unexplained difference, a spec problem.
    Bad,
    /// Passes: a compatible change.
    Good,
    /// For information: a known quirk, an accepted change.
    Note,
    /// Where: a file and line.
    Place,
}

/// `text` in the colour of `paint`, or as it is when colour is off.
pub fn paint(paint: Paint, text: &str) -> String {
    if !ON.load(Ordering::Relaxed) {
        return text.to_string();
    }
    let code = match paint {
        Paint::Bad => "1;31",
        Paint::Good => "32",
        Paint::Note => "36",
        Paint::Place => "1",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_and_pipes_turn_auto_off() {
        assert!(decide(Choice::Auto, None, true));
        assert!(decide(Choice::Auto, Some(""), true), "an empty NO_COLOR does not count");
        assert!(!decide(Choice::Auto, Some("1"), true));
        assert!(!decide(Choice::Auto, None, false));
        assert!(decide(Choice::Always, Some("1"), false));
        assert!(!decide(Choice::Never, None, true));
    }
}
