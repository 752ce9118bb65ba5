/**
 * "12,500", "0.25": a number the way en-US shows it, with thousands separators and at most `maxFractionDigits`
 * decimals. Like `Intl.NumberFormat('en-US')`, it rounds the shortest decimal that reads back as the number (what
 * `String(number)` prints), half away from zero: 1.005 gives "1.01".
 *
 * Written out rather than calling Intl: the first Intl call maps ICU's locale data into memory, several MB of a
 * run's peak, and messages need nothing locale-specific.
 */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  // Most figures are whole numbers, which need no rounding.
  if (Number.isSafeInteger(value)) return `${value < 0 ? '-' : ''}${groupThousands(String(Math.abs(value)))}`;
  const scaled = roundedScaled(Math.abs(value), maxFractionDigits).toString().padStart(maxFractionDigits + 1, '0');
  const whole = scaled.slice(0, scaled.length - maxFractionDigits);
  const fraction = scaled.slice(scaled.length - maxFractionDigits).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** magnitude × 10^fractionDigits, rounded half up, computed on the decimal digits of String(magnitude). */
function roundedScaled(magnitude: number, fractionDigits: number): bigint {
  const [mantissa = '0', exponent = '0'] = String(magnitude).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length + fractionDigits;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  return 2n * (digits % divisor) >= divisor ? quotient + 1n : quotient;
}

function groupThousands(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
}
