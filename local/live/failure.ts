/** A failure of the live tier, already worded for the user: one French line. */
export class LiveFailure extends Error {
  constructor(line: string) {
    super(line);
    this.name = 'LiveFailure';
  }
}
