/** Items in the header beside the user menu (the to-do bell registers here). */
export function HeaderExtras() {
  return null;
}
