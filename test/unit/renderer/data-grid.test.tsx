// @vitest-environment happy-dom
import './support/font-face-set';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataGrid, type ColumnSpec } from '../../../renderer/src/components/DataGrid';
import { formatMoney } from '../../../renderer/src/components/format';
import { setupRendererTests } from './support/dom';

setupRendererTests();

interface Txn {
  id: string;
  holder: string;
  amountMinor: number;
}

const HOSTILE = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';

const columns: ColumnSpec<Txn>[] = [
  { id: 'holder', header: '户名', value: (r) => r.holder, flex: 1 },
  { id: 'amount', header: '交易金额', value: (r) => r.amountMinor, format: (r) => formatMoney(r.amountMinor, 'CNY'), kind: 'number' },
];

describe('DataGrid', () => {
  it('mounts with translated headers and shows cell values as text only, with a CSP nonce on its styles', async () => {
    const meta = document.createElement('meta');
    meta.name = 'csp-nonce';
    meta.content = 'nonce-abc';
    document.head.append(meta);
    const rows: Txn[] = [
      { id: 'a', holder: HOSTILE, amountMinor: 123456 },
      { id: 'b', holder: '张三', amountMinor: -5000 },
    ];
    render(<DataGrid rows={rows} columns={columns} rowId={(r) => r.id} ariaLabel="交易明细" />);

    expect(await screen.findByText('户名')).toBeTruthy();
    expect(screen.getByText('交易金额')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(HOSTILE)).toBeTruthy());
    expect(screen.getByText('¥ 1,234.56')).toBeTruthy();
    expect(screen.getByText('-¥ 50.00')).toBeTruthy();
    const grid = screen.getByRole('region', { name: '交易明细' });
    expect(grid.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    // every <style> the grid injected carries the nonce, so `style-src 'nonce-…'` admits it
    const styles = [...document.querySelectorAll('style')];
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(style.nonce || style.getAttribute('nonce')).toBe('nonce-abc');
    meta.remove();
  });

  it('says there is nothing to show in the UI language', async () => {
    render(<DataGrid rows={[]} columns={columns} rowId={(r) => r.id} ariaLabel="交易明细" emptyText="暂无审计记录。" />);
    expect(await screen.findByText('暂无审计记录。')).toBeTruthy();
  });
});
