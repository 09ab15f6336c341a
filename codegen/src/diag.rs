//! Diagnostics: every problem found in a spec, each with the file, the attribute path and,
//! where the YAML parser gives one, the position.

use std::fmt;

/// Where in the spec a problem is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The spec file, relative to the spec directory (e.g. `freshchat/onAgentActivityCreate.yaml`).
    pub file: String,
    /// 1-based line and column, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// One problem in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub location: Location,
    /// Dotted path of the attribute or section concerned (`data.actor.type`), or empty.
    pub path: String,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, pos: Option<crate::yaml::Pos>, path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            location: Location { file: file.to_string(), line: pos.map(|p| p.line), column: pos.map(|p| p.column) },
            path: path.to_string(),
            message: message.into(),
        }
    }
}

/// One line: `file:line:col: path: message`. Names in the spec may hold any character
/// until the checker has refused them, so control and bidirectional characters are shown
/// escaped: a diagnostic can neither forge a second line nor drive the terminal.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::safe::escape;
        write!(f, "{}", escape(&self.location.file))?;
        if let Some(line) = self.location.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.location.column {
                write!(f, ":{col}")?;
            }
        }
        if !self.path.is_empty() {
            write!(f, ": {}", escape(&self.path))?;
        }
        write!(f, ": {}", escape(&self.message))
    }
}

impl std::error::Error for Diagnostic {}

/// All problems found in a spec, in file and line order.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Sorts by file, then line, keeping the order of discovery otherwise, and drops repeats.
    pub(crate) fn finish(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (&a.location.file, a.location.line.unwrap_or(usize::MAX)).cmp(&(&b.location.file, b.location.line.unwrap_or(usize::MAX)))
        });
        self.0.dedup();
        self
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        let n = self.0.len();
        write!(f, "{n} problem{} in the spec", if n == 1 { "" } else { "s" })
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The allowed key closest to a misspelt one, if any is close enough to be a likely typo.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
