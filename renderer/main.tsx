import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectDeskClient } from './api/choose-client.ts';
import { createDeskStore } from './app/desk-store.ts';
import { createToneFeedback } from './features/scan-desk/feedback-sounds.ts';
import { screenFromHash } from './features/navigation/screens.ts';

const { client, mode } = connectDeskClient(window);
const initialScreen = screenFromHash(window.location.hash);
const store = createDeskStore(client, {
  mode,
  feedback: createToneFeedback(),
  ...(initialScreen ? { initialScreen } : {}),
});

const root = document.getElementById('root');
if (!root) throw new Error('RS Desk: index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
