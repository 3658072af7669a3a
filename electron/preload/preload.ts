// The preload: exposes exactly one function per contract call on window.shikaku, through
// contextBridge. The renderer never sees ipcRenderer, and each function sends only its own
// channel with a structured-cloneable payload. It imports only the contract's kernel (the list of
// names): no schema, no zod (its size budget: ./preload-size.test.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { type Api, CALL_NAMES } from '../../shared/contract/kernel';

const api = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`api:${name}`, input)])),
) as Api;

contextBridge.exposeInMainWorld('shikaku', api satisfies Api);
