import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors, validationExceptionFactory } from './validation-exception.factory';

class Applicant {
  @IsString()
  @IsNotEmpty({ context: { messageVi: 'họ tên người nộp là bắt buộc' } })
  fullName!: string;
}

class Request {
  @ValidateNested()
  @Type(() => Applicant)
  applicant!: Applicant;

  @IsInt()
  @Min(1)
  copies!: number;
}

describe('validation errors', () => {
  const errors = validateSync(plainToInstance(Request, { applicant: { fullName: '' }, copies: 0.5 }));

  it('lists every failed constraint with a dotted path and Vietnamese', () => {
    expect(flattenValidationErrors(errors)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'applicant.fullName', constraint: 'isNotEmpty', messageVi: 'applicant.fullName: họ tên người nộp là bắt buộc' }),
        expect.objectContaining({ field: 'copies', constraint: 'isInt', messageVi: 'copies: phải là số nguyên' }),
        expect.objectContaining({ field: 'copies', constraint: 'min', messageVi: 'copies: nhỏ hơn giá trị cho phép' }),
      ]),
    );
  });

  it('builds one 400 body in the service error shape', () => {
    const body = validationExceptionFactory(errors).getResponse() as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'validation-failed' });
    expect(body['messageVi']).toMatch(/^Dữ liệu chưa hợp lệ: .*applicant\.fullName.*copies/);
    expect(body['details']).toHaveLength(3);
  });
});

describe('validation errors of a huge body', () => {
  class Item {
    @IsInt()
    count!: number;
  }
  class Batch {
    @ValidateNested({ each: true })
    @Type(() => Item)
    items!: Item[];
  }
  const errors = validateSync(plainToInstance(Batch, { items: Array.from({ length: 5_000 }, () => ({ count: 'x'.repeat(1_000) })) }));

  it('lists the first 20 issues, counts the rest, and stays a few KB', () => {
    const body = validationExceptionFactory(errors).getResponse() as Record<string, unknown>;
    expect(body['details']).toHaveLength(20);
    expect(body['issueCount']).toBe(5_000);
    expect(body['message']).toMatch(/\(and 4980 more\)$/);
    expect(body['messageVi']).toMatch(/\(và 4980 lỗi khác\)\.$/);
    expect(JSON.stringify(body).length).toBeLessThan(8_000);
  });
});
