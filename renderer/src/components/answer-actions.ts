// What the receptionist does with an answer, by button or by key (DeskView): copy what to tell
// the patient (printing: ./print-actions.ts).

/** Copies the text and says so (or says how to copy it by hand); returns whether it worked. */
export async function copyTellPatient(text: string, notify: (t: string) => void): Promise<boolean> {
  let ok: boolean;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    ok = false;
  }
  notify(ok ? '患者への説明をコピーしました' : 'コピーできませんでした。文章を選択してコピーしてください');
  return ok;
}
