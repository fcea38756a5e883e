import { render } from 'preact';
import { App } from './app';
import { startAuth } from './auth/session';
import { langStore } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = langStore.get();
const root = document.getElementById('app');
// The provider (local or Cognito) and the API's origin come from config.json, so they are known before the first page.
void startAuth()
  .catch(() => undefined)
  .then(() => {
    if (root) render(<App />, root);
  });
