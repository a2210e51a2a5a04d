//! Atomic file writes: a temporary file in the target's folder, written, flushed to disk,
//! given the target's permissions, then renamed over the target. A reader (or a crash) sees
//! the old file or the new one, never a half-written one. Temporary files are named
//! `.newsclean-tmp-PID-XXXXXX` (short, whatever the target's name: a target name of up to the
//! file system's limit still works) so that a later run can recognise the ones an
//! interrupted run left behind, and tell them from a live run's: only a temporary file whose
//! process is gone and that is older than this run is removed, never one of this run's.
//! A new file is created as any Unix tool creates one: mode 0666 minus the umask.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::SystemTime;

/// The start of every temporary file's name.
pub const TMP_PREFIX: &str = ".newsclean-tmp-";
/// The tag in the temporary files' names of earlier versions (`.NAME.newsclean-tmp-XXXXXX`).
pub const LEGACY_TMP_TAG: &str = ".newsclean-tmp-";

/// When this run started: temporary files newer than this may be a concurrent run's.
static RUN_START: LazyLock<SystemTime> = LazyLock::new(SystemTime::now);

/// Note the start of the run (call first thing; later calls change nothing).
pub fn mark_run_start() {
    LazyLock::force(&RUN_START);
}

/// The prefix of this process's temporary files.
pub fn temp_prefix() -> String {
    format!("{TMP_PREFIX}{}-", std::process::id())
}

/// Permissions a new file is created with, before the umask: `rw-rw-rw-`.
pub fn new_file_permissions() -> fs::Permissions {
    fs::Permissions::from_mode(0o666)
}

/// What went wrong writing `path`, in words that name the cause (a name too long for the file
/// system is not a permission problem).
pub fn describe_write_error(e: &io::Error, path: &Path) -> String {
    let name_len = path.file_name().map_or(0, |n| n.len());
    match (e.kind(), e.raw_os_error()) {
        (_, Some(36)) => format!(
            "the file name is too long for the file system ({name_len} bytes; most allow 255): {e}; \
             rename the input or write elsewhere"
        ),
        (io::ErrorKind::PermissionDenied, _) => {
            format!("permission denied ({e}); choose a folder you can write to")
        }
        (io::ErrorKind::StorageFull, _) | (_, Some(28)) => format!("no space left on the device ({e})"),
        (io::ErrorKind::ReadOnlyFilesystem, _) | (_, Some(30)) => {
            format!("the file system is read-only ({e})")
        }
        (io::ErrorKind::NotFound, _) => format!("its folder does not exist or vanished ({e})"),
        _ => e.to_string(),
    }
}

/// Whether an atomic write also waits for the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// fsync the file before the rename and the folder after it: the new text survives a
    /// crash. For files that replace the user's originals (`--in-place`, backups, sidecars).
    Synced,
    /// Rename without fsync: readers still never see a half-written file, but a crash may
    /// lose the newest outputs. For new files made from inputs that stay untouched
    /// (`--out-dir`), which a second run re-makes; two fsyncs per file cost more than the
    /// cleaning itself on a busy disk.
    Unsynced,
}

/// Write `contents` to `target` atomically and durably. `like` gives the permissions (and,
/// best effort, the owner) to keep: the file being replaced.
pub fn write_atomic(target: &Path, contents: &[u8], like: Option<&fs::Metadata>) -> io::Result<()> {
    write_atomic_as(target, contents, like, Durability::Synced)
}

