//! Finding the inputs of a run: stdin, files, and folders walked in a deterministic order
//! (hidden entries skipped, `--glob` filters, symlinks followed with loop detection).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// Where one input's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// One input to clean.
#[derive(Clone, Debug)]
pub struct Input {
    /// Where its bytes come from.
    pub source: Source,
    /// The name shown to the user (`-` for stdin).
    pub display: String,
    /// Its path relative to the argument it was found under; `--out-dir` mirrors this.
    pub rel: PathBuf,
}

/// What the walk found, in input order.
#[derive(Debug)]
pub enum Found {
    /// Something to clean.
    Input(Input),
    /// Something the user asked for that cannot be cleaned: an error line, exit code 2.
    Problem {
        /// The path as shown.
        display: String,
        /// What went wrong and what to do.
        message: String,
    },
    /// Something left out on purpose (hidden entries): a note with `-v`.
    Skipped {
        /// The path as shown.
        display: String,
        /// Why.
        reason: String,
    },
}

/// The `--glob` patterns: a file found in a folder is taken when it matches any positive
/// pattern (or there are none) and no `!`-negated pattern. Files named on the command line
/// are always taken.
#[derive(Debug, Default)]
pub struct Filter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filter {
    /// Compile the patterns.
    pub fn new(patterns: &[String]) -> anyhow::Result<Filter> {
        let (mut inc, mut exc) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        let (mut n_inc, mut n_exc) = (0, 0);
        for p in patterns {
            if let Some(neg) = p.strip_prefix('!') {
                exc.add(glob(neg)?);
                n_exc += 1;
            } else {
                inc.add(glob(p)?);
                n_inc += 1;
            }
        }
        Ok(Filter {
            include: if n_inc > 0 { Some(inc.build()?) } else { None },
            exclude: if n_exc > 0 { Some(exc.build()?) } else { None },
        })
    }

    fn accepts(&self, rel: &Path) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

fn glob(p: &str) -> anyhow::Result<Glob> {
    Glob::new(p)
        .map_err(|e| anyhow::anyhow!("--glob {p:?}: {e}; see `newsclean clean --help` for the syntax"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// Resolve the command-line arguments into inputs, in argument order, each folder walked
/// in file-name order; `skip_dir` (when given) is left out of every walk: the `--out-dir`.
/// The walk is lazy: the inputs come one at a time, so a run over millions of files holds one
/// folder's listing at a time, never the whole list. Each item comes with the index of the
/// argument it was found under.
pub fn walk_indexed<'a>(
    args: &'a [PathBuf],
    filter: &'a Filter,
    skip_dir: Option<&Path>,
) -> impl Iterator<Item = (usize, Found)> + Send + 'a {
    let skip_dir = skip_dir.and_then(|d| std::fs::canonicalize(d).ok());
    args.iter().enumerate().flat_map(
        move |(k, arg)| -> Box<dyn Iterator<Item = (usize, Found)> + Send + 'a> {
            if arg.as_os_str() == "-" {
                let stdin =
                    Found::Input(Input { source: Source::Stdin, display: "-".into(), rel: "-".into() });
                return Box::new(std::iter::once((k, stdin)));
            }
            let display = arg.display().to_string();
            let one = |f: Found| -> Box<dyn Iterator<Item = (usize, Found)> + Send + 'a> {
                Box::new(std::iter::once((k, f)))
            };
            match std::fs::metadata(arg) {
                Err(e) => one(Found::Problem { display, message: describe_open_error(&e) }),
                Ok(m) if m.is_dir() => {
                    Box::new(DirWalk::new(arg, filter, skip_dir.clone()).map(move |f| (k, f)))
                }
                Ok(m) if m.is_file() => one(Found::Input(Input {
                    source: Source::File(arg.clone()),
                    display,
                    rel: arg.file_name().map(PathBuf::from).unwrap_or_else(|| arg.clone()),
                })),
                Ok(m) => one(Found::Problem { display, message: not_regular(&m) }),
            }
        },
    )
}

/// The walk of one folder argument, lazily, in file-name order.
struct DirWalk<'a> {
    root: PathBuf,
    it: walkdir::IntoIter,
    filter: &'a Filter,
    skip_dir: Option<PathBuf>,
}

impl<'a> DirWalk<'a> {
    fn new(root: &Path, filter: &'a Filter, skip_dir: Option<PathBuf>) -> Self {
        let it = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
        DirWalk { root: root.to_path_buf(), it, filter, skip_dir }
    }
}

