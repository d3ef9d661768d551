// Shell (Electron): exposes window.app built from the contract. Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'
import type { Transport } from './contract'

const transport: Transport = {
  invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
  on: (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  }
}
contextBridge.exposeInMainWorld('app', createBridge(transport))
