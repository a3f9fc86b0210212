// `WpcomError`, the one error type of the package: a real `Error` subclass. The wasm makes every
// error with it (src/js/error.rs) and the package's entries export it (scripts/build.mjs), so
// `instanceof WpcomError` and `instanceof Error` both hold.
export class WpcomError extends Error {
  constructor(message, code, status, mayHaveReachedServer, input) {
    super(message);
    this.name = 'WpcomError';
    this.code = code;
    this.status = status;
    this.mayHaveReachedServer = mayHaveReachedServer;
    if (input !== undefined) this.input = input;
  }
}
