import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, validateSync } from 'class-validator';
import { IsNotBlank, IsOmittable, QueryBoolean, QueryInt } from './input-decorators';

class Query {
  @IsOptional() @QueryInt() @IsInt() offset?: number;
  @IsOptional() @QueryBoolean() @IsBoolean() includeClosedLate?: boolean;
}

class Body {
  @IsNotBlank() description!: string;
  @IsOmittable() @IsString() reason?: string;
}

const failed = <T extends object>(type: new () => T, plain: object) =>
  validateSync(plainToInstance(type, plain)).map((error) => error.property);

describe('input decorators', () => {
  it('QueryInt reads digits only', () => {
    expect(plainToInstance(Query, { offset: '40' }).offset).toBe(40);
    for (const offset of ['1e308', '99999999999999999999', '0x10', '', ' 5', '1.5']) expect(failed(Query, { offset })).toEqual(['offset']);
  });

  it('QueryBoolean reads exactly true or false', () => {
    expect(plainToInstance(Query, { includeClosedLate: 'false' }).includeClosedLate).toBe(false);
    expect(plainToInstance(Query, { includeClosedLate: 'true' }).includeClosedLate).toBe(true);
    for (const includeClosedLate of ['maybe', '1', 'TRUE', '']) expect(failed(Query, { includeClosedLate })).toEqual(['includeClosedLate']);
  });

  it('IsNotBlank refuses empty and whitespace-only text', () => {
    expect(failed(Body, { description: 'Thất lạc' })).toEqual([]);
    for (const description of ['', '   ', '\n\t', null, 3]) expect(failed(Body, { description })).toEqual(['description']);
  });

  it('IsOmittable lets a missing field through but validates null', () => {
    expect(failed(Body, { description: 'x' })).toEqual([]);
    expect(failed(Body, { description: 'x', reason: null })).toEqual(['reason']);
  });
});
