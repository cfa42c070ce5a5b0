/**
 * Copies text to the clipboard. Falls back to selecting the given input and the old copy
 * command where the Clipboard API is unavailable (plain http on a LAN address).
 */
export async function copyText(text: string, fallbackInput?: HTMLInputElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the fallback below.
  }
  if (!fallbackInput) return false;
  fallbackInput.focus();
  fallbackInput.select();
  return document.execCommand('copy');
}
