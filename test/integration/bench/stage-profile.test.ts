import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { profileStages, stageFigures } from '../../../electron/core/bench/stage-profile';
import { useTempDirs } from '../../support/temp-dir';

describe('bench stage profile', () => {
  const tempDir = useTempDirs();

  it('reads, maps and hashes every recognised file without writing, counting its records', async () => {
    const dir = join(tempDir(), '银行查控', '4201066620240606104504');
    mkdirSync(dir, { recursive: true });
    const header = ['交易卡号', '交易账号', '交易方户名', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '交易流水号'];
    const rows = Array.from({ length: 250 }, (_, i) => ['6222020200112233445', '1202000012345', '张三', `2024-01-01 10:${String(i % 60).padStart(2, '0')}:00`, '10.00', String(1000 + i * 10), '进', '6228480012345678901', `T${i}`]);
    const csv = [header, ...rows].map((cells) => cells.map((cell) => `${cell}\t`).join(',')).join('\r\n');
    writeFileSync(join(dir, '中国工商银行交易明细信息.csv'), iconv.encode(`${csv}\r\n`, 'gb18030'));
    writeFileSync(join(dir, 'readme.txt'), 'not a return');
    const profile = await profileStages(join(dir, '..'));
    expect(profile).toMatchObject({ files: 1, rows: 251 });
    const figures = stageFigures(profile);
    expect(figures.map((figure) => figure.name)).toEqual(['profile.bank.records', 'profile.bank.read_decode', 'profile.bank.map', 'profile.bank.row_hash']);
    for (const figure of figures.slice(1)) expect(figure.value).toBeGreaterThanOrEqual(0);
  });
});