/// [`write_atomic`] with a choice of [`Durability`].
pub fn write_atomic_as(
    target: &Path,
    contents: &[u8],
    like: Option<&fs::Metadata>,
    durability: Durability,
) -> io::Result<()> {
    let dir = parent_dir(target);
    target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the output path has no file name"))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .rand_bytes(6)
        .permissions(new_file_permissions())
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    if durability == Durability::Synced {
        tmp.as_file().sync_all()?;
    }
    if let Some(meta) = like {
        tmp.as_file().set_permissions(meta.permissions())?;
        keep_owner(tmp.path(), meta);
    }
    tmp.persist(target).map_err(|e| e.error)?;
    // Make the rename itself durable; some file systems cannot sync a folder, which is fine.
    if durability == Durability::Synced
        && let Ok(d) = fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

fn keep_owner(path: &Path, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only root can give a file away; for anyone else this is a no-op or refused, and the
    // file keeps its writer as owner, as with any editor.
    let _ = std::os::unix::fs::chown(path, Some(meta.uid()), Some(meta.gid()));
}

/// The folder a path is in (`.` for a bare file name).
pub fn parent_dir(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// True when `name` is a temporary file that an earlier version writing `target_name` made.
pub fn is_temp_for(name: &str, target_name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(target_name))
        .and_then(|n| n.strip_prefix(LEGACY_TMP_TAG))
        .is_some_and(|rand| !rand.is_empty() && rand.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The process id in a temporary file's name (`.newsclean-tmp-PID-XXXXXX`), if it is one.
pub fn temp_pid(name: &str) -> Option<u32> {
    let (pid, rand) = name.strip_prefix(TMP_PREFIX)?.split_once('-')?;
    (!rand.is_empty() && rand.chars().all(|c| c.is_ascii_alphanumeric())).then_some(())?;
    pid.parse().ok()
}

/// True when process `pid` is running (on this machine).
fn alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// True when the temporary file `name` at `path` is provably stale: not this process's, its
/// process gone, and older than this run (a temporary file of an earlier version: named after
/// one of `target_names`, and older than this run).
fn is_stale(
    path: &Path,
    name: &str,
    target_names: &std::collections::BTreeSet<String>,
    run_start: SystemTime,
) -> bool {
    let older = || fs::metadata(path).and_then(|m| m.modified()).is_ok_and(|t| t < run_start);
    if let Some(pid) = temp_pid(name) {
        return pid != std::process::id() && !alive(pid) && older();
    }
    let legacy = name
        .strip_prefix('.')
        .and_then(|n| n.split(LEGACY_TMP_TAG).next())
        .is_some_and(|target| target_names.contains(target) && is_temp_for(name, target));
    legacy && older()
}

/// Remove the temporary files an interrupted run left in folder `dir` (see [`is_stale`]), where
/// this run writes the targets `target_names`. Returns the paths removed.
pub fn remove_stale(dir: &Path, target_names: &std::collections::BTreeSet<String>) -> Vec<PathBuf> {
    remove_stale_since(dir, target_names, *RUN_START)
}

/// [`remove_stale`] for a run that started at `run_start`.
fn remove_stale_since(
    dir: &Path,
    target_names: &std::collections::BTreeSet<String>,
    run_start: SystemTime,
) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(rd) = fs::read_dir(dir) else { return removed };
    let mut names: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.contains(LEGACY_TMP_TAG)))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else { continue };
        if is_stale(&p, name, target_names, run_start) && fs::remove_file(&p).is_ok() {
            removed.push(p);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("a.txt");
        fs::write(&t, "old").unwrap();
        fs::set_permissions(&t, fs::Permissions::from_mode(0o640)).unwrap();
        let meta = fs::metadata(&t).unwrap();
        write_atomic(&t, b"new", Some(&meta)).unwrap();
        assert_eq!(fs::read_to_string(&t).unwrap(), "new");
        assert_eq!(fs::metadata(&t).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn unsynced_write_is_still_whole_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("out.txt");
        write_atomic_as(&t, b"first", None, Durability::Unsynced).unwrap();
        write_atomic_as(&t, b"second", None, Durability::Unsynced).unwrap();
        assert_eq!(fs::read_to_string(&t).unwrap(), "second");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn temp_names() {
        assert!(is_temp_for(".a.txt.newsclean-tmp-Ab12cd", "a.txt"));
        assert!(!is_temp_for(".a.txt.newsclean-tmp-", "a.txt"));
        assert!(!is_temp_for("a.txt.newsclean-tmp-Ab12cd", "a.txt"));
        assert!(!is_temp_for(".b.txt.newsclean-tmp-Ab12cd", "a.txt"));
        assert!(!is_temp_for(".a.txt.bak", "a.txt"));
    }

    /// Issue 21 item 8: a temporary file of a live process (another run, or this one) is
    /// never removed; one whose process is gone and that is older than the run is.
    #[test]
    fn removes_only_provably_stale_temps() {
        let dir = tempfile::tempdir().unwrap();
        let dead = u32::MAX - 1; // no such process
        let parent = std::os::unix::process::parent_id(); // alive: the test harness
        let mine = format!("{}Ab12cd", temp_prefix());
        for n in [format!("{TMP_PREFIX}{dead}-Ab12cd"), format!("{TMP_PREFIX}{parent}-Ab12cd"), mine.clone()]
        {
            fs::write(dir.path().join(n), "x").unwrap();
        }
        let start = SystemTime::now() + std::time::Duration::from_secs(1);
        let removed = remove_stale_since(dir.path(), &Default::default(), start);
        assert_eq!(removed, vec![dir.path().join(format!("{TMP_PREFIX}{dead}-Ab12cd"))]);
        assert!(dir.path().join(format!("{TMP_PREFIX}{parent}-Ab12cd")).exists(), "a live process's");
        assert!(dir.path().join(&mine).exists(), "this run's own");
        // A file newer than the run may be a concurrent run's that just started: kept.
        fs::write(dir.path().join(format!("{TMP_PREFIX}{dead}-Ab12cd")), "x").unwrap();
        let before = SystemTime::now() - std::time::Duration::from_secs(60);
        assert!(remove_stale_since(dir.path(), &Default::default(), before).is_empty());
    }

    #[test]
    fn new_files_are_made_as_the_umask_says_and_short_named() {
        let dir = tempfile::tempdir().unwrap();
        let long = "长".repeat(80) + ".txt"; // 244 bytes: with the target's name in it, a temp name was too long
        let t = dir.path().join(&long);
        write_atomic(&t, b"x", None).unwrap();
        let mode = fs::metadata(&t).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode, 0o600, "not tempfile's private mode");
        assert_eq!(mode & 0o600, 0o600);
    }

    #[test]
    fn removes_only_stale_temps_of_targets() {
        let dir = tempfile::tempdir().unwrap();
        for n in [".a.txt.newsclean-tmp-XyZ123", ".c.txt.newsclean-tmp-XyZ123", "a.txt", ".a.txt.bak"] {
            fs::write(dir.path().join(n), "x").unwrap();
        }
        let targets = ["a.txt".to_string()].into_iter().collect();
        let later = SystemTime::now() + std::time::Duration::from_secs(1);
        let removed = remove_stale_since(dir.path(), &targets, later);
        assert_eq!(removed, vec![dir.path().join(".a.txt.newsclean-tmp-XyZ123")]);
        assert!(dir.path().join(".c.txt.newsclean-tmp-XyZ123").exists());
        assert!(dir.path().join(".a.txt.bak").exists());
    }
}
