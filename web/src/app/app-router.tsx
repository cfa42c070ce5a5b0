import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './page-states.tsx';
import { changePasswordPath, RequirePermission, RequireSession } from './route-guards.tsx';

// Each page is its own chunk, loaded on first visit.
const LoginPage = lazy(() => import('../features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('../features/auth/change-password-page.tsx').then((m) => ({ default: m.ChangePasswordPage })));
const HomePage = lazy(() => import('../features/home/home-page.tsx').then((m) => ({ default: m.HomePage })));
const UnitsPage = lazy(() => import('../features/units/units-page.tsx').then((m) => ({ default: m.UnitsPage })));
const UnitPage = lazy(() => import('../features/units/unit-page.tsx').then((m) => ({ default: m.UnitPage })));
const MembersPage = lazy(() => import('../features/members/members-page.tsx').then((m) => ({ default: m.MembersPage })));
const MemberPage = lazy(() => import('../features/members/member-page.tsx').then((m) => ({ default: m.MemberPage })));
const MemberNewPage = lazy(() => import('../features/members/member-new-page.tsx').then((m) => ({ default: m.MemberNewPage })));
const MemberDuePage = lazy(() => import('../features/members/member-due-page.tsx').then((m) => ({ default: m.MemberDuePage })));
const MemberStatsPage = lazy(() => import('../features/members/member-stats-page.tsx').then((m) => ({ default: m.MemberStatsPage })));
const EmulationPage = lazy(() => import('../features/emulation/emulation-page.tsx').then((m) => ({ default: m.EmulationPage })));
const ReportsPage = lazy(() => import('../features/reports/reports-page.tsx').then((m) => ({ default: m.ReportsPage })));
const ReportTemplatesPage = lazy(() => import('../features/reports/report-templates-page.tsx').then((m) => ({ default: m.ReportTemplatesPage })));
const ReportSubmissionPage = lazy(() => import('../features/reports/report-submission-page.tsx').then((m) => ({ default: m.ReportSubmissionPage })));
const ElectionsPage = lazy(() => import('../features/elections/elections-page.tsx').then((m) => ({ default: m.ElectionsPage })));
const ElectionNewPage = lazy(() => import('../features/elections/election-new-page.tsx').then((m) => ({ default: m.ElectionNewPage })));
const ElectionPage = lazy(() => import('../features/elections/election-page.tsx').then((m) => ({ default: m.ElectionPage })));
const ConfidenceVotesPage = lazy(() => import('../features/confidence/confidence-votes-page.tsx').then((m) => ({ default: m.ConfidenceVotesPage })));
const ConfidenceNewPage = lazy(() => import('../features/confidence/confidence-new-page.tsx').then((m) => ({ default: m.ConfidenceNewPage })));
const ConfidenceVotePage = lazy(() => import('../features/confidence/confidence-vote-page.tsx').then((m) => ({ default: m.ConfidenceVotePage })));
const DocumentsPage = lazy(() => import('../features/documents/documents-page.tsx').then((m) => ({ default: m.DocumentsPage })));
const DocumentPage = lazy(() => import('../features/documents/document-page.tsx').then((m) => ({ default: m.DocumentPage })));
const TasksPage = lazy(() => import('../features/tasks/tasks-page.tsx').then((m) => ({ default: m.TasksPage })));
const TaskPage = lazy(() => import('../features/tasks/task-page.tsx').then((m) => ({ default: m.TaskPage })));
const ConferencesPage = lazy(() => import('../features/conferences/conferences-page.tsx').then((m) => ({ default: m.ConferencesPage })));
const ConferenceNewPage = lazy(() => import('../features/conferences/conference-new-page.tsx').then((m) => ({ default: m.ConferenceNewPage })));
const ConferencePage = lazy(() => import('../features/conferences/conference-page.tsx').then((m) => ({ default: m.ConferencePage })));
const UsersPage = lazy(() => import('../features/users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })));

/** Every page of the app and who may open it. */
export function AppRouter() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="units/:id" element={<UnitPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="members/due" element={<MemberDuePage />} />
          <Route path="members/stats" element={<MemberStatsPage />} />
          <Route element={<RequirePermission permission="records.write" />}>
            <Route path="members/new" element={<MemberNewPage />} />
          </Route>
          <Route path="members/:id" element={<MemberPage />} />
          <Route path="emulation" element={<EmulationPage />} />
          <Route path="elections" element={<ElectionsPage />} />
          <Route element={<RequirePermission permission="records.write" />}>
            <Route path="elections/new" element={<ElectionNewPage />} />
            <Route path="elections/:id/edit" element={<ElectionNewPage />} />
            <Route path="elections/confidence/new" element={<ConfidenceNewPage />} />
          </Route>
          <Route path="elections/:id" element={<ElectionPage />} />
          <Route path="elections/confidence" element={<ConfidenceVotesPage />} />
          <Route path="elections/confidence/:id" element={<ConfidenceVotePage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="conferences" element={<ConferencesPage />} />
          <Route element={<RequirePermission permission="records.write" />}>
            <Route path="conferences/new" element={<ConferenceNewPage />} />
          </Route>
          <Route path="conferences/:id" element={<ConferencePage />} />
          <Route path="reports/submissions/:id" element={<ReportSubmissionPage />} />
          <Route path="reports/templates" element={<ReportTemplatesPage />} />
          <Route path="documents" element={<DocumentsPage />} />
          <Route path="documents/:id" element={<DocumentPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path={changePasswordPath.slice(1)} element={<ChangePasswordPage />} />
          <Route element={<RequirePermission permission="users.manage" />}>
            <Route path="admin/users" element={<UsersPage />} />
          </Route>
          <Route element={<RequirePermission permission="audit.read" />}>
            <Route path="admin/audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
