// Dropping a file anywhere on the window opens it as a capture (Electron gives its path);
// in a browser the page only learns the file's name, so we say what to do instead.
import { useEffect, useState } from 'react';
import { useStores } from '../../stores/context';
import { useOpenCapture } from './use-open-capture';

export function CaptureDrop() {
  const { host, capture, nav } = useStores();
  const open = useOpenCapture();
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file === undefined) return;
      const path = host?.pathForFile(file);
      if (path !== undefined && path !== '') void open(path);
      else {
        capture.getState().actions.suggest(file.name, `The browser does not tell the page where "${file.name}" is: complete its path and press Open.`);
        nav.getState().actions.go('start');
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [host, capture, nav, open]);

  return over ? (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div>Drop to open the capture</div>
    </div>
  ) : null;
}
