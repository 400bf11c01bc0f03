import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './csv.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.test")', `'=HYPERLINK("http://evil.test")`],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3 yen', "'-2+3 yen"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rReturn', "'\rReturn"],
    ['-1e3', "'-1e3"],
    ['-', "'-"],
    // Plain decimal numbers (a negative net) stay numbers a spreadsheet can add up.
    ['-7.00', '-7.00'],
    ['-904', '-904'],
    ['12.50', '12.50'],
    ['Zoë', 'Zoë'],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });
});
