/**
 * Keys in an open menu (WAI-ARIA menu button pattern): arrows move and wrap, Home and End jump,
 * Enter and Space choose, Escape closes back to the button, Tab closes and moves on. No type-ahead
 * by letter: off text fields, printable keys belong to the keyboard-wedge scanner listener.
 */
export type MenuMove =
  | { readonly kind: 'focus'; readonly index: number }
  | { readonly kind: 'choose' }
  | { readonly kind: 'close'; readonly backToButton: boolean }
  | null;

export function menuMove(key: string, current: number, count: number): MenuMove {
  if (count === 0) return { kind: 'close', backToButton: true };
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: (current + 1) % count };
    case 'ArrowUp':
      return { kind: 'focus', index: (current - 1 + count) % count };
    case 'Home':
    case 'PageUp':
      return { kind: 'focus', index: 0 };
    case 'End':
    case 'PageDown':
      return { kind: 'focus', index: count - 1 };
    case 'Enter':
    case ' ':
      return { kind: 'choose' };
    case 'Escape':
      return { kind: 'close', backToButton: true };
    case 'Tab':
      return { kind: 'close', backToButton: false };
    default:
      return null;
  }
}
