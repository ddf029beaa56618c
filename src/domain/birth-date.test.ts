import { describe, expect, it } from 'vitest';
import { birthDateAgainstId } from './birth-date.js';
import { idCheckChar } from './id-number.js';

const id17 = '11010119800515123';
const ID = id17 + idCheckChar(id17); // born 1980-05-15

describe('birth date against the ID number', () => {
  it('takes the full date from the ID number where only the month is written', () => {
    expect(birthDateAgainstId('1980-05', ID)).toEqual({ birthDate: '1980-05-15' });
    expect(birthDateAgainstId('1980', ID)).toEqual({ birthDate: '1980-05-15' });
  });

  it('accepts the same full date', () => {
    expect(birthDateAgainstId('1980-05-15', ID)).toEqual({ birthDate: '1980-05-15' });
  });

  it('names both dates when they contradict, to the day or to the month', () => {
    expect(birthDateAgainstId('1980-03-15', ID)).toEqual({
      error: '出生日期 1980-03-15 与身份证号码中的 1980-05-15 不一致',
    });
    expect(birthDateAgainstId('1980-05-16', ID)).toEqual({
      error: '出生日期 1980-05-16 与身份证号码中的 1980-05-15 不一致',
    });
    expect(birthDateAgainstId('1980-03', ID)).toEqual({
      error: '出生日期 1980-03 与身份证号码中的 1980-05-15 不一致',
    });
  });

  it('uses what there is when one side is missing or the number is invalid', () => {
    expect(birthDateAgainstId(null, ID)).toEqual({ birthDate: '1980-05-15' });
    expect(birthDateAgainstId('1980-03', null)).toEqual({ birthDate: '1980-03-01' });
    expect(birthDateAgainstId('1980-03-02', '110101198005151230')).toEqual({ birthDate: '1980-03-02' });
    expect(birthDateAgainstId(undefined, undefined)).toEqual({ birthDate: null });
  });
});
