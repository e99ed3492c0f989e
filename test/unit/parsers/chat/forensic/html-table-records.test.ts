import { describe, expect, it } from 'vitest';
import { htmlTableRecords } from '../../../../support/html-table-records';

describe('test-only HTML table reader', () => {
  it('numbers tables from 1 and rows within each table, with trimmed cell text and decoded entities', () => {
    const html = `<p>intro</p>
      <table><tr><th> 时间 </th><th>内容</th></tr><tr><td>2023-05-14</td><td>A &amp; B &lt;i&gt;</td></tr></table>
      <table><tr></tr><tr><td>x<br>y</td><td><span>a</span> <b>b</b></td></tr></table>`;
    expect(htmlTableRecords(html)).toEqual([
      { sheet: 'table 1', line: 1, cells: ['时间', '内容'] },
      { sheet: 'table 1', line: 2, cells: ['2023-05-14', 'A & B <i>'] },
      { sheet: 'table 2', line: 2, cells: ['x\ny', 'a b'] },
    ]);
  });

  it('never reads script or style text, even when it spells out a table', () => {
    const html = `<style>td{content:"时间"}</style><script>var t = '<table><tr><td>假</td></tr></table>';</script>
      <table><tr><td>真<script>document.write('<td>假</td>')</script></td></tr></table>`;
    expect(htmlTableRecords(html)).toEqual([{ sheet: 'table 1', line: 1, cells: ['真'] }]);
  });

  it('gives a nested table its own number and its text to the enclosing cell too', () => {
    const html = '<table><tr><td>外<table><tr><td>内</td></tr></table></td><td>二</td></tr></table>';
    expect(htmlTableRecords(html)).toEqual([
      { sheet: 'table 1', line: 1, cells: ['外内', '二'] },
      { sheet: 'table 2', line: 1, cells: ['内'] },
    ]);
  });
});
