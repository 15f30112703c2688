/** The Luhn checksum of French SIREN and SIRET numbers. */

/** Luhn sum of a digit string, the last digit being the rightmost; valid when divisible by 10. */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}
