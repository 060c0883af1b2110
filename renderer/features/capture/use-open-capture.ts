import { useCallback } from 'react';
import { openCapture } from '../../stores/capture/open-capture';
import { useStores } from '../../stores/context';

export function useOpenCapture(): (path: string) => Promise<boolean> {
  const stores = useStores();
  return useCallback((path: string) => openCapture(stores, path), [stores]);
}
