import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ChainTemplateEntity } from '@libs/persistence/entities';
import { AppStack, eventually, startAppStack, validProposal } from './support/app-stack';
import { pdfText } from './support/pdf-text';

/** supertest keeps a PDF answer as bytes with this. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * GET /api/proposals/:id/record.pdf: the record of a proposal as a PDF, for the people who may read
 * its history, and for nobody else.
 */
describe('the record of a proposal as a PDF', () => {
  let stack: AppStack;
  let proposalId: string;
  const run = randomUUID().slice(0, 8);
  const title = `Rekam jejak untuk dicetak ${run}`;
  const code = `uji-cetak-${run}`;

  beforeAll(async () => {
    stack = await startAppStack();
    await stack.dataSource.getRepository(ChainTemplateEntity).insert({
      id: randomUUID(),
      code,
      version: 1,
      name: `Rantai cetak ${run}`,
      categories: [],
      definition: { stages: [{ key: 'kasi', name: 'Kepala Seksi (cetak)', approvers: [{ kind: 'head-of-proposer-unit' }], mode: 'any', sla: 'P2D' }] },
    });
    const rina = await stack.as('Rina Wulandari');
    proposalId = (await rina.post('/api/proposals', validProposal({ title, templateCode: code })).expect(201)).body.id as string;
    const siti = await stack.as('Siti Rahmawati');
    const task = await eventually(
      async () => ((await siti.get(`/api/tasks?q=${encodeURIComponent(title)}`).expect(200)).body.items as { id: string; proposalTitle: string }[]).find((t) => t.proposalTitle === title),
      60_000,
      'the task of the Kepala Seksi',
    );
    await siti.post(`/api/tasks/${task.id}/decision`, { decision: 'approve', comment: 'Layak dilanjutkan, cetak rekamnya.' }).expect(200);
    await eventually(async () => (await rina.get(`/api/proposals/${proposalId}`).expect(200)).body.status === 'approved', 60_000, 'the approval');
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The answer to this person's request for the PDF, its body as bytes, once it has the status expected. */
  const pdfAs = async (name: string, query = '', status = 200) =>
    (await stack.as(name)).get(`/api/proposals/${proposalId}/record.pdf${query}`).buffer(true).parse(binary).expect(status);

  it('gives the proposer a PDF of the whole record: content, chain, every row with who, capacity and when, the verification', async () => {
    const res = await pdfAs('Rina Wulandari', '?tz=Asia/Makassar');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="riwayat-usulan-${proposalId}.pdf"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = pdfText(pdf);
    const history = (await (await stack.as('Rina Wulandari')).get(`/api/proposals/${proposalId}/history`).expect(200)).body as { seq: number }[];
    expect(text).toContain(title);
    expect(text).toContain('Pengusul: ');
    expect(text).toContain('Rina Wulandari');
    expect(text).toContain('Status Usulan: ');
    expect(text).toContain('Disetujui');
    expect(text).toContain('1. Kepala Seksi (cetak): Disetujui');
    expect(text).toContain('Siti Rahmawati, Pejabat Definitif');
    expect(text).toContain('Catatan: Layak dilanjutkan, cetak rekamnya.');
    expect(text).toContain(`Riwayat utuh, tidak diubah: seluruh ${history.length} catatan telah diperiksa.`);
    // Every row of the record, numbered as the record numbers it, at a time named in WITA.
    for (const row of history) expect(text).toMatch(new RegExp(`^${row.seq}\\. `, 'm'));
    expect(text).toMatch(/\d{2}[.:]\d{2} WITA/);
    expect(text).not.toMatch(/WIB/);
  });

  it('prints in WIB unless asked otherwise, and refuses a time zone outside Indonesia', async () => {
    expect(pdfText((await pdfAs('Rina Wulandari')).body as Buffer)).toMatch(/\d{2}[.:]\d{2} WIB/);
    const refused = await (await stack.as('Rina Wulandari')).get(`/api/proposals/${proposalId}/record.pdf?tz=Europe/London`).expect(422);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'tz' }] });
  });

  it('follows the rules of the history: its approver and an administrator may have it, anyone else is refused', async () => {
    expect(pdfText((await pdfAs('Siti Rahmawati')).body as Buffer)).toContain(title);
    expect(pdfText((await pdfAs('Yoga Permana')).body as Buffer)).toContain(title);
    const history = await (await stack.as('Dimas Pratama')).get(`/api/proposals/${proposalId}/history`).expect(403);
    const pdf = await (await stack.as('Dimas Pratama')).get(`/api/proposals/${proposalId}/record.pdf`).expect(403);
    expect(pdf.body.code).toBe('NOT_INVOLVED');
    expect(pdf.body.code).toBe(history.body.code);
    expect(pdf.headers['content-type']).toMatch(/^application\/json/);
    await stack.http.get(`/api/proposals/${proposalId}/record.pdf`).expect(401);
  });

  it('answers 404 for a proposal that does not exist', async () => {
    const res = await (await stack.as('Yoga Permana')).get(`/api/proposals/${randomUUID()}/record.pdf`).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
