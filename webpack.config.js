// Builds the demo (www/) into www/dist, importing the package the way any npm user would:
// `import { Auth, Client } from 'wpcom-wasm'`, resolved to ./pkg (the `--target bundler` build
// made by `npm run build`).
//
// WPCOM_CLIENT_ID, WPCOM_API_BASE and WPCOM_OAUTH_BASE, when set at build time, become the
// demo's defaults; www/config.js (copied as is, editable after the build) still wins over them.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const www = path.join(root, 'www');
// The package to bundle: ./pkg, or another build of it (WPCOM_WASM_PKG=/path/to/pkg).
const pkg = process.env.WPCOM_WASM_PKG ? path.resolve(process.env.WPCOM_WASM_PKG) : path.join(root, 'pkg');

const buildConfig = {
  clientId: process.env.WPCOM_CLIENT_ID || '',
  apiBase: process.env.WPCOM_API_BASE || '',
  oauthBase: process.env.WPCOM_OAUTH_BASE || '',
};

export default (_env, argv = {}) => {
  const mode = argv.mode || 'production';
  return {
    mode,
    context: root,
    entry: {
      main: './www/src/index.js',
      callback: './www/src/callback.js',
      element: './www/src/element.js',
    },
    output: {
      path: path.join(www, 'dist'),
      filename: '[name].[contenthash:8].js',
      webassemblyModuleFilename: '[hash].module.wasm',
      clean: true,
    },
    experiments: { asyncWebAssembly: true },
    resolve: {
      // `wpcom-wasm/element` as the package's exports map names it (pkg/web/element.js).
      alias: { 'wpcom-wasm/element$': path.join(pkg, 'web/element.js'), 'wpcom-wasm': pkg },
    },
    devtool: mode === 'production' ? false : 'source-map',
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __WPCOM_BUILD_CONFIG__: JSON.stringify(buildConfig) }),
      new HtmlWebpackPlugin({ template: path.join(www, 'index.html'), filename: 'index.html', chunks: ['main'] }),
      new HtmlWebpackPlugin({ template: path.join(www, 'callback.html'), filename: 'callback.html', chunks: ['callback'] }),
      new HtmlWebpackPlugin({ template: path.join(www, 'element.html'), filename: 'element.html', chunks: ['element'] }),
      new CopyWebpackPlugin({
        patterns: [
          // Copied as written (`minimized: true` tells the minimizers to leave them alone), so
          // dist/config.js keeps its comments and stays easy to edit after the build.
          { from: path.join(www, 'style.css'), to: 'style.css', info: { minimized: true } },
          { from: path.join(www, 'config.js'), to: 'config.js', info: { minimized: true } },
        ],
      }),
    ],
  };
};
