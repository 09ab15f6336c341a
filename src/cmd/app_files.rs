//! Files in an app's folder, which is not ours: the manifest is read only if it is a regular
//! file of bounded size, and test data is written only as regular files in real folders,
//! never through a symbolic link. An app folder is often a cloned repository, and a link in
//! it (dangling, or to a file or folder elsewhere) must not make `fixture --app` write
//! outside it; a FIFO in it must not make the command wait forever.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::Context;

/// The largest manifest read. Real ones are a few KiB; the bound keeps a huge file (or
/// `/dev/zero` behind a link) from taking the memory.
pub const MANIFEST_LIMIT: u64 = 4 << 20;

/// What is at a path, without following a link there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Missing,
    File,
    Link,
    Folder,
    /// A FIFO, socket or device.
    Other,
}

pub fn entry(path: &Path) -> std::io::Result<Entry> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Ok(Entry::Link),
        Ok(meta) if meta.is_file() => Ok(Entry::File),
        Ok(meta) if meta.is_dir() => Ok(Entry::Folder),
        Ok(_) => Ok(Entry::Other),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Entry::Missing),
        Err(e) => Err(e),
    }
}

/// Opens `path` for reading without waiting on a FIFO (non-blocking open), and accepts it
/// only if what was opened is a regular file. A link to a regular file is followed: reading
/// through a link writes nothing.
fn open_regular(path: &Path) -> std::io::Result<Result<File, &'static str>> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok(Ok(file))
    } else if meta.is_dir() {
        Ok(Err("a folder"))
    } else {
        Ok(Err("not a regular file (a FIFO, socket or device)"))
    }
}

