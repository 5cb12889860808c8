import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { whenIdleAfterLoad } from './lib/after-load';
import { defaultLanguage, loadMessages, preloadMessages } from './lib/i18n';
import { LANGUAGE_NAMES, type Language } from './lib/messages';
import { registerServiceWorker } from './lib/sw-updates';
import './styles.css';

function render() {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// A tablet set to another language starts in it (English when its messages cannot be fetched).
loadMessages(defaultLanguage()).then(render, render);
// Not needed to show the attract screen: fetched once the page has loaded.
whenIdleAfterLoad(() => {
  import('./lib/outbox-client').then(
    (m) => m.startOutbox(),
    () => undefined,
  );
  void registerServiceWorker();
  (Object.keys(LANGUAGE_NAMES) as Language[]).forEach(preloadMessages);
});
