import { HttpStatus } from '@nestjs/common';
import { Refusal, ServiceUnavailable } from '@libs/domain/refusal';
import { asDomainError, DomainError } from './domain-error';

describe('asDomainError', () => {
  it.each([
    ['not-found', HttpStatus.NOT_FOUND],
    ['forbidden', HttpStatus.FORBIDDEN],
    ['conflict', HttpStatus.CONFLICT],
    ['invalid', HttpStatus.UNPROCESSABLE_ENTITY],
    ['unavailable', HttpStatus.SERVICE_UNAVAILABLE],
  ] as const)('answers a %s refusal with %d, its code, message and details', (kind, status) => {
    const err = asDomainError(new Refusal('SOME_CODE', 'why', kind, { a: 1 }));
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'SOME_CODE', message: 'why', status, details: { a: 1 } });
  });

  it('answers an unavailable backing service with 503', () => {
    expect(asDomainError(new ServiceUnavailable('later'))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: HttpStatus.SERVICE_UNAVAILABLE });
  });

  it('leaves every other error as it is', () => {
    const plain = new Error('boom');
    const domain = new DomainError('X', 'y', HttpStatus.CONFLICT);
    expect(asDomainError(plain)).toBe(plain);
    expect(asDomainError(domain)).toBe(domain);
  });
});
