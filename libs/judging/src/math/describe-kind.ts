import type { QuantityKind } from './quantity-kind';

/** "money per hour", "hours per day", "tickets". */
export function describeKind(kind: QuantityKind): string {
  const what = kind.money ? 'money' : kind.nouns.join(' ') || 'a number';
  return kind.per === undefined ? what : `${what} per ${kind.per}`;
}
