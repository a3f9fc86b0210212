// webpack 5, production mode: the official stack as a page would ship it (an ES module, so the
// bench page imports it the way it imports wpcom-wasm). `url` and `querystring` are Node
// built-ins wpcom-oauth-cors requires; webpack 5 no longer polyfills them, so the browser
// packages webpack 4 used (`url`, `querystring-es3`) are mapped in, as an app would have to.
const path = require('node:path');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './official-entry.js',
  target: 'web',
  output: {
    path: path.join(__dirname, 'dist'),
    filename: 'official.js',
    library: { type: 'module' },
    clean: true,
  },
  experiments: { outputModule: true },
  resolve: {
    fallback: {
      url: require.resolve('url/'),
      querystring: require.resolve('querystring-es3/'),
    },
  },
  devtool: false,
  performance: { hints: false },
};
