/** Object helpers that Apps Script's ES2019 target lacks. */

/** `Object.hasOwn` (ES2022): true when `key` is `obj`'s own property, never an inherited one. */
export function hasOwn(obj: object, key: string): boolean {
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022, beyond the Apps Script target.
  return Object.prototype.hasOwnProperty.call(obj, key);
}
