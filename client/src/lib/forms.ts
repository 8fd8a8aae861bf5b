/** A text field of a submitted form; '' when it is missing or, from a tampered form, a file. */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
