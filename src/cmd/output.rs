//! Machine-readable output shared by `lint`, `doc-check` and `diff`: one JSON document
//! (`--format json`) or GitHub workflow commands (`--format github`), so that CI can read
//! the findings and a pull request shows them inline. The shapes are documented in
//! `docs/ci-formats.md`; a change to them bumps [`VERSION`].

use serde::Serialize;
use serde_json::{Map, Value};

/// The version of the JSON shape.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check: a spec problem, an unexplained difference, a breaking change.
    Error,
    /// For information: a known quirk, a compatible change.
    Notice,
}

impl Severity {
    /// The workflow command that annotates at this level.
    fn command(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Notice => "notice",
        }
    }
}

/// One finding, in the fields every command shares, plus the command's own.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The file concerned, as given on the command line (a spec file or a page).
    pub file: String,
    /// 1-based line and column, `null` when not known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    /// What kind of finding: `spec-problem`, `difference`, `known-quirk`, `breaking`,
    /// `compatible`.
    pub code: String,
    pub message: String,
    /// Fields of the command's own (documented per command).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"version": 1, "command": ..., "findings": [...], "summary": {...}}`, pretty-printed,
/// with a final line break.
pub fn json(command: &str, findings: &[Finding], summary: Value) -> String {
    let doc = serde_json::json!({
        "version": VERSION,
        "command": command,
        "findings": findings,
        "summary": summary,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// One workflow command per finding:
/// `::error file=F,line=L,col=C,title=T::MESSAGE`, properties that are not known left out.
pub fn github(title: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let mut props = vec![format!("file={}", escape_property(&f.file))];
        if let Some(line) = f.line {
            props.push(format!("line={line}"));
        }
        if let Some(col) = f.column {
            props.push(format!("col={col}"));
        }
        props.push(format!("title={}", escape_property(&format!("{title}: {}", f.code))));
        out.push_str(&format!("::{} {}::{}\n", f.severity.command(), props.join(","), escape_data(&f.message)));
    }
    out
}

/// A workflow command's message: `%`, carriage return and line feed are escaped, as the
/// runner's own toolkit does.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,` too, which would
/// otherwise end the property.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Builds the `extra` map from pairs.
pub fn extra<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_data_and_properties() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        let f = Finding {
            file: "spec/x,y.yaml".into(),
            line: Some(3),
            column: None,
            severity: Severity::Notice,
            code: "c".into(),
            message: "one: two,\nthree".into(),
            extra: Map::new(),
        };
        assert_eq!(github("fwevents lint", &[f]), "::notice file=spec/x%2Cy.yaml,line=3,title=fwevents lint%3A c::one: two,%0Athree\n");
    }
}
