import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ConflictError, DomainValidationError, ForbiddenError, InvalidInputError, NotFoundError, RuleViolationError } from '@bcci/kernel';
import { AllExceptionsFilter } from './all-exceptions.filter';

describe('AllExceptionsFilter', () => {
  const filter = new AllExceptionsFilter();
  const init = { code: 'c', message: 'm', messageVi: 'v' };

  it.each([
    [new InvalidInputError(init), 400, 'Bad Request'],
    [new ForbiddenError(init), 403, 'Forbidden'],
    [new NotFoundError(init), 404, 'Not Found'],
    [new ConflictError(init), 409, 'Conflict'],
    [new RuleViolationError(init), 422, 'Unprocessable Entity'],
  ])('maps %p to %i', (error, statusCode, name) => {
    expect(filter.toBody(error)).toEqual({ statusCode, error: name, message: 'm', messageVi: 'v', code: 'c' });
  });

  it('passes domain details on', () => {
    expect(filter.toBody(new ConflictError({ ...init, details: { status: 'DISPATCHED' } })).details).toEqual({ status: 'DISPATCHED' });
  });

  it("maps the kernel's DomainValidationError to 400", () => {
    const error = new DomainValidationError({ code: 'citizen-id.checksum', message: 'bad CCCD', messageVi: 'Số CCCD không hợp lệ' });
    expect(filter.toBody(error)).toEqual({ statusCode: 400, error: 'Bad Request', message: 'bad CCCD', messageVi: 'Số CCCD không hợp lệ', code: 'citizen-id.checksum' });
  });

  it("keeps Nest exceptions' status and messageVi, with a Vietnamese default", () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /x',
      messageVi: 'Không tìm thấy dữ liệu hoặc đường dẫn yêu cầu.',
    });
    expect(filter.toBody(new BadRequestException({ message: 'nope', messageVi: 'không', details: [1] }))).toMatchObject({
      statusCode: 400,
      message: 'nope',
      messageVi: 'không',
      details: [1],
    });
    expect(filter.toBody(new PayloadTooLargeException()).statusCode).toBe(413);
  });

  it('hides unknown errors behind a generic 500', () => {
    const log = jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    expect(filter.toBody(new TypeError('secret detail'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      messageVi: 'Hệ thống gặp lỗi, vui lòng thử lại sau.',
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('TypeError: secret detail'));
  });
});