/// The text of a regular file of at most `limit` bytes; `Ok(None)` when it does not exist.
pub fn read_regular(path: &Path, limit: u64) -> anyhow::Result<Option<String>> {
    let mut file = match open_regular(path) {
        Ok(Ok(file)) => file,
        Ok(Err(what)) => anyhow::bail!("{} is {what}; expected a regular file", path.display()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut bytes = Vec::new();
    (&mut file).take(limit + 1).read_to_end(&mut bytes).with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > limit {
        anyhow::bail!("{} is larger than {} MiB; a manifest is a few KiB", path.display(), limit >> 20);
    }
    String::from_utf8(bytes).map(Some).with_context(|| format!("{} is not UTF-8", path.display()))
}

/// Makes the folder `out`, refusing a link or a non-folder at any step of it below `base`
/// (the steps above `base` are the user's own: `/tmp` may well be a link).
pub fn real_folder(base: &Path, out: &Path) -> anyhow::Result<()> {
    let rest = out.strip_prefix(base).unwrap_or(out);
    let mut at = base.to_path_buf();
    for component in rest.components() {
        at.push(component);
        if !matches!(component, Component::Normal(_)) {
            continue;
        }
        let mut found = entry(&at).with_context(|| format!("cannot read {}", at.display()))?;
        if found == Entry::Missing {
            match std::fs::create_dir(&at) {
                Ok(()) => continue,
                // Made by someone else since: judged like any step that was there.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => found = entry(&at)?,
                Err(e) => return Err(e).with_context(|| format!("cannot create {}", at.display())),
            }
        }
        match found {
            Entry::Folder | Entry::Missing => {}
            Entry::Link => anyhow::bail!("{} is a symbolic link; test data is written only into a real folder", at.display()),
            Entry::File | Entry::Other => anyhow::bail!("{} is not a folder", at.display()),
        }
    }
    Ok(())
}

/// The part of `out` whose steps [`real_folder`] checks: below the app's folder when `out`
/// is in it, else below the current folder for a relative `out`, else only its last step.
pub fn checked_from(app: &Path, out: &Path) -> PathBuf {
    if out.starts_with(app) {
        app.to_path_buf()
    } else if out.is_relative() {
        PathBuf::new()
    } else {
        out.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

/// How a write ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Created,
    Replaced,
    /// A regular file was there and `force` was not given.
    Kept,
}

/// Writes `text` to `target`, a new file or (with `force`) a regular file replaced as a
/// whole: the text goes to a new file beside it, renamed over it, so a link is never
/// followed (rename replaces the name, not what a link points at), nothing is opened that
/// could be a FIFO, and the old content is lost only once the new is complete. A link, a
/// folder or anything but a regular file at `target` is refused, with `force` or without.
pub fn write_regular(target: &Path, text: &str, force: bool) -> anyhow::Result<Written> {
    match entry(target).with_context(|| format!("cannot read {}", target.display()))? {
        Entry::Missing => {
            // create_new is O_CREAT|O_EXCL: it fails on any name already there, a dangling
            // link included, so nothing is created through a link made meanwhile.
            write_new(target, text)?;
            Ok(Written::Created)
        }
        Entry::File if !force => Ok(Written::Kept),
        Entry::File => {
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let temp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
            write_new(&temp, text)?;
            std::fs::rename(&temp, target).map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                anyhow::Error::new(e).context(format!("cannot replace {}", target.display()))
            })?;
            Ok(Written::Replaced)
        }
        Entry::Link => anyhow::bail!("{} is a symbolic link; not followed, not replaced (remove it to write here)", target.display()),
        Entry::Folder => anyhow::bail!("{} is a folder", target.display()),
        Entry::Other => anyhow::bail!("{} is not a regular file (a FIFO, socket or device)", target.display()),
    }
}

fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    let mut file =
        OpenOptions::new().write(true).create_new(true).open(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fwevents-app-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn links_and_special_files_are_never_written_through() {
        let dir = temp("write");
        let outside = dir.join("outside.txt");
        std::fs::write(&outside, "theirs").unwrap();
        symlink(&outside, dir.join("to-file.json")).unwrap();
        symlink(dir.join("nowhere"), dir.join("dangling.json")).unwrap();
        for force in [false, true] {
            let err = write_regular(&dir.join("to-file.json"), "ours", force).unwrap_err().to_string();
            assert!(err.contains("is a symbolic link"), "{err}");
            let err = write_regular(&dir.join("dangling.json"), "ours", force).unwrap_err().to_string();
            assert!(err.contains("is a symbolic link"), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "theirs");
        assert!(!dir.join("nowhere").exists());
        std::fs::create_dir(dir.join("folder.json")).unwrap();
        assert!(write_regular(&dir.join("folder.json"), "x", true).unwrap_err().to_string().contains("is a folder"));

        let new = dir.join("new.json");
        assert_eq!(write_regular(&new, "one", false).unwrap(), Written::Created);
        assert_eq!(write_regular(&new, "two", false).unwrap(), Written::Kept);
        assert_eq!(std::fs::read_to_string(&new).unwrap(), "one");
        assert_eq!(write_regular(&new, "two", true).unwrap(), Written::Replaced);
        assert_eq!(std::fs::read_to_string(&new).unwrap(), "two");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_step_that_is_a_link_is_refused() {
        let dir = temp("folder");
        let elsewhere = dir.join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let app = dir.join("app");
        std::fs::create_dir_all(app.join("server")).unwrap();
        symlink(&elsewhere, app.join("server/test_data")).unwrap();
        let err = real_folder(&app, &app.join("server/test_data")).unwrap_err().to_string();
        assert!(err.contains("test_data is a symbolic link"), "{err}");
        std::fs::remove_file(app.join("server/test_data")).unwrap();
        std::fs::remove_dir(app.join("server")).unwrap();
        symlink(&elsewhere, app.join("server")).unwrap();
        let err = real_folder(&app, &app.join("server/test_data")).unwrap_err().to_string();
        assert!(err.contains("server is a symbolic link"), "{err}");
        assert!(!elsewhere.join("test_data").exists());
        // The steps above the app's folder are not ours to judge.
        let linked_app = dir.join("linked-app");
        symlink(&app, &linked_app).unwrap();
        std::fs::remove_file(app.join("server")).unwrap();
        real_folder(&linked_app, &linked_app.join("server/test_data")).unwrap();
        assert!(app.join("server/test_data").is_dir());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reading_refuses_a_fifo_and_what_is_too_big() {
        let dir = temp("read");
        let fifo = dir.join("manifest.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_regular(&fifo, MANIFEST_LIMIT).unwrap_err().to_string();
            assert!(err.contains("not a regular file"), "{err}");
            std::fs::remove_file(&fifo).unwrap();
        }
        assert!(read_regular(&fifo, MANIFEST_LIMIT).unwrap().is_none());
        std::fs::write(&fifo, "x".repeat(11)).unwrap();
        assert!(read_regular(&fifo, 10).unwrap_err().to_string().contains("larger than"));
        assert_eq!(read_regular(&fifo, 11).unwrap().unwrap().len(), 11);
        assert!(read_regular(&dir, 10).unwrap_err().to_string().contains("is a folder"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
