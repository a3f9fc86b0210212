//! `--state FILE`: the changed part of the world, saved atomically after each change.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::seed::App;
use crate::store::{Comment, Follow, Media, Post, Term, World};
use crate::tokens::TokenRecord;

/// What the state file holds. Users and sites always come from the seed.
#[derive(Debug, Deserialize, Serialize)]
pub struct Snapshot {
    /// Digest of the seed this state grew from; a different seed discards it.
    pub seed_digest: String,
    /// Registered apps.
    pub apps: Vec<App>,
    /// Every post.
    pub posts: Vec<Post>,
    /// Tags and categories.
    pub terms: Vec<Term>,
    /// Every token, revoked ones included.
    pub tokens: Vec<TokenRecord>,
    /// Media items with their files (base64).
    #[serde(default)]
    pub media: Vec<Media>,
    /// Comments.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// Follows.
    #[serde(default)]
    pub follows: Vec<Follow>,
}

impl Snapshot {
    /// The part of `world` worth keeping.
    pub fn of(world: &World, seed_digest: &str) -> Snapshot {
        Snapshot {
            seed_digest: seed_digest.to_owned(),
            apps: world.apps.clone(),
            posts: world.posts.clone(),
            terms: world.terms.clone(),
            tokens: world.tokens.clone(),
            media: world.media.clone(),
            comments: world.comments.clone(),
            follows: world.follows.clone(),
        }
    }

    /// Puts the kept part back into a world built from the same seed.
    pub fn restore_into(self, world: &mut World) {
        world.apps = self.apps;
        world.posts = self.posts;
        world.terms = self.terms;
        world.tokens = self.tokens;
        world.media = self.media;
        world.comments = self.comments;
        world.follows = self.follows;
    }
}

/// FNV-1a of the seed text: enough to notice that the seed changed.
pub fn digest(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Reads the state file; `Ok(None)` when it does not exist yet.
pub fn load(path: &Path) -> Result<Option<Snapshot>> {
    match fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| Error::Data(format!("state file {}: {e}", path.display()))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(Error::Io(err)),
    }
}

/// Writes the snapshot so that a crash at any moment leaves either the old
/// or the new file whole: temp file in the same directory, fsync, rename, fsync the directory.
pub fn save(path: &Path, snapshot: &Snapshot) -> std::io::Result<()> {
    let json = serde_json::to_vec(snapshot).map_err(std::io::Error::other)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    {
        let mut file = File::create(&temp)?;
        file.write_all(&json)?;
        file.sync_all()?;
    }
    fs::rename(&temp, path)?;
    // Make the rename itself durable; not every platform can open a directory.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::Seed;

    #[test]
    fn saved_state_loads_back_identical() {
        let dir = std::env::temp_dir().join(format!("wpcom-emu-persist-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let mut world = World::from_seed(&Seed::default_seed().unwrap());
        world.posts.truncate(3);
        save(&path, &Snapshot::of(&world, "abc")).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(loaded.seed_digest, "abc");
        assert_eq!(loaded.posts, world.posts);
        let leftovers: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp file left behind");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_state_file_is_not_an_error() {
        assert!(load(Path::new("/nonexistent/wpcom-emu/state.json"))
            .unwrap()
            .is_none());
    }

    #[test]
    fn digest_changes_with_the_text() {
        assert_ne!(digest("a"), digest("b"));
        assert_eq!(digest("seed"), digest("seed"));
    }
}
