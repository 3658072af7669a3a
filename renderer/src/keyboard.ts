// What a key press means depends on where the focus is: the views that take single keys (the desk,
// 受付ナビ) ask these questions before acting on one.

/** A text field (or a select) has the focus: its keys are typing, not shortcuts. */
export function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type);
}

/** A control whose own Enter means something else (a link, another button, a summary …). */
export function ownsEnter(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.matches('input[type=checkbox], input[type=radio], button.doc')) return false;
  return t.closest('button, a, input, select, textarea, summary, [role=option], [role=slider], [tabindex]') !== null;
}

/** An IME is composing: its keys belong to the conversion. */
export const isComposing = (e: KeyboardEvent | React.KeyboardEvent): boolean =>
  ('nativeEvent' in e ? e.nativeEvent.isComposing : e.isComposing) || e.keyCode === 229;
