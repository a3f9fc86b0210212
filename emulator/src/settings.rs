//! Switches that start from the command line and that tests may flip at run time
//! (`GET`/`POST /_emulator/settings`); `/_emulator/reset` puts them back.

use serde::{Deserialize, Serialize};

use crate::config::Config;

/// The current switches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// Send `Access-Control-Expose-Headers` on WordPress.com routes (`--expose-headers`).
    pub expose_headers: bool,
    /// Largest file `media/new` accepts, in KB (`--max-upload-kb`); a larger one is refused
    /// with `rest_upload_file_too_big`.
    pub max_upload_kb: u64,
}

/// Body of `POST /_emulator/settings`: the switches given change, the others stay.
#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsPatch {
    /// New value of [`Settings::expose_headers`].
    #[serde(default)]
    pub expose_headers: Option<bool>,
    /// New value of [`Settings::max_upload_kb`].
    #[serde(default)]
    pub max_upload_kb: Option<u64>,
}

impl Settings {
    /// The switches as the command line set them.
    pub fn from_config(config: &Config) -> Settings {
        Settings {
            expose_headers: config.expose_headers,
            max_upload_kb: config.max_upload_kb,
        }
    }

    /// Applies the switches a patch gives.
    pub fn apply(&mut self, patch: SettingsPatch) {
        if let Some(expose_headers) = patch.expose_headers {
            self.expose_headers = expose_headers;
        }
        if let Some(max_upload_kb) = patch.max_upload_kb {
            self.max_upload_kb = max_upload_kb;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_changes_only_what_it_gives() {
        let mut settings = Settings::from_config(&Config {
            expose_headers: true,
            ..Config::default()
        });
        settings.apply(SettingsPatch::default());
        assert!(settings.expose_headers);
        settings.apply(SettingsPatch {
            expose_headers: Some(false),
            max_upload_kb: Some(1),
        });
        assert!(!settings.expose_headers);
        assert_eq!(settings.max_upload_kb, 1);
    }
}
