// `serve --open`: hands the URL to the desktop's default browser. Failing to open one is
// not an error (headless machines, SSH sessions): the URL is printed either way.
import { spawn } from 'node:child_process';

export function openBrowser(url: string): Promise<string | undefined> {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
      child.once('error', (err) => resolve(`could not run ${command}: ${err.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch (err) {
      resolve(`could not run ${command}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
