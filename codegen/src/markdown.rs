//! Spec text in Markdown, kept in the place it is put. Descriptions are prose that may use
//! code spans and fenced blocks, and names are anything a JSON key can be, so what the
//! reference docs and the diff's pull-request comment write goes through here: a name in a
//! code span cannot end the span (a backtick in it), prose cannot open raw HTML (which a
//! renderer would pass through to the page), and a fence opened in a description is closed
//! at its end rather than swallowing the rest of the page.

/// `text` as one inline code span, whatever it holds: delimited by a run of backticks
/// longer than any in it, padded with a space where it starts or ends with a backtick (the
/// renderer strips one space each side), and on one line.
pub fn code(text: &str) -> String {
    let text = one_line(text);
    let longest = longest_run(&text, '`');
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty()) {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A name shown as written (a product's title in a heading): every ASCII punctuation
/// character backslash-escaped, so none of it is markup; on one line.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in one_line(text).chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of prose (a heading, a list item, a sentence): line breaks become spaces and
/// raw HTML is shown as text.
pub fn inline(text: &str) -> String {
    no_html(&one_line(text))
}

/// Prose in a table cell: [`inline`], and a `|` escaped so that it does not end the cell
/// (inside a code span too: tables are split before code spans are read).
pub fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// A cell that is a code span: [`code`], with `|` escaped as in [`cell`].
pub fn code_cell(text: &str) -> String {
    code(text).replace('|', "\\|")
}

/// Paragraphs of prose: raw HTML shown as text outside fenced blocks, and a fence still
/// open at the end closed there.
pub fn block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut open: Option<(char, usize)> = None;
    for line in text.lines() {
        let fence = fence_of(line);
        match (open, fence) {
            (None, Some(f)) => {
                open = Some(f);
                out.push_str(line);
            }
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n && closes(line) => {
                open = None;
                out.push_str(line);
            }
            (Some(_), _) => out.push_str(line),
            (None, None) => out.push_str(&no_html(line)),
        }
        out.push('\n');
    }
    if let Some((c, n)) = open {
        out.push_str(&c.to_string().repeat(n));
        out.push('\n');
    }
    out.truncate(out.trim_end_matches('\n').len());
    out
}

/// The fence character and length a line opens or closes with: up to three spaces, then
/// three or more backticks or tildes.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = rest.len() - rest.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

/// Whether a fence line can close a block: nothing but spaces after the fence.
fn closes(line: &str) -> bool {
    let rest = line.trim_start_matches(' ');
    let c = rest.chars().next().unwrap_or(' ');
    rest.trim_start_matches(c).trim().is_empty()
}

/// `<` shown as text outside code spans: an HTML tag, comment or autolink in prose is not
/// markup the spec may write. Inside a code span it is text already.
fn no_html(line: &str) -> String {
    if !line.contains('<') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(tick) = rest.find('`') {
        let (before, from) = rest.split_at(tick);
        out.push_str(&before.replace('<', "&lt;"));
        let run = from.len() - from.trim_start_matches('`').len();
        let after = &from[run..];
        // A code span runs to the next run of exactly as many backticks; without one the
        // backticks are text.
        match matching_run(after, run) {
            Some(end) => {
                out.push_str(&from[..run + end + run]);
                rest = &after[end + run..];
            }
            None => {
                out.push_str(&from[..run]);
                rest = after;
            }
        }
    }
    out.push_str(&rest.replace('<', "&lt;"));
    out
}

/// Where in `text` the first run of exactly `n` backticks starts.
fn matching_run(text: &str, n: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'`' {
                i += 1;
            }
            if i - start == n {
                return Some(start);
            }
        } else {
            i += 1;
        }
    }
    None
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_span_holds_any_backticks() {
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x``"), "``` `x`` ```");
        assert_eq!(code("two\nlines"), "`two lines`");
        assert_eq!(code_cell("a|b"), "`a\\|b`");
    }

    #[test]
    fn html_is_text_outside_code_spans_only() {
        assert_eq!(inline("a <script>x</script>"), "a &lt;script>x&lt;/script>");
        assert_eq!(inline("keep `a<b` and <b>"), "keep `a<b` and &lt;b>");
        assert_eq!(inline("lone ` then <i>"), "lone ` then &lt;i>");
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(plain("A */ <b>"), "A \\*\\/ \\<b\\>");
    }

    #[test]
    fn an_open_fence_is_closed_and_a_closed_one_kept() {
        assert_eq!(block("text\n```\ncode <b>"), "text\n```\ncode <b>\n```");
        assert_eq!(block("```json\n{}\n```\nafter <i>"), "```json\n{}\n```\nafter &lt;i>");
        assert_eq!(block("~~~~\n~~~\nstill code"), "~~~~\n~~~\nstill code\n~~~~");
        assert_eq!(block("    ``` indented is not a fence"), "    ``` indented is not a fence");
    }
}
