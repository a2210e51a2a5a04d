//! Rendering changes: unified diffs of raw against clean text.
#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};

/// Write a unified diff of `before` against `after` to `out`.
pub fn unified(out: &mut dyn Write, name: &str, before: &str, after: &str, color: bool) -> io::Result<()> {
    let diff = similar::TextDiff::from_lines(before, after);
    let text =
        diff.unified_diff().context_radius(2).header(&format!("a/{name}"), &format!("b/{name}")).to_string();
    for line in text.lines() {
        let (pre, post) = match (color, line.chars().next()) {
            (true, Some('-')) if !line.starts_with("---") => ("\x1b[31m", "\x1b[0m"),
            (true, Some('+')) if !line.starts_with("+++") => ("\x1b[32m", "\x1b[0m"),
            (true, Some('@')) => ("\x1b[36m", "\x1b[0m"),
            _ => ("", ""),
        };
        writeln!(out, "{pre}{line}{post}")?;
    }
    Ok(())
}
