import 'reflect-metadata';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsString, ValidateNested } from 'class-validator';
import { DEFAULT_INPUT_LIMITS } from './input-limits';
import { InputValidationPipe } from './input-validation.pipe';
import { jsonBodyInspector } from './json-body.parser';

class Component {
  @IsString() name!: string;
}

class Filing {
  @IsString() reference!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Component) components!: Component[];
  @ValidateNested() @Type(() => Component) main!: Component;
}

const asBody: ArgumentMetadata = { type: 'body', metatype: Filing, data: '' };

/** A body as a service receives it: JSON text parsed, then passed by the inspector. */
function receivedJson(text: string): unknown {
  const request = { body: JSON.parse(text) as unknown };
  let passed = false;
  jsonBodyInspector(DEFAULT_INPUT_LIMITS)(request, { status: () => ({ json: () => undefined }) as never, json: () => undefined }, () => (passed = true));
  if (!passed) throw new Error('the inspector refused the test body');
  return request.body;
}

async function refusal(value: unknown): Promise<string[]> {
  const error = await new InputValidationPipe().transform(value, asBody).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof BadRequestException)) throw new Error(`expected a 400, got ${String(error)}`);
  const body = error.getResponse() as { details?: { field: string }[] };
  return (body.details ?? []).map((detail) => detail.field);
}

describe('InputValidationPipe', () => {
  it('validates a received JSON body into the class, nested items included', async () => {
    const filing = (await new InputValidationPipe().transform(
      receivedJson('{"reference":"R1","components":[{"name":"Tờ khai"}],"main":{"name":"Giấy tờ"}}'),
      asBody,
    )) as Filing;
    expect(filing).toBeInstanceOf(Filing);
    expect(filing.components[0]).toBeInstanceOf(Component);
    expect(filing.main.name).toBe('Giấy tờ');
  });

  it('refuses a received JSON body, naming each wrong field', async () => {
    expect(await refusal(receivedJson('{"reference":7,"components":[{"name":1}],"main":{"name":"x"},"extra":true}'))).toEqual(
      expect.arrayContaining(['reference', 'components.0.name', 'extra']),
    );
  });

  // A multipart form's fields, or a value built in code, can hold what JSON cannot.
  it('refuses a binary value where a nested object is expected', async () => {
    expect(await refusal({ reference: 'R1', components: [Buffer.from('x')], main: { name: 'x' } })).toEqual(['components.0']);
    expect(await refusal({ reference: 'R1', components: [], main: Buffer.from('x') })).toEqual(['main']);
  });

  it('strips a prototype name from a value that did not come through the JSON inspector', async () => {
    const value = JSON.parse('{"reference":"R1","components":[],"main":{"name":"x"},"__proto__":{"polluted":true}}') as object;
    const filing = (await new InputValidationPipe().transform(value, asBody)) as Filing & { polluted?: unknown };
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(false);
    expect(filing.polluted).toBeUndefined();
  });
});
