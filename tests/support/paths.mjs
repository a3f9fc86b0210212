// Where things are in the repository, for the test helpers and scripts/start.mjs.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built demo served on :8080. */
export const DEMO_DIST = path.join(ROOT, 'www', 'dist');
/** Screenshots written by the end-to-end run (and shown in the README). */
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
/** The emulator binary (`cargo build -p wpcom-emulator`); WPCOM_EMULATOR_BIN overrides it. */
export const EMULATOR_BIN = process.env.WPCOM_EMULATOR_BIN || path.join(ROOT, 'target', 'debug', 'wpcom-emulator');
