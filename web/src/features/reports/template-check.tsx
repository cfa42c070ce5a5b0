import { templateCheckResult, type TemplateDefinition } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type DraftProblem, draftProblems, type ProblemPlace } from './template-draft.ts';

export interface DefinitionCheck {
  readonly messages: readonly string[];
  /** The server found nothing wrong with the definition as it is now. */
  readonly checked: boolean;
  /** A change is not checked yet. */
  readonly pending: boolean;
}

function useProblemText(): (p: DraftProblem) => string {
  const { t } = useI18n();
  const placeText = (place: ProblemPlace) => {
    switch (place.part) {
      case 'section':
        return t('reports.tpl.at.section', { n: place.n });
      case 'indicator':
        return t('reports.tpl.at.indicator', { n: place.n });
      case 'rule':
        return t('reports.tpl.at.rule', { n: place.n });
      case 'breakdown':
        return t('reports.tpl.at.breakdown', { n: place.n, m: place.m });
    }
  };
  return (p) => {
    switch (p.problem) {
      case 'badCode':
        return t('reports.tpl.badCode', { at: placeText(p.place), code: p.code });
      case 'noName':
        return t('reports.tpl.noName', { at: placeText(p.place) });
      case 'noCheck':
        return t('reports.tpl.noCheck', { at: placeText(p.place) });
      case 'noIndicator':
        return t('reports.tpl.noIndicator');
    }
  };
}

/**
 * The issues of the definition being edited, shortly after each change: first the shape
 * problems found here, then (when there are none) the server's formula parser.
 */
export function useDefinitionCheck(definition: TemplateDefinition | null): DefinitionCheck {
  const errorText = useErrorText();
  const problemText = useProblemText();
  const settled = useDebouncedValue(definition, 400);
  const local = definition ? draftProblems(definition) : [];
  const sendable = settled !== null && draftProblems(settled).length === 0;
  const check = useQuery({
    queryKey: ['reports', 'check', JSON.stringify(settled)],
    queryFn: () => api.post('/api/reports/templates/check', templateCheckResult, settled),
    enabled: sendable,
    retry: false,
  });
  if (local.length > 0) return { messages: local.map(problemText), checked: false, pending: false };
  const messages = check.error ? [errorText(check.error)] : (check.data?.issues ?? []).map((i) => i.message);
  return { messages, checked: check.isSuccess && settled === definition, pending: settled !== definition || check.isFetching };
}

/** The live messages of the check, or that all is valid. */
export function TemplateCheckPanel({ check }: { readonly check: DefinitionCheck }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 16 }} data-testid="template-check">
      {check.messages.length > 0 ? (
        <Alert type="error" showIcon message={t('reports.tpl.problems')} description={<ul>{check.messages.map((m) => <li key={m}>{m}</li>)}</ul>} />
      ) : (
        check.checked && <Alert type="success" showIcon message={t('reports.tpl.ok')} />
      )}
    </div>
  );
}

/** Whether the definition may be saved now. */
export const canSave = (check: DefinitionCheck): boolean => !check.pending && check.checked && check.messages.length === 0;
