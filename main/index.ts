// Shell (Electron): app lifecycle and composition root. Placeholder until the shell lands.
import { app } from 'electron'
void app.whenReady()
