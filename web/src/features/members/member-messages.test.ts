import { ageBands, memberEventKind, memberStatuses, politicalTheory } from '@tcxd/contract';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../i18n/messages.ts';
import { disciplineForms } from './member-event-form.ts';
import { statusFilters } from './member-filters.ts';

describe('member messages', () => {
  it('name every status, event, age band, political theory level and discipline form of the contract', () => {
    const keys = [
      ...memberStatuses.map((s) => `memberStatus.${s}`),
      ...statusFilters.map((s) => `memberStatus.${s}`),
      ...memberEventKind.options.map((k) => `memberEventKind.${k}`),
      ...ageBands.map((b) => `ageBand.${b}`),
      ...politicalTheory.options.map((p) => `politicalTheory.${p}`),
      ...disciplineForms.map((f) => `disciplineForm.${f}`),
    ];
    for (const key of keys) expect(isMessageKey(key), key).toBe(true);
  });
});
