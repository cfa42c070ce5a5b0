import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/app-root.tsx';
import { connectApiToSession } from './app/session-api.ts';
import './app/app.css';

connectApiToSession();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(<AppRoot />);
