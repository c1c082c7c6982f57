import type { Shape } from '../shape';
import type vi from '../vi/menu';

export default {
  file: 'File',
  backup: 'Back up data…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  reload: 'Reload',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Actual size',
  toggleFullScreen: 'Full screen',
  help: 'Help',
  userGuide: 'User guide',
  about: 'About OCOP Council',
  alreadyRunning: 'OCOP Council is already running; the existing window was brought to the front.',
  startupFailed: 'OCOP Council could not start',
  crash: {
    title: 'The OCOP Council window stopped unexpectedly',
    message: 'The window stopped unexpectedly. Saved data is intact: scores and changes are saved as they are entered.',
    detail:
      'Click “Reload” to reopen the screen you were on. Text typed into a field that was not saved yet may have to be typed again.',
    repeated:
      'The window has stopped several times in a row. Quit, restart the computer and open the app again; if it still fails, tell your IT support and include the reason below.',
    reason: 'Technical reason',
    reload: 'Reload',
    quit: 'Quit',
  },
  unresponsive: {
    title: 'OCOP Council is not responding',
    message: 'The window is busy and not responding.',
    detail:
      'You can wait a little longer (for example while a very large file opens) or reload the window. Saved data is not lost.',
    wait: 'Wait',
    reload: 'Reload',
  },
} satisfies Shape<typeof vi>;
