// www/element.html: `<wpcom-connect>` alone. The client id and hosts come from config.js (the
// emulator by default), as for the rest of the demo; then the element does everything itself.
import { readConfig } from './config.js';

const element = document.getElementById('connect');
const config = readConfig();
element.setAttribute('client-id', config.clientId);
element.setAttribute('api-base', config.apiBase);
element.setAttribute('oauth-base', config.oauthBase);
element.setAttribute('redirect-uri', config.callbackUri);

const log = document.getElementById('event-log');
element.addEventListener('wpcom-connected', (e) => { log.textContent = `wpcom-connected: ${e.detail.me.display_name}`; });
element.addEventListener('wpcom-disconnected', (e) => { log.textContent = `wpcom-disconnected (revoked: ${e.detail.revoked})`; });
element.addEventListener('wpcom-error', (e) => { log.textContent = `wpcom-error: ${e.detail.code}`; });

import(/* webpackMode: "eager" */ 'wpcom-wasm/element');
