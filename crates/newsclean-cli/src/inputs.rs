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
/// in file-name order. `skip_dir` (when given) is left out of every walk: the `--out-dir`.
pub fn collect(args: &[PathBuf], filter: &Filter, skip_dir: Option<&Path>) -> Vec<Found> {
    let skip_dir = skip_dir.and_then(|d| std::fs::canonicalize(d).ok());
    let mut found = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            found.push(Found::Input(Input { source: Source::Stdin, display: "-".into(), rel: "-".into() }));
            continue;
        }
        let display = arg.display().to_string();
        match std::fs::metadata(arg) {
            Err(e) => found.push(Found::Problem { display, message: describe_open_error(&e) }),
            Ok(m) if m.is_dir() => walk(arg, filter, skip_dir.as_deref(), &mut found),
            Ok(m) if m.is_file() => found.push(Found::Input(Input {
                source: Source::File(arg.clone()),
                display,
                rel: arg.file_name().map(PathBuf::from).unwrap_or_else(|| arg.clone()),
            })),
            Ok(m) => found.push(Found::Problem { display, message: not_regular(&m) }),
        }
    }
    found
}

fn walk(root: &Path, filter: &Filter, skip_dir: Option<&Path>, found: &mut Vec<Found>) {
    let mut hidden = Vec::new();
    let walker =
        walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
            if e.depth() > 0 && is_hidden(e.file_name()) {
                hidden.push(e.path().display().to_string());
                return false;
            }
            if e.depth() > 0
                && e.file_type().is_dir()
                && let Some(skip) = skip_dir
                && std::fs::canonicalize(e.path()).is_ok_and(|p| p == skip)
            {
                return false;
            }
            true
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf();
                let display = e.path().display().to_string();
                if !e.file_type().is_file() {
                    match e.metadata() {
                        Ok(m) => found.push(Found::Problem { display, message: not_regular(&m) }),
                        Err(err) => found.push(Found::Problem { display, message: err.to_string() }),
                    }
                    continue;
                }
                if filter.accepts(&rel) {
                    found.push(Found::Input(Input {
                        source: Source::File(e.path().to_path_buf()),
                        display,
                        rel,
                    }));
                }
            }
            Err(err) => {
                let display = err.path().unwrap_or(root).display().to_string();
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
                found.push(Found::Problem { display, message });
            }
        }
    }
    for h in hidden {
        found.push(Found::Skipped { display: h, reason: "hidden".into() });
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

fn not_regular(m: &std::fs::Metadata) -> String {
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
    fn hidden_names() {
        assert!(is_hidden(".git".as_ref()));
        assert!(!is_hidden(".".as_ref()));
        assert!(!is_hidden("a.txt".as_ref()));
    }
}
