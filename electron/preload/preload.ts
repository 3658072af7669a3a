// The preload: exposes exactly one function per contract call on window.shikaku, through
// contextBridge. The renderer never sees ipcRenderer, and each function sends only its own
// channel with a structured-cloneable payload.
import { contextBridge, ipcRenderer } from 'electron';
import { type Api, CALL_NAMES } from '../../shared/contract';

const api = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`api:${name}`, input)])),
) as Api;

contextBridge.exposeInMainWorld('shikaku', api satisfies Api);
