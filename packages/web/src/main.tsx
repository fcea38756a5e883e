import { render } from 'preact';
import { App } from './app';
import { langStore } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = langStore.get();
const root = document.getElementById('app');
if (root) render(<App />, root);
