// Checks shared by the end-to-end files.
import assert from 'node:assert/strict';

/**
 * No console message of the whole run (every page and popup of the suite) contains a token the
 * suite saw, raw or percent-encoded, and no page threw an uncaught error.
 */
export function assertNoTokenInConsole(suite) {
  const tokens = suite.seenTokens();
  assert.ok(tokens.length > 0, 'the run saw at least one token (else this check proves nothing)');
  for (const message of suite.log.console) {
    for (const token of tokens) {
      assert.ok(!message.includes(token) && !message.includes(encodeURIComponent(token)), 'a console message contains an access token');
    }
  }
  assert.deepEqual(suite.log.pageErrors, [], 'no uncaught page error');
}
