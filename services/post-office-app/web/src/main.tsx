import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The app shell is kept by a service worker so that it opens without a network (public/app-shell-sw.js).
// Not under Vite's development server, whose modules change at every edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/app-shell-sw.js').catch(() => undefined);
}
