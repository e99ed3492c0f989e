// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { AppError } from '@shared/api';
import { describeError } from '../../../renderer/src/i18n/errors';
import { initI18n, setLanguage } from '../../../renderer/src/i18n';

describe('a refused action says which job holds the case', () => {
  beforeAll(() => {
    initI18n();
  });

  it('names the detector run, the import or the export, in the screen language', async () => {
    await setLanguage('zh-CN');
    const t = i18next.t.bind(i18next);
    const busy = (kind: string) => new AppError('CASE_BUSY', 'A detector run is going on in this case; wait for it to finish or cancel it.', { details: { jobId: 'j', kind } });
    expect(describeError(busy('detect'), t)).toEqual({ title: '案件正在运行检测规则，请等待完成或取消后再操作', detail: null, code: 'CASE_BUSY' });
    expect(describeError(busy('export'), t).title).toBe('案件正在导出数据，请等待完成或取消后再操作');
    // an older backend that does not say which job: the general words, with its own message
    expect(describeError(new AppError('CASE_BUSY', 'busy'), t)).toMatchObject({ title: '案件正在运行导入或检测任务，请等待完成或取消后再操作', detail: 'busy' });
    await setLanguage('en');
    expect(describeError(busy('import'), t).title).toBe('An import is running in this case; wait for it or cancel it first');
    await setLanguage('zh-CN');
  });
});
