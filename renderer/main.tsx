// The window's entry: choose the api client once (IPC in Electron, WebSocket in a browser)
// and render the app over it. Nothing below this file knows which transport it got.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseClient } from './api/choose-client';
import type { UiClient } from './api/ui-client';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);

let client: UiClient | undefined;
try {
  client = chooseClient();
} catch (err) {
  root.render(<StartupProblem message={err instanceof Error ? err.message : String(err)} />);
}
if (client !== undefined) {
  root.render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}

function StartupProblem({ message }: { message: string }) {
  return (
    <main className="startup-problem" data-testid="startup-problem" role="alert">
      <h1>OCPP Bench cannot start</h1>
      <p>{message}</p>
    </main>
  );
}
