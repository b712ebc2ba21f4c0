import { likePattern } from './organization.queries';

describe('likePattern', () => {
  it('matches the text anywhere', () => {
    expect(likePattern('Dinas')).toBe('%Dinas%');
  });

  it('takes the pattern characters and the escape character literally', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
