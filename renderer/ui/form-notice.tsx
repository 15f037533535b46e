/**
 * What a form's last save said: a status when it went through, an alert (read out at once) when
 * the desk refused it. Settings, letters and the manual request forms all answer this way.
 */
export function FormNotice({ ok, text }: { readonly ok: boolean; readonly text: string }) {
  return (
    <p className={ok ? 'settings-saved' : 'field-error'} role={ok ? 'status' : 'alert'}>
      {text}
    </p>
  );
}
