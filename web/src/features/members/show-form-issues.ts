import type { FormInstance } from 'antd';
import type { FormIssue } from './member-form.ts';

/** Shows each issue under its form field (paths come from the contract or the server, so the form is untyped here). */
export function showFormIssues(form: FormInstance, issues: readonly FormIssue[]): void {
  form.setFields(issues.map((i) => ({ name: [...i.name], errors: [i.message] })));
}