impl Iterator for DirWalk<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let entry = match self.it.next()? {
                Ok(e) => e,
                Err(err) => {
                    let display = err.path().unwrap_or(&self.root).display().to_string();
                    let message = if let Some(anc) = err.loop_ancestor() {
                        format!(
                            "symlink loop: it leads back to {}; skipped (remove the link, or name the real folder)",
                            anc.display()
                        )
                    } else if let Some(io) = err.io_error() {
                        describe_open_error(io)
                    } else {
                        err.to_string()
                    };
                    return Some(Found::Problem { display, message });
                }
            };
            let is_dir = entry.file_type().is_dir();
            if entry.depth() > 0 && is_hidden(entry.file_name()) {
                if is_dir {
                    self.it.skip_current_dir();
                }
                return Some(Found::Skipped {
                    display: entry.path().display().to_string(),
                    reason: "hidden".into(),
                });
            }
            if is_dir {
                if entry.depth() > 0
                    && let Some(skip) = &self.skip_dir
                    && std::fs::canonicalize(entry.path()).is_ok_and(|p| &p == skip)
                {
                    self.it.skip_current_dir();
                }
                continue;
            }
            let rel = entry.path().strip_prefix(&self.root).unwrap_or(entry.path()).to_path_buf();
            let display = entry.path().display().to_string();
            if !entry.file_type().is_file() {
                return Some(match entry.metadata() {
                    Ok(m) => Found::Problem { display, message: not_regular(&m) },
                    Err(err) => Found::Problem { display, message: err.to_string() },
                });
            }
            if self.filter.accepts(&rel) {
                return Some(Found::Input(Input { source: Source::File(entry.into_path()), display, rel }));
            }
        }
    }
}

/// An error opening or reading a path, with what to do about it.
pub fn describe_open_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder (a dangling link?); check the path".into(),
        PermissionDenied => format!("cannot read it ({e}); give yourself read permission or leave it out"),
        _ => format!("cannot read it ({e})"),
    }
}

/// Parse a size: bytes, or a number with `K`, `M` or `G` (powers of 1024; `KiB`, `MB`, … too).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let n: u64 = num.parse().map_err(|_| format!("{s:?} is not a size (e.g. 256M, 1G, 500000)"))?;
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("{s:?}: unknown unit (use K, M or G)")),
    };
    n.checked_mul(1 << shift).filter(|&n| n > 0).ok_or_else(|| format!("{s:?} is not a size above 0"))
}

/// The input size limit, shared by every command that reads pages.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct LimitArgs {
    /// Most bytes one input (file or standard input) may hold; a larger file is reported and
    /// skipped. Bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_page_bytes: u64,
}

fn too_large(size: u64, max: u64) -> String {
    format!(
        "{size} bytes, more than the limit of {max} bytes per input; skipped (raise it with \
         --max-page-bytes SIZE, or split the file)"
    )
}

/// Read one file that the user named or a walk found: only a regular file (not a device, a
/// pipe, or a link to one), and at most `max` bytes (a file that grows while read is cut off
/// there and refused). The error says what to do.
pub fn read_file_limited(p: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let meta = std::fs::metadata(p).map_err(|e| describe_open_error(&e))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.len() > max {
        return Err(too_large(meta.len(), max));
    }
    let file = std::fs::File::open(p).map_err(|e| describe_open_error(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1).read_to_end(&mut bytes).map_err(|e| describe_open_error(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// Read standard input, at most `max` bytes: an endless stream is refused at the limit
/// instead of filling the memory.
pub fn read_stdin_limited(max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input ({e})"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "standard input holds more than the limit of {max} bytes per input; refused (raise it with \
             --max-page-bytes SIZE)"
        ));
    }
    Ok(bytes)
}

/// A file name as shown on a terminal: as it is when every character is plain, else quoted
/// the way `ls` quotes it, `$'…'` with the invisible characters escaped (`$'a\nb.txt'`), so a
/// line break in a name cannot split an output line and an escape sequence in a name never
/// reaches the terminal.
pub fn quote(name: &str) -> std::borrow::Cow<'_, str> {
    let special = |c: char| {
        c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    };
    if !name.chars().any(|c| special(c) || c == '\'') {
        return std::borrow::Cow::Borrowed(name);
    }
    if !name.chars().any(special) {
        // Only quotes: single-quote it, each quote as '\''.
        return std::borrow::Cow::Owned(format!("'{}'", name.replace('\'', "'\\''")));
    }
    let mut out = String::from("$'");
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if special(c) && u32::from(c) < 0x100 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if special(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    std::borrow::Cow::Owned(out)
}

pub fn not_regular(m: &std::fs::Metadata) -> String {
    use std::os::unix::fs::FileTypeExt;
    let ft = m.file_type();
    let what = if ft.is_fifo() {
        "a named pipe"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    };
    format!("{what}, not a regular file; skipped (pass its content on stdin with `-` if you mean it)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_filter() {
        let f = Filter::new(&["*.txt".into(), "!*skip*".into()]).unwrap();
        assert!(f.accepts(Path::new("a/b.txt")));
        assert!(!f.accepts(Path::new("a/b.md")));
        assert!(!f.accepts(Path::new("a/skip-me.txt")));
        assert!(Filter::new(&[]).unwrap().accepts(Path::new("x.bin")));
        assert!(Filter::new(&["a[".into()]).is_err());
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("10KiB"), Ok(10 << 10));
        assert_eq!(parse_size("500000"), Ok(500_000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("M").is_err());
    }

    #[test]
    fn names_are_quoted_like_ls() {
        assert_eq!(quote("a b/党建.txt"), "a b/党建.txt");
        assert_eq!(quote("a\nb.txt"), "$'a\\nb.txt'");
        assert_eq!(quote("x\u{1b}[31mred"), "$'x\\e[31mred'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote("r\u{202E}txt.exe"), "$'r\\u202etxt.exe'");
    }

    #[test]
    fn hidden_names() {
        assert!(is_hidden(".git".as_ref()));
        assert!(!is_hidden(".".as_ref()));
        assert!(!is_hidden("a.txt".as_ref()));
    }
}
