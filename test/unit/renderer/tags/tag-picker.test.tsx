// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '@shared/api';
import type { ItemRef } from '@shared/domain';
import { ClientProvider } from '../../../../renderer/src/app/client-context';
import { TagPicker, type TagApplied } from '../../../../renderer/src/features/tags/TagPicker';
import { setupRendererTests } from '../support/dom';
import { fakeBackend } from '../support/fake-backend';
import { reviewHandlers, reviewState } from '../support/fake-review';
import { callsTo } from './render-review';

setupRendererTests();

function renderPicker(items: ItemRef[], props: { exclude?: number[]; onApplied?: (result: TagApplied) => void; disabled?: boolean } = {}) {
  const state = reviewState();
  const backend = fakeBackend(reviewHandlers(state));
  render(
    <ClientProvider client={createClient(backend.transport)}>
      <TagPicker items={items} {...props} />
    </ClientProvider>,
  );
  return { backend, state };
}

const SELECTION: ItemRef[] = [
  { type: 'txn', id: 21 },
  { type: 'message', id: 7 },
  { type: 'account', id: 3 },
];

describe('TagPicker', () => {
  it('offers presets (Chinese with the English label) and free tags, filters as you type, and tags the selection in one call', async () => {
    const onApplied = vi.fn<(result: TagApplied) => void>();
    const { backend, state } = renderPicker(SELECTION, { onApplied });
    const box = screen.getByRole('combobox', { name: '为 3 项打标签' });
    fireEvent.focus(box);
    const options = await screen.findByRole('listbox', { name: '可选标签' });
    await waitFor(() => expect(within(options).getAllByRole('option')).toHaveLength(4));
    expect(within(options).getAllByRole('option')[0]?.textContent).toContain('代理退保 Surrender-refund agent');
    // English labels find presets too
    fireEvent.change(box, { target: { value: 'fraud' } });
    expect(within(options).getAllByRole('option').map((o) => o.textContent)).toEqual(['保险诈骗 Insurance fraud0', '+ 新建标签“fraud”']);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(callsTo(backend, 'tags.apply')).toEqual([{ tagId: 6, items: SELECTION }]));
    expect((await screen.findByRole('status')).textContent).toBe('已为 3 项加上“保险诈骗”');
    const [reported] = onApplied.mock.calls[0] as [TagApplied];
    expect([reported.tag.id, reported.tag.name, reported.applied, reported.already]).toEqual([6, '保险诈骗', 3, 0]);
    expect(state.links.filter((l) => l.tagId === 6)).toHaveLength(3);
  });

  it('creates a free tag from what was typed, then tags; says how many already had it', async () => {
    const { backend, state } = renderPicker(SELECTION);
    state.links.push({ tagId: 100, type: 'txn', id: 21, at: '', by: '' });
    const box = screen.getByRole('combobox');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: ' 资金回流 ' } });
    const create = await screen.findByRole('option', { name: '+ 新建标签“资金回流”' });
    fireEvent.click(create);
    await waitFor(() => expect(callsTo(backend, 'tags.create')).toEqual([{ name: '资金回流' }]));
    await waitFor(() => expect(callsTo(backend, 'tags.apply')).toEqual([{ tagId: 101, items: SELECTION }]));

    // an existing tag: arrows choose, the count of those that already had it is said
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '重点' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已为 3 项加上“重点嫌疑” · 1 项原已有此标签'));
  });

  it('leaves out excluded tags, closes its list on Esc, and names a refusal in the investigator’s words', async () => {
    const { backend } = renderPicker([{ type: 'txn', id: 999 }], { exclude: [1, 2] });
    const box = screen.getByRole('combobox', { name: '打标签' });
    fireEvent.focus(box);
    const options = await screen.findByRole('listbox');
    await waitFor(() => expect(within(options).getAllByRole('option').map((o) => o.textContent)).toEqual(['保险诈骗 Insurance fraud0', '重点嫌疑0']));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('部分项目不在本案件中');
    expect(callsTo(backend, 'tags.apply')).toHaveLength(1);
  });

  it('is disabled with nothing selected', () => {
    renderPicker([]);
    expect(screen.getByRole('combobox').hasAttribute('disabled')).toBe(true);
  });
});
