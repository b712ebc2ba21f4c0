import { DecisionQueue } from './decision-queue';

describe('DecisionQueue', () => {
  it('answers what was waiting when the main loop acted, and leaves later decisions for the next turn', () => {
    const queue = new DecisionQueue();
    const first = queue.accept();
    const second = queue.accept();
    const settledBy = queue.upToNow();
    const later = queue.accept();
    expect(settledBy).toEqual([first, second]);
    queue.answer(settledBy);
    expect([first.answered, second.answered, later.answered]).toEqual([true, true, false]);
    expect(queue.hasPending).toBe(true);
    expect(queue.upToNow()).toEqual([later]);
  });

  it('is settled once every accepted decision is answered', () => {
    const queue = new DecisionQueue();
    expect(queue.settled).toBe(true);
    const ticket = queue.accept();
    expect(queue.settled).toBe(false);
    queue.answer([ticket]);
    queue.answer([ticket]);
    expect(queue.settled).toBe(true);
    expect(queue.hasPending).toBe(false);
  });

  it('answers every decision caught by a close', () => {
    const queue = new DecisionQueue();
    const tickets = [queue.accept(), queue.accept()];
    queue.answerAll();
    expect(tickets.every((t) => t.answered)).toBe(true);
    expect(queue.settled).toBe(true);
  });
});
