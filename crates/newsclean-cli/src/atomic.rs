//! Atomic file writes: a temporary file in the target's folder, written, flushed to disk,
//! given the target's permissions, then renamed over the target. A reader (or a crash) sees
//! the old file or the new one, never a half-written one. Temporary files are named
//! `.NAME.newsclean-tmp-XXXXXX` so that a later run can recognise and remove the ones an
//! interrupted run left behind.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The tag in every temporary file's name.
pub const TMP_TAG: &str = ".newsclean-tmp-";

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
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the output path has no file name"))?;
    let prefix = format!(".{}{TMP_TAG}", name.to_string_lossy());
    let mut tmp = tempfile::Builder::new().prefix(&prefix).rand_bytes(6).tempfile_in(dir)?;
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

/// True when `name` is a temporary file that a run writing `target_name` would make.
pub fn is_temp_for(name: &str, target_name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(target_name))
        .and_then(|n| n.strip_prefix(TMP_TAG))
        .is_some_and(|rand| !rand.is_empty() && rand.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Remove the temporary files an interrupted run left beside the given targets (all in
/// folder `dir`). Returns the paths removed.
pub fn remove_stale(dir: &Path, target_names: &std::collections::BTreeSet<String>) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(rd) = fs::read_dir(dir) else { return removed };
    let mut names: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(target) = name.strip_prefix('.').and_then(|n| n.split(TMP_TAG).next()) else { continue };
        if target_names.contains(target) && is_temp_for(name, target) && fs::remove_file(&p).is_ok() {
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

    #[test]
    fn removes_only_stale_temps_of_targets() {
        let dir = tempfile::tempdir().unwrap();
        for n in [".a.txt.newsclean-tmp-XyZ123", ".c.txt.newsclean-tmp-XyZ123", "a.txt", ".a.txt.bak"] {
            fs::write(dir.path().join(n), "x").unwrap();
        }
        let targets = ["a.txt".to_string()].into_iter().collect();
        let removed = remove_stale(dir.path(), &targets);
        assert_eq!(removed, vec![dir.path().join(".a.txt.newsclean-tmp-XyZ123")]);
        assert!(dir.path().join(".c.txt.newsclean-tmp-XyZ123").exists());
        assert!(dir.path().join(".a.txt.bak").exists());
    }
}
