//! State shared by every request: the world, sessions, faults, settings.

use std::sync::{Mutex, MutexGuard};

use axum::http::HeaderMap;

use crate::config::Config;
use crate::error::Result;
use crate::faults::FaultQueue;
use crate::persist::{self, Snapshot};
use crate::seed::Seed;
use crate::session::{Session, Sessions};
use crate::settings::{Settings, SettingsPatch};
use crate::store::World;
use crate::time;
use crate::tokens::{self, TokenRecord};

/// Everything a handler needs.
pub struct AppState {
    /// Settings of this run.
    pub config: Config,
    /// Where clients reach us, e.g. `http://127.0.0.1:41235`.
    pub base_url: String,
    seed: Seed,
    seed_digest: String,
    world: Mutex<World>,
    faults: Mutex<FaultQueue>,
    sessions: Mutex<Sessions>,
    // Switches a test may flip at run time; they start from `config`.
    settings: Mutex<Settings>,
}

/// Locks a mutex even if a handler panicked while holding it: the data stays usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Builds the state from the config: seed, then the state file if it matches the seed.
    pub fn new(config: Config, base_url: String) -> Result<AppState> {
        let seed = Seed::parse(&config.seed_json)?;
        let seed_digest = persist::digest(&config.seed_json);
        let mut world = World::from_seed(&seed);
        if let Some(path) = &config.state {
            match persist::load(path)? {
                Some(snapshot) if snapshot.seed_digest == seed_digest => {
                    snapshot.restore_into(&mut world)
                }
                Some(_) => eprintln!(
                    "state file {} is from another seed: starting from the seed",
                    path.display()
                ),
                None => {}
            }
        }
        let settings = Settings::from_config(&config);
        Ok(AppState {
            config,
            base_url,
            seed,
            seed_digest,
            world: Mutex::new(world),
            faults: Mutex::new(FaultQueue::default()),
            sessions: Mutex::new(Sessions::default()),
            settings: Mutex::new(settings),
        })
    }

    /// Reads the world.
    pub fn read<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        f(&lock(&self.world))
    }

    /// Changes the world, then saves it when `--state` is set.
    pub fn write<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        let mut world = lock(&self.world);
        let result = f(&mut world);
        self.save(&world);
        result
    }

    /// Changes the world if `f` succeeds; saves only then.
    pub fn try_write<R, E>(
        &self,
        f: impl FnOnce(&mut World) -> std::result::Result<R, E>,
    ) -> std::result::Result<R, E> {
        let mut world = lock(&self.world);
        let result = f(&mut world);
        if result.is_ok() {
            self.save(&world);
        }
        result
    }

    // Called with the world lock held, so saves happen in the order of the changes.
    fn save(&self, world: &World) {
        if let Some(path) = &self.config.state {
            if let Err(err) = persist::save(path, &Snapshot::of(world, &self.seed_digest)) {
                eprintln!("could not save state to {}: {err}", path.display());
            }
        }
    }

    /// Back to the seed: posts, likes and apps as seeded, no tokens, sessions or faults,
    /// settings as the command line set them.
    pub fn reset(&self) {
        self.write(|world| *world = World::from_seed(&self.seed));
        *lock(&self.faults) = FaultQueue::default();
        *lock(&self.sessions) = Sessions::default();
        *lock(&self.settings) = Settings::from_config(&self.config);
    }

    /// The queued faults, to queue, take or list them.
    pub fn faults<R>(&self, f: impl FnOnce(&mut FaultQueue) -> R) -> R {
        f(&mut lock(&self.faults))
    }

    /// The browser sessions and pending authorization codes, to read or change them.
    pub fn sessions<R>(&self, f: impl FnOnce(&mut Sessions) -> R) -> R {
        f(&mut lock(&self.sessions))
    }

    /// The session of the request's log-in cookie, if it is a live one.
    pub fn session_of(&self, headers: &HeaderMap) -> Option<Session> {
        self.sessions(|sessions| sessions.of_request(headers))
    }

    /// The switches in force now.
    pub fn settings(&self) -> Settings {
        *lock(&self.settings)
    }

    /// Flips the switches `patch` gives; returns them all as they are now.
    pub fn change_settings(&self, patch: SettingsPatch) -> Settings {
        let mut settings = lock(&self.settings);
        settings.apply(patch);
        *settings
    }

    /// Whether `origin` is a JavaScript origin of some app (or given with `--allow-origin`).
    pub fn is_registered_origin(&self, origin: &str) -> bool {
        self.config.allow_origins.iter().any(|o| o == origin)
            || self.read(|w| w.apps.iter().any(|a| a.origins.iter().any(|o| o == origin)))
    }

    /// Whether `origin` may use tokens of the app `client_id`.
    pub fn is_app_origin(&self, client_id: &str, origin: &str) -> bool {
        self.config.allow_origins.iter().any(|o| o == origin)
            || self.read(|w| {
                w.app(client_id)
                    .is_some_and(|a| a.origins.iter().any(|o| o == origin))
            })
    }

    /// Issues and stores a token; `expires_in` `None` never expires (code flow).
    pub fn issue_token(
        &self,
        user_id: u64,
        client_id: &str,
        scope: &str,
        blog_id: Option<u64>,
        expires_in: Option<i64>,
    ) -> TokenRecord {
        let now = time::now();
        let token = TokenRecord {
            secret: tokens::new_secret(),
            user_id,
            client_id: client_id.to_owned(),
            scope: scope.to_owned(),
            blog_id,
            issued_at: now,
            expires_at: expires_in.map(|seconds| now.saturating_add(seconds)),
            revoked: false,
        };
        self.write(|world| world.tokens.push(token.clone()));
        token
    }
}
