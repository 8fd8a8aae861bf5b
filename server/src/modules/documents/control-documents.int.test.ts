// Journal control and user activity as documents (R-CTL-1, R-RPT-1, R-RPT-4) on the control
// tests' hand-built school (test/factories/control.ts); the figures are the ones worked out by
// hand in control.int.test.ts and user-activity.int.test.ts.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlSchool, type ControlSchool } from '../../../test/factories/control.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let app: TestApp;
let f: ControlSchool;
let base: string;

beforeAll(async () => {
  app = await startTestApp();
  base = app.url.replace(/\/graphql$/, '');
  f = await createControlSchool(app.orm.em.fork());
});
afterAll(async () => {
  await app?.close();
});

async function download(path: string, token: string) {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}
async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}
const control = (ext: string) => `/documents/journal-control.${ext}?from=2025-10-01&to=2025-10-31`;

describe('journal control as a document (R-CTL-1, R-RPT-4)', () => {
  it('R-CTL-1: prints the figures per class, teacher and page', async () => {
    const res = await download(control('pdf'), f.tokens.deputy);
    expect(res.status).toBe(200);
    const text = await pdfText(res.body);
    for (const expected of [
      'Контроль ведения журналов',
      'Период: 01.10.2025 – 31.10.2025',
      'По классам',
      'По учителям',
      'По страницам журнала',
      'Вся школа',
      'Алексеева Анна',
      'Борисова Вера',
      'Русский язык',
    ]) {
      expect(text).toContain(expected);
    }
    // The school: 6 held of 15 planned (40%), 2 without a topic, 3 without homework, 2 late marks,
    // 2 late written, 2 without attendance, 2/6 pairs without marks.
    expect(text).toMatch(/Вся школа 6 15 40 2 3 2 2 2 2\/6 \(33%\)/);
  });

  it('R-CTL-1: exports XLSX and CSV with the page rows', async () => {
    const xlsx = await download(control('xlsx'), f.tokens.deputy);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'По классам',
      'По учителям',
      'По страницам журнала',
    ]);
    const rows: unknown[][] = [];
    workbook.worksheets[2]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Mathematics 5А: 4 held, 7 planned (57.1%), M2 without topic, M2 and M3 without homework,
    // 2 late marks, 2 late written, M3 without attendance, s4 without marks, s3 with one.
    expect(rows).toContainEqual([
      '5А',
      'Математика',
      'Алексеева Анна',
      4,
      7,
      57.1,
      1,
      2,
      2,
      2,
      1,
      '1/4 (25%)',
      '1/4 (25%)',
      1,
      1,
    ]);
    const csv = await download(control('csv'), f.tokens.deputy);
    const records: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    expect(records).toContainEqual(['По учителям']);
    expect(records.find((r) => r[0] === 'Борисова Вера')?.slice(0, 3)).toEqual([
      'Борисова Вера',
      '2',
      '8',
    ]);
  });

  it('R-CTL-1: a teacher downloads only their own pages', async () => {
    const text = await pdfText((await download(control('pdf'), f.tokens.t1)).body);
    expect(text).toContain('Алексеева Анна');
    expect(text).not.toContain('Борисова Вера');
    expect(text).not.toContain('Русский язык');
  });

  it('R-RPT-4: students and parents are refused', async () => {
    expect((await download(control('pdf'), f.tokens.parent)).status).toBe(403);
    expect((await download(control('csv'), f.tokens.student)).status).toBe(403);
  });
});

describe('user activity as a document (R-RPT-1, R-RPT-4)', () => {
  it('R-RPT-1: prints sign-ins and actions per role and lessons kept on the day', async () => {
    const res = await download('/documents/user-activity.pdf?month=2025-10', f.tokens.deputy);
    expect(res.status).toBe(200);
    const text = await pdfText(res.body);
    expect(text).toContain('Активность пользователей');
    expect(text).toContain('Месяц: 10.2025');
    expect(text).toMatch(/Учитель 2 1 2 4/);
    expect(text).toMatch(/Ученик 5 2 2 0/);
    expect(text).toMatch(/Алексеева Анна 4 2 50/);
    expect(text).toMatch(/Вся школа 6 4 66\.7/);
  });

  it('R-RPT-1: a teacher is refused; a bad month is 400', async () => {
    expect((await download('/documents/user-activity.csv?month=2025-10', f.tokens.t1)).status).toBe(
      403,
    );
    expect(
      (await download('/documents/user-activity.csv?month=октябрь', f.tokens.deputy)).status,
    ).toBe(400);
  });
});
